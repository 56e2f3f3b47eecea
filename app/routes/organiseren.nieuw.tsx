import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/routes-support/guards.server";
import { createContest, organisationsManagedBy } from "~/modules/contests/console.server";
import { newContestSchema } from "~/modules/contests/settings";
import { FormErrors, SelectField, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["console"] } satisfies I18nHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  return { organisations: await organisationsManagedBy(actor!) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  const submission = parseWithZod(await readForm(request), { schema: newContestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { organisationId, title, budgetEuros } = submission.value;
  if (!can(actor, "organisation:create-contest", { kind: "organisation", organisationId })) {
    throw new Response("Forbidden", { status: 403 });
  }
  const { slug } = await createContest({ actor: actor!, organisationId, title, budgetEuros, now: now() });
  return redirectWith(`/organiseren/${slug}/instellingen`, { flash: { key: "console.created" } });
}

export default function NewContestPage() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { organisationId: organisations[0] ? String(organisations[0].id) : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newContestSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="page narrow">
      <PageTitle title={t("console.newTitle")} />
      <h1>{t("console.newTitle")}</h1>
      <p className="lead">{t("console.newLead")}</p>
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <SelectField
          field={fields.organisationId}
          label={t("console.organisation")}
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <TextField field={fields.title} label={t("console.contestTitle")} hint={t("console.contestTitleHint")} />
        <TextField field={fields.budgetEuros} label={t("console.budget")} hint={t("console.budgetHint")} inputMode="numeric" />
        <button type="submit" className="button primary">
          {t("console.create")}
        </button>
      </Form>
    </section>
  );
}
