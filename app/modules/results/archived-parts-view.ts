// What the results page of an archived round with a budget in parts shows (ADR 026): the same block per
// part as a live round's page (its money, what it spent itself, its winners, marked when paid from what
// the parts left), and the rule with the round's leftover policy, built by the live rounds' code
// (resultsView, explainOutcome) from the outcome archived-parts.ts computes. Pure and serialisable.

import { archivedPartsOutcome, type ArchivedPartIdea, type ArchivedPartsSpec } from "./archived-parts";
import type { OutcomeRule } from "./contest-outcome";
import { explainOutcome, type ExplainLine } from "./explain";
import { resultsView } from "./view";

export interface PartBlock {
  readonly name: string;
  readonly budget: number;
  readonly spent: number;
  readonly winners: readonly { readonly ideaId: number; readonly title: string; readonly amount: number; readonly fromLeftover: boolean }[];
}

export interface ArchivedPartsView {
  readonly parts: readonly PartBlock[];
  /** The rule per part and what became of what the parts left. */
  readonly rule: ExplainLine;
  /** Spent of the budget, what the parts left and where it went. */
  readonly money: readonly ExplainLine[];
}

export function archivedPartsView(input: {
  readonly rule: OutcomeRule;
  readonly budget: number;
  readonly parts: ArchivedPartsSpec;
  readonly ideas: readonly (ArchivedPartIdea & { readonly title: string })[];
}): ArchivedPartsView {
  const outcome = archivedPartsOutcome(input);
  const view = resultsView(
    { outcome, ideas: input.ideas.map((i) => ({ id: i.position, title: i.title })), turnout: { online: 0, code: 0, poster: 0, total: 0 } },
    null,
  );
  const summary = explainOutcome(outcome, "votes");
  return {
    // Only what the block shows travels to the page, not every idea's whole explanation.
    parts: (view.parts ?? []).map((part) => ({
      name: part.name,
      budget: part.budget,
      spent: part.spent,
      winners: part.winners.map((w) => ({ ideaId: w.ideaId, title: w.title, amount: w.amount, fromLeftover: w.fromLeftover })),
    })),
    rule: summary.rule,
    money: summary.money,
  };
}
