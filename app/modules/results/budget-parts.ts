// A round whose budget is divided into parts: sub-areas (Pabulib
// `budget_per_neighborhood`) or themes (`budget_per_category`); CONSUL calls
// them headings. Every idea belongs to exactly one part. The greedy rule runs
// inside each part with that part's money; what the parts leave is then spent
// by the round's leftover policy:
//   unspent         the money stays unspent;
//   fund-what-fits  the ideas not yet funded, from all parts together, in
//                   score order, each funded when it fits in what is left
//                   (Pabulib: "fund additional projects that fit within
//                   leftover budget ordered by score"); a part's limit no
//                   longer applies to them.
// Amsterdam's buurtbudgets stop inside a part at the first idea that does not
// fit (withinPart "greedy-stop"), then fund what fits: the only reading that
// reproduces Geuzenveld-Slotermeer 2020, where skipping inside a part would
// have funded 36772. Centrum 2020 (per neighbourhood, whose amounts Pabulib calls upper bounds) stops the
// same way and leaves the rest unspent: funding what fits from it would have funded 35854.

import { allocateGreedy, type GreedyOutcome, type GreedyStep } from "./greedy";
import type { CostedProject, ProjectId, ScoreTable, TieBreak } from "./ranking";

export const LEFTOVER_POLICIES = ["unspent", "fund-what-fits"] as const;
export type LeftoverPolicy = (typeof LEFTOVER_POLICIES)[number];

/** Inside a part: skip an idea that does not fit ("greedy") or stop there ("greedy-stop"). */
export type WithinPartVariant = "greedy" | "greedy-stop";

export interface BudgetPart {
  /** The part's name as the round (or file) spells it. */
  readonly key: string;
  /** Whole euros. */
  readonly budget: number;
}

export interface PartedProject extends CostedProject {
  readonly part: string;
}

export interface PartsInput {
  readonly projects: readonly PartedProject[];
  readonly scores: ScoreTable;
  /** The round's whole budget; normally the parts add up to it. */
  readonly budget: number;
  readonly parts: readonly BudgetPart[];
  readonly withinPart: WithinPartVariant;
  readonly leftover: LeftoverPolicy;
  readonly tieBreak?: TieBreak;
  readonly fundUnvoted?: boolean;
}

export interface PartOutcome {
  readonly key: string;
  readonly budget: number;
  /** Spent inside the part (not counting ideas of this part funded from the leftover). */
  readonly spent: number;
  readonly greedy: GreedyOutcome;
}

export interface PartsOutcome {
  /** Every funded idea: per part in the parts' order, then those funded from the leftover. */
  readonly selected: ProjectId[];
  readonly spent: number;
  readonly leftover: number;
  readonly parts: PartOutcome[];
  /** What the parts left over, before the leftover policy spent any of it. */
  readonly leftAfterParts: number;
  /** fund-what-fits: the pass over the remaining ideas with the money left; null when unspent. */
  readonly leftoverPass: GreedyOutcome | null;
  /** Per idea: the part it belongs to. */
  readonly partOf: Map<ProjectId, string>;
}

export function allocateByParts(input: PartsInput): PartsOutcome {
  const { budget, parts } = input;
  if (!Number.isSafeInteger(budget) || budget < 0) throw new RangeError(`budget must be a whole, non-negative number of euros, not ${budget}`);
  if (parts.length === 0) throw new RangeError("a round divided into parts needs at least one part");
  const seen = new Set<string>();
  for (const part of parts) {
    if (seen.has(part.key)) throw new RangeError(`part "${part.key}" is listed twice`);
    seen.add(part.key);
    if (!Number.isSafeInteger(part.budget) || part.budget < 0) throw new RangeError(`budget of part "${part.key}" must be whole, non-negative euros`);
  }
  const partOf = new Map<ProjectId, string>();
  for (const project of input.projects) {
    if (!seen.has(project.part)) throw new RangeError(`project ${project.id} belongs to part "${project.part}", which the round does not have`);
    partOf.set(project.id, project.part);
  }

  const outcomes: PartOutcome[] = parts.map((part) => {
    const greedy = allocateGreedy({
      projects: input.projects.filter((p) => p.part === part.key),
      scores: input.scores,
      budget: part.budget,
      variant: input.withinPart,
      tieBreak: input.tieBreak,
      fundUnvoted: input.fundUnvoted,
    });
    return { key: part.key, budget: part.budget, spent: greedy.spent, greedy };
  });
  const selected = outcomes.flatMap((o) => o.greedy.selected);
  const spentInParts = outcomes.reduce((sum, o) => sum + o.spent, 0);
  // The parts may add up to a little more than the round's budget (Amsterdam's Oud Oost 2022 lists
  // 300,001 for 300,000, a rounding); the round's budget stays the limit of what they spend together.
  if (spentInParts > budget) throw new RangeError(`the parts spend ${spentInParts} together, more than the round's budget of ${budget}`);
  const leftAfterParts = budget - spentInParts;

  let leftoverPass: GreedyOutcome | null = null;
  if (input.leftover === "fund-what-fits") {
    const funded = new Set(selected);
    leftoverPass = allocateGreedy({
      projects: input.projects.filter((p) => !funded.has(p.id)),
      scores: input.scores,
      budget: leftAfterParts,
      variant: "greedy",
      tieBreak: input.tieBreak,
      fundUnvoted: input.fundUnvoted,
    });
    selected.push(...leftoverPass.selected);
  }
  const spent = spentInParts + (leftoverPass?.spent ?? 0);
  return { selected, spent, leftover: budget - spent, parts: outcomes, leftAfterParts, leftoverPass, partOf };
}

/** The step that decided an idea: in the leftover pass when it was funded there, else in its part. */
export function decidingStep(outcome: PartsOutcome, id: ProjectId): GreedyStep | undefined {
  const fromLeftover = outcome.leftoverPass?.steps.find((s) => s.id === id);
  if (fromLeftover && fromLeftover.decision === "funded") return fromLeftover;
  const part = outcome.parts.find((p) => p.key === outcome.partOf.get(id));
  return part?.greedy.steps.find((s) => s.id === id);
}
