// The outcome of one contest: from the counted stickers to who won what, and
// why, under the contest's outcome rule and its written tie-break rule.
//
// Inputs are what the vote produced: per-idea totals (online + code + poster
// stickers, from voting's combineVotes) and the anonymous digital ballots.
// Same input, same output: nothing here reads a clock, a random source or the
// order in which ideas or ballots were stored.
//
// How stickers count (product.md: "the total per idea is online + code +
// poster stickers"):
// - Ranking (prizes by rank, greedy): every sticker counts, so a stacked
//   sticker (a contest may allow two on one idea) counts twice.
// - "Voters" (the first tie-break, and "supported by N residents"): distinct
//   ballots with at least one sticker on the idea. On a poster we cannot see
//   who stuck a sticker, so each poster sticker counts as one voter; without
//   stacking (the default) that is exactly right.
// - Equal Shares is about who supports what, not how much: a ballot is the
//   set of ideas it has a sticker on, and a stacked sticker adds nothing to
//   it (a voter's share pays for any idea they support). Poster stickers
//   cannot be split into ballots, so Equal Shares refuses a count that has
//   them (ContestOutcomeError "equal-shares-needs-ballots").
//
// The tie-break rule, in the order a contest page states it: among ideas with
// the same number of stickers, first the idea more residents put a sticker
// on, then the higher jury score (when the contest had one), then the public
// draw with the recorded seed (draw.ts). Equal Shares has its own published
// tie-break (lower cost, then more supporters); where that says "by lot" we
// use this ranking.

import { OUTCOME_RULES } from "~/modules/contests/contest-constants";
import { allocateByParts, decidingStep, type LeftoverPolicy } from "./budget-parts";
import { drawLot, isValidDrawSeed } from "./draw";
import { equalShares } from "./equal-shares";
import type { ExactEuros } from "./exact-euros";
import { allocateGreedy, type GreedyStep } from "./greedy";
import { rankByScore, type RankedProject, type TieCandidate } from "./ranking";
import { tally } from "./tally";

export type OutcomeRule = (typeof OUTCOME_RULES)[number];
export const BUDGET_RULES = ["greedy", "greedy-stop", "greedy-partial", "equal-shares"] as const satisfies readonly OutcomeRule[];

export function isOutcomeRule(value: string): value is OutcomeRule {
  return (OUTCOME_RULES as readonly string[]).includes(value);
}

/** The steps of the written tie-break rule, in order. */
export type TieStep = "voters" | "jury" | "draw";

export interface OutcomeIdea {
  readonly id: number;
  /** Whole euros. */
  readonly cost: number;
}

/** Per-idea sticker totals, as voting's combineVotes gives them (IdeaTotal). */
export interface OutcomeTotal {
  readonly ideaId: number;
  /** Stickers from online and code ballots together. */
  readonly digital: number;
  readonly poster: number;
  readonly total: number;
}

export interface OutcomePrize {
  readonly position: number;
  readonly name: string;
  readonly amountEuros: number;
}

export interface ContestOutcomeInput {
  readonly rule: OutcomeRule;
  /** Whole euros. */
  readonly budget: number;
  /** The ideas on the ballot (the shortlist). */
  readonly ideas: readonly OutcomeIdea[];
  /** One total per idea. */
  readonly totals: readonly OutcomeTotal[];
  /**
   * The digital ballots: per ballot the idea id of every sticker (a stacked
   * sticker repeats the id). They must add up to the totals' `digital`
   * column. null when only totals are known (an imported .pb with a votes
   * column): voters then equal stickers, and Equal Shares cannot run.
   */
  readonly ballots: readonly (readonly number[])[] | null;
  /** Prizes by rank only; other rules ignore the prize list. */
  readonly prizes?: readonly OutcomePrize[];
  /** The jury's score per idea (higher is better), or null when the contest had no jury scores. */
  readonly juryScores?: ReadonlyMap<number, number> | null;
  /** The recorded seed of the public draw (see draw.ts). */
  readonly drawSeed: string;
  /**
   * A round whose budget is divided into parts (ADR 026): the parts in their order, the part of every idea
   * on the ballot, and what happens to what the parts leave. Only the greedy rules run per part.
   */
  readonly parts?: OutcomePartsInput | null;
}

export interface OutcomePartsInput {
  /** Sub-areas (Pabulib budget_per_neighborhood) or themes (budget_per_category). */
  readonly kind: "buurt" | "category";
  readonly parts: readonly { readonly name: string; readonly budget: number }[];
  /** Per idea id: the name of its part. */
  readonly partOf: ReadonlyMap<number, string>;
  readonly leftover: LeftoverPolicy;
}

/** One part of the budget as the results show it. */
export interface OutcomePart {
  readonly name: string;
  readonly budget: number;
  /** Spent inside the part, on its own ideas. */
  readonly spent: number;
}

/** Why an idea did or did not win; explain.ts turns it into sentences. */
export type OutcomeReason =
  /** prizes-by-rank: won the prize in `prize`. */
  | { readonly kind: "prize" }
  /** prizes-by-rank: ranked below the last prize. */
  | { readonly kind: "no-prize-left"; readonly prizes: number }
  /** Nobody put a sticker on it. */
  | { readonly kind: "no-votes" }
  /** Greedy: fully funded; `budgetLeft` is what was left when its turn came (in its part, with parts). */
  | { readonly kind: "funded"; readonly budgetLeft: number }
  /** Parts, fund-what-fits: funded from what the parts left together; `budgetLeft` is what was left then. */
  | { readonly kind: "funded-from-leftover"; readonly budgetLeft: number }
  /** greedy: did not fit in what was left and was passed over. */
  | { readonly kind: "does-not-fit"; readonly budgetLeft: number; readonly overWholeBudget: boolean }
  /** greedy-stop / greedy-partial: the first idea that did not fit; the money was divided up to here. */
  | { readonly kind: "stopped-here"; readonly budgetLeft: number; readonly overWholeBudget: boolean }
  /** greedy-stop / greedy-partial: ranked below the idea where dividing stopped. */
  | { readonly kind: "not-reached"; readonly stoppedAtRank: number }
  /** greedy-partial: got what was left. */
  | { readonly kind: "partially-funded"; readonly budgetLeft: number }
  /** Equal Shares: bought in round `round` by its supporters (see `shares`). */
  | { readonly kind: "shared"; readonly round: number; readonly supporters: number }
  /** Equal Shares: its supporters together had too little of their share left. */
  | { readonly kind: "shares-not-enough"; readonly supporters: number }
  /** Equal Shares: costs more than the whole budget. */
  | { readonly kind: "over-budget" };

export type OutcomeStatus = "prize" | "funded" | "partially-funded" | "not-chosen";

export interface TieDecision {
  /** The idea directly above or below with the same stickers. */
  readonly ideaId: number;
  readonly rank: number;
  /** The first step of the tie-break rule that told the two apart. */
  readonly decidedBy: TieStep;
}

export interface ShareGroup {
  readonly voters: number;
  /** What each voter in this group paid (exact fraction and a number to show). */
  readonly each: ExactEuros;
  /** They paid everything they had left of their share. */
  readonly paidAllTheyHad: boolean;
}

export interface IdeaOutcome {
  readonly ideaId: number;
  /** 1-based; unique, after the tie-break. */
  readonly rank: number;
  readonly cost: number;
  /** All stickers: digital + poster. */
  readonly stickers: number;
  readonly digital: number;
  readonly poster: number;
  /** Residents who put at least one sticker on it (see the top of this file). */
  readonly voters: number;
  readonly juryScore: number | null;
  readonly status: OutcomeStatus;
  /** Money it gets: the prize amount, its cost, the partial amount, or 0. */
  readonly amount: number;
  readonly prize: OutcomePrize | null;
  /** 1-based position in the order the rule chose the winners; null when not chosen. */
  readonly chosenAs: number | null;
  readonly reason: OutcomeReason;
  /** Ideas with the same stickers directly above and below, and what decided between them. */
  readonly tieAbove: TieDecision | null;
  readonly tieBelow: TieDecision | null;
  /** Equal Shares: how its cost was shared, groups adding up to the cost exactly. */
  readonly shares: readonly ShareGroup[] | null;
  /** With parts: the name of the idea's part (absent in results published before parts existed). */
  readonly part?: string | null;
  /**
   * With parts and fund-what-fits: not funded in its part, and too expensive for what the parts left
   * when its turn came in the leftover pass (`budgetLeft`). Absent otherwise.
   */
  readonly notFromLeftover?: { readonly budgetLeft: number } | null;
}

export interface ContestOutcome {
  readonly rule: OutcomeRule;
  readonly budget: number;
  readonly drawSeed: string;
  /** The tie-break steps this contest used: voters, jury (only with jury scores), draw. */
  readonly tieSteps: readonly TieStep[];
  /** Whether the draw decided the order between two ideas with stickers. */
  readonly drawUsed: boolean;
  /** Every idea, in rank order. */
  readonly ideas: readonly IdeaOutcome[];
  /** Winners in the order the rule chose them: prize 1, 2, ...; funded ideas in funding order. */
  readonly winners: readonly number[];
  /** Money given out: prizes, or costs plus a partial amount. */
  readonly spent: number;
  readonly leftover: number;
  /** Ballots that count for Equal Shares' shares (digital ballots); null for other rules. */
  readonly equalShares: { readonly voters: number; readonly perVoterBudget: ExactEuros; readonly add1Steps: number } | null;
  /** Prize positions nobody won (fewer ideas with stickers than prizes). */
  readonly prizesNotAwarded: readonly number[];
  /**
   * With parts (ADR 026): each part's money and what it spent, what the parts left together and the policy
   * for it. Absent or null for a round without parts (and in results published before parts existed).
   */
  readonly parts?: {
    readonly kind?: "buurt" | "category";
    readonly parts: readonly OutcomePart[];
    readonly leftAfterParts: number;
    readonly leftover: LeftoverPolicy;
    /** Spent on ideas funded from what the parts left. */
    readonly spentFromLeftover: number;
  } | null;
}

/** A situation the organiser must solve before there is an outcome; the route shows it in words. */
export class ContestOutcomeError extends Error {
  override readonly name = "ContestOutcomeError";
  constructor(
    readonly code: "equal-shares-needs-ballots" | "parts-need-greedy" | "idea-without-part",
    message: string,
  ) {
    super(message);
  }
}

function requireWholeEuros(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole, non-negative number of euros, not ${value}`);
}

interface Counted {
  readonly idea: OutcomeIdea;
  readonly total: OutcomeTotal;
  readonly voters: number;
  readonly jury: number | null;
  readonly lot: string;
}

function countIdeas(input: ContestOutcomeInput): Map<number, Counted> {
  const ideas = [...input.ideas].sort((a, b) => a.id - b.id);
  const byId = new Map<number, OutcomeIdea>();
  for (const idea of ideas) {
    if (!Number.isSafeInteger(idea.id)) throw new RangeError(`idea id ${idea.id} is not a whole number`);
    if (byId.has(idea.id)) throw new RangeError(`idea ${idea.id} is listed twice`);
    requireWholeEuros(idea.cost, `cost of idea ${idea.id}`);
    byId.set(idea.id, idea);
  }
  const totals = new Map<number, OutcomeTotal>();
  for (const total of input.totals) {
    if (!byId.has(total.ideaId)) throw new RangeError(`a total for idea ${total.ideaId}, which is not on the ballot`);
    if (totals.has(total.ideaId)) throw new RangeError(`two totals for idea ${total.ideaId}`);
    for (const n of [total.digital, total.poster, total.total]) {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`idea ${total.ideaId} has a count of ${n}`);
    }
    if (total.digital + total.poster !== total.total) throw new RangeError(`idea ${total.ideaId}: digital + poster is not the total`);
    totals.set(total.ideaId, total);
  }
  const missing = ideas.filter((idea) => !totals.has(idea.id)).map((idea) => idea.id);
  if (missing.length > 0) throw new RangeError(`no total for idea ${missing.join(", ")}`);

  // The ballots are the record; the totals must agree with them, or something upstream drifted.
  let digitalVoters: ReadonlyMap<string, number> | null = null;
  if (input.ballots !== null) {
    const counted = tally(
      input.ballots.map((ballot) => ballot.map(String)),
      ideas.map((idea) => String(idea.id)),
    );
    for (const idea of ideas) {
      const fromBallots = counted.totals.get(String(idea.id)) ?? 0;
      const stated = totals.get(idea.id)!.digital;
      if (fromBallots !== stated) {
        throw new RangeError(`idea ${idea.id}: the ballots give ${fromBallots} digital stickers, the totals ${stated}`);
      }
    }
    digitalVoters = counted.voterCounts;
  }

  const result = new Map<number, Counted>();
  for (const idea of ideas) {
    const total = totals.get(idea.id)!;
    const jury = input.juryScores?.get(idea.id);
    if (jury !== undefined && !Number.isFinite(jury)) throw new RangeError(`idea ${idea.id} has jury score ${jury}`);
    result.set(idea.id, {
      idea,
      total,
      voters: digitalVoters === null ? total.total : (digitalVoters.get(String(idea.id)) ?? 0) + total.poster,
      jury: jury ?? null,
      lot: drawLot(input.drawSeed, idea.id),
    });
  }
  return result;
}

/** Compares two ideas with the same stickers step by step; negative when `a` goes first. */
function tieCompare(steps: readonly TieStep[], a: Counted, b: Counted): { order: number; step: TieStep | null } {
  for (const step of steps) {
    let order = 0;
    if (step === "voters") order = b.voters - a.voters;
    // An idea without a jury score comes after one with a score.
    else if (step === "jury") order = (b.jury ?? Number.NEGATIVE_INFINITY) - (a.jury ?? Number.NEGATIVE_INFINITY) || 0;
    else order = a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0;
    if (order !== 0) return { order: order < 0 ? -1 : 1, step };
  }
  return { order: 0, step: null };
}

function toOutcomeIdea(
  counted: Counted,
  ranked: RankedProject,
  parts: Pick<IdeaOutcome, "status" | "amount" | "prize" | "chosenAs" | "reason" | "shares">,
): Omit<IdeaOutcome, "tieAbove" | "tieBelow"> {
  return {
    ideaId: counted.idea.id,
    rank: ranked.rank,
    cost: counted.idea.cost,
    stickers: counted.total.total,
    digital: counted.total.digital,
    poster: counted.total.poster,
    voters: counted.voters,
    juryScore: counted.jury,
    ...parts,
  };
}

const notChosen = { status: "not-chosen", amount: 0, prize: null, chosenAs: null, shares: null } as const;

export function computeContestOutcome(input: ContestOutcomeInput): ContestOutcome {
  const { rule, budget } = input;
  if (!isOutcomeRule(rule)) throw new RangeError(`unknown outcome rule ${String(rule)}`);
  requireWholeEuros(budget, "budget");
  if (!isValidDrawSeed(input.drawSeed)) throw new RangeError("the draw seed is missing or not valid");

  const counted = countIdeas(input);
  const tieSteps: TieStep[] = input.juryScores ? ["voters", "jury", "draw"] : ["voters", "draw"];
  const byStringId = (id: string) => counted.get(Number(id))!;
  const tieBreak = (a: TieCandidate, b: TieCandidate) => tieCompare(tieSteps, byStringId(a.id), byStringId(b.id)).order;
  const projects = [...counted.values()].map((c) => ({ id: String(c.idea.id), cost: c.idea.cost }));
  const scores = new Map([...counted.values()].map((c) => [String(c.idea.id), c.total.total]));
  const ranking = rankByScore(projects, scores, tieBreak);

  let ideas: Omit<IdeaOutcome, "tieAbove" | "tieBelow">[];
  let winners: number[];
  let spent: number;
  let equalSharesSummary: ContestOutcome["equalShares"] = null;
  let prizesNotAwarded: number[] = [];
  let partsSummary: ContestOutcome["parts"] = null;

  if (input.parts) {
    const withinPart = rule === "greedy" || rule === "greedy-stop" ? rule : null;
    if (withinPart === null) throw new ContestOutcomeError("parts-need-greedy", `a round with parts of its budget needs a greedy rule, not ${rule}`);
    const partOf = input.parts.partOf;
    const without = projects.filter((p) => !partOf.has(Number(p.id))).map((p) => p.id);
    if (without.length > 0) throw new ContestOutcomeError("idea-without-part", `idea ${without.join(", ")} has no part of the budget`);
    const outcome = allocateByParts({
      projects: projects.map((p) => ({ ...p, part: partOf.get(Number(p.id))! })),
      scores,
      budget,
      parts: input.parts.parts.map((p) => ({ key: p.name, budget: p.budget })),
      withinPart,
      leftover: input.parts.leftover,
      tieBreak,
    });
    ideas = ranking.map((r) => {
      const c = byStringId(r.id);
      const step = decidingStep(outcome, r.id)!;
      const chosenAs = outcome.selected.indexOf(r.id) + 1 || null;
      const base = { prize: null, chosenAs, shares: null };
      const part = outcome.partOf.get(r.id)!;
      const partBudget = outcome.parts.find((p) => p.key === part)!;
      const fromLeftover = outcome.leftoverPass?.steps.some((s) => s.id === r.id && s.decision === "funded") ?? false;
      if (fromLeftover) {
        return {
          ...toOutcomeIdea(c, r, { ...base, status: "funded", amount: step.amount, reason: { kind: "funded-from-leftover", budgetLeft: step.budgetLeft } }),
          part,
        };
      }
      const stoppedAt = partBudget.greedy.steps.find((s) => s.decision === "stopped-here");
      // The idea where the part stopped, by its place in the whole round: the part's own ranking counts
      // only the part's ideas, and the results page shows every idea's place in the round.
      const stoppedAtRank = stoppedAt ? (ranking.find((x) => x.id === stoppedAt.id)?.rank ?? 0) : 0;
      // fund-what-fits looked at this idea again with what the parts left, and it did not fit there either.
      const tried = outcome.leftoverPass?.steps.find((s) => s.id === r.id && s.decision === "does-not-fit");
      // "More than the whole budget" here means more than the part's money.
      return {
        ...toOutcomeIdea(c, r, greedyParts(step, partBudget.budget, stoppedAtRank, base)),
        part,
        ...(tried ? { notFromLeftover: { budgetLeft: tried.budgetLeft } } : {}),
      };
    });
    winners = outcome.selected.map(Number);
    spent = outcome.spent;
    partsSummary = {
      kind: input.parts.kind,
      parts: outcome.parts.map((p) => ({ name: p.key, budget: p.budget, spent: p.spent })),
      leftAfterParts: outcome.leftAfterParts,
      leftover: input.parts.leftover,
      spentFromLeftover: outcome.leftoverPass?.spent ?? 0,
    };
  } else if (rule === "prizes-by-rank") {
    const prizes = [...(input.prizes ?? [])].sort((a, b) => a.position - b.position);
    for (const prize of prizes) requireWholeEuros(prize.amountEuros, `prize ${prize.position}`);
    // An idea nobody put a sticker on was not chosen by anyone, so it wins no prize.
    const eligible = ranking.filter((r) => r.score > 0);
    const prizeOf = new Map(eligible.slice(0, prizes.length).map((r, i) => [r.id, { prize: prizes[i]!, place: i + 1 }]));
    prizesNotAwarded = prizes.slice(eligible.length).map((p) => p.position);
    ideas = ranking.map((r) => {
      const c = byStringId(r.id);
      const won = prizeOf.get(r.id);
      if (won) {
        return toOutcomeIdea(c, r, {
          status: "prize",
          amount: won.prize.amountEuros,
          prize: won.prize,
          chosenAs: won.place,
          reason: { kind: "prize" },
          shares: null,
        });
      }
      return toOutcomeIdea(c, r, { ...notChosen, reason: r.score > 0 ? { kind: "no-prize-left", prizes: prizes.length } : { kind: "no-votes" } });
    });
    winners = eligible.slice(0, prizes.length).map((r) => Number(r.id));
    spent = ideas.reduce((sum, idea) => sum + idea.amount, 0);
  } else if (rule === "equal-shares") {
    if (input.ballots === null || [...counted.values()].some((c) => c.total.poster > 0)) {
      throw new ContestOutcomeError(
        "equal-shares-needs-ballots",
        "Equal Shares needs every voter's ballot; poster stickers and bare totals cannot be split into ballots",
      );
    }
    // A ballot as the set of ideas it supports; sorted so that storage order can never matter.
    const ballots = input.ballots.map((ballot) => [...new Set(ballot)].sort((a, b) => a - b).map(String)).sort(compareStringLists);
    const outcome = equalShares({
      projects: [...projects].sort((a, b) => Number(a.id) - Number(b.id)),
      ballots,
      budget,
      completion: "add1",
      tieOrder: ranking.map((r) => r.id),
    });
    const purchases = new Map(outcome.purchases.map((p, i) => [p.projectId, { purchase: p, round: i + 1 }]));
    ideas = ranking.map((r) => {
      const c = byStringId(r.id);
      const bought = purchases.get(r.id);
      if (bought) {
        return toOutcomeIdea(c, r, {
          status: "funded",
          amount: c.idea.cost,
          prize: null,
          chosenAs: bought.round,
          reason: { kind: "shared", round: bought.round, supporters: bought.purchase.supporters },
          shares: bought.purchase.payments.map((g) => ({ voters: g.voters, each: g.each, paidAllTheyHad: g.paidAllTheyHad })),
        });
      }
      const reason: OutcomeReason =
        r.score <= 0 ? { kind: "no-votes" } : c.idea.cost > budget ? { kind: "over-budget" } : { kind: "shares-not-enough", supporters: c.voters };
      return toOutcomeIdea(c, r, { ...notChosen, reason });
    });
    winners = outcome.selected.map(Number);
    spent = outcome.spent;
    equalSharesSummary = { voters: ballots.length, perVoterBudget: outcome.perVoterBudget, add1Steps: outcome.add1Steps };
  } else {
    const outcome = allocateGreedy({ projects, scores, budget, variant: rule, tieBreak });
    const steps = new Map(outcome.steps.map((s) => [s.id, s]));
    const stoppedAt = outcome.steps.find((s) => s.decision === "stopped-here" || s.decision === "partially-funded");
    const order = [...outcome.selected, ...(outcome.partialId === null ? [] : [outcome.partialId])];
    ideas = ranking.map((r) => {
      const c = byStringId(r.id);
      const step = steps.get(r.id)!;
      const chosenAs = order.indexOf(r.id) + 1 || null;
      const base = { prize: null, chosenAs, shares: null };
      return toOutcomeIdea(c, r, greedyParts(step, budget, stoppedAt?.rank ?? 0, base));
    });
    winners = order.map(Number);
    spent = outcome.spent;
  }

  const rankedCounted = ranking.map((r) => byStringId(r.id));
  let drawUsed = false;
  const tieWith = (i: number, j: number): TieDecision | null => {
    const here = rankedCounted[i];
    const other = rankedCounted[j];
    const otherRanked = ranking[j];
    // Among ideas nobody chose, the order decides nothing; it is not a tie worth explaining.
    if (!here || !other || !otherRanked || here.total.total !== other.total.total || here.total.total === 0) return null;
    const { step } = tieCompare(tieSteps, here, other);
    if (step === "draw") drawUsed = true;
    return { ideaId: other.idea.id, rank: otherRanked.rank, decidedBy: step ?? "draw" };
  };
  const withTies: IdeaOutcome[] = ideas.map((idea, i) => ({ ...idea, tieAbove: tieWith(i, i - 1), tieBelow: tieWith(i, i + 1) }));

  return {
    rule,
    budget,
    drawSeed: input.drawSeed,
    tieSteps,
    drawUsed,
    ideas: withTies,
    winners,
    spent,
    leftover: budget - spent,
    equalShares: equalSharesSummary,
    prizesNotAwarded,
    parts: partsSummary,
  };
}

function greedyParts(
  step: GreedyStep,
  budget: number,
  stoppedAtRank: number,
  base: { prize: null; chosenAs: number | null; shares: null },
): Pick<IdeaOutcome, "status" | "amount" | "prize" | "chosenAs" | "reason" | "shares"> {
  const overWholeBudget = step.cost > budget;
  switch (step.decision) {
    case "funded":
      return { ...base, status: "funded", amount: step.amount, reason: { kind: "funded", budgetLeft: step.budgetLeft } };
    case "partially-funded":
      return { ...base, status: "partially-funded", amount: step.amount, reason: { kind: "partially-funded", budgetLeft: step.budgetLeft } };
    case "does-not-fit":
      return { ...base, status: "not-chosen", amount: 0, reason: { kind: "does-not-fit", budgetLeft: step.budgetLeft, overWholeBudget } };
    case "stopped-here":
      return { ...base, status: "not-chosen", amount: 0, reason: { kind: "stopped-here", budgetLeft: step.budgetLeft, overWholeBudget } };
    case "not-reached":
      return { ...base, status: "not-chosen", amount: 0, reason: { kind: "not-reached", stoppedAtRank } };
    case "no-votes":
      return { ...base, status: "not-chosen", amount: 0, reason: { kind: "no-votes" } };
  }
}

function compareStringLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = Number(a[i]);
    const y = Number(b[i]);
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/** The winners' ids as a set, for "won" badges. */
export function winnerIds(outcome: Pick<ContestOutcome, "winners">): ReadonlySet<number> {
  return new Set(outcome.winners);
}
