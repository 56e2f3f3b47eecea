import { describe, expect, it } from "vitest";
import { allocateGreedy, type GreedyVariant } from "./greedy";

// Ranked a (60), b (50), c (30), d (10), e (5): b no longer fits after a.
const projects = [
  { id: "a", cost: 60 },
  { id: "b", cost: 50 },
  { id: "c", cost: 30 },
  { id: "d", cost: 10 },
  { id: "e", cost: 5 },
];
const scores = { a: 50, b: 40, c: 30, d: 20, e: 10 };
const run = (variant: GreedyVariant, budget = 100) => allocateGreedy({ projects, scores, budget, variant });

describe("allocateGreedy", () => {
  it("greedy: skips what no longer fits and goes on with the next that fits", () => {
    const outcome = run("greedy");
    expect(outcome.selected).toEqual(["a", "c", "d"]);
    expect(outcome.partialId).toBeNull();
    expect(outcome.spent).toBe(100);
    expect(outcome.steps.map((s) => [s.id, s.decision, s.budgetLeft])).toEqual([
      ["a", "funded", 100],
      ["b", "does-not-fit", 40],
      ["c", "funded", 40],
      ["d", "funded", 10],
      ["e", "does-not-fit", 0],
    ]);
  });

  it("greedy-stop: stops at the first that does not fit and leaves the rest unspent", () => {
    const outcome = run("greedy-stop");
    expect(outcome.selected).toEqual(["a"]);
    expect(outcome.leftover).toBe(40);
    expect(outcome.steps.map((s) => s.decision)).toEqual(["funded", "stopped-here", "not-reached", "not-reached", "not-reached"]);
  });

  it("greedy-partial: gives the first that does not fit whatever is left, and nothing after it", () => {
    const outcome = run("greedy-partial");
    expect(outcome).toMatchObject({ selected: ["a"], partialId: "b", partialAmount: 40, spent: 100, leftover: 0 });
    expect(outcome.steps[1]).toMatchObject({ id: "b", decision: "partially-funded", amount: 40, budgetLeft: 40, rank: 2 });
    expect(outcome.steps.slice(2).every((s) => s.decision === "not-reached")).toBe(true);
  });

  it("greedy-partial: no partial funding when nothing is left", () => {
    const outcome = run("greedy-partial", 110);
    expect(outcome.selected).toEqual(["a", "b"]);
    expect(outcome.partialId).toBeNull();
    expect(outcome.partialAmount).toBe(0);
    expect(outcome.steps[2]?.decision).toBe("stopped-here");
  });

  it("breaks ties by lower cost, then lower id, by default", () => {
    const tied = allocateGreedy({
      projects: [
        { id: "12", cost: 40 },
        { id: "11", cost: 70 },
        { id: "10", cost: 40 },
      ],
      scores: { "10": 3, "11": 3, "12": 3 },
      budget: 80,
      variant: "greedy",
    });
    expect(tied.selected).toEqual(["10", "12"]);
    expect(tied.steps.map((s) => s.id)).toEqual(["10", "12", "11"]);
    expect(tied.steps[0]?.tiedWith).toEqual(["12", "11"]);
  });

  it("breaks ties by an explicit order when given one", () => {
    const outcome = allocateGreedy({
      projects: [
        { id: "x", cost: 40 },
        { id: "y", cost: 70 },
      ],
      scores: { x: 3, y: 3 },
      budget: 80,
      variant: "greedy",
      tieBreak: ["y", "x"],
    });
    expect(outcome.selected).toEqual(["y"]);
  });

  it("handles a project that costs more than the whole budget", () => {
    const big = [{ id: "big", cost: 1000 }, ...projects];
    const bigScores = { ...scores, big: 99 };
    expect(allocateGreedy({ projects: big, scores: bigScores, budget: 100, variant: "greedy" }).selected).toEqual(["a", "c", "d"]);
    expect(allocateGreedy({ projects: big, scores: bigScores, budget: 100, variant: "greedy-stop" }).selected).toEqual([]);
    expect(allocateGreedy({ projects: big, scores: bigScores, budget: 100, variant: "greedy-partial" })).toMatchObject({
      selected: [],
      partialId: "big",
      partialAmount: 100,
    });
  });

  it("does not fund ideas without votes unless asked to", () => {
    const outcome = allocateGreedy({ projects, scores: { a: 5 }, budget: 100, variant: "greedy-stop" });
    expect(outcome.selected).toEqual(["a"]);
    expect(outcome.steps.slice(1).map((s) => s.decision)).toEqual(["no-votes", "no-votes", "no-votes", "no-votes"]);
    const generous = allocateGreedy({ projects, scores: { a: 5 }, budget: 100, variant: "greedy", fundUnvoted: true });
    // Unvoted ideas all score 0, so the cheaper ones come first.
    expect(generous.selected).toEqual(["a", "e", "d"]);
  });

  it("funds nothing when nobody voted", () => {
    const outcome = allocateGreedy({ projects, scores: {}, budget: 100, variant: "greedy" });
    expect(outcome.selected).toEqual([]);
    expect(outcome.leftover).toBe(100);
  });

  it("refuses budgets and costs that are not whole euros", () => {
    expect(() => allocateGreedy({ projects, scores, budget: 99.5, variant: "greedy" })).toThrow(/budget/);
    expect(() => allocateGreedy({ projects: [{ id: "a", cost: -1 }], scores, budget: 9, variant: "greedy" })).toThrow(/cost of project a/);
  });
});
