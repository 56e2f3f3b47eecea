// Greedy budget allocation in rank order, as Amsterdam's buurtbudget does it.
// The rounds differ only in what happens at the first idea that no longer
// fits, so the three ways are one function with a variant:
//   greedy          skip it and go on with the next idea that still fits
//                   (Pabulib: "fund additional projects that fit within
//                   leftover budget ordered by score");
//   greedy-stop     stop there and leave the rest of the budget unspent;
//   greedy-partial  stop there and give that idea whatever is left
//                   (Pabulib: "partially fund one additional project with
//                   highest score").
// Every idea gets a step record, so a results page can say why it was or was
// not funded without re-deriving the rule.

import { rankByScore, type CostedProject, type ProjectId, type ScoreTable, type TieBreak } from "./ranking";

export const GREEDY_VARIANTS = ["greedy", "greedy-stop", "greedy-partial"] as const;
export type GreedyVariant = (typeof GREEDY_VARIANTS)[number];

export interface GreedyInput {
  readonly projects: readonly CostedProject[];
  readonly scores: ScoreTable;
  /** Whole euros. */
  readonly budget: number;
  readonly variant: GreedyVariant;
  /** Order among equal scores; default: lower cost first, then lower id. */
  readonly tieBreak?: TieBreak;
  /**
   * Whether an idea nobody voted for may still be funded from money that is
   * left. Off by default: residents choose, and an idea without a single vote
   * was not chosen. (No official Amsterdam outcome depends on it.)
   */
  readonly fundUnvoted?: boolean;
}

export type GreedyDecision =
  /** Fully funded. */
  | "funded"
  /** greedy-partial: did not fit, received what was left. */
  | "partially-funded"
  /** greedy: did not fit in what was left, so it was passed over. */
  | "does-not-fit"
  /** greedy-stop / greedy-partial: the first idea that did not fit; allocation ended here. */
  | "stopped-here"
  /** greedy-stop / greedy-partial: ranked below the idea where allocation ended. */
  | "not-reached"
  /** Score 0: nobody chose it (see fundUnvoted). */
  | "no-votes";

export interface GreedyStep {
  readonly id: ProjectId;
  readonly rank: number;
  readonly score: number;
  readonly cost: number;
  /** Projects with the same score; the tie-break decided the order between them. */
  readonly tiedWith: readonly ProjectId[];
  /** Budget still available when this idea's turn came. */
  readonly budgetLeft: number;
  readonly decision: GreedyDecision;
  /** Money granted: the cost, the partial amount, or 0. */
  readonly amount: number;
}

export interface GreedyOutcome {
  /** Fully funded ideas, in the order they were funded (rank order). */
  readonly selected: ProjectId[];
  /** greedy-partial only: the idea that received the remainder, or null. */
  readonly partialId: ProjectId | null;
  readonly partialAmount: number;
  /** Including the partial amount. */
  readonly spent: number;
  readonly leftover: number;
  /** One per project, in rank order. */
  readonly steps: GreedyStep[];
}

function requireWholeEuros(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole, non-negative number of euros, not ${value}`);
  }
}

export function allocateGreedy(input: GreedyInput): GreedyOutcome {
  const { budget, variant } = input;
  requireWholeEuros(budget, "budget");
  for (const project of input.projects) requireWholeEuros(project.cost, `cost of project ${project.id}`);
  if (!(GREEDY_VARIANTS as readonly string[]).includes(variant)) throw new RangeError(`unknown greedy variant ${variant}`);

  const selected: ProjectId[] = [];
  const steps: GreedyStep[] = [];
  let left = budget;
  let partialId: ProjectId | null = null;
  let partialAmount = 0;
  let stopped = false;

  for (const ranked of rankByScore(input.projects, input.scores, input.tieBreak)) {
    const step = (decision: GreedyDecision, amount = 0): GreedyStep => ({
      id: ranked.id,
      rank: ranked.rank,
      score: ranked.score,
      cost: ranked.cost,
      tiedWith: ranked.tiedWith,
      budgetLeft: left,
      decision,
      amount,
    });
    if (stopped) {
      steps.push(step("not-reached"));
    } else if (ranked.score <= 0 && !input.fundUnvoted) {
      steps.push(step("no-votes"));
    } else if (ranked.cost <= left) {
      steps.push(step("funded", ranked.cost));
      selected.push(ranked.id);
      left -= ranked.cost;
    } else if (variant === "greedy") {
      steps.push(step("does-not-fit"));
    } else if (variant === "greedy-partial" && left > 0) {
      // Amsterdam tops up only the one idea where the money ran out; nothing below it is considered.
      steps.push(step("partially-funded", left));
      partialId = ranked.id;
      partialAmount = left;
      left = 0;
      stopped = true;
    } else {
      steps.push(step("stopped-here"));
      stopped = true;
    }
  }
  return { selected, partialId, partialAmount, spent: budget - left, leftover: left, steps };
}
