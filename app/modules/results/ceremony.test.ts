import { describe, expect, it } from "vitest";
import { ceremonyActionForKey, ceremonyReducer, ceremonySlides, indexFromStepParam, revealOrder, startCeremony, stepParam } from "./ceremony";
import { computeContestOutcome, type OutcomeRule } from "./contest-outcome";

const ideas = [
  { id: 1, cost: 600 },
  { id: 2, cost: 500 },
  { id: 3, cost: 300 },
  { id: 4, cost: 100 },
];
const ballots = [
  [1, 2, 3],
  [1, 2, 3],
  [1, 2, 3],
  [1, 2],
  [1, 4],
];

function outcomeOf(rule: OutcomeRule, prizes = 3) {
  return computeContestOutcome({
    rule,
    budget: 1000,
    ideas,
    ballots,
    totals: ideas.map((idea) => {
      const digital = ballots.flat().filter((id) => id === idea.id).length;
      return { ideaId: idea.id, digital, poster: 0, total: digital };
    }),
    prizes: Array.from({ length: prizes }, (_, i) => ({ position: i + 1, name: `Prijs ${i + 1}`, amountEuros: 100 * (prizes - i) })),
    drawSeed: "ceremonie",
  });
}

describe("revealOrder", () => {
  it("prizes by rank: from the lowest prize to the first", () => {
    expect(revealOrder(outcomeOf("prizes-by-rank")).map((r) => [r.place, r.ideaId, r.prize?.name])).toEqual([
      [3, 3, "Prijs 3"],
      [2, 2, "Prijs 2"],
      [1, 1, "Prijs 1"],
    ]);
  });

  it("budget rules: from the last funded idea to the first", () => {
    expect(revealOrder(outcomeOf("greedy")).map((r) => [r.place, r.ideaId, r.amount])).toEqual([
      [3, 4, 100],
      [2, 3, 300],
      [1, 1, 600],
    ]);
    const partial = revealOrder(outcomeOf("greedy-partial"));
    expect(partial.map((r) => [r.ideaId, r.partial, r.amount])).toEqual([
      [2, true, 400],
      [1, false, 600],
    ]);
  });

  it("no winners: nothing to reveal", () => {
    const none = computeContestOutcome({
      rule: "prizes-by-rank",
      budget: 1000,
      ideas,
      ballots: [],
      totals: ideas.map((i) => ({ ideaId: i.id, digital: 0, poster: 0, total: 0 })),
      prizes: [{ position: 1, name: "Prijs", amountEuros: 500 }],
      drawSeed: "ceremonie",
    });
    expect(revealOrder(none)).toEqual([]);
    expect(ceremonySlides(none, 0).map((s) => s.kind)).toEqual(["welcome", "turnout", "finale"]);
  });
});

describe("ceremonySlides", () => {
  it("welcome, turnout, then per winner the announcement and the reveal, then the finale", () => {
    const slides = ceremonySlides(outcomeOf("prizes-by-rank", 2), 412);
    expect(slides.map((s) => (s.kind === "announce" || s.kind === "reveal" ? `${s.kind}:${s.item.ideaId}` : s.kind))).toEqual([
      "welcome",
      "turnout",
      "announce:2",
      "reveal:2",
      "announce:1",
      "reveal:1",
      "finale",
    ]);
    expect(slides[1]).toEqual({ kind: "turnout", voters: 412 });
  });
});

describe("the step state machine", () => {
  it("goes forward and back one slide at a time and never past either end", () => {
    let state = startCeremony(3);
    expect(state.index).toBe(0);
    state = ceremonyReducer(state, { type: "back" });
    expect(state.index).toBe(0);
    state = ceremonyReducer(state, { type: "next" });
    state = ceremonyReducer(state, { type: "next" });
    expect(state.index).toBe(2);
    const atEnd = ceremonyReducer(state, { type: "next" });
    expect(atEnd).toBe(state);
    expect(ceremonyReducer(state, { type: "first" }).index).toBe(0);
    expect(ceremonyReducer(startCeremony(3), { type: "last" }).index).toBe(2);
    expect(ceremonyReducer(state, { type: "goto", index: 1 }).index).toBe(1);
    expect(ceremonyReducer(state, { type: "goto", index: 99 }).index).toBe(2);
  });

  it("refuses a ceremony without slides", () => {
    expect(() => startCeremony(0)).toThrow(RangeError);
  });

  it("maps the keyboard: space and arrows, a presenter's clicker, home and end", () => {
    expect(ceremonyActionForKey(" ")).toEqual({ type: "next" });
    expect(ceremonyActionForKey("ArrowRight")).toEqual({ type: "next" });
    expect(ceremonyActionForKey("PageDown")).toEqual({ type: "next" });
    expect(ceremonyActionForKey("ArrowLeft")).toEqual({ type: "back" });
    expect(ceremonyActionForKey("PageUp")).toEqual({ type: "back" });
    expect(ceremonyActionForKey("Home")).toEqual({ type: "first" });
    expect(ceremonyActionForKey("End")).toEqual({ type: "last" });
    expect(ceremonyActionForKey("a")).toBeNull();
  });

  it("leaves space and enter to a focused button, and shortcuts to the browser", () => {
    expect(ceremonyActionForKey(" ", { onControl: true })).toBeNull();
    expect(ceremonyActionForKey("Enter", { onControl: true })).toBeNull();
    expect(ceremonyActionForKey("ArrowRight", { onControl: true })).toEqual({ type: "next" });
    expect(ceremonyActionForKey("ArrowLeft", { modified: true })).toBeNull();
  });

  it("reads and writes ?stap= as people count, from 1", () => {
    expect(stepParam(0)).toBe("1");
    expect(indexFromStepParam("3", 7)).toBe(2);
    expect(indexFromStepParam("0", 7)).toBe(0);
    expect(indexFromStepParam("99", 7)).toBe(6);
    expect(indexFromStepParam("x", 7)).toBe(0);
    expect(indexFromStepParam(null, 7)).toBe(0);
  });
});
