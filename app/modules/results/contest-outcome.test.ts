import { describe, expect, it } from "vitest";
import { computeContestOutcome, ContestOutcomeError, type ContestOutcomeInput, type OutcomeRule } from "./contest-outcome";
import { drawLot } from "./draw";

const SEED = "test-seed-2027";

/** Totals straight from digital ballots (no poster), as combineVotes would give them. */
function fromBallots(ideaIds: number[], ballots: number[][], poster: Record<number, number> = {}) {
  return ideaIds.map((ideaId) => {
    const digital = ballots.flat().filter((id) => id === ideaId).length;
    const onPoster = poster[ideaId] ?? 0;
    return { ideaId, digital, poster: onPoster, total: digital + onPoster };
  });
}

function input(over: Partial<ContestOutcomeInput> & { ballots: number[][] | null }): ContestOutcomeInput {
  const ideas = over.ideas ?? [
    { id: 1, cost: 600 },
    { id: 2, cost: 500 },
    { id: 3, cost: 300 },
    { id: 4, cost: 100 },
  ];
  return {
    rule: "prizes-by-rank",
    budget: 1000,
    prizes: [
      { position: 1, name: "Eerste prijs", amountEuros: 500 },
      { position: 2, name: "Tweede prijs", amountEuros: 300 },
      { position: 3, name: "Derde prijs", amountEuros: 200 },
    ],
    drawSeed: SEED,
    totals: fromBallots(
      ideas.map((i) => i.id),
      over.ballots ?? [],
    ),
    ...over,
    ideas,
  };
}

// Idea 1: 5 stickers, 2: 4, 3: 3, 4: 1.
const plainBallots = [
  [1, 2, 3],
  [1, 2, 3],
  [1, 2, 3],
  [1, 2],
  [1, 4],
];

describe("prizes by rank", () => {
  it("gives the first prize to the most stickers, and so on", () => {
    const outcome = computeContestOutcome(input({ ballots: plainBallots }));
    expect(outcome.winners).toEqual([1, 2, 3]);
    expect(outcome.ideas.map((i) => [i.ideaId, i.rank, i.stickers, i.status, i.prize?.position ?? null, i.amount])).toEqual([
      [1, 1, 5, "prize", 1, 500],
      [2, 2, 4, "prize", 2, 300],
      [3, 3, 3, "prize", 3, 200],
      [4, 4, 1, "not-chosen", null, 0],
    ]);
    expect(outcome.ideas[3]?.reason).toEqual({ kind: "no-prize-left", prizes: 3 });
    expect(outcome.spent).toBe(1000);
    expect(outcome.prizesNotAwarded).toEqual([]);
  });

  it("gives no prize to an idea without stickers, and says which prizes stay unawarded", () => {
    const outcome = computeContestOutcome(input({ ballots: [[1, 2], [1]] }));
    expect(outcome.winners).toEqual([1, 2]);
    expect(outcome.prizesNotAwarded).toEqual([3]);
    expect(
      outcome.ideas
        .filter((i) => i.reason.kind === "no-votes")
        .map((i) => i.ideaId)
        .sort(),
    ).toEqual([3, 4]);
  });

  it("works with no ballots at all: nobody wins, every idea has no votes", () => {
    const outcome = computeContestOutcome(input({ ballots: [] }));
    expect(outcome.winners).toEqual([]);
    expect(outcome.spent).toBe(0);
    expect(outcome.prizesNotAwarded).toEqual([1, 2, 3]);
    expect(outcome.ideas.every((i) => i.reason.kind === "no-votes" && i.stickers === 0 && i.voters === 0)).toBe(true);
  });
});

describe("the written tie-break rule", () => {
  it("first: more residents who put a sticker on it (a stacked sticker is one resident)", () => {
    // Both have 4 stickers; idea 1 from 2 residents (stacked), idea 2 from 4.
    const ballots = [[1, 1], [1, 1], [2], [2], [2], [2]];
    const outcome = computeContestOutcome(input({ ballots }));
    expect(outcome.ideas.slice(0, 2).map((i) => [i.ideaId, i.stickers, i.voters])).toEqual([
      [2, 4, 4],
      [1, 4, 2],
    ]);
    expect(outcome.ideas[0]?.tieBelow).toEqual({ ideaId: 1, rank: 2, decidedBy: "voters" });
    expect(outcome.ideas[1]?.tieAbove).toEqual({ ideaId: 2, rank: 1, decidedBy: "voters" });
    expect(outcome.drawUsed).toBe(false);
  });

  it("counts every poster sticker as one resident", () => {
    const ideas = [
      { id: 1, cost: 100 },
      { id: 2, cost: 100 },
    ];
    // Idea 1: 2 digital stickers from one ballot + 2 poster = 3 voters; idea 2: 4 digital from 2 ballots = 2 voters.
    const ballots = [
      [1, 1],
      [2, 2],
      [2, 2],
    ];
    const outcome = computeContestOutcome(input({ ideas, ballots, totals: fromBallots([1, 2], ballots, { 1: 2 }) }));
    expect(outcome.ideas.map((i) => [i.ideaId, i.stickers, i.voters, i.poster])).toEqual([
      [1, 4, 3, 2],
      [2, 4, 2, 0],
    ]);
  });

  it("then: the higher jury score", () => {
    const ballots = [[1], [2]];
    const outcome = computeContestOutcome(
      input({
        ballots,
        juryScores: new Map([
          [1, 6.5],
          [2, 8],
        ]),
      }),
    );
    expect(outcome.tieSteps).toEqual(["voters", "jury", "draw"]);
    expect(outcome.winners.slice(0, 2)).toEqual([2, 1]);
    expect(outcome.ideas[0]?.tieBelow?.decidedBy).toBe("jury");
  });

  it("then: the public draw with the recorded seed, lowest lot first", () => {
    const ballots = [[1], [2], [3], [4]];
    const outcome = computeContestOutcome(input({ ballots }));
    expect(outcome.tieSteps).toEqual(["voters", "draw"]);
    const byLot = [1, 2, 3, 4].sort((a, b) => (drawLot(SEED, a) < drawLot(SEED, b) ? -1 : 1));
    expect(outcome.ideas.map((i) => i.ideaId)).toEqual(byLot);
    expect(outcome.drawUsed).toBe(true);
    expect(outcome.drawSeed).toBe(SEED);
    expect(outcome.ideas[1]?.tieAbove?.decidedBy).toBe("draw");
    // Another seed may give another order, but always the lot order of that seed.
    const other = computeContestOutcome(input({ ballots, drawSeed: "another-seed" }));
    expect(other.ideas.map((i) => i.ideaId)).toEqual([1, 2, 3, 4].sort((a, b) => (drawLot("another-seed", a) < drawLot("another-seed", b) ? -1 : 1)));
  });

  it("an idea without a jury score comes after one with a score", () => {
    const outcome = computeContestOutcome(input({ ballots: [[1], [2]], juryScores: new Map([[2, 1]]) }));
    expect(outcome.winners.slice(0, 2)).toEqual([2, 1]);
  });

  it("does not mention a tie when the stickers differ, nor among ideas without stickers", () => {
    const outcome = computeContestOutcome(input({ ballots: plainBallots }));
    expect(outcome.ideas.every((i) => i.tieAbove === null && i.tieBelow === null)).toBe(true);
    const none = computeContestOutcome(input({ ballots: [] }));
    expect(none.ideas.every((i) => i.tieAbove === null && i.tieBelow === null)).toBe(true);
    expect(none.drawUsed).toBe(false);
  });
});

describe("greedy budget rules", () => {
  // Ranked 1 (600), 2 (500), 3 (300), 4 (100); budget 1000: idea 2 no longer fits after idea 1.
  const run = (rule: OutcomeRule, budget = 1000) => computeContestOutcome(input({ rule, budget, ballots: plainBallots }));

  it("greedy: skips the idea that does not fit and funds the next ones that do", () => {
    const outcome = run("greedy");
    expect(outcome.winners).toEqual([1, 3, 4]);
    expect(outcome.ideas.map((i) => i.reason)).toEqual([
      { kind: "funded", budgetLeft: 1000 },
      { kind: "does-not-fit", budgetLeft: 400, overWholeBudget: false },
      { kind: "funded", budgetLeft: 400 },
      { kind: "funded", budgetLeft: 100 },
    ]);
    expect(outcome.ideas.map((i) => i.chosenAs)).toEqual([1, null, 2, 3]);
    expect([outcome.spent, outcome.leftover]).toEqual([1000, 0]);
  });

  it("greedy-stop: stops at the first idea that does not fit", () => {
    const outcome = run("greedy-stop");
    expect(outcome.winners).toEqual([1]);
    expect(outcome.ideas.map((i) => i.reason.kind)).toEqual(["funded", "stopped-here", "not-reached", "not-reached"]);
    expect(outcome.ideas[2]?.reason).toEqual({ kind: "not-reached", stoppedAtRank: 2 });
    expect(outcome.leftover).toBe(400);
  });

  it("greedy-partial: gives the first idea that does not fit what is left", () => {
    const outcome = run("greedy-partial");
    expect(outcome.winners).toEqual([1, 2]);
    expect(outcome.ideas[1]).toMatchObject({ status: "partially-funded", amount: 400, chosenAs: 2, reason: { kind: "partially-funded", budgetLeft: 400 } });
    expect(outcome.spent).toBe(1000);
  });

  it("an idea that costs more than the whole budget: passed over by greedy, and where greedy-stop ends", () => {
    const ideas = [
      { id: 1, cost: 5000 },
      { id: 2, cost: 400 },
    ];
    const ballots = [[1, 2], [1]];
    const greedy = computeContestOutcome(input({ rule: "greedy", ideas, ballots }));
    expect(greedy.winners).toEqual([2]);
    expect(greedy.ideas[0]?.reason).toEqual({ kind: "does-not-fit", budgetLeft: 1000, overWholeBudget: true });
    const stop = computeContestOutcome(input({ rule: "greedy-stop", ideas, ballots }));
    expect(stop.winners).toEqual([]);
    expect(stop.ideas[0]?.reason).toEqual({ kind: "stopped-here", budgetLeft: 1000, overWholeBudget: true });
  });

  it("funds no idea without stickers, even with money left", () => {
    const outcome = computeContestOutcome(input({ rule: "greedy", ballots: [[4]] }));
    expect(outcome.winners).toEqual([4]);
    expect(outcome.ideas.filter((i) => i.reason.kind === "no-votes")).toHaveLength(3);
    expect(outcome.leftover).toBe(900);
  });

  it("counts a stacked sticker twice for the ranking", () => {
    const ideas = [
      { id: 1, cost: 800 },
      { id: 2, cost: 800 },
    ];
    // Idea 1: 3 stickers from 2 residents; idea 2: 2 stickers from 2 residents.
    const outcome = computeContestOutcome(input({ rule: "greedy", ideas, ballots: [[1, 1], [1, 2], [2]] }));
    expect(outcome.winners).toEqual([1]);
  });
});

describe("equal shares", () => {
  const ideas = [
    { id: 1, cost: 60 },
    { id: 2, cost: 50 },
    { id: 3, cost: 40 },
  ];

  it("shares each winner's cost among its supporters and completes with add1", () => {
    // Two voters, 50 each. Idea 1 is bought by both (30 each); add1 raises the share
    // to 70, so that voter 2 can pay idea 3 alone with the 40 left.
    const outcome = computeContestOutcome(
      input({
        rule: "equal-shares",
        budget: 100,
        ideas,
        ballots: [
          [1, 2],
          [1, 3],
        ],
      }),
    );
    expect(outcome.winners).toEqual([1, 3]);
    expect(outcome.spent).toBe(100);
    expect(outcome.equalShares).toMatchObject({ voters: 2, perVoterBudget: { exact: "70" } });
    const one = outcome.ideas.find((i) => i.ideaId === 1)!;
    expect(one.reason).toEqual({ kind: "shared", round: 1, supporters: 2 });
    expect(one.shares).toEqual([{ voters: 2, each: { euros: 30, exact: "30" }, paidAllTheyHad: false }]);
    const three = outcome.ideas.find((i) => i.ideaId === 3)!;
    expect(three.shares).toEqual([{ voters: 1, each: { euros: 40, exact: "40" }, paidAllTheyHad: false }]);
    expect(outcome.ideas.find((i) => i.ideaId === 2)?.reason).toEqual({ kind: "shares-not-enough", supporters: 1 });
  });

  it("counts a stacked sticker once: a ballot is the set of ideas it supports", () => {
    const stacked = computeContestOutcome(
      input({
        rule: "equal-shares",
        budget: 100,
        ideas,
        ballots: [
          [1, 1, 2],
          [1, 3, 3],
        ],
      }),
    );
    const plain = computeContestOutcome(
      input({
        rule: "equal-shares",
        budget: 100,
        ideas,
        ballots: [
          [1, 2],
          [1, 3],
        ],
      }),
    );
    expect(stacked.winners).toEqual(plain.winners);
    expect(stacked.ideas.find((i) => i.ideaId === 1)?.shares).toEqual(plain.ideas.find((i) => i.ideaId === 1)?.shares);
  });

  it("explains an idea that costs more than the whole budget, and one without stickers", () => {
    const outcome = computeContestOutcome(
      input({
        rule: "equal-shares",
        budget: 100,
        ideas: [
          { id: 1, cost: 500 },
          { id: 2, cost: 50 },
          { id: 3, cost: 40 },
        ],
        ballots: [[1, 2], [1]],
      }),
    );
    expect(outcome.winners).toEqual([2]);
    expect(outcome.ideas.find((i) => i.ideaId === 1)?.reason).toEqual({ kind: "over-budget" });
    expect(outcome.ideas.find((i) => i.ideaId === 3)?.reason).toEqual({ kind: "no-votes" });
  });

  it("with no ballots funds nothing", () => {
    const outcome = computeContestOutcome(input({ rule: "equal-shares", budget: 100, ideas, ballots: [] }));
    expect(outcome.winners).toEqual([]);
    expect(outcome.spent).toBe(0);
  });

  it("refuses poster stickers or bare totals, which cannot be split into ballots", () => {
    const ballots = [[1, 2]];
    expect(() => computeContestOutcome(input({ rule: "equal-shares", ideas, ballots, totals: fromBallots([1, 2, 3], ballots, { 3: 4 }) }))).toThrow(
      ContestOutcomeError,
    );
    expect(() => computeContestOutcome(input({ rule: "equal-shares", ideas, ballots: null, totals: fromBallots([1, 2, 3], ballots) }))).toThrow(
      expect.objectContaining({ code: "equal-shares-needs-ballots" }),
    );
  });
});

describe("bad input and determinism", () => {
  it("refuses totals that do not match the ballots (no counter may drift from the record)", () => {
    expect(() => computeContestOutcome(input({ ballots: [[1]], totals: fromBallots([1, 2, 3, 4], [[1], [1]]) }))).toThrow(/ballots give 1/);
  });

  it("refuses a missing total, an unknown idea, a bad seed, a bad cost", () => {
    expect(() => computeContestOutcome(input({ ballots: [], totals: fromBallots([1, 2, 3], []) }))).toThrow(/no total for idea 4/);
    expect(() => computeContestOutcome(input({ ballots: [[9]] }))).toThrow(/unknown project 9/);
    expect(() => computeContestOutcome(input({ ballots: [], drawSeed: "" }))).toThrow(/seed/);
    expect(() => computeContestOutcome(input({ ballots: [], ideas: [{ id: 1, cost: 1.5 }], totals: fromBallots([1], []) }))).toThrow(/whole/);
  });

  it("uses the totals as voters when only totals are known", () => {
    const outcome = computeContestOutcome(input({ ballots: null, totals: fromBallots([1, 2, 3, 4], plainBallots) }));
    expect(outcome.ideas.map((i) => i.voters)).toEqual([5, 4, 3, 1]);
  });

  it("gives the same outcome whatever order ideas, totals and ballots are stored in", () => {
    const ballots = [[1, 2], [2, 3], [3, 1], [4], [4, 1], [2, 4], [3]];
    for (const rule of ["prizes-by-rank", "greedy", "greedy-stop", "greedy-partial", "equal-shares"] as const) {
      const base = input({ rule, ballots });
      const a = computeContestOutcome(base);
      const b = computeContestOutcome({
        ...base,
        ideas: [...base.ideas].reverse(),
        totals: [...base.totals].reverse(),
        ballots: [...ballots].reverse().map((ballot) => [...ballot].reverse()),
      });
      expect(b).toEqual(a);
    }
  });
});
