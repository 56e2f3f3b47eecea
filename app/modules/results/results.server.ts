import { onConnection } from "~db/sqlite-engine.server";
import { one, many, run } from "~db/query.server";
import { dialectOf, transact } from "~db/transact.server";
import { randomInt } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { archivedContests, resultDraws, resultPublications } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { outcomePartsOf } from "~/modules/contests/budget-parts.server";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { requirePhase } from "~/modules/contests/phase-guard.server";
import { checkPhase, hasPhaseEnded, phaseAt, type ContestPhase } from "~/modules/contests/phases";
import { getIdea, listPublicIdeas } from "~/modules/ideas/ideas.server";
import { criteriaFor } from "~/modules/jury/criteria.server";
import { aggregateIdeas } from "~/modules/jury/scoring";
import { loadScoring } from "~/modules/jury/scores.server";
import { ballotRules } from "~/modules/voting/ballot";
import { posterCountsFor } from "~/modules/voting/poster-counts.server";
import type { Turnout } from "~/modules/voting/tally-input";
import { combineVotes, type TallyWarning } from "./vote-totals";
import type { InvalidCount } from "~/modules/voting/ballot-review";
import { invalidBallots } from "~/modules/voting/ballot-review.server";
import { ballotIdeaIds, forgetVoterPointers, tallyInputOf, turnout as registeredTurnout } from "~/modules/voting/votes.server";
import { computeContestOutcome, ContestOutcomeError, type ContestOutcome } from "./contest-outcome";
import { sha256Hex } from "./draw";
import { anonymiseBallots, type IdeaLabel, type PublicResultsContext } from "./open-data";

// The results of a contest (issue 7), as docs/decisions/011 describes them:
// - the count is computed from the stored ballots and the final poster counts every time it matters
//   (the organiser's view, the reveal, a correction); there are no counters that could drift;
// - what the public sees is what was published: the reveal, and each correction after it, stored as
//   a snapshot with the hash of what it was computed from. A change in the ballots or poster counts
//   after the reveal therefore never reaches the public page by itself: the organiser sees that the
//   count changed and publishes a correction with a reason, which is logged and shown publicly;
// - the reveal clears the ballot pointers (ADR 007).

/** Voting has closed: the results may be counted, shown to organisers and revealed. */
export const RESULTS_PHASES = ["prijsuitreiking", "nazorg", "afgesloten"] as const satisfies readonly ContestPhase[];

// ---------------------------------------------------------------------------
// The draw seed

const SEED_ALPHABET = "23456789ACDEFGHJKMNPQRTUVWXY";

/** Ten characters in two groups ("K7QMA-3XPAD"): easy to read aloud, to print and to type into a checker. */
export function newDrawSeed(random: (max: number) => number = randomInt): string {
  const pick = () => SEED_ALPHABET[random(SEED_ALPHABET.length)]!;
  const group = () => Array.from({ length: 5 }, pick).join("");
  return `${group()}-${group()}`;
}

/** The contest's draw seed, recorded the first time it is needed and never changed afterwards. */
export async function drawSeedFor(contestId: number, now: number): Promise<string> {
  const db = getDb();
  await run(db.insert(resultDraws).values({ contestId, seed: newDrawSeed(), recordedAt: now }).onConflictDoNothing());
  return (await one(db.select({ seed: resultDraws.seed }).from(resultDraws).where(eq(resultDraws.contestId, contestId))))!.seed;
}

// ---------------------------------------------------------------------------
// Counting

export interface ResultsSnapshot {
  readonly version: 1;
  readonly outcome: ContestOutcome;
  /** Titles of the ideas, as they were when published. */
  readonly ideas: readonly IdeaLabel[];
  readonly turnout: Turnout;
  readonly warnings: readonly TallyWarning[];
  /** Ballots declared invalid before the count was final (issue 15); absent in snapshots from before. */
  readonly invalid?: InvalidCount;
}

export type ResultsProblem =
  /** The two poster counts are not both in, or differ without a resolution. */
  | { readonly code: "poster-counts-open" }
  /** Equal Shares with stickers on paper posters (see contest-outcome.ts). */
  | { readonly code: "equal-shares-needs-ballots" }
  /** A budget in parts (ADR 026) with a rule that does not run per part, or an idea on the ballot without a part. */
  | { readonly code: "parts-need-greedy" }
  | { readonly code: "idea-without-part" }
  /** The count stopped: a ballot breaks the rules, a total does not match, an idea has no cost. */
  | { readonly code: "count-failed"; readonly message: string };

export type Count = { ok: true; snapshot: ResultsSnapshot; inputsHash: string } | { ok: false; problem: ResultsProblem };

async function ideaLabelsAndCosts(contestId: number, ideaIds: readonly number[]): Promise<{ labels: IdeaLabel[]; costs: Map<number, number | null> }> {
  const listed = new Map((await listPublicIdeas(contestId)).map((idea) => [idea.id, idea]));
  const labels: IdeaLabel[] = [];
  const costs = new Map<number, number | null>();
  for (const id of ideaIds) {
    const idea = listed.get(id) ?? (await getIdea(contestId, id));
    labels.push({ id, title: idea?.title ?? `Idee ${id}` });
    costs.set(id, idea?.costEuros ?? null);
  }
  return { labels, costs };
}

/** The jury's average per idea, or null when the contest has no jury scores at all. */
async function juryAverages(contestId: number, ideaIds: readonly number[]): Promise<Map<number, number> | null> {
  const { sheets, conflicts } = await loadScoring(contestId);
  if (sheets.length === 0) return null;
  const aggregates = aggregateIdeas({ ideaIds, criteria: await criteriaFor(contestId), sheets, conflicts });
  const averages = new Map(aggregates.flatMap((a) => (a.average === null ? [] : [[a.ideaId, a.average] as const])));
  return averages.size > 0 ? averages : null;
}

/**
 * Counts a contest from what is stored now: the ballots, the reconciled poster counts, the ideas'
 * costs, the prize list, the jury's averages and the recorded draw seed. Records the seed if this is
 * the first count. Callers check the phase: per-idea totals are for after voting (ADR 007).
 */
export async function countContest(details: ContestDetails, now: number): Promise<Count> {
  const { contest } = details;
  const ideaIds = await ballotIdeaIds(contest.id);
  const rules = ballotRules(contest);
  const attendance = (await registeredTurnout(contest.id)).poster;
  let posterCounts: { ideaId: number; count: number }[] | null = null;
  if (contest.eligibleByPoster) {
    const view = await posterCountsFor({ contestId: contest.id, viewerId: "", ideaIds });
    // No entries and nobody checked in: there was no keuzebijeenkomst, so there is nothing to wait for.
    if (view.entries > 0 || attendance > 0) {
      if (!view.final) return { ok: false, problem: { code: "poster-counts-open" } };
      posterCounts = [...view.final];
    }
  }
  try {
    const input = await tallyInputOf({ contestId: contest.id, rules, posterCounts });
    const totals = combineVotes(input);
    const ballots = [...input.onlineBallots, ...input.codeBallots].map((b) => b.stickers.map((s) => s.ideaId));
    const { labels, costs } = await ideaLabelsAndCosts(contest.id, ideaIds);
    const missingCost = [...costs].filter(([, cost]) => cost === null).map(([id]) => id);
    if (missingCost.length > 0) return { ok: false, problem: { code: "count-failed", message: `no cost for idea ${missingCost.join(", ")}` } };
    const ideas = ideaIds.map((id) => ({ id, cost: costs.get(id)! }));
    const prizes = details.prizes.map((p) => ({ position: p.position, name: p.name, amountEuros: p.amountEuros }));
    const juryScores = await juryAverages(contest.id, ideaIds);
    const drawSeed = await drawSeedFor(contest.id, now);
    const parts = await outcomePartsOf(contest, ideaIds);
    const outcome = computeContestOutcome({
      parts,
      rule: contest.outcomeRule,
      budget: contest.budgetEuros,
      ideas,
      totals: totals.ideas,
      ballots,
      prizes,
      juryScores,
      drawSeed,
    });
    const inputsHash = sha256Hex(
      JSON.stringify({
        rule: contest.outcomeRule,
        budget: contest.budgetEuros,
        ideas,
        totals: totals.ideas,
        ballots: anonymiseBallots(ballots),
        prizes: contest.outcomeRule === "prizes-by-rank" ? prizes : [],
        jury: juryScores ? [...juryScores].sort((a, b) => a[0] - b[0]) : null,
        drawSeed,
        // Only a round with parts adds them, so that the hash of a round without parts stays as it was.
        ...(parts ? { parts: { parts: parts.parts, partOf: [...parts.partOf].sort((a, b) => a[0] - b[0]), leftover: parts.leftover } } : {}),
      }),
    );
    const invalid = await invalidBallots(contest.id);
    return { ok: true, snapshot: { version: 1, outcome, ideas: labels, turnout: totals.turnout, warnings: totals.warnings, invalid }, inputsHash };
  } catch (error) {
    if (error instanceof ContestOutcomeError) return { ok: false, problem: { code: error.code } };
    if (error instanceof RangeError) return { ok: false, problem: { code: "count-failed", message: error.message } };
    throw error;
  }
}

// ---------------------------------------------------------------------------
// What was published

export interface PublishedResults {
  readonly revealedAt: number;
  /** The latest publication: the reveal, or the last correction. */
  readonly snapshot: ResultsSnapshot;
  readonly inputsHash: string;
  /** Corrections after the reveal, oldest first; shown publicly. */
  readonly corrections: readonly { readonly at: number; readonly reason: string }[];
}

export async function publishedResultsOf(contestId: number): Promise<PublishedResults | null> {
  const rows = await many(getDb().select().from(resultPublications).where(eq(resultPublications.contestId, contestId)).orderBy(asc(resultPublications.id)));
  const reveal = rows.find((r) => r.kind === "reveal");
  const latest = rows.at(-1);
  if (!reveal || !latest) return null;
  return {
    revealedAt: reveal.at,
    snapshot: JSON.parse(latest.snapshot) as ResultsSnapshot,
    inputsHash: latest.inputsHash,
    corrections: rows.filter((r) => r.kind === "correction").map((r) => ({ at: r.at, reason: r.reason ?? "" })),
  };
}

/** The ideas the published outcome chose, with the prize or amount each got; null before the reveal. */
export async function chosenIdeasOf(contestId: number): Promise<Map<number, { chosenAs: number; prizeName: string | null; amount: number }> | null> {
  const published = await publishedResultsOf(contestId);
  if (!published) return null;
  return new Map(
    published.snapshot.outcome.ideas.flatMap((i) =>
      i.chosenAs === null ? [] : [[i.ideaId, { chosenAs: i.chosenAs, prizeName: i.prize?.name ?? null, amount: i.amount }] as const],
    ),
  );
}

export async function isRevealed(contestId: number): Promise<boolean> {
  return (
    (await one(getDb().select({ id: resultPublications.id }).from(resultPublications).where(eq(resultPublications.contestId, contestId)).limit(1))) !==
    undefined
  );
}

/** Whether the contest has results the public may see: revealed, or an archived round. */
export async function hasPublicResults(contestId: number): Promise<boolean> {
  return (
    (await isRevealed(contestId)) ||
    (await one(getDb().select({ id: archivedContests.contestId }).from(archivedContests).where(eq(archivedContests.contestId, contestId)))) !== undefined
  );
}

/** The context the public JSON and the exports need besides the outcome. */
export function publicContextOf(details: ContestDetails, published: PublishedResults): PublicResultsContext {
  return {
    contest: {
      slug: details.contest.slug,
      title: details.contest.title,
      organisation: details.organisationName,
      areas: details.areas.map((a) => a.name),
      votesPerResident: details.contest.votesPerResident,
      allowStacking: details.contest.allowStacking,
      amountsIncludeVat: details.contest.amountsIncludeVat,
    },
    ideas: published.snapshot.ideas,
    turnout: published.snapshot.turnout,
    revealedAt: published.revealedAt,
    corrections: published.corrections,
  };
}

// ---------------------------------------------------------------------------
// The organiser's view

export type OrganiserResults =
  /** Voting has not closed: turnout only (ADR 007: no per-idea totals during the vote). */
  | { readonly state: "voting-open"; readonly turnout: Turnout }
  /** Voting has closed but the count is not final: turnout and the check of the register, no totals yet. */
  | { readonly state: "not-final"; readonly turnout: Turnout }
  | { readonly state: "problem"; readonly problem: ResultsProblem; readonly published: PublishedResults | null }
  | {
      readonly state: "ready";
      readonly live: ResultsSnapshot;
      readonly published: PublishedResults | null;
      /** The ballots or poster counts changed since the last publication: a correction is needed. */
      readonly changedSincePublished: boolean;
    };

export async function resultsForOrganiser(details: ContestDetails, now: number): Promise<OrganiserResults> {
  const info = phaseAt(details.clock, now);
  const check = checkPhase(info, RESULTS_PHASES);
  const published = await publishedResultsOf(details.contest.id);
  if (!check.ok && !published) {
    const online = await registeredTurnout(details.contest.id);
    return { state: "voting-open", turnout: online };
  }
  if (!published && details.contest.votingFinalAt === null) return { state: "not-final", turnout: await registeredTurnout(details.contest.id) };
  const count = await countContest(details, now);
  if (!count.ok) return { state: "problem", problem: count.problem, published };
  return { state: "ready", live: count.snapshot, published, changedSincePublished: published !== null && published.inputsHash !== count.inputsHash };
}

// ---------------------------------------------------------------------------
// Reveal and corrections

export type RevealResult =
  { ok: true } | { ok: false; reason: "already-revealed" } | { ok: false; reason: "not-final" } | { ok: false; reason: "problem"; problem: ResultsProblem };

/**
 * Makes the results public (the organiser, at the ceremony). Only once voting has closed
 * (requirePhase: OutsidePhase otherwise), only once, with the count as it stands; in the same transaction the
 * ballot pointers are cleared (ADR 007) and the audit log gets a line.
 */
export async function revealResults(input: { details: ContestDetails; actorUserId: string; now: number }): Promise<RevealResult> {
  const { details, now } = input;
  requirePhase(details, RESULTS_PHASES, now);
  const contestId = details.contest.id;
  const result = await transact(getDb(), async (tx): Promise<RevealResult> => {
    if (await isRevealed(contestId)) return { ok: false, reason: "already-revealed" };
    // The totals are seen from here on: only once voting can no longer be reopened (ADR 007).
    if (details.contest.votingFinalAt === null) return { ok: false, reason: "not-final" };
    const count = await countContest(details, now);
    if (!count.ok) return { ok: false, reason: "problem", problem: count.problem };
    await run(
      tx
        .insert(resultPublications)
        .values({ contestId, kind: "reveal", at: now, userId: input.actorUserId, inputsHash: count.inputsHash, snapshot: JSON.stringify(count.snapshot) }),
    );
    await forgetVoterPointers(contestId);
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId,
      action: "results.revealed",
      after: {
        winners: count.snapshot.outcome.winners,
        drawSeed: count.snapshot.outcome.drawSeed,
        inputsHash: count.inputsHash,
        ballotPointersCleared: true,
      },
      at: now,
    });
    return { ok: true };
  });
  // ADR 007: the WAL holds recent votes in commit order (register row and ballot together); once the
  // pointers are cleared, fold it into the database and empty it, so no copy of it can link them.
  // PostgreSQL's own log is the operator's to keep short (docs/operations.md, ADR 027).
  if (result.ok && dialectOf(getDb()) === "sqlite") await onConnection(getDb().$client, (c) => c.pragma("wal_checkpoint(TRUNCATE)"));
  return result;
}

export type CorrectionResult = { ok: true } | { ok: false; reason: "not-revealed" | "unchanged" } | { ok: false; reason: "problem"; problem: ResultsProblem };

/**
 * After the reveal the results change only this way: the organiser publishes the new count with a
 * reason; the public page lists every correction with its date and reason, and the audit log keeps
 * the winners before and after.
 */
export async function correctResults(input: { details: ContestDetails; actorUserId: string; reason: string; now: number }): Promise<CorrectionResult> {
  const { details, now } = input;
  const reason = input.reason.trim();
  if (reason.length < 5) throw new RangeError("a correction needs a reason of at least 5 characters");
  const contestId = details.contest.id;
  return transact(getDb(), async (tx): Promise<CorrectionResult> => {
    const published = await publishedResultsOf(contestId);
    if (!published) return { ok: false, reason: "not-revealed" };
    const count = await countContest(details, now);
    if (!count.ok) return { ok: false, reason: "problem", problem: count.problem };
    if (count.inputsHash === published.inputsHash) return { ok: false, reason: "unchanged" };
    await run(
      tx.insert(resultPublications).values({
        contestId,
        kind: "correction",
        at: now,
        userId: input.actorUserId,
        reason,
        inputsHash: count.inputsHash,
        snapshot: JSON.stringify(count.snapshot),
      }),
    );
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId,
      action: "results.corrected",
      before: { winners: published.snapshot.outcome.winners, inputsHash: published.inputsHash },
      after: { winners: count.snapshot.outcome.winners, inputsHash: count.inputsHash },
      reason,
      at: now,
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------
// Ballots for the open-data exports (after the reveal)

/** The digital ballots of a contest, anonymised: sorted by content, no channel, no id. */
export async function anonymousBallotsOf(details: ContestDetails): Promise<number[][]> {
  const input = await tallyInputOf({ contestId: details.contest.id, rules: ballotRules(details.contest), posterCounts: null });
  return anonymiseBallots([...input.onlineBallots, ...input.codeBallots].map((b) => b.stickers.map((s) => s.ideaId)));
}

/** The voting phase's dates, for the .pb export's date_begin and date_end. */
export function votingWindowOf(details: ContestDetails): { start: number | null; end: number | null } {
  const schedule = phaseAt(details.clock, 0).schedule ?? details.schedule;
  return { start: schedule?.stemmen.start ?? null, end: schedule?.stemmen.end ?? null };
}

/** Whether voting has ended (also in the gap after it), for the public page's embargo text. */
export function votingHasEnded(details: ContestDetails, now: number): boolean {
  return hasPhaseEnded(phaseAt(details.clock, now), "stemmen");
}

/** How one idea did in the published results, for its own page; null before the reveal or when it was not on the ballot. */
/** Which ideas won, once the results are public (null before): for the idea list's badges. */
export async function publishedChoices(contestId: number): Promise<Map<number, boolean> | null> {
  const outcome = (await publishedResultsOf(contestId))?.snapshot.outcome;
  return outcome ? new Map(outcome.ideas.map((i) => [i.ideaId, i.chosenAs !== null])) : null;
}

export async function publishedIdeaResult(
  contestId: number,
  ideaId: number,
): Promise<{ stickers: number; rank: number; amount: number; prizeName: string | null; chosen: boolean } | null> {
  const idea = (await publishedResultsOf(contestId))?.snapshot.outcome.ideas.find((i) => i.ideaId === ideaId);
  return idea ? { stickers: idea.stickers, rank: idea.rank, amount: idea.amount, prizeName: idea.prize?.name ?? null, chosen: idea.chosenAs !== null } : null;
}
