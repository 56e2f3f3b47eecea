import { describe, expect, it } from "vitest";
import { archivedPartsOutcome, partsOverBudget, reproducesOfficialOutcome, type ArchivedPartIdea } from "./archived-parts";
import { archivedPartsView } from "./archived-parts-view";

// An archived round of € 1.000 in two themes: Groen € 600 and Spelen € 400, fund-what-fits (ADR 026).
// Projects (place in the file, cost, theme, votes):
//   0  € 500 Groen   50
//   1  € 300 Groen   40
//   2  € 300 Spelen  30
//   3  € 200 Spelen  20
//   4  € 150 Groen   10
// greedy-stop per theme: Groen funds 0 (100 left), 1 does not fit: stop. Spelen funds 2 (100 left), 3 does
// not fit: stop. The themes leave € 200; fund-what-fits in vote order over 1, 3, 4: 1 (€ 300) does not fit,
// 3 (€ 200) fits, 4 (€ 150) no longer does. Winners 0, 2, then 3 from the leftover: € 1.000 spent.
// With "unspent": winners 0 and 2, € 200 stays.
const ideas: ArchivedPartIdea[] = [
  { position: 0, cost: 500, votes: 50, selected: 1, part: "Groen" },
  { position: 1, cost: 300, votes: 40, selected: 0, part: "Groen" },
  { position: 2, cost: 300, votes: 30, selected: 1, part: "Spelen" },
  { position: 3, cost: 200, votes: 20, selected: 1, part: "Spelen" },
  { position: 4, cost: 150, votes: 10, selected: 0, part: "Groen" },
];
const parts = {
  kind: "category" as const,
  parts: [
    { name: "Groen", budget: 600 },
    { name: "Spelen", budget: 400 },
  ],
  leftover: "fund-what-fits" as const,
};

describe("the outcome per part of an archived round", () => {
  it("is the live rounds' outcome per part, from the file's votes", () => {
    const outcome = archivedPartsOutcome({ rule: "greedy-stop", budget: 1000, parts, ideas });
    expect(outcome.winners).toEqual([0, 2, 3]);
    expect(outcome.parts).toMatchObject({ leftAfterParts: 200, spentFromLeftover: 200, leftover: "fund-what-fits" });
    expect(reproducesOfficialOutcome(outcome, ideas)).toBe(true);
    const unspent = archivedPartsOutcome({ rule: "greedy-stop", budget: 1000, parts: { ...parts, leftover: "unspent" }, ideas });
    expect(unspent.winners).toEqual([0, 2]);
    // The official outcome funded 3 as well: "unspent" does not reproduce it.
    expect(reproducesOfficialOutcome(unspent, ideas)).toBe(false);
  });

  it("never reproduces an official outcome with a partly funded project (no rule per part funds part of one)", () => {
    const outcome = archivedPartsOutcome({ rule: "greedy-stop", budget: 1000, parts, ideas });
    expect(
      reproducesOfficialOutcome(
        outcome,
        ideas.map((i) => (i.position === 3 ? { ...i, selected: 2 } : i)),
      ),
    ).toBe(false);
  });

  it("allows a euro of rounding per part above the budget, no more", () => {
    expect(partsOverBudget([{ budget: 600 }, { budget: 400 }], 1000)).toBe(false);
    expect(partsOverBudget([{ budget: 601 }, { budget: 401 }], 1000)).toBe(false);
    expect(partsOverBudget([{ budget: 601 }, { budget: 402 }], 1000)).toBe(true);
  });
});

describe("the results page's view of it", () => {
  it("gives per part its money, what it spent itself and its winners, marking those paid from what the parts left", () => {
    const view = archivedPartsView({ rule: "greedy-stop", budget: 1000, parts, ideas: ideas.map((i) => ({ ...i, title: `Project ${i.position}` })) });
    expect(view.parts).toEqual([
      { name: "Groen", budget: 600, spent: 500, winners: [{ ideaId: 0, title: "Project 0", amount: 500, fromLeftover: false }] },
      {
        name: "Spelen",
        budget: 400,
        spent: 300,
        winners: [
          { ideaId: 2, title: "Project 2", amount: 300, fromLeftover: false },
          { ideaId: 3, title: "Project 3", amount: 200, fromLeftover: true },
        ],
      },
    ]);
  });

  it("says the rule per part and the leftover policy in votes, not stickers", () => {
    const view = archivedPartsView({ rule: "greedy-stop", budget: 1000, parts, ideas: ideas.map((i) => ({ ...i, title: "x" })) });
    expect(view.rule).toEqual({
      key: "budgetParts.rule.sentence",
      params: {
        within: { line: { key: "budgetParts.rule.greedyStopVotes" } },
        leftover: { line: { key: "budgetParts.rule.leftoverFundWhatFitsVotes" } },
      },
    });
    expect(view.money.map((l) => l.key)).toEqual([
      "results.summary.spentBudget",
      "budgetParts.results.leftAfterParts",
      "budgetParts.results.leftoverFundWhatFitsVotes",
    ]);
    const unspent = archivedPartsView({
      rule: "greedy",
      budget: 1000,
      parts: { ...parts, leftover: "unspent" },
      ideas: ideas.map((i) => ({ ...i, title: "x" })),
    });
    expect(unspent.rule.params?.within).toEqual({ line: { key: "budgetParts.rule.greedyVotes" } });
    expect(unspent.rule.params?.leftover).toEqual({ line: { key: "budgetParts.rule.leftoverUnspentVotes" } });
    expect(unspent.money.map((l) => l.key)).toContain("budgetParts.results.leftoverUnspent");
  });
});
