import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { formatAmount, formatDateTime, vatTerms } from "~/lib/format";
import { notFound, POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { checkPhase } from "~/modules/contests/phases";
import { getIdea } from "~/modules/ideas/ideas.server";
import { ideaPath } from "~/modules/ideas/paths";
import { loadJuryContext, type JuryContext } from "~/routes-support/jury-access.server";
import { weightShares } from "~/modules/jury/criteria";
import { FEEDBACK_PHASES, leaveFeedback, listFeedback } from "~/modules/jury/feedback.server";
import { juryIdeaPath, juryPath } from "~/modules/jury/paths";
import { conflictFormSchema, feedbackFormSchema, scoreFormSchema } from "~/modules/jury/schemas";
import { declareConflict, isDecisionClosed, jurorOverview, ownSheet, saveScores, SCORING_PHASES } from "~/modules/jury/scores.server";
import { CheckboxField, FormErrors, TextAreaField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { formatScore, ScoreScale } from "~/ui/jury";
import { PageTitle } from "~/ui/page-title";
import { asHttp } from "~/routes-support/refusals.server";
import { backingProgress } from "~/modules/draagvlak/backing";
import { backingCounts, getDraagvlakSettings } from "~/modules/draagvlak/draagvlak.server";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["jury", "draagvlak"] } satisfies I18nHandle;

async function loadIdea(ctx: JuryContext, ideaIdParam: string | undefined) {
  const ideaId = Number(ideaIdParam);
  if (!Number.isSafeInteger(ideaId) || ideaId <= 0) notFound();
  const overview = await jurorOverview(ctx.details.contest.id, ctx.juror?.userId ?? "");
  const index = overview.ideas.findIndex((i) => i.id === ideaId);
  if (index < 0) notFound();
  return { overview, index, listed: overview.ideas[index]! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadJuryContext(request, params.slug);
  const { overview, listed } = await loadIdea(ctx, params.ideaId);
  const contestId = ctx.details.contest.id;
  const idea = (await getIdea(contestId, listed.id))!;
  const own = ctx.juror ? await ownSheet(contestId, listed.id, ctx.juror.userId) : null;
  const shares = weightShares(overview.criteria);
  const feedbackOpen = checkPhase(ctx.phase, FEEDBACK_PHASES).ok && idea.status === "shortlisted";
  return {
    slug: ctx.details.contest.slug,
    vat: vatTerms(ctx.details.contest),
    contestTitle: ctx.details.contest.title,
    idea: {
      id: idea.id,
      title: idea.title,
      summary: idea.summary,
      description: idea.description,
      costEuros: idea.costEuros,
      helpNeeded: idea.helpNeeded,
      indienerName: listed.indienerName,
      workedOut: idea.workedOutAt ? { plan: idea.plan ?? "", planning: idea.planning ?? "", helpers: idea.helpers ?? "" } : null,
      status: idea.status,
    },
    // The jury sees the backing from the area against the round's minimum (issue 21.1).
    backing: backingProgress({
      ...((await backingCounts([idea.id])).get(idea.id) ?? { online: 0, paper: 0 }),
      minimum: (await getDraagvlakSettings(contestId)).minBackers,
    }),
    criteria: overview.criteria.map((c, i) => ({ id: c.id, name: c.name, description: c.description, share: shares[i]! })),
    isJuror: ctx.juror !== null,
    own: own
      ? { scores: Object.fromEntries(Object.entries(own.scores).map(([k, v]) => [k, String(v)])), comment: own.comment, conflict: own.conflict !== null }
      : null,
    jury: listed.jury,
    scoringOpen: checkPhase(ctx.phase, SCORING_PHASES).ok && !(await isDecisionClosed(contestId)),
    feedbackOpen,
    feedback: feedbackOpen || idea.status === "shortlisted" ? await listFeedback(idea.id) : [],
  };
}

type ActionData = { intent: "score" | "conflict" | "feedback"; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadJuryContext(request, params.slug);
  const { overview, index, listed } = await loadIdea(ctx, params.ideaId);
  const slug = ctx.details.contest.slug;
  const form = await readForm(request, POST_LIMITS.text);
  const intent = String(form.get("intent") ?? "save");

  if (intent === "feedback") {
    const submission = parseWithZod(form, { schema: feedbackFormSchema });
    if (submission.status !== "success") return data<ActionData>({ intent: "feedback", result: submission.reply() }, { status: 400 });
    const result = await asHttp(() =>
      leaveFeedback({
        details: ctx.details,
        author: { userId: ctx.auth.user.id },
        ideaId: listed.id,
        body: submission.value.body,
        origin: publicOrigin(request, getEnv().appUrl),
        now: ctx.at,
      }),
    );
    if (!result.ok) return data<ActionData>({ intent: "feedback", result: submission.reply({ formErrors: ["jury.unknownIdea"] }) }, { status: 409 });
    return redirectWith(juryIdeaPath(slug, listed.id), { flash: { key: "jury.feedbackSaved" } });
  }

  // Scoring and conflicts are for jurors only: an organiser who is not on the jury reads along.
  const juror = ctx.juror;
  if (!juror) throw new Response("Forbidden", { status: 403 });

  if (intent === "conflict") {
    const submission = parseWithZod(form, { schema: conflictFormSchema });
    if (submission.status !== "success") return data<ActionData>({ intent: "conflict", result: submission.reply() }, { status: 400 });
    const result = await asHttp(async () =>
      declareConflict({ details: ctx.details, jurorUserId: juror.userId, ideaId: listed.id, reason: submission.value.reason, now: ctx.at }),
    );
    if (!result.ok && result.reason === "closed")
      return data<ActionData>({ intent: "conflict", result: submission.reply({ formErrors: ["jury.decisionIsClosed"] }) }, { status: 409 });
    return redirectWith(juryPath(slug), { flash: { key: "jury.conflictSaved" } });
  }

  const submission = parseWithZod(form, { schema: scoreFormSchema(overview.criteria.map((c) => c.id)) });
  if (submission.status !== "success") return data<ActionData>({ intent: "score", result: submission.reply() }, { status: 400 });
  const result = await asHttp(async () =>
    saveScores({
      details: ctx.details,
      jurorUserId: juror.userId,
      ideaId: listed.id,
      scores: submission.value.score,
      comment: submission.value.comment,
      now: ctx.at,
    }),
  );
  if (!result.ok) {
    const message: MessageKey = result.reason === "conflicted" ? "jury.conflicted" : result.reason === "closed" ? "jury.decisionIsClosed" : "jury.unknownIdea";
    return data<ActionData>({ intent: "score", result: submission.reply({ formErrors: [message] }) }, { status: 409 });
  }
  const flash: MessageKey = result.state === "complete" ? "jury.saved" : "jury.savedPartial";
  if (intent === "next") {
    // The next idea on the list that still needs this juror's scores, else back to the list.
    const rest = [...overview.ideas.slice(index + 1), ...overview.ideas.slice(0, index)];
    const next = rest.find((i) => i.state === "empty" || i.state === "partial");
    return redirectWith(next ? juryIdeaPath(slug, next.id) : juryPath(slug), { flash: { key: flash } });
  }
  return redirectWith(juryIdeaPath(slug, listed.id), { flash: { key: flash } });
}

function ScoreForm({
  criteria,
  own,
  disabled,
  lastResult,
}: {
  criteria: { id: number; name: string; description: string; share: number }[];
  own: { scores: Record<string, string>; comment: string };
  disabled: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "score",
    lastResult,
    defaultValue: { score: own.scores, comment: own.comment },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scoreFormSchema(criteria.map((c) => c.id)) }),
    ...validateOnSubmit,
  });
  const scoreFields = fields.score.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="card score-form">
      <h2>{t("jury.yourScoresTitle")}</h2>
      <FormErrors errors={form.errors} id={form.errorId} />
      {criteria.map((c) => {
        const field = scoreFields[String(c.id)];
        const value = own.scores[String(c.id)];
        return (
          <ScoreScale
            key={c.id}
            id={`score-${c.id}`}
            name={`score.${c.id}`}
            label={c.name}
            description={c.description || undefined}
            weightText={t("jury.weightShare", { share: c.share })}
            value={value ? Number(value) : undefined}
            errors={field?.errors}
            disabled={disabled}
          />
        );
      })}
      <div className="jury-comment">
        <TextAreaField field={fields.comment} label={t("jury.comment")} hint={t("jury.commentHint")} rows={4} />
      </div>
      {disabled ? null : (
        <div className="form-actions">
          <button type="submit" name="intent" value="next" className="button primary">
            {t("jury.saveNext")}
          </button>
          <button type="submit" name="intent" value="save" className="button">
            {t("jury.save")}
          </button>
        </div>
      )}
    </Form>
  );
}

function ConflictForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "conflict",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: conflictFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <details className="card jury-conflict" open={lastResult ? true : undefined}>
      <summary>
        <strong>{t("jury.conflictTitle")}</strong>
      </summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <p>{t("jury.conflictLead")}</p>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="conflict" />
        <TextAreaField field={fields.reason} label={t("jury.conflictReason")} hint={t("jury.conflictReasonHint")} rows={2} />
        <CheckboxField field={fields.confirm} label={t("jury.conflictConfirm")} />
        <p className="muted small">{t("jury.conflictFinal")}</p>
        <div>
          <button type="submit" className="button">
            {t("jury.conflictButton")}
          </button>
        </div>
      </Form>
    </details>
  );
}

function FeedbackForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: useFormIdThatResetsAfterPost("feedback", { intent: "feedback" }),
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="feedback" />
      <TextAreaField field={fields.body} label={t("jury.feedbackBody")} rows={5} />
      <div>
        <button type="submit" className="button primary">
          {t("jury.feedbackButton")}
        </button>
      </div>
    </Form>
  );
}

export default function JuryIdeaPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, contestTitle, vat, idea, criteria, isJuror, own, jury, scoringOpen, feedbackOpen, feedback, backing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const resultFor = (intent: ActionData["intent"]) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <>
      <PageTitle title={`${t("jury.scoreIdeaTitle", { title: idea.title })} · ${contestTitle}`} />
      <p>
        <Link to={juryPath(slug)}>← {t("jury.backToList")}</Link>
      </p>
      <article className="card jury-idea-text" aria-labelledby="idee-titel">
        <h2 id="idee-titel">{idea.title}</h2>
        <p className="muted">
          {idea.costEuros !== null ? <strong className="nowrap">{formatAmount(idea.costEuros, locale, vat)}</strong> : null}
          {idea.indienerName ? ` · ${t("jury.ideaBy", { name: idea.indienerName })}` : null}
          {" · "}
          {backing.minimum > 0
            ? t("draagvlak.juryBacking", { total: backing.total, minimum: backing.minimum })
            : t("draagvlak.juryBackingNoMinimum", { total: backing.total })}
        </p>
        {idea.summary ? <p className="lead">{idea.summary}</p> : null}
        {idea.description ? <p className="jury-motivation">{idea.description}</p> : null}
        <p>
          <Link to={ideaPath(slug, idea.id)}>{t("jury.readIdea")}</Link>
        </p>
      </article>

      {jury ? <p className="notice">{t("jury.juryAverage", { average: formatScore(jury.average, locale), count: jury.count })}</p> : null}

      {isJuror && own ? (
        own.conflict ? (
          <p className="notice">{t("jury.conflictDeclared")}</p>
        ) : (
          <>
            {!scoringOpen ? <p className="notice warning">{t("jury.phaseOver")}</p> : null}
            <ScoreForm criteria={criteria} own={own} disabled={!scoringOpen} lastResult={resultFor("score")} />
            {scoringOpen ? <ConflictForm lastResult={resultFor("conflict")} /> : null}
          </>
        )
      ) : null}

      {idea.status === "shortlisted" ? (
        <section className="card" aria-labelledby="plan">
          <h2 id="plan">{t("jury.planTitle")}</h2>
          {idea.workedOut ? (
            <>
              <p className="jury-motivation">{idea.workedOut.plan}</p>
              {idea.workedOut.planning ? <p className="jury-motivation">{idea.workedOut.planning}</p> : null}
              {idea.workedOut.helpers ? <p className="jury-motivation">{idea.workedOut.helpers}</p> : null}
            </>
          ) : (
            <p className="muted">{t("jury.planNotYet")}</p>
          )}
          <h3>{t("jury.feedbackTitle")}</h3>
          {feedback.length === 0 ? <p className="muted">{t("jury.feedbackNone")}</p> : null}
          <ul className="plain-list jury-feedback-list">
            {feedback.map((f) => (
              <li key={f.id}>
                <p className="jury-motivation">{f.body}</p>
                <p className="muted small">{t("jury.feedbackBy", { name: f.authorName, date: formatDateTime(f.createdAt, locale) })}</p>
              </li>
            ))}
          </ul>
          {feedbackOpen ? (
            <>
              <p>{t("jury.feedbackLead")}</p>
              <FeedbackForm lastResult={resultFor("feedback")} />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
