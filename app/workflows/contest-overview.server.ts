import { previousRoundOf, type ContestDetails } from "~/modules/contests/contests.server";
import { subscriberCount } from "~/modules/contests/console.server";
import { hasPhaseStarted, phaseAt } from "~/modules/contests/phases";
import { countHandedInIdeas } from "~/modules/ideas/ideas.server";
import { listForModeration } from "~/modules/ideas/moderation.server";
import { listDecisions } from "~/modules/jury/decision.server";
import { isDecisionClosed, juryCounts, juryOverview } from "~/modules/jury/scores.server";
import { posterCountsFor } from "~/modules/voting/poster-counts.server";
import { ballotIdeaIds, turnout, voteTimes } from "~/modules/voting/votes.server";
import { residentFigures } from "~/modules/participation/participation.server";
import { followUpOf } from "./follow-up.server";
import { needsAttention, type AttentionItem } from "./needs-attention";
import { areaResidents, cumulativeByDay, type TurnoutCurve } from "./turnout-curve";

// The console's overview (issue 18.8): the round on its timeline, what needs the organiser now, and
// turnout over time. The facts come from each feature; needs-attention.ts decides what is worth saying.

/** What the console's overview counts. */
export async function contestCounts(contestId: number) {
  return {
    subscribers: await subscriberCount(contestId),
    ideas: await countHandedInIdeas(contestId),
    jury: await juryCounts(contestId),
    turnout: await turnout(contestId),
  };
}

/** The round's turnout per day of its vote; null before it has a schedule. */
async function turnoutCurveOf(details: ContestDetails, now: number): Promise<(TurnoutCurve & { days: number; start: number; end: number }) | null> {
  const window = phaseAt(details.clock, now).schedule?.stemmen;
  if (!window) return null;
  const cumulative = cumulativeByDay(await voteTimes(details.contest.id), window, now);
  const days = Math.max(1, Math.ceil((window.end - window.start) / (24 * 60 * 60 * 1000)));
  return { cumulative, residents: areaResidents(await residentFigures(details.contest.id)), days, ...window };
}

export type AttentionFacts = Parameters<typeof needsAttention>[0];

/** The facts the "needs you now" rules read. Each feature is asked only in the phases where its rule speaks. */
export async function attentionFacts(details: ContestDetails, now: number, viewerId: string): Promise<AttentionFacts> {
  const contestId = details.contest.id;
  const info = phaseAt(details.clock, now);
  const jury = info.schedule?.juryselectie ?? null;
  const decisionClosed = await isDecisionClosed(contestId);
  const afterVoteStarts = hasPhaseStarted(info, "stemmen") && info.phase !== "afgesloten";
  const followUp = afterVoteStarts ? await followUpOf(details, now) : null;
  const posters =
    details.contest.eligibleByPoster && afterVoteStarts ? await posterCountsFor({ contestId, viewerId, ideaIds: await ballotIdeaIds(contestId) }) : null;
  return {
    phase: info.phase,
    inGap: info.inGap,
    now,
    juryWindow: jury,
    reportedIdeas: (await listForModeration(contestId)).rows.filter((r) => r.openReports > 0).length,
    jurors:
      info.phase === "juryselectie"
        ? (await juryOverview(contestId)).jurors.map((j) => ({ name: j.name, total: j.progress.total, done: j.progress.done, finished: j.progress.finished }))
        : [],
    decisionClosed,
    unsentAnswers: decisionClosed ? (await listDecisions(contestId)).filter((d) => d.notifiedAt === null).length : 0,
    posters: { enabled: details.contest.eligibleByPoster, entries: posters?.entries ?? 0, reconciled: posters?.final != null },
    shortTaakgroepen: followUp?.shortTaakgroepen.length ?? 0,
    quietTracks: followUp?.quiet.length ?? 0,
  };
}

export type ContestOverview = {
  attention: AttentionItem[];
  turnout: {
    current: (TurnoutCurve & { days: number; start: number; end: number }) | null;
    previous: (TurnoutCurve & { days: number; title: string; slug: string }) | null;
  };
};

export async function contestOverview(details: ContestDetails, now: number, viewerId: string): Promise<ContestOverview> {
  const current = await turnoutCurveOf(details, now);
  const before = current ? await previousRoundOf(details, now) : null;
  // The previous round is shown whole: its vote is over.
  const previousCurve = before ? await turnoutCurveOf(before, Number.MAX_SAFE_INTEGER) : null;
  return {
    attention: needsAttention(await attentionFacts(details, now, viewerId)),
    turnout: {
      current,
      previous:
        before && previousCurve && previousCurve.cumulative.length > 0
          ? {
              cumulative: previousCurve.cumulative,
              residents: previousCurve.residents,
              days: previousCurve.days,
              title: before.contest.title,
              slug: before.contest.slug,
            }
          : null,
    },
  };
}
