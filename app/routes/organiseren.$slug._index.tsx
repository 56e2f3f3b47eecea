import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatCountdown, formatDate, formatDateTime } from "~/lib/format";
import { formatNumber } from "~/lib/i18n/numbers";
import { redirectWith } from "~/routes-support/http.server";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { can } from "~/modules/auth/permissions";
import { publishContest, publishProblems, type PublishProblem } from "~/modules/contests/console.server";
import { contestCounts, contestOverview } from "~/workflows/contest-overview.server";
import type { AttentionItem, AttentionKind } from "~/workflows/needs-attention";
import { turnoutShare } from "~/workflows/turnout-curve";
import { phaseAt } from "~/modules/contests/phases";
import { scheduleNote } from "~/modules/contests/schedule-note";
import { phaseName } from "~/ui/phase-words";
import { juryDecisionPath, juryPanelPath } from "~/modules/jury/paths";
import { followUpPath } from "~/modules/aftercare/paths";
import { participationConsolePath } from "~/modules/participation/paths";
import { PageTitle } from "~/ui/page-title";
import { Timeline } from "~/ui/timeline";
import { TurnoutChart } from "~/ui/turnout-chart";
import roundsStyles from "~/ui/rounds.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "console", "overview", "jury", "voting", "spread"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: roundsStyles }];

const problemText: Record<PublishProblem, MessageKey> = {
  "no-schedule": "console.problemNoSchedule",
  "no-area": "console.problemNoArea",
  "already-published": "console.problemAlreadyPublished",
};

/** Each "needs you now" item: its sentence for one and for more, and where the work is done. */
const todo: Record<AttentionKind, { one: MessageKey; other: MessageKey; link: MessageKey; href: (slug: string) => string }> = {
  moderate: {
    one: "overview.todo.moderateOne",
    other: "overview.todo.moderateOther",
    link: "overview.todo.moderateLink",
    href: (s) => `/organiseren/${s}/ideeen`,
  },
  "jurors-behind": {
    one: "overview.todo.jurorsBehindOne",
    other: "overview.todo.jurorsBehindOther",
    link: "overview.todo.jurorsBehindLink",
    href: juryPanelPath,
  },
  "answers-unsent": {
    one: "overview.todo.answersUnsentOne",
    other: "overview.todo.answersUnsentOther",
    link: "overview.todo.answersUnsentLink",
    href: juryDecisionPath,
  },
  "poster-counts": {
    one: "overview.todo.posterCountsOne",
    other: "overview.todo.posterCountsOther",
    link: "overview.todo.posterCountsLink",
    href: (s) => `/organiseren/${s}/stemmen/posters`,
  },
  "poster-differences": {
    one: "overview.todo.posterDifferences",
    other: "overview.todo.posterDifferences",
    link: "overview.todo.posterCountsLink",
    href: (s) => `/organiseren/${s}/stemmen/posters`,
  },
  "taakgroepen-short": {
    one: "overview.todo.taakgroepenShortOne",
    other: "overview.todo.taakgroepenShortOther",
    link: "overview.todo.taakgroepenShortLink",
    href: (s) => `/organiseren/${s}/taakgroepen`,
  },
  "tracks-quiet": { one: "overview.todo.tracksQuietOne", other: "overview.todo.tracksQuietOther", link: "overview.todo.tracksQuietLink", href: followUpPath },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const at = now();
  const info = phaseAt(details.clock, at);
  return {
    now: at,
    slug: details.contest.slug,
    title: details.contest.title,
    status: details.contest.status,
    info: { phase: info.phase, inGap: info.inGap, until: info.until, next: info.next },
    // A concept has no clock yet, but its planned dates are worth seeing.
    schedule: info.schedule ?? details.schedule,
    scheduleNote: scheduleNote(details.clock, at),
    counts: await contestCounts(details.contest.id),
    overview: await contestOverview(details, at, actor.userId),
    problems: publishProblems(details).filter((p) => p !== "already-published"),
    canStartNextEdition: can(actor, "organisation:create-contest", { kind: "organisation", organisationId: details.contest.organisationId }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const result = await publishContest({ actor, details, now: now() });
  if (!result.ok) return { problems: result.problems };
  return redirectWith(`/organiseren/${details.contest.slug}`, { flash: { key: "console.published" } });
}

function TodoItem({ item, slug }: { item: AttentionItem; slug: string }) {
  const count = useCountText();
  const t = useT();
  const texts = todo[item.kind];
  return (
    <li>
      <span>{count(item.count, texts, { n: item.count, names: item.names.join(", ") })}</span> <Link to={texts.href(slug)}>{t(texts.link)}</Link>
    </li>
  );
}

export default function ContestOverview() {
  const t = useT();
  const count = useCountText();
  const locale = useLocale();
  const { now: at, slug, title, status, info, schedule, scheduleNote, counts, overview, problems, canStartNextEdition } = useLoaderData<typeof loader>();
  const { current, previous } = overview.turnout;
  const voted = counts.turnout.total;
  const share = current ? turnoutShare(voted, current.residents) : null;
  const percent = (value: number) => formatNumber(value / 100, locale, { style: "percent", maximumFractionDigits: 1 });
  const previousDay = current && previous ? Math.min(current.cumulative.length, previous.cumulative.length) : 0;
  const previousValue = (n: number) =>
    share !== null && previous?.residents ? percent(turnoutShare(n, previous.residents) ?? 0) : t("overview.votersValue", { n: formatNumber(n, locale) });
  return (
    <>
      <PageTitle title={`${title} · ${t("console.tabOverview")}`} />
      <div className="overview">
        <section className="card overview-where" aria-labelledby="waar">
          <h2 id="waar">{t("overview.whereTitle")}</h2>
          {status === "concept" ? <p>{t("overview.concept")}</p> : null}
          {scheduleNote.kind === "ready" ? <p>{t("console.scheduleReady", { date: formatDateTime(scheduleNote.startsAt, locale) })}</p> : null}
          {scheduleNote.kind === "finished" ? <p>{t("console.scheduleFinished")}</p> : null}
          {schedule ? (
            <>
              <p className="visually-hidden" id="fasen">
                {t("overview.timelineLabel")}
              </p>
              <Timeline schedule={schedule} info={info} now={at} labelledBy="fasen" />
              {status !== "concept" && info.until !== null ? (
                <p>
                  {(info.inGap || info.phase === "binnenkort") && info.next
                    ? t("overview.nextBegins", {
                        phase: phaseName(t, info.next.phase),
                        date: formatDateTime(info.next.at, locale),
                        countdown: formatCountdown(info.next.at - at, locale),
                      })
                    : t("overview.phaseRuns", { date: formatDateTime(info.until, locale), countdown: formatCountdown(info.until - at, locale) })}
                </p>
              ) : null}
            </>
          ) : (
            <p>
              {t("overview.noSchedule")} <Link to={`/organiseren/${slug}/planning`}>{t("overview.toSchedule")}</Link>
            </p>
          )}
          {status !== "concept" ? (
            <>
              <p>
                <Link to={`/rondes/${slug}`}>{t("overview.viewPublic")}</Link>
              </p>
              <p>
                <Link to={`/rondes/${slug}/flyer`}>{t("spread.flyerLink")}</Link>
              </p>
            </>
          ) : null}
          {canStartNextEdition ? (
            <p>
              <Link to={`/organiseren/${slug}/volgende-editie`}>{t("spread.nextEditionLink")}</Link>
            </p>
          ) : null}
        </section>

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

        <section className="card overview-todo" aria-labelledby="nu-voor-jou">
          <h2 id="nu-voor-jou">{t("overview.todoTitle")}</h2>
          {overview.attention.length === 0 ? (
            <p>{t("overview.todoNone")}</p>
          ) : (
            <ul className="todo-list">
              {overview.attention.map((item) => (
                <TodoItem key={item.kind} item={item} slug={slug} />
              ))}
            </ul>
          )}
        </section>

        <section className="card overview-turnout" aria-labelledby="opkomst">
          <h2 id="opkomst">{t("overview.turnoutTitle")}</h2>
          {current === null ? (
            <p>{t("overview.turnoutNoSchedule")}</p>
          ) : at < current.start ? (
            <p>{t("overview.turnoutNotYet", { date: formatDate(current.start, locale) })}</p>
          ) : (
            <>
              <p>
                <strong>{count(voted, { one: "overview.turnoutOne", other: "overview.turnoutOther" }, { n: formatNumber(voted, locale) })}</strong>{" "}
                {share !== null && current.residents !== null
                  ? t("overview.turnoutShare", { share: percent(share), residents: formatNumber(current.residents, locale) })
                  : null}
              </p>
              {previous && previousDay > 0 ? (
                <p>
                  {previousDay < current.days
                    ? t("overview.previousAt", { title: previous.title, day: previousDay, value: previousValue(previous.cumulative[previousDay - 1]!) })
                    : t("overview.previousTotal", { title: previous.title, value: previousValue(previous.cumulative[previous.cumulative.length - 1]!) })}
                </p>
              ) : null}
              <TurnoutChart current={current} previous={previous} />
              {current.residents === null ? (
                <p className="muted">
                  {t("overview.turnoutNoArea")} <Link to={participationConsolePath(slug)}>{t("overview.turnoutNoAreaLink")}</Link>
                </p>
              ) : null}
            </>
          )}
        </section>

        <section className="card overview-counts" aria-labelledby="cijfers">
          <h2 id="cijfers">{t("overview.countsTitle")}</h2>
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
        </section>
      </div>
    </>
  );
}
