import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatCountdown, formatDateTime } from "~/lib/format";
import { redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { publishContest, publishProblems, type PublishProblem } from "~/modules/contests/console.server";
import { can } from "~/modules/auth/permissions";
import { contestCounts } from "~/workflows/contest-overview.server";
import { phaseAt } from "~/modules/contests/phases";
import { scheduleNote } from "~/modules/contests/schedule-note";
import { PageTitle } from "~/ui/page-title";
import { phaseName } from "~/ui/phase-words";

const problemText: Record<PublishProblem, MessageKey> = {
  "no-schedule": "console.problemNoSchedule",
  "no-area": "console.problemNoArea",
  "already-published": "console.problemAlreadyPublished",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const at = now();
  const info = phaseAt(details.clock, at);
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    status: details.contest.status,
    phase: info.phase,
    until: info.until,
    msLeft: info.until === null ? null : info.until - at,
    scheduleNote: scheduleNote(details.clock, at),
    counts: contestCounts(details.contest.id),
    problems: publishProblems(details).filter((p) => p !== "already-published"),
    canStartNextEdition: can(actor, "organisation:create-contest", { kind: "organisation", organisationId: details.contest.organisationId }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const result = publishContest({ actor, details, now: now() });
  if (!result.ok) return { problems: result.problems };
  return redirectWith(`/organiseren/${details.contest.slug}`, { flash: { key: "console.published" } });
}

export default function ContestOverview() {
  const t = useT();
  const locale = useLocale();
  const { slug, title, status, phase, until, msLeft, counts, problems, scheduleNote, canStartNextEdition } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={`${title} · ${t("console.tabOverview")}`} />
      <div className="card-grid">
        <div className="card">
          <h2>{t("console.phaseNow")}</h2>
          <p className="big-number">{phaseName(t, phase)}</p>
          {until !== null && msLeft !== null ? (
            <p>
              {t("console.nextDeadline")}: <strong>{formatDateTime(until, locale)}</strong> ({formatCountdown(msLeft, locale)})
            </p>
          ) : scheduleNote.kind === "ready" ? (
            <p>{t("console.scheduleReady", { date: formatDateTime(scheduleNote.startsAt, locale) })}</p>
          ) : scheduleNote.kind === "finished" ? (
            <p className="muted">{t("console.scheduleFinished")}</p>
          ) : (
            <p className="muted">{t("console.noSchedule")}</p>
          )}
          <p>
            <Link to={`/rondes/${slug}`}>{t("console.viewPublic")}</Link>
          </p>
          <p>
            <Link to={`/rondes/${slug}/flyer`}>{t("spread.flyerLink")}</Link>
          </p>
          {canStartNextEdition ? (
            <p>
              <Link to={`/organiseren/${slug}/volgende-editie`}>{t("spread.nextEditionLink")}</Link>
            </p>
          ) : null}
        </div>
        <div className="card">
          <h2>{t("console.counts")}</h2>
          <dl className="details">
            <dt>{t("console.ideas")}</dt>
            <dd>{counts.ideas}</dd>
            <dt>{t("console.subscribers")}</dt>
            <dd>{counts.subscribers}</dd>
            <dt>{t("voting.consoleTurnout")}</dt>
            <dd>{t("voting.turnoutTotal", { n: counts.turnout.total })}</dd>
            {counts.jury.jurors > 0 ? (
              <>
                <dt>{t("jury.countsJurors")}</dt>
                <dd>{t("jury.countsJurorsValue", { done: counts.jury.finished, total: counts.jury.jurors })}</dd>
                <dt>{t("jury.countsDecision")}</dt>
                <dd>{counts.jury.decisionClosed ? t("jury.countsDecisionClosed") : t("jury.countsDecisionOpen")}</dd>
              </>
            ) : null}
          </dl>
          <p className="muted small">{t("console.countsLater")}</p>
        </div>
      </div>
      {status === "concept" ? (
        <section className="card" aria-labelledby="publiceren">
          <h2 id="publiceren">{t("console.publishTitle")}</h2>
          <p>{t("console.publishLead")}</p>
          {problems.length > 0 ? (
            <ul className="problems">
              {problems.map((p) => (
                <li key={p}>{t(problemText[p])}</li>
              ))}
            </ul>
          ) : (
            <Form method="post">
              <button type="submit" className="button primary">
                {t("console.publishButton")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </>
  );
}
