import { describe, expect, it } from "vitest";
import { partsConflicts, readBudgetPartsForm } from "./budget-parts-form";

const lists = {
  buurt: [
    { id: 1, name: "Noord", budgetEuros: null },
    { id: 2, name: "Zuid", budgetEuros: null },
  ],
  category: [{ id: 7, name: "Groen", budgetEuros: null }],
};
const round = { budgetEuros: 1000, outcomeRule: "greedy" };
const form = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("the budget parts form", () => {
  it("reads a split over the buurten with an amount each (Noord € 600 + Zuid € 400 = the budget)", () => {
    const read = readBudgetPartsForm(
      form({ budgetSplit: "buurt", leftoverPolicy: "unspent", "amount-buurt-1": "600", "amount-buurt-2": "€ 400" }),
      lists,
      round,
    );
    expect(read).toEqual({
      ok: true,
      value: {
        split: "buurt",
        leftover: "unspent",
        amounts: [
          { kind: "buurt", id: 1, euros: 600 },
          { kind: "buurt", id: 2, euros: 400 },
          { kind: "category", id: 7, euros: null },
        ],
      },
    });
  });

  it("needs an amount for every part of the chosen list, not of the other", () => {
    expect(readBudgetPartsForm(form({ budgetSplit: "buurt", leftoverPolicy: "unspent", "amount-buurt-1": "600" }), lists, round)).toEqual({
      ok: false,
      errors: { "amount-buurt-2": "amountRequired" },
    });
  });

  it("allows parts below the budget (the rest goes by the leftover policy) but not above: 600 + 500 > 1000", () => {
    expect(
      readBudgetPartsForm(form({ budgetSplit: "buurt", leftoverPolicy: "fund-what-fits", "amount-buurt-1": "600", "amount-buurt-2": "300" }), lists, round).ok,
    ).toBe(true);
    expect(
      readBudgetPartsForm(form({ budgetSplit: "buurt", leftoverPolicy: "unspent", "amount-buurt-1": "600", "amount-buurt-2": "500" }), lists, round),
    ).toEqual({
      ok: false,
      errors: { budgetSplit: "overBudget" },
    });
  });

  it("refuses parts with a rule that does not run per part, an empty list, and an amount in cents", () => {
    const amounts = { "amount-buurt-1": "600", "amount-buurt-2": "400" };
    expect(
      readBudgetPartsForm(form({ budgetSplit: "buurt", leftoverPolicy: "unspent", ...amounts }), lists, { ...round, outcomeRule: "equal-shares" }),
    ).toEqual({
      ok: false,
      errors: { budgetSplit: "needsGreedy" },
    });
    expect(readBudgetPartsForm(form({ budgetSplit: "buurt", leftoverPolicy: "unspent" }), { ...lists, buurt: [] }, round)).toEqual({
      ok: false,
      errors: { budgetSplit: "noItems" },
    });
    expect(readBudgetPartsForm(form({ budgetSplit: "none", leftoverPolicy: "unspent", "amount-category-7": "12,50" }), lists, round)).toEqual({
      ok: false,
      errors: { "amount-category-7": "euroWhole" },
    });
  });

  it("keeps the main settings from undoing the parts", () => {
    expect(partsConflicts({ budgetEuros: 900, outcomeRule: "prizes-by-rank" }, { split: "buurt", total: 1000 })).toEqual({
      budgetEuros: "budgetParts.errors.budgetBelowParts",
      outcomeRule: "budgetParts.errors.ruleNeedsParts",
    });
    expect(partsConflicts({ budgetEuros: 900, outcomeRule: "prizes-by-rank" }, { split: "none", total: 0 })).toEqual({});
  });
});
