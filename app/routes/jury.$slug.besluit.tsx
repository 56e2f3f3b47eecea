import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { formatDateTime } from "~/lib/format";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { checkPhase } from "~/modules/contests/phases";
import { loadJuryContext, type JuryContext } from "~/routes-support/jury-access.server";
import { closeDecision, decideShortlist, decisionClosedAt, listDecisions, reopenDecision, unreachableIdeas } from "~/modules/jury/decision.server";
import { juryDecisionPath, juryIdeaPath } from "~/modules/jury/paths";
import { decisionFormSchema, reopenFormSchema } from "~/modules/jury/schemas";
import { juryOverview, loadScoring, SCORING_PHASES } from "~/modules/jury/scores.server";
import { conflictSet, isConflicted } from "~/modules/jury/scoring";
import { mayDecideIdea, mayOpenOverview, type ShortlistProblem } from "~/modules/jury/shortlist";
import { FormErrors, TextAreaField, validateOnSubmit } from "~/ui/form";
import { formatScore } from "~/ui/jury";
import { PageTitle } from "~/ui/page-title";
import { asHttp } from "~/routes-support/refusals.server";
import { backingProgress } from "~/modules/draagvlak/backing";
import { backingCounts, getDraagvlakSettings } from "~/modules/draagvlak/draagvlak.server";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["jury", "draagvlak"] } satisfies I18nHandle;

/** The rows of the decision: every idea with its score, its stored decision, and whether this person may decide on it. */
async function decisionRows(ctx: JuryContext) {
  const contestId = ctx.details.contest.id;
  const overview = await juryOverview(contestId);
  const decisions = new Map((await listDecisions(contestId)).map((d) => [d.ideaId, d]));
  const conflicts = conflictSet((await loadScoring(contestId)).conflicts);
  const decider = { isOrganiser: ctx.isOrganiser, isChair: ctx.juror?.isChair ?? false };
  const chair = ctx.juror ? overview.jurors.find((j) => j.userId === ctx.juror!.userId) : undefined;
  // The jury sees each idea's backing from the area (issue 21.1); below the round's minimum it cannot go on.
  const backing = await backingCounts(overview.rows.map((r) => r.ideaId));
  const minimum = (await getDraagvlakSettings(contestId)).minBackers;
  const rows = overview.rows.map((row) => {
    const decision = decisions.get(row.ideaId);
    const progress = backingProgress({ ...(backing.get(row.ideaId) ?? { online: 0, paper: 0 }), minimum });
    return {
      ideaId: row.ideaId,
      title: row.title,
      rank: row.rank,
      tied: row.tied,
      average: row.average,
      count: row.count,
      outcome: decision?.outcome ?? null,
      motivation: decision?.motivation ?? "",
      backing: { total: progress.total, minimum: progress.minimum, reached: progress.reached },
      editable: mayDecideIdea(decider, { conflicted: ctx.juror ? isConflicted(conflicts, row.ideaId, ctx.juror.userId) : false }),
    };
  });
  return { rows, visible: mayOpenOverview(decider, chair?.progress ?? null) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadJuryContext(request, params.slug);
  if (!ctx.mayDecide) throw new Response("Forbidden", { status: 403 });
  const contestId = ctx.details.contest.id;
  const { rows, visible } = await decisionRows(ctx);
  const closedAt = await decisionClosedAt(contestId);
  return {
    slug: ctx.details.contest.slug,
    title: ctx.details.contest.title,
    visible,
    rows: visible ? rows : [],
    maxShortlist: ctx.details.contest.maxShortlist,
    closedAt,
    open: checkPhase(ctx.phase, SCORING_PHASES).ok,
    isOrganiser: ctx.isOrganiser,
    unreachable: visible ? await unreachableIdeas(contestId) : [],
  };
}

type ActionData = { intent: "decision" | "reopen"; result: SubmissionResult<string[]> };

function problemMessage(problem: ShortlistProblem): MessageKey {
  switch (problem.kind) {
    case "too-many":
      return "jury.tooManyShortlisted";
    case "no-motivation":
      return "jury.motivationRequired";
    case "undecided":
      return "jury.undecided";
    case "unknown-idea":
      return "jury.unknownIdea";
    case "too-little-backing":
      return "draagvlak.juryTooLittleBacking";
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadJuryContext(request, params.slug);
  if (!ctx.mayDecide) throw new Response("Forbidden", { status: 403 });
  const slug = ctx.details.contest.slug;
  const form = await readForm(request, POST_LIMITS.rows);
  const decider = { userId: ctx.auth.user.id, isOrganiser: ctx.isOrganiser, isChair: ctx.juror?.isChair ?? false };

  if (form.get("intent") === "reopen") {
    const submission = parseWithZod(form, { schema: reopenFormSchema });
    if (submission.status !== "success") return data<ActionData>({ intent: "reopen", result: submission.reply() }, { status: 400 });
    const result = await reopenDecision({
      details: ctx.details,
      actor: { userId: decider.userId, isOrganiser: ctx.isOrganiser },
      reason: submission.value.reason,
      now: ctx.at,
    });
    if (!result.ok) {
      if (result.reason === "not-allowed") throw new Response("Forbidden", { status: 403 });
      return data<ActionData>({ intent: "reopen", result: submission.reply({ formErrors: ["jury.decisionNotClosed"] }) }, { status: 409 });
    }
    return redirectWith(juryDecisionPath(slug), { flash: { key: "jury.reopened" } });
  }

  const { rows, visible } = await decisionRows(ctx);
  if (!visible) throw new Response("Forbidden", { status: 403 });
  const editable = rows.filter((r) => r.editable);
  // Decisions this person cannot change (an organiser's, on an idea the chair has a conflict with) still count towards the maximum.
  const lockedShortlisted = rows.filter((r) => !r.editable && r.outcome === "shortlisted").length;
  const max = ctx.details.contest.maxShortlist;
  const submission = parseWithZod(form, {
    schema: decisionFormSchema({ ideaIds: editable.map((r) => r.ideaId), maxShortlist: max === null ? null : Math.max(0, max - lockedShortlisted) }),
  });
  if (submission.status !== "success") return data<ActionData>({ intent: "decision", result: submission.reply() }, { status: 400 });
  const saved = await asHttp(async () =>
    decideShortlist({ details: ctx.details, decider, decisions: submission.value.decisions, cleared: submission.value.undecided, now: ctx.at }),
  );
  if (!saved.ok) {
    const formErrors =
      saved.reason === "problems" ? saved.problems.map(problemMessage) : [saved.reason === "closed" ? "jury.decisionIsClosed" : "jury.notYourIdea"];
    return data<ActionData>({ intent: "decision", result: submission.reply({ formErrors }) }, { status: 409 });
  }
  if (submission.value.intent !== "close") return redirectWith(juryDecisionPath(slug), { flash: { key: "jury.decisionSaved" } });
  const closed = await asHttp(() => closeDecision({ details: ctx.details, decider, origin: publicOrigin(request, getEnv().appUrl), now: ctx.at }));
  if (!closed.ok) {
    const formErrors =
      closed.reason === "problems"
        ? ["jury.decisionProblems", ...closed.problems.map(problemMessage)]
        : [closed.reason === "closed" ? "jury.decisionIsClosed" : "jury.notYourIdea"];
    return data<ActionData>({ intent: "decision", result: submission.reply({ formErrors }) }, { status: 409 });
  }
  return redirectWith(juryDecisionPath(slug), { flash: { key: "jury.decisionClosed" } });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function DecisionForm({
  slug,
  rows,
  maxShortlist,
  lastResult,
}: {
  slug: string;
  rows: Row[];
  maxShortlist: number | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const editable = rows.filter((r) => r.editable);
  const [form, fields] = useForm({
    id: "decision",
    lastResult,
    defaultValue: { decisions: editable.map((r) => ({ ideaId: String(r.ideaId), outcome: r.outcome ?? "", motivation: r.motivation })) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionFormSchema({ ideaIds: editable.map((r) => r.ideaId), maxShortlist: null }) }),
    ...validateOnSubmit,
  });
  const list = fields.decisions.getFieldList();
  const count = rows.filter((r) => r.outcome === "shortlisted").length;
  const backingText = (row: Row) =>
    row.backing.minimum > 0
      ? t("draagvlak.juryBacking", { total: row.backing.total, minimum: row.backing.minimum })
      : t("draagvlak.juryBackingNoMinimum", { total: row.backing.total });
  const meta = (row: Row) =>
    (row.rank !== null && row.average !== null
      ? `${t("jury.colRank")} ${row.rank}${row.tied ? ` (${t("jury.tied")})` : ""} · ${t("jury.colAverage")} ${formatScore(row.average, locale)} · ${t("jury.colCount")} ${row.count}`
      : t("jury.noScore")) + ` · ${backingText(row)}`;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      {fields.decisions.errors ? (
        <p className="form-error" role="alert" id={fields.decisions.errorId}>
          {t("jury.tooManyShortlisted")} {maxShortlist !== null ? t("jury.decisionMax", { max: maxShortlist }) : null}
        </p>
      ) : null}
      {rows.map((row) => {
        if (!row.editable) {
          return (
            <section className="decision-row" key={row.ideaId} aria-labelledby={`besluit-${row.ideaId}`}>
              <h3 id={`besluit-${row.ideaId}`}>{row.title}</h3>
              <p className="decision-meta">{meta(row)}</p>
              <p className="notice">{t("jury.decisionConflictRow")}</p>
              {row.outcome ? (
                <p className={row.outcome === "shortlisted" ? "outcome-yes" : "outcome-no"}>
                  {row.outcome === "shortlisted" ? t("jury.outcomeShortlistedShort") : t("jury.outcomeNotShortlistedShort")}
                </p>
              ) : null}
            </section>
          );
        }
        const i = editable.indexOf(row);
        const rowFields = list[i]!.getFieldset();
        const outcomeError = rowFields.outcome.errors?.length ? rowFields.outcome.errorId : undefined;
        const current = (rowFields.outcome.initialValue as string | undefined) ?? "";
        return (
          <fieldset className="decision-row" key={row.ideaId} aria-describedby={outcomeError}>
            <legend>{t("jury.outcomeLegend", { title: row.title })}</legend>
            <p className="decision-meta">
              {meta(row)} · <Link to={juryIdeaPath(slug, row.ideaId)}>{t("jury.readIdea")}</Link>
            </p>
            <input type="hidden" name={rowFields.ideaId.name} value={row.ideaId} />
            <div className="decision-choices">
              {(
                [
                  ["shortlisted", "jury.outcomeShortlisted"],
                  ["not-shortlisted", "jury.outcomeNotShortlisted"],
                  ["", "jury.outcomeUndecided"],
                ] as const
              ).map(([value, label]) => (
                <div className="choice" key={value || "none"}>
                  <input
                    type="radio"
                    id={`${rowFields.outcome.id}-${value || "none"}`}
                    name={rowFields.outcome.name}
                    value={value}
                    defaultChecked={current === value}
                    aria-invalid={outcomeError ? true : undefined}
                  />
                  <label htmlFor={`${rowFields.outcome.id}-${value || "none"}`}>{t(label)}</label>
                </div>
              ))}
            </div>
            {outcomeError ? (
              <p className="field-error" id={outcomeError}>
                {t("jury.outcomeRequired")}
              </p>
            ) : null}
            <TextAreaField field={rowFields.motivation} label={t("jury.motivation")} hint={t("jury.motivationHint")} rows={3} />
          </fieldset>
        );
      })}
      <div className="decision-summary">
        <p>
          <strong>{t("jury.decisionCount", { count })}</strong> {maxShortlist !== null ? t("jury.decisionMax", { max: maxShortlist }) : t("jury.decisionNoMax")}
        </p>
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button">
            {t("jury.decisionSave")}
          </button>
          <button type="submit" name="intent" value="close" className="button primary">
            {t("jury.decisionClose")}
          </button>
        </div>
        <p className="muted small">{t("jury.decisionCloseHint")}</p>
      </div>
    </Form>
  );
}

function ReopenForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "reopen",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reopenFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <h3>{t("jury.reopenTitle")}</h3>
      <p>{t("jury.reopenLead")}</p>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="reopen" />
      <TextAreaField field={fields.reason} label={t("jury.reopenReason")} rows={2} />
      <div>
        <button type="submit" className="button">
          {t("jury.reopenButton")}
        </button>
      </div>
    </Form>
  );
}

export default function JuryDecisionPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, title, visible, rows, maxShortlist, closedAt, open, isOrganiser, unreachable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return (
    <>
      <PageTitle title={`${t("jury.decisionTitle")} · ${title}`} />
      <h2>{closedAt !== null ? t("jury.decisionClosedTitle") : t("jury.decisionTitle")}</h2>
      {!visible ? (
        <p className="notice warning">{t("jury.overviewHidden")}</p>
      ) : closedAt !== null ? (
        <>
          <p className="notice">{t("jury.decisionClosedOn", { date: formatDateTime(closedAt, locale) })}</p>
          <ol className="plain-list jury-decided">
            {rows.map((row) => (
              <li key={row.ideaId} className="card">
                <h3>{row.title}</h3>
                <p className={row.outcome === "shortlisted" ? "outcome-yes" : "outcome-no"}>
                  {row.outcome === "shortlisted" ? t("jury.outcomeShortlistedShort") : t("jury.outcomeNotShortlistedShort")}
                </p>
                <p className="jury-motivation">{row.motivation}</p>
              </li>
            ))}
          </ol>
          {unreachable.length > 0 ? (
            <section className="card" aria-labelledby="geen-mail">
              <h3 id="geen-mail">{t("jury.decisionNoEmailTitle")}</h3>
              <p>{t("jury.decisionNoEmailLead")}</p>
              <ul>
                {unreachable.map((u) => (
                  <li key={u.ideaId}>
                    <strong>{u.title}</strong>: {t("jury.decisionNoEmail", { contact: u.contact ?? "—" })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {isOrganiser && open ? <ReopenForm lastResult={actionData?.intent === "reopen" ? actionData.result : undefined} /> : null}
        </>
      ) : !open ? (
        <p className="notice warning">{t("jury.phaseOver")}</p>
      ) : (
        <>
          <p className="lead">{t("jury.decisionLead")}</p>
          <DecisionForm slug={slug} rows={rows} maxShortlist={maxShortlist} lastResult={actionData?.intent === "decision" ? actionData.result : undefined} />
        </>
      )}
    </>
  );
}
