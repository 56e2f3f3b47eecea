import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatAmount, formatDateTime, vatTerms } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { checkPhase, hasPhaseEnded } from "~/modules/contests/phases";
import { loadJuryContext } from "~/routes-support/jury-access.server";
import { listJuryIdeas } from "~/modules/jury/ideas.server";
import { juryIdeaPath } from "~/modules/jury/paths";
import { isDecisionClosed, jurorOverview, SCORING_PHASES } from "~/modules/jury/scores.server";
import { formatScore, JuryProgressBar } from "~/ui/jury";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["jury"] } satisfies I18nHandle;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadJuryContext(request, params.slug);
  const contestId = ctx.details.contest.id;
  const schedule = ctx.phase.schedule;
  const window = schedule ? { start: schedule.juryselectie.start, end: schedule.juryselectie.end } : null;
  const phaseState = checkPhase(ctx.phase, SCORING_PHASES).ok ? "open" : hasPhaseEnded(ctx.phase, "juryselectie") ? "over" : "not-yet";
  const base = {
    title: ctx.details.contest.title,
    slug: ctx.details.contest.slug,
    vat: vatTerms(ctx.details.contest),
    window,
    phaseState,
    closed: await isDecisionClosed(contestId),
  };
  if (!ctx.juror) {
    // An organiser who is not a juror sees the ideas, not a progress of their own.
    return { ...base, juror: null, ideas: (await listJuryIdeas(contestId)).map((i) => ({ ...i, state: null, jury: null })) };
  }
  const overview = await jurorOverview(contestId, ctx.juror.userId);
  return { ...base, juror: { progress: overview.progress }, ideas: overview.ideas.map(({ sheet: _sheet, ...idea }) => idea) };
}

const stateLabels: Record<string, MessageKey> = {
  complete: "jury.stateDone",
  partial: "jury.statePartial",
  empty: "jury.stateOpen",
  conflict: "jury.stateConflict",
};
const stateClasses: Record<string, string> = { complete: "state-done", partial: "state-partial", empty: "state-open", conflict: "state-conflict" };

export default function JuryScoringList() {
  const t = useT();
  const locale = useLocale();
  const { title, slug, vat, window, phaseState, closed, juror, ideas } = useLoaderData<typeof loader>();
  const progress = juror?.progress;
  return (
    <>
      <PageTitle title={`${t("jury.scoreTitle")} · ${title}`} />
      <h2>{t("jury.scoreTitle")}</h2>
      <p className="lead">{t("jury.scoreLead")}</p>
      {closed ? (
        <p className="notice">{t("jury.decisionClosedNotice")}</p>
      ) : phaseState === "open" && window ? (
        <p className="notice">{t("jury.phaseOpen", { end: formatDateTime(window.end, locale) })}</p>
      ) : phaseState === "not-yet" && window ? (
        <p className="notice warning">{t("jury.phaseNotYet", { start: formatDateTime(window.start, locale) })}</p>
      ) : phaseState === "over" ? (
        <p className="notice warning">{t("jury.phaseOver")}</p>
      ) : null}

      {progress ? (
        <section className="card" aria-labelledby="voortgang">
          <h3 id="voortgang" className="visually-hidden">
            {t("jury.progressLabel")}
          </h3>
          <JuryProgressBar label={t("jury.progress", { done: progress.done, total: progress.total })} done={progress.done} total={progress.total}>
            {progress.partial > 0 || progress.conflicted > 0 ? (
              <p className="jury-progress-extra">
                {progress.partial > 0 ? <span>{t("jury.progressPartial", { n: progress.partial })}</span> : null}
                {progress.conflicted > 0 ? <span>{t("jury.progressConflicts", { n: progress.conflicted })}</span> : null}
              </p>
            ) : null}
          </JuryProgressBar>
          <p className="muted small jury-progress-note">{progress.finished && progress.total > 0 ? t("jury.finished") : t("jury.othersHidden")}</p>
        </section>
      ) : null}

      {ideas.length === 0 ? <p>{t("jury.noIdeas")}</p> : null}
      <ul className="jury-ideas" aria-label={t("jury.ideaListLabel")}>
        {ideas.map((idea) => (
          <li key={idea.id} className="jury-idea">
            <h3>
              <Link to={juryIdeaPath(slug, idea.id)}>{idea.title}</Link>
            </h3>
            <p>
              {idea.state ? <span className={`state ${stateClasses[idea.state]}`}>{t(stateLabels[idea.state]!)}</span> : null}{" "}
              <span className="muted small">
                {idea.costEuros !== null ? t("jury.ideaCost", { amount: formatAmount(idea.costEuros, locale, vat) }) : null}
                {idea.indienerName ? ` · ${idea.indienerName}` : null}
              </span>
            </p>
            {idea.jury ? <p className="small">{t("jury.juryAverage", { average: formatScore(idea.jury.average, locale), count: idea.jury.count })}</p> : null}
            {juror && idea.state !== "conflict" && idea.state !== "complete" && phaseState === "open" && !closed ? (
              <Link className="button" to={juryIdeaPath(slug, idea.id)} aria-label={`${t("jury.scoreThis")}: ${idea.title}`}>
                {t("jury.scoreThis")}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
