import { z } from "zod";
import { BUDGET_SPLITS, LEFTOVER_POLICIES, PART_RULES } from "./contest-constants";
import type { ContestPhase } from "./phases";
import { parseWholeEuros } from "./settings";

// The round's budget in parts (issue 22, ADR 026): divided over its buurten (sub-areas) or its categories
// (themes), an amount each, and a policy for what the parts leave. The parts decide what is on each
// part of the ballot and how the outcome is computed, so they are set before voting starts and stay.

export type BudgetSplit = (typeof BUDGET_SPLITS)[number];
export type PartKind = Exclude<BudgetSplit, "none">;
export type LeftoverPolicy = (typeof LEFTOVER_POLICIES)[number];

/** Until voting starts the ballot may still change; from then on the parts and every idea's part stay. */
export const BEFORE_VOTING = ["concept", "binnenkort", "aankondiging", "indienen", "juryselectie", "uitwerken"] as const satisfies readonly ContestPhase[];

export interface PartItem {
  readonly id: number;
  readonly name: string;
  readonly budgetEuros: number | null;
}

export type PartsProblem = "amountRequired" | "overBudget" | "needsGreedy" | "noItems" | "euroWhole";

export interface BudgetPartsValue {
  readonly split: BudgetSplit;
  readonly leftover: LeftoverPolicy;
  /** Every amount the form gave, of both lists (the other list's amounts are kept for a later change of mind). */
  readonly amounts: readonly { readonly kind: PartKind; readonly id: number; readonly euros: number | null }[];
}

export type BudgetPartsRead = { ok: true; value: BudgetPartsValue } | { ok: false; errors: Record<string, PartsProblem> };

/** The field that holds an item's amount. */
export const amountField = (kind: PartKind, id: number) => `amount-${kind}-${id}`;

const choices = z.object({
  budgetSplit: z.enum(BUDGET_SPLITS),
  leftoverPolicy: z.enum(LEFTOVER_POLICIES),
});

/**
 * Reads the parts form against the round's lists, budget and rule. With a split, every item of that list
 * needs an amount, the amounts together may not exceed the budget (the rest goes by the leftover policy),
 * and the rule must be one that runs per part.
 */
export function readBudgetPartsForm(
  form: { get(name: string): unknown },
  lists: { readonly [K in PartKind]: readonly PartItem[] },
  round: { readonly budgetEuros: number; readonly outcomeRule: string },
): BudgetPartsRead {
  const errors: Record<string, PartsProblem> = {};
  const parsed = choices.safeParse({ budgetSplit: form.get("budgetSplit"), leftoverPolicy: form.get("leftoverPolicy") ?? "fund-what-fits" });
  const split: BudgetSplit = parsed.success ? parsed.data.budgetSplit : "none";
  const leftover: LeftoverPolicy = parsed.success ? parsed.data.leftoverPolicy : "fund-what-fits";
  if (!parsed.success) errors.budgetSplit = "noItems";

  const amounts: { kind: PartKind; id: number; euros: number | null }[] = [];
  for (const kind of ["buurt", "category"] as const) {
    for (const item of lists[kind]) {
      const field = amountField(kind, item.id);
      const raw = form.get(field);
      const text = typeof raw === "string" ? raw.slice(0, 30).trim() : "";
      const euros = text === "" ? null : parseWholeEuros(text);
      if (text !== "" && euros === null) errors[field] = "euroWhole";
      else if (euros === null && kind === split) errors[field] = "amountRequired";
      amounts.push({ kind, id: item.id, euros });
    }
  }
  if (split !== "none") {
    const items = amounts.filter((a) => a.kind === split);
    if (items.length === 0) errors.budgetSplit = "noItems";
    else if (!(PART_RULES as readonly string[]).includes(round.outcomeRule)) errors.budgetSplit = "needsGreedy";
    else if (items.reduce((sum, a) => sum + (a.euros ?? 0), 0) > round.budgetEuros) errors.budgetSplit = "overBudget";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { split, leftover, amounts } };
}

/**
 * The main settings may not undo what the parts need: a budget below the parts together, or a rule that
 * does not run per part. Field name to message key, empty when all is well.
 */
export function partsConflicts(
  values: { readonly budgetEuros: number; readonly outcomeRule: string },
  parts: { readonly split: BudgetSplit; readonly total: number },
): Record<string, "budgetParts.errors.budgetBelowParts" | "budgetParts.errors.ruleNeedsParts"> {
  if (parts.split === "none") return {};
  const conflicts: Record<string, "budgetParts.errors.budgetBelowParts" | "budgetParts.errors.ruleNeedsParts"> = {};
  if (values.budgetEuros < parts.total) conflicts.budgetEuros = "budgetParts.errors.budgetBelowParts";
  if (!(PART_RULES as readonly string[]).includes(values.outcomeRule)) conflicts.outcomeRule = "budgetParts.errors.ruleNeedsParts";
  return conflicts;
}
