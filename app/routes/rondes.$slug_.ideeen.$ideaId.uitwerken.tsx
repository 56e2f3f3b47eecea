import { vatTerms } from "~/lib/format";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { enforce, loadIdeaContext } from "~/routes-support/idea-access.server";
import { getIdeaDetails, saveWorkOut } from "~/modules/ideas/ideas.server";
import { ideaPath, posterPath } from "~/modules/ideas/paths";
import { workOutDecision } from "~/modules/ideas/rules";
import { WORK_OUT_COST_LINE_ROWS, workOutSchema } from "~/modules/ideas/schemas";
import { FormErrors, TextAreaField, TextField, validateOnSubmit } from "~/ui/form";
import { CostLineRows } from "~/ui/idea-form";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "geo"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: ideasStyles }];

// Phase uitwerken: the makers of a shortlisted idea write the plan, the planning, who helps and the
// cost line by line. Organisers may do it too (logged).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadIdeaContext(request, params);
  await enforce(request, ctx, workOutDecision(ctx.relation, ctx.idea.status, ctx.phase));
  const { idea } = ctx;
  const lines = (await getIdeaDetails(idea)).costLines.map((l) => ({ description: l.description, amount: String(l.amountEuros) }));
  return {
    slug: ctx.details.contest.slug,
    roundLook: roundLookOf(ctx.details),
    ideaId: idea.id,
    title: idea.title,
    until: ctx.phase.schedule?.uitwerken.end ?? null,
    vat: vatTerms(ctx.details.contest),
    defaults: {
      plan: idea.plan ?? "",
      planning: idea.planning ?? "",
      helpers: idea.helpers ?? "",
      costEuros: idea.costEuros === null ? "" : String(idea.costEuros),
      costLines: [...lines, ...Array.from({ length: Math.max(0, WORK_OUT_COST_LINE_ROWS - lines.length) }, () => ({ description: "", amount: "" }))],
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadIdeaContext(request, params);
  const { logged } = await enforce(request, ctx, workOutDecision(ctx.relation, ctx.idea.status, ctx.phase));
  const submission = parseWithZod(await readForm(request, POST_LIMITS.text), { schema: workOutSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveWorkOut({ idea: ctx.idea, values: submission.value, actorUserId: ctx.auth.user?.id ?? null, logged, now: ctx.at });
  return redirectWith(ideaPath(ctx.details.contest.slug, ctx.idea.id), { flash: { key: "ideas.workOutSaved" } });
}

export default function WorkOutPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, ideaId, title, until, vat, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: workOutSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="page idea-page">
      <PageTitle title={`${t("ideas.workOutTitle")}: ${title}`} />
      <p className="breadcrumb">
        <Link to={ideaPath(slug, ideaId)}>{title}</Link>
      </p>
      <h1>{t("ideas.workOutTitle")}</h1>
      {until !== null ? <p className="lead">{t("ideas.workOutLead", { date: formatDateTime(until, locale) })}</p> : null}
      <Form method="post" {...getFormProps(form)} className="idea-form stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset className="idea-section">
          <legend>{t("ideas.workedOut")}</legend>
          <div className="stack">
            <TextAreaField field={fields.plan} label={t("ideas.planField")} hint={t("ideas.planHint")} rows={8} />
            <TextAreaField field={fields.planning} label={t("ideas.planningField")} hint={t("ideas.planningHint")} rows={4} />
            <TextAreaField field={fields.helpers} label={t("ideas.helpersField")} hint={t("ideas.helpersHint")} rows={3} />
          </div>
        </fieldset>
        <fieldset className="idea-section">
          <legend>{t("ideas.sectionCost")}</legend>
          <div className="stack">
            <TextField
              field={fields.costEuros}
              label={t("ideas.costField")}
              // The round says whether amounts include VAT (issue 21.6), as the idea form does.
              hint={`${t("ideas.costHint")} ${t(vat === "incl" ? "ideas.costVatIncluded" : "ideas.costVatExcluded")}`}
              inputMode="numeric"
            />
            <CostLineRows rows={fields.costLines.getFieldList()} open />
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
            {t("ideas.workOutSave")}
          </button>
          <Link to={posterPath(slug, ideaId)} className="button">
            {t("ideas.poster")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
