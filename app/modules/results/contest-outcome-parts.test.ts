import { readFileSync } from "node:fs";
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
      "budgetParts.results.leftAfterParts",
      "budgetParts.results.leftoverFundWhatFits",
    ]);
  });
});

// Amsterdam's practice (greedy-stop inside a part, then fund what fits), where a part's own order differs
// from the round's: € 10.000 with Noord € 6.000 and Zuid € 3.000 (€ 1.000 in no part).
//   place  idea  part   cost    stickers
//   1      11    Noord  3.500   5
//   2      14    Zuid   2.000   4
//   3      12    Noord  3.000   3
//   4      15    Zuid   1.200   2
//   5      13    Noord  2.000   1
// Noord: 11 fits (6.000 → 2.500), 12 does not (3.000 > 2.500): Noord stops there, at the round's place 3
// (the second in Noord), so 13 is not reached. Zuid: 14 fits (3.000 → 1.000), 15 does not: Zuid stops.
// The parts leave 10.000 − 3.500 − 2.000 = 4.500. In score order: 12 fits (4.500 → 1.500), 15 fits
// (1.500 → 300), 13 (2.000) does not fit in 300. Winners 11, 14, 12, 15; € 300 left.
// Skipping inside a part instead ("greedy") would fund 13 in Noord and not 12: 11, 13, 14, 15.
describe("a round whose parts stop at the first idea that does not fit", () => {
  const stopIdeas = [
    { id: 11, cost: 3500, part: "Noord", stickers: 5 },
    { id: 14, cost: 2000, part: "Zuid", stickers: 4 },
    { id: 12, cost: 3000, part: "Noord", stickers: 3 },
    { id: 15, cost: 1200, part: "Zuid", stickers: 2 },
    { id: 13, cost: 2000, part: "Noord", stickers: 1 },
  ];
  const stopInput = (over: Partial<ContestOutcomeInput> = {}): ContestOutcomeInput => ({
    rule: "greedy-stop",
    budget: 10000,
    ideas: stopIdeas.map(({ id, cost }) => ({ id, cost })),
    totals: stopIdeas.map((i) => ({ ideaId: i.id, digital: i.stickers, poster: 0, total: i.stickers })),
    ballots: [
      [11, 14, 12],
      [11, 14, 12],
      [11, 14, 12],
      [11, 14, 15],
      [11, 15, 13],
    ],
    drawSeed: "test-seed-2027",
    parts: {
      kind: "buurt",
      parts: [
        { name: "Noord", budget: 6000 },
        { name: "Zuid", budget: 3000 },
      ],
      partOf: new Map(stopIdeas.map((i) => [i.id, i.part])),
      leftover: "fund-what-fits",
    },
    ...over,
  });

  it("funds per part, then from what the parts left, and names the round's place where a part stopped", () => {
    const outcome = computeContestOutcome(stopInput());
    expect(outcome.winners).toEqual([11, 14, 12, 15]);
    expect(outcome.spent).toBe(9700);
    const byId = new Map(outcome.ideas.map((i) => [i.ideaId, i]));
    expect(byId.get(12)?.reason).toEqual({ kind: "funded-from-leftover", budgetLeft: 4500 });
    expect(byId.get(15)?.reason).toEqual({ kind: "funded-from-leftover", budgetLeft: 1500 });
    // Noord stopped at 12, which is third in the round (second in Noord).
    expect(byId.get(13)?.reason).toEqual({ kind: "not-reached", stoppedAtRank: 3 });
    expect(byId.get(13)?.notFromLeftover).toEqual({ budgetLeft: 300 });
    expect(byId.get(11)?.notFromLeftover).toBeUndefined();
    expect(computeContestOutcome(stopInput({ rule: "greedy" })).winners).toEqual([11, 13, 14, 15]);
  });

  it("says, for an idea that won nothing, where its part stopped and that the leftover did not reach it", () => {
    const outcome = computeContestOutcome(stopInput());
    const thirteen = explainIdea(
      outcome.ideas.find((i) => i.ideaId === 13)!,
      outcome,
    );
    expect(thirteen.why).toEqual([
      { key: "budgetParts.results.inPart", params: { part: { text: "Noord" } } },
      { key: "budgetParts.results.notReached", params: { part: { text: "Noord" }, stoppedAt: { count: 3 } } },
      { key: "budgetParts.results.notFromLeftover", params: { left: { money: 300 }, cost: { money: 2000 } } },
    ]);
  });

  it("states the rule per part with the round's leftover policy, not the one-budget sentence", () => {
    expect(explainOutcome(computeContestOutcome(stopInput())).rule).toEqual({
      key: "budgetParts.rule.sentence",
      params: { within: { line: { key: "budgetParts.rule.greedyStop" } }, leftover: { line: { key: "budgetParts.rule.leftoverFundWhatFits" } } },
    });
    const unspent = computeContestOutcome(stopInput({ rule: "greedy", parts: { ...stopInput().parts!, leftover: "unspent" } }));
    expect(explainOutcome(unspent).rule).toEqual({
      key: "budgetParts.rule.sentence",
      params: { within: { line: { key: "budgetParts.rule.greedy" } }, leftover: { line: { key: "budgetParts.rule.leftoverUnspent" } } },
    });
    expect(explainOutcome(computeContestOutcome(stopInput({ parts: null }))).rule).toEqual({ key: "rounds.outcome.greedy-stop" });
  });

  it("says the leftover stays unspent where that is the round's policy, and never that it does under fund-what-fits", () => {
    const unspent = computeContestOutcome(stopInput({ parts: { ...stopInput().parts!, leftover: "unspent" } }));
    expect(unspent.winners).toEqual([11, 14]);
    const twelve = explainIdea(
      unspent.ideas.find((i) => i.ideaId === 12)!,
      unspent,
    );
    expect(twelve.why.map((l) => l.key)).toEqual(["budgetParts.results.inPart", "budgetParts.results.stoppedHere", "budgetParts.results.leftoverStaysUnspent"]);
    const fits = computeContestOutcome(stopInput());
    for (const idea of fits.ideas) {
      expect(explainIdea(idea, fits).why.map((l) => l.key)).not.toContain("results.explain.stoppedHere");
    }
  });
});

// Amsterdam Centrum 2020 (tests/fixtures/pabulib, per neighbourhood: Oostelijke Eilanden 150,000,
// Haarlemmerhouttuinen 100,000, Other 250,000) set up as a round: its neighbourhoods as buurten that divide
// the budget, greedy-stop, leftover policy "unspent". The round funds the 22 ideas Amsterdam funded and
// leaves 43,700 (the reasoning per neighbourhood is in official-outcomes.test.ts).
describe("a round set up as Amsterdam Centrum 2020", () => {
  it("funds exactly what Amsterdam funded, per buurt, and leaves what the buurten left", () => {
    const file = parsePb(readFileSync(new URL("../../../tests/fixtures/pabulib/Netherlands_Amsterdam_2020_Centrum.pb", import.meta.url), "utf8"));
    const parts = pbBudgetParts(file)!;
    const outcome = computeContestOutcome({
      rule: "greedy-stop",
      budget: 500000,
      ideas: file.projects.map((p) => ({ id: Number(p.id), cost: p.cost })),
      totals: file.projects.map((p) => ({ ideaId: Number(p.id), digital: p.votes ?? 0, poster: 0, total: p.votes ?? 0 })),
      ballots: null,
      drawSeed: "centrum-2020",
      parts: {
        kind: "buurt",
        parts: parts.parts.map((p) => ({ name: p.key, budget: p.budget })),
        partOf: new Map(file.projects.map((p) => [Number(p.id), p.extra.neighborhood ?? ""])),
        leftover: parts.leftover,
      },
    });
    const official = file.projects.filter((p) => p.selected === 1).map((p) => Number(p.id));
    expect(official).toHaveLength(22);
    expect([...outcome.winners].sort()).toEqual(official.sort());
    expect(outcome.parts).toMatchObject({ leftAfterParts: 43700, leftover: "unspent", spentFromLeftover: 0 });
    expect(outcome.spent).toBe(456300);
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
    // Idea 2 (€ 300) did not fit in Noord's € 100, nor in the € 200 the parts left when its turn came there.
    expect(json.ideas.find((i) => i.id === 2)?.notFromLeftover).toEqual({ budgetLeft: 200 });
    expect(json.ideas.find((i) => i.id === 4)).not.toHaveProperty("notFromLeftover");
  });
});
