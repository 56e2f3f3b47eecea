import { describe, expect, it } from "vitest";
import { computeContestOutcome, ContestOutcomeError, type ContestOutcomeInput } from "./contest-outcome";
import { explainIdea, explainOutcome } from "./explain";
import { contestToPb, publicResults, resultsCsv } from "./open-data";
import { parsePb, writePb } from "./pb-format";
import { computePbOutcome, pbBudgetParts } from "./pb-outcome";

// A round of € 1.000 in two parts: Noord € 600 and Zuid € 400 (ADR 026).
// Ideas (cost, part, stickers from the ballots below):
//   1  € 500 Noord  5
//   2  € 300 Noord  4
//   3  € 300 Zuid   3
//   4  € 200 Zuid   2
//   5  € 150 Noord  1
// Noord (€ 600), greedy: 1 fits (600 → 100), 2 does not (300 > 100), 5 does not (150 > 100): spent 500.
// Zuid (€ 400), greedy: 3 fits (400 → 100), 4 does not (200 > 100): spent 300.
// The parts leave 100 + 100 = € 200. fund-what-fits, in score order over 2, 4, 5: 2 (€ 300) does not fit,
// 4 (€ 200) fits (200 → 0), 5 does not. Winners: 1, 3, then 4 from the leftover; spent € 1.000.
// With "unspent" the € 200 stays: winners 1, 3; spent € 800.
// Without parts (one budget of € 1.000), greedy would fund 1, 2 and 4 instead (500 + 300 + 200).
const ballots = [
  [1, 2, 3],
  [1, 2, 3],
  [1, 2, 3],
  [1, 2, 4],
  [1, 4, 5],
];
const ideas = [
  { id: 1, cost: 500 },
  { id: 2, cost: 300 },
  { id: 3, cost: 300 },
  { id: 4, cost: 200 },
  { id: 5, cost: 150 },
];
const partOf = new Map([
  [1, "Noord"],
  [2, "Noord"],
  [3, "Zuid"],
  [4, "Zuid"],
  [5, "Noord"],
]);

function input(over: Partial<ContestOutcomeInput> = {}): ContestOutcomeInput {
  const totals = ideas.map((i) => {
    const digital = ballots.flat().filter((id) => id === i.id).length;
    return { ideaId: i.id, digital, poster: 0, total: digital };
  });
  return {
    rule: "greedy",
    budget: 1000,
    ideas,
    totals,
    ballots,
    drawSeed: "test-seed-2027",
    parts: {
      kind: "buurt",
      parts: [
        { name: "Noord", budget: 600 },
        { name: "Zuid", budget: 400 },
      ],
      partOf,
      leftover: "fund-what-fits",
    },
    ...over,
  };
}

describe("a round with its budget in parts", () => {
  it("runs greedy per part, then funds what fits from what the parts left", () => {
    const outcome = computeContestOutcome(input());
    expect(outcome.winners).toEqual([1, 3, 4]);
    expect(outcome.spent).toBe(1000);
    expect(outcome.parts).toEqual({
      kind: "buurt",
      parts: [
        { name: "Noord", budget: 600, spent: 500 },
        { name: "Zuid", budget: 400, spent: 300 },
      ],
      leftAfterParts: 200,
      leftover: "fund-what-fits",
      spentFromLeftover: 200,
    });
    const byId = new Map(outcome.ideas.map((i) => [i.ideaId, i]));
    expect(byId.get(4)?.reason).toEqual({ kind: "funded-from-leftover", budgetLeft: 200 });
    expect(byId.get(2)?.reason).toEqual({ kind: "does-not-fit", budgetLeft: 100, overWholeBudget: false });
    expect(byId.get(5)?.part).toBe("Noord");
    expect(byId.get(4)?.chosenAs).toBe(3);
  });

  it("leaves what the parts left unspent under that policy", () => {
    const outcome = computeContestOutcome(input({ parts: { ...input().parts!, leftover: "unspent" } }));
    expect(outcome.winners).toEqual([1, 3]);
    expect(outcome.spent).toBe(800);
    expect(outcome.leftover).toBe(200);
  });

  it("stops inside a part at the first idea that does not fit with greedy-stop", () => {
    // Noord stops at 2 (300 > 100), so 5 is not reached; the leftover pass then looks at 2, 4, 5 again.
    const outcome = computeContestOutcome(input({ rule: "greedy-stop", parts: { ...input().parts!, leftover: "unspent" } }));
    const byId = new Map(outcome.ideas.map((i) => [i.ideaId, i]));
    expect(byId.get(2)?.reason.kind).toBe("stopped-here");
    expect(byId.get(5)?.reason).toEqual({ kind: "not-reached", stoppedAtRank: 2 });
  });

  it("differs from the same round with one budget", () => {
    expect(computeContestOutcome(input({ parts: null })).winners).toEqual([1, 2, 4]);
  });

  it("refuses a rule that does not run per part, and an idea without a part", () => {
    expect(() => computeContestOutcome(input({ rule: "equal-shares" }))).toThrow(ContestOutcomeError);
    const without = new Map(partOf);
    without.delete(5);
    try {
      computeContestOutcome(input({ parts: { ...input().parts!, partOf: without } }));
      expect.unreachable();
    } catch (error) {
      expect((error as ContestOutcomeError).code).toBe("idea-without-part");
    }
  });

  it("explains per part", () => {
    const outcome = computeContestOutcome(input());
    const four = explainIdea(
      outcome.ideas.find((i) => i.ideaId === 4)!,
      outcome,
    );
    expect(four.why.map((l) => l.key)).toEqual(["budgetParts.results.inPart", "budgetParts.results.fundedFromLeftover"]);
    expect(explainOutcome(outcome).money.map((l) => l.key)).toEqual([
      "results.summary.spentBudget",
      "budgetParts.results.partLine",
      "budgetParts.results.partLine",
      "budgetParts.results.leftAfterParts",
      "budgetParts.results.leftoverFundWhatFits",
    ]);
  });
});

describe("the .pb export of a round with parts", () => {
  it("writes the parts as Pabulib does, and a file read back gives the same parts and the same winners", () => {
    const outcome = computeContestOutcome(input());
    const file = contestToPb({
      contest: { title: "Wijkbudget Test", organisation: "Wijkteam", areas: [], votesPerResident: 3, allowStacking: false, amountsIncludeVat: true },
      ideas: ideas.map((i) => ({ id: i.id, title: `Idee ${i.id}` })),
      ballots,
      outcome,
    });
    expect(file.meta).toMatchObject({ neighborhoods: "Noord,Zuid", budget_per_neighborhood: "600,400" });
    const read = parsePb(writePb(file));
    expect(pbBudgetParts(read)).toEqual({
      column: "neighborhood",
      parts: [
        { key: "Noord", budget: 600 },
        { key: "Zuid", budget: 400 },
      ],
      leftover: "fund-what-fits",
    });
    // The CLI's reading of the file (pb tally) funds the same ideas as the round did.
    expect(computePbOutcome(read).selected.map(Number).sort()).toEqual([...outcome.winners].sort());
  });

  it("says when the parts' leftover stays unspent", () => {
    const outcome = computeContestOutcome(input({ parts: { ...input().parts!, leftover: "unspent" } }));
    const file = contestToPb({
      contest: { title: "Wijkbudget Test", organisation: "Wijkteam", areas: [], votesPerResident: 3, allowStacking: false, amountsIncludeVat: true },
      ideas: ideas.map((i) => ({ id: i.id, title: `Idee ${i.id}` })),
      ballots,
      outcome,
    });
    const read = parsePb(writePb(file));
    expect(pbBudgetParts(read)?.leftover).toBe("unspent");
    expect(computePbOutcome(read).selected.map(Number).sort()).toEqual([1, 3]);
  });
});

describe("the CSV and JSON exports of a round with parts", () => {
  it("carry each idea's part and the parts' money", () => {
    const outcome = computeContestOutcome(input());
    const labels = ideas.map((i) => ({ id: i.id, title: `Idee ${i.id}` }));
    const lines = resultsCsv(outcome, labels, true).trim().split("\r\n");
    expect(lines[0]?.endsWith(",part")).toBe(true);
    expect(lines[1]?.endsWith(",Noord")).toBe(true);
    const json = publicResults(outcome, {
      contest: { slug: "t", title: "T", organisation: "O", areas: [], votesPerResident: 3, allowStacking: false, amountsIncludeVat: true },
      turnout: { online: 5, code: 0, poster: 0, total: 5 },
      ideas: labels,
      revealedAt: 0,
      corrections: [],
    });
    expect(json.parts?.parts.map((p) => p.name)).toEqual(["Noord", "Zuid"]);
    expect(json.ideas.find((i) => i.id === 4)?.part).toBe("Zuid");
  });
});
