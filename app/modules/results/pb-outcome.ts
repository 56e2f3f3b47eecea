// From a parsed .pb file to an outcome: which rule the file says was used,
// which scores that rule ranks by, and the rule itself. Shared by the
// `wijkvonk pb tally` command and the tests against official outcomes, so
// both read a file the same way.

import { equalShares, type EqualSharesCompletion, type EqualSharesOutcome } from "./equal-shares";
import { allocateGreedy, type GreedyOutcome, type GreedyVariant } from "./greedy";
import { pbBudget, pbVoteType, type PbFile } from "./pb-format";
import type { ProjectId } from "./ranking";
import { tally } from "./tally";

export const PB_RULES = ["greedy", "greedy-stop", "greedy-partial", "equal-shares"] as const;
export type PbRule = (typeof PB_RULES)[number];

export interface PbRuleChoice {
  readonly rule: PbRule;
  /** Only used by equal-shares. */
  readonly completion: EqualSharesCompletion;
}

/** A file we can read but cannot apply the chosen rule to (no budget, ranked ballots, ...). */
export class PbRuleError extends Error {
  override readonly name = "PbRuleError";
}

/**
 * The rule named in META. Pabulib writes "greedy-custom" for Amsterdam and
 * puts the part that differs, what happens to the money left over, in
 * `leftover_budget`; "equalshares/add1" is Equal Shares with the add1
 * completion. Anything else is read as plain greedy, the most common rule.
 */
export function ruleFromPbMeta(meta: Readonly<Record<string, string>>): PbRuleChoice {
  const rule = (meta.rule ?? "").trim().toLowerCase();
  if (rule.startsWith("equalshares") || rule.startsWith("equal-shares") || rule === "mes") {
    return { rule: "equal-shares", completion: rule.includes("add1") ? "add1" : "none" };
  }
  const leftover = (meta.leftover_budget ?? "").toLowerCase();
  let variant: GreedyVariant = "greedy";
  if (rule === "greedy-custom" || rule === "greedy") {
    if (/partially fund/.test(leftover)) variant = "greedy-partial";
    else if (/fund additional projects that fit/.test(leftover)) variant = "greedy";
    else if (/unspent|not (?:be )?(?:used|spent)|returned/.test(leftover)) variant = "greedy-stop";
  }
  return { rule: variant, completion: "add1" };
}

export interface PbOutcome {
  readonly rule: PbRule;
  readonly completion: EqualSharesCompletion | null;
  readonly budget: number;
  /** Selected projects in the order the rule selected them. */
  readonly selected: ProjectId[];
  readonly partialId: ProjectId | null;
  readonly partialAmount: number;
  readonly spent: number;
  /** The scores ranked by: approvals, choose-1 votes or points, tallied from the ballots. */
  readonly scores: Map<ProjectId, number>;
  readonly voters: number;
  readonly greedy: GreedyOutcome | null;
  readonly equalShares: EqualSharesOutcome | null;
}

/**
 * Scores come from the ballots. A file without any ballot but with a `votes`
 * column (some Pabulib files publish only totals) is ranked by that column.
 */
function scoresOf(file: PbFile): Map<ProjectId, number> {
  const projectIds = file.projects.map((p) => p.id);
  if (file.votes.length === 0 && file.projects.every((p) => p.votes !== undefined)) {
    return new Map(file.projects.map((p) => [p.id, p.votes ?? 0]));
  }
  const voteType = pbVoteType(file.meta);
  if (voteType === "ordinal") {
    throw new PbRuleError("ordinal (ranked) ballots cannot be tallied into scores by these rules");
  }
  const usesPoints = voteType === "cumulative" || voteType === "scoring";
  return tally(
    file.votes.map((v) => (usesPoints ? { vote: v.vote, points: v.points ?? [] } : v.vote)),
    projectIds,
  ).totals;
}

export function computePbOutcome(file: PbFile, choice: PbRuleChoice = ruleFromPbMeta(file.meta)): PbOutcome {
  const budget = pbBudget(file);
  if (budget === null) throw new PbRuleError("META has no budget");
  const { rule, completion } = choice;

  if (rule === "equal-shares") {
    const voteType = pbVoteType(file.meta);
    if (voteType !== "approval" && voteType !== "choose-1") {
      throw new PbRuleError(`equal shares is implemented for approval ballots, not ${voteType}`);
    }
    const outcome = equalShares({
      projects: file.projects,
      ballots: file.votes.map((v) => v.vote),
      budget,
      completion,
    });
    return {
      rule,
      completion,
      budget,
      selected: outcome.selected,
      partialId: null,
      partialAmount: 0,
      spent: outcome.spent,
      scores: tally(
        file.votes.map((v) => v.vote),
        file.projects.map((p) => p.id),
      ).totals,
      voters: file.votes.length,
      greedy: null,
      equalShares: outcome,
    };
  }

  const scores = scoresOf(file);
  const outcome = allocateGreedy({ projects: file.projects, scores, budget, variant: rule });
  return {
    rule,
    completion: null,
    budget,
    selected: outcome.selected,
    partialId: outcome.partialId,
    partialAmount: outcome.partialAmount,
    spent: outcome.spent,
    scores,
    voters: file.votes.length,
    greedy: outcome,
    equalShares: null,
  };
}
