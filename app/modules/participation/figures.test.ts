import { describe, expect, it } from "vitest";
import { estimatedTurnoutOf, participationReport, reachOf, type CountRow, type ResidentFigure } from "./figures";
import type { Moment, Question } from "./questions";

const buurten = [
  { key: "b1", name: "Noord" },
  { key: "b2", name: "Midden" },
  { key: "b3", name: "Zuid" },
];

function rows(moment: Moment, question: Question, counts: Record<string, number>): CountRow[] {
  return Object.entries(counts).map(([answer, n]) => ({ moment, question, answer, n }));
}

const residents: ResidentFigure[] = [
  { kind: "buurt", key: "b1", residents: 2000 },
  { kind: "buurt", key: "b2", residents: 1000 },
  { kind: "buurt", key: "b3", residents: 1000 },
  { kind: "leeftijd", key: "tot-18", residents: 800 },
  { kind: "leeftijd", key: "18-29", residents: 600 },
  { kind: "leeftijd", key: "30-44", residents: 800 },
  { kind: "leeftijd", key: "45-64", residents: 1000 },
  { kind: "leeftijd", key: "65-79", residents: 600 },
  { kind: "leeftijd", key: "80-plus", residents: 200 },
];

describe("reachOf", () => {
  it("compares a group's share among voters with its share among residents", () => {
    expect(reachOf({ kind: "shown", n: 10 }, 100, 0.25)).toBe("less");
    expect(reachOf({ kind: "shown", n: 25 }, 100, 0.25)).toBe("similar");
    expect(reachOf({ kind: "shown", n: 40 }, 100, 0.25)).toBe("more");
  });

  it("calls a group under 5 'less' only when even 4 people would be too few", () => {
    // 4 of 100 is 4%, against 25% of the residents: less, whatever the real number under 5.
    expect(reachOf({ kind: "small" }, 100, 0.25)).toBe("less");
    // 4 of 20 is 20%, against 25%: could be fine, so no verdict.
    expect(reachOf({ kind: "small" }, 20, 0.25)).toBeNull();
  });

  it("gives no verdict without residents' figures or for a hidden figure", () => {
    expect(reachOf({ kind: "shown", n: 10 }, 100, null)).toBeNull();
    expect(reachOf({ kind: "hidden" }, 100, 0.25)).toBeNull();
  });
});

describe("estimatedTurnoutOf", () => {
  it("spreads the voters over the group by its share among those who answered", () => {
    // 40% of 500 voters is 200, of 2,000 residents: 10%.
    expect(estimatedTurnoutOf({ kind: "shown", n: 40, share: 0.4 }, 500, 2000)).toBeCloseTo(0.1);
    expect(estimatedTurnoutOf({ kind: "small", share: null }, 500, 2000)).toBeNull();
    expect(estimatedTurnoutOf({ kind: "shown", n: 40, share: 0.4 }, 500, null)).toBeNull();
  });
});

describe("participationReport", () => {
  const counts = [
    ...rows("stemmen", "antwoorden", { ingevuld: 60 }),
    ...rows("stemmen", "buurt", { b1: 42, b2: 13, b3: 3, elders: 2 }),
    ...rows("stemmen", "leeftijd", { "tot-18": 0, "18-29": 6, "30-44": 14, "45-64": 25, "65-79": 12, "80-plus": 1 }),
    ...rows("stemmen", "eerste-keer", { ja: 24, nee: 32 }),
    ...rows("indienen", "antwoorden", { ingevuld: 6 }),
    ...rows("indienen", "eerste-keer", { ja: 4, nee: 2 }),
  ];
  const report = participationReport({ buurten, counts, residents, voters: 400, initiators: 17 });

  it("shows who answered beside how many took part", () => {
    expect(report.voters).toEqual({ people: 400, respondents: { kind: "shown", n: 60 } });
    expect(report.initiators).toEqual({ people: 17, respondents: { kind: "shown", n: 6 } });
    expect(report.residents).toBe(4000);
    expect(report.turnout).toBeCloseTo(0.1);
  });

  it("compares each buurt with the area, with 'ergens anders' last and without residents", () => {
    const [noord, midden, zuid, elders] = report.buurt!.rows;
    expect(noord).toMatchObject({ key: "b1", residents: 2000, residentShare: 0.5, voters: { kind: "shown", n: 42 } });
    expect(noord!.voters.share).toBeCloseTo(42 / 60);
    expect(noord!.reach).toBe("more");
    expect(noord!.estimatedTurnout).toBeCloseTo((400 * 42) / 60 / 2000);
    expect(midden).toMatchObject({ key: "b2", voters: { kind: "shown", n: 13 }, reach: "similar" });
    // 3 and 2: both small, so neither can be worked out from the other.
    expect(zuid).toMatchObject({ key: "b3", voters: { kind: "small", share: null }, estimatedTurnout: null, reach: "less" });
    expect(elders).toMatchObject({ key: "elders", residents: null, residentShare: null, voters: { kind: "small" }, reach: null });
    // Initiators did not answer the buurt question: every figure is small.
    expect(report.buurt!.rows.every((r) => r.initiators.kind === "small")).toBe(true);
    expect(report.buurt!.answered).toEqual({ voters: { kind: "shown", n: 60 }, initiators: { kind: "small" } });
  });

  it("lists the groups the vote reaches less: the message of the page", () => {
    expect(report.lessReached).toEqual([
      { question: "buurt", key: "b3" },
      { question: "leeftijd", key: "tot-18" },
      { question: "leeftijd", key: "18-29" },
    ]);
    // 80 and older: under 5 of 58 could still be 5% of the residents, so no verdict.
    expect(report.age.rows.find((r) => r.key === "80-plus")!.reach).toBeNull();
  });

  it("hides the share of first-timers among initiators when a group under 5 could be worked out", () => {
    expect(report.firstTime.voters).toMatchObject({ kind: "shown", n: 24 });
    expect(report.firstTime.voters.share).toBeCloseTo(24 / 56);
    expect(report.firstTime.initiators).toEqual({ kind: "small", share: null });
    expect(report.firstTime.answered.initiators).toEqual({ kind: "shown", n: 6 });
  });

  it("gives no shares of residents while a buurt's figure is missing", () => {
    const partial = participationReport({ buurten, counts, residents: residents.filter((r) => r.key !== "b3"), voters: 400, initiators: 17 });
    expect(partial.buurt!.rows.map((r) => r.residentShare)).toEqual([null, null, null, null]);
    expect(partial.buurt!.rows[0]!.residents).toBe(2000);
    // The area's total then comes from the age bands, which are complete.
    expect(partial.residents).toBe(4000);
  });

  it("keeps answers for a buurt that was taken off the list, and has no buurt table without buurten", () => {
    const withGone = participationReport({ buurten: buurten.slice(0, 2), counts, residents: [], voters: 400, initiators: 17 });
    expect(withGone.buurt!.rows.map((r) => r.key)).toEqual(["b1", "b2", "b3", "elders"]);
    const none = participationReport({ buurten: [], counts: counts.filter((c) => c.question !== "buurt"), residents: [], voters: 400, initiators: 17 });
    expect(none.buurt).toBeNull();
    expect(none.turnout).toBeNull();
  });

  it("shows nothing but 'minder dan 5' before 5 people answered", () => {
    const early = participationReport({
      buurten,
      counts: [...rows("stemmen", "antwoorden", { ingevuld: 1 }), ...rows("stemmen", "leeftijd", { "65-79": 1 })],
      residents,
      voters: 3,
      initiators: 0,
    });
    expect(early.voters.respondents).toEqual({ kind: "small" });
    expect(early.age.rows.every((r) => r.voters.kind === "small" && r.voters.share === null && r.estimatedTurnout === null)).toBe(true);
    expect(early.lessReached).toEqual([]);
  });
});
