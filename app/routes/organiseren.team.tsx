import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { parseWithZod } from "~/lib/parse-form";
import { addOrganiser, listOrganisers, manageableOrganisations, removeOrganiser } from "~/modules/auth/organisers.server";
import { addOrganiserSchema, removeOrganiserSchema } from "~/modules/auth/schemas";
import { requirePermission } from "~/routes-support/guards.server";
import { FormErrors, TextField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import consoleStyles from "~/ui/console.css?url";

export const links = () => [{ rel: "stylesheet", href: consoleStyles }];

// /organiseren/team: the organisers of each organisation this person organises (every organisation
// for a beheerder), who can add a colleague with an account and take one off.

const teamPath = "/organiseren/team";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  const organisations = await manageableOrganisations(actor!);
  const organisers = await listOrganisers(organisations.map((o) => o.id));
  return {
    me: actor!.userId,
    organisations: organisations.map((o) => ({
      ...o,
      organisers: organisers.filter((m) => m.organisationId === o.id),
    })),
  };
}

type ActionData = { formKey: string; result: SubmissionResult<string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  const form = await readForm(request);
  const mayManage = async (organisationId: number) => {
    if (!(await manageableOrganisations(actor!)).some((o) => o.id === organisationId)) throw new Response("Forbidden", { status: 403 });
  };
  const at = now();

  if (form.get("intent") === "remove") {
    const submission = parseWithZod(form, { schema: removeOrganiserSchema });
    if (submission.status !== "success") return data<ActionData>({ formKey: "team", result: submission.reply() }, { status: 400 });
    const { organisationId, userId } = submission.value;
    await mayManage(organisationId);
    const result = await removeOrganiser({ organisationId, userId, actor: actor!, now: at });
    if (!result.ok) {
      const message = result.reason === "last" ? "organise.team.last" : "organise.team.notAMember";
      return data<ActionData>({ formKey: `team-${organisationId}`, result: submission.reply({ formErrors: [message] }) }, { status: 409 });
    }
    // Someone who took themselves off may organise nothing any more: the home page always opens.
    return redirectWith(userId === actor!.userId ? "/" : teamPath, { flash: { key: "organise.team.removed", params: { name: result.name } } });
  }

  const formKey = `add-${String(form.get("organisationId") ?? "")}`;
  const submission = parseWithZod(form, { schema: addOrganiserSchema });
  if (submission.status !== "success") return data<ActionData>({ formKey, result: submission.reply() }, { status: 400 });
  await mayManage(submission.value.organisationId);
  const result = await addOrganiser({
    ...submission.value,
    actor: actor!,
    origin: publicOrigin(request, getEnv().appUrl),
    now: at,
  });
  if (!result.ok) {
    const message = result.reason === "no-account" ? "organise.team.noAccount" : "organise.team.already";
    return data<ActionData>(
      {
        formKey,
        result: submission.reply({ fieldErrors: { email: [message] } }),
      },
      { status: 409 },
    );
  }
  return redirectWith(teamPath, {
    flash: { key: "organise.team.added", params: { name: result.name } },
  });
}

export default function TeamPage() {
  const t = useT();
  const { me, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const resultFor = (formKey: string) => (actionData?.formKey === formKey ? actionData.result : undefined);
  return (
    <section className="page narrow">
      <PageTitle title={t("organise.team.title")} />
      <h1>{t("organise.team.title")}</h1>
      <p className="lead">{t("organise.team.lead")}</p>
      {organisations.length === 0 ? <p>{t("organise.team.none")}</p> : null}
      {organisations.map((o) => (
        <section key={o.id} className="card stack" aria-labelledby={`team-${o.id}`}>
          <h2 id={`team-${o.id}`}>{o.name}</h2>
          <p>
            <Link to={`/organiseren/uiterlijk/${o.slug}`}>{t("look.teamLink", { organisation: o.name })}</Link>
          </p>
          <FormErrors errors={resultFor(`team-${o.id}`)?.error?.[""] ?? undefined} id={`team-${o.id}-errors`} />
          <ul className="plain-list team-list">
            {o.organisers.map((m) => (
              <li key={m.userId}>
                <span>
                  <strong>{m.name}</strong> <span className="muted">({m.email})</span>
                  {m.userId === me ? ` · ${t("organise.team.you")}` : null}
                </span>
                {o.organisers.length > 1 ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="organisationId" value={o.id} />
                    <input type="hidden" name="userId" value={m.userId} />
                    <button
                      type="submit"
                      className="button small-button"
                      aria-label={t("organise.team.removeLabel", {
                        name: m.name,
                        organisation: o.name,
                      })}
                    >
                      {t("organise.team.remove")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          <AddOrganiserForm organisation={o} lastResult={resultFor(`add-${o.id}`)} />
        </section>
      ))}
    </section>
  );
}

function AddOrganiserForm({ organisation, lastResult }: { organisation: { id: number; name: string }; lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const formKey = `add-${organisation.id}`;
  const [form, fields] = useForm({
    id: useFormIdThatResetsAfterPost(formKey, {
      organisationId: String(organisation.id),
    }),
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addOrganiserSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack team-add">
      <h3>{t("organise.team.addTitle", { organisation: organisation.name })}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="organisationId" value={organisation.id} />
      <TextField field={fields.email} type="email" label={t("organise.team.addEmail")} hint={t("organise.team.addHint")} autoComplete="off" inputMode="email" />
      <div>
        <button type="submit" className="button primary">
          {t("organise.team.addButton")}
        </button>
      </div>
    </Form>
  );
}
