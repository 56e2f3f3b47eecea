// An archived round whose budget is divided into parts (ADR 026): the outcome per part, computed by the
// live rounds' code (computeContestOutcome with parts) from the votes the file gives. The page shows the
// official outcome; this computation says per part what it spent itself and which winners were paid from
// what the parts left. The import keeps only a file whose official outcome this computation reproduces,
// so the two never tell a different story.

import { computeContestOutcome, type ContestOutcome, type OutcomeRule } from "./contest-outcome";
import type { LeftoverPolicy } from "./budget-parts";

/** Ties in an archived round's votes are broken by a fixed public seed: the same at the import and on the page. */
export const ARCHIVED_DRAW_SEED = "pabulib-archief";

export interface ArchivedPartsSpec {
  /** Sub-areas (Pabulib budget_per_neighborhood) or themes (budget_per_category). */
  readonly kind: "buurt" | "category";
  readonly parts: readonly { readonly name: string; readonly budget: number }[];
  readonly leftover: LeftoverPolicy;
}

export interface ArchivedPartIdea {
  /** The project's place in the file: its id in the computed outcome. */
  readonly position: number;
  readonly cost: number;
  readonly votes: number;
  /** The official outcome: 1 funded, 2 partially funded, 0 not. */
  readonly selected: number;
  readonly part: string;
}

export function archivedPartsOutcome(input: {
  readonly rule: OutcomeRule;
  readonly budget: number;
  readonly parts: ArchivedPartsSpec;
  readonly ideas: readonly ArchivedPartIdea[];
}): ContestOutcome {
  // Only the file's totals are kept (not its ballots): voters then count as votes, and the seed decides
  // what the votes do not.
  return computeContestOutcome({
    rule: input.rule,
    budget: input.budget,
    ideas: input.ideas.map((i) => ({ id: i.position, cost: i.cost })),
    totals: input.ideas.map((i) => ({ ideaId: i.position, digital: i.votes, poster: 0, total: i.votes })),
    ballots: null,
    drawSeed: ARCHIVED_DRAW_SEED,
    parts: {
      kind: input.parts.kind,
      parts: input.parts.parts,
      partOf: new Map(input.ideas.map((i) => [i.position, i.part])),
      leftover: input.parts.leftover,
    },
  });
}

/** Whether the computed outcome funds exactly the projects the file's official outcome funds (none partially). */
export function reproducesOfficialOutcome(outcome: ContestOutcome, ideas: readonly ArchivedPartIdea[]): boolean {
  const official = new Set(ideas.filter((i) => i.selected > 0).map((i) => i.position));
  if (ideas.some((i) => i.selected === 2)) return false;
  return outcome.winners.length === official.size && outcome.winners.every((id) => official.has(id));
}

/**
 * Parts that add up to more than the budget are refused, except by at most one euro per part: each part's
 * amount rounded up to whole euros (Amsterdam's Oud Oost 2022 lists 300,001 for its 300,000).
 */
export function partsOverBudget(parts: readonly { readonly budget: number }[], budget: number): boolean {
  const total = parts.reduce((sum, p) => sum + p.budget, 0);
  return total > budget + parts.length;
}
