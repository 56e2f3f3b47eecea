import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { parseWithZod } from "~/lib/parse-form";
import { createOrganisation, platformOverview } from "~/modules/auth/platform.server";
import { newOrganisationSchema } from "~/modules/auth/schemas";
import { requirePermission } from "~/routes-support/guards.server";
import { FormErrors, SelectField, TextField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "platform:administer");
  return platformOverview();
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "platform:administer");
  const submission = parseWithZod(await readForm(request), {
    schema: newOrganisationSchema,
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const created = await createOrganisation({
    ...submission.value,
    actor: actor!,
    now: now(),
  });
  if (!created.ok)
    return data(
      submission.reply({
        fieldErrors: { municipalityId: ["validation.required"] },
      }),
      { status: 409 },
    );
  return redirectWith("/beheer", { flash: { key: "admin.organisationAdded" } });
}

export default function AdminPage() {
  const t = useT();
  const { municipalities, organisations, userCount } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    id: useFormIdThatResetsAfterPost("new-organisation"),
    lastResult: useActionData<typeof action>(),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newOrganisationSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="page">
      <PageTitle title={t("admin.title")} />
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.lead")}</p>
      <p className="hero-actions">
        <Link className="button" to="/organiseren/team">
          {t("admin.teamLink")}
        </Link>
      </p>
      <div className="card-grid">
        <div className="card">
          <h2>{t("admin.municipalities")}</h2>
          <ul className="plain-list">
            {municipalities.map((m) => (
              <li key={m.id}>{m.name}</li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2>{t("admin.organisations")}</h2>
          <ul className="plain-list">
            {organisations.map((o) => (
              <li key={o.id}>
                {o.name} <span className="muted">({o.municipality})</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2>{t("admin.users")}</h2>
          <p className="big-number">{userCount}</p>
        </div>
      </div>
      <section className="card admin-new-organisation" aria-labelledby="nieuwe-organisatie">
        <h2 id="nieuwe-organisatie">{t("admin.newOrganisation")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField field={fields.name} label={t("admin.organisationName")} />
          <SelectField
            field={fields.municipalityId}
            label={t("admin.organisationMunicipality")}
            options={municipalities.map((m) => ({
              value: String(m.id),
              label: m.name,
            }))}
          />
          <div>
            <button type="submit" className="button primary">
              {t("admin.organisationAdd")}
            </button>
          </div>
        </Form>
      </section>
    </section>
  );
}
