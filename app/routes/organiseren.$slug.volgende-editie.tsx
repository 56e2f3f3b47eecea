import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { translator } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { can } from "~/modules/auth/permissions";
import { nextEditionSchema, nextEditionTitle } from "~/modules/contests/settings";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { startNextEdition } from "~/workflows/next-edition.server";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["spread"] } satisfies I18nHandle;

// Issue 21.7: the next edition of a round, as a copy of its settings, areas, criteria and prizes.
// Starting one is starting a round: the organiser must be allowed to do that for the organisation too,
// not only to manage this round (an organiser of one round cannot open rounds for the organisation).

async function requireEditionStarter(request: Request, slug: string | undefined) {
  const { details, actor } = await requireContestManager(request, slug);
  if (!can(actor, "organisation:create-contest", { kind: "organisation", organisationId: details.contest.organisationId })) {
    throw new Response("Forbidden", { status: 403 });
  }
  return { details, actor };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireEditionStarter(request, params.slug);
  // The suggested title is in the round's language (Dutch), like the round's own title.
  return { title: details.contest.title, suggested: nextEditionTitle(details.contest.title, translator("nl")("spread.nextEditionSuffix")) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireEditionStarter(request, params.slug);
  const submission = parseWithZod(await readForm(request, POST_LIMITS.text), { schema: nextEditionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const copy = await startNextEdition({ actor, details, title: submission.value.title, now: now() });
  return redirectWith(`/organiseren/${copy.slug}/instellingen`, { flash: { key: "spread.nextEditionStarted" } });
}

export default function NextEditionPage() {
  const t = useT();
  const { title, suggested } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { title: suggested },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: nextEditionSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="narrow">
      <PageTitle title={`${title} · ${t("spread.nextEditionTitle")}`} />
      <h2>{t("spread.nextEditionTitle")}</h2>
      <p>{t("spread.nextEditionLead")}</p>
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.title} label={t("spread.nextEditionName")} />
        <button type="submit" className="button primary">
          {t("spread.nextEditionButton")}
        </button>
      </Form>
    </section>
  );
}
