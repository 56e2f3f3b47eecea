import { describe, expect, it } from "vitest";
import { compareProjectIds, lowerCostThenId, rankByScore } from "./ranking";

const projects = [
  { id: "10", cost: 500 },
  { id: "9", cost: 500 },
  { id: "3", cost: 200 },
  { id: "4", cost: 900 },
];

describe("rankByScore", () => {
  it("ranks by score, then cheaper first, then lower id, and says who was tied", () => {
    const ranking = rankByScore(projects, { "10": 5, "9": 5, "3": 5, "4": 8 });
    expect(ranking.map((r) => [r.rank, r.id])).toEqual([
      [1, "4"],
      [2, "3"],
      [3, "9"],
      [4, "10"],
    ]);
    expect(ranking[0]?.tiedWith).toEqual([]);
    expect(ranking[2]?.tiedWith).toEqual(["3", "10"]);
  });

  it("takes scores from a Map and treats missing ones as 0", () => {
    const ranking = rankByScore(projects, new Map([["9", 1]]));
    expect(ranking.map((r) => r.id)).toEqual(["9", "3", "10", "4"]);
    expect(ranking[3]?.score).toBe(0);
  });

  it("follows an explicit tie order (a draw by lot), then the default for ids it does not list", () => {
    const scores = { "10": 5, "9": 5, "3": 5, "4": 5 };
    expect(rankByScore(projects, scores, ["4", "10"]).map((r) => r.id)).toEqual(["4", "10", "3", "9"]);
  });

  it("follows a comparator", () => {
    const higherCostFirst = (a: { cost: number }, b: { cost: number }) => b.cost - a.cost;
    expect(rankByScore(projects, {}, higherCostFirst).map((r) => r.id)).toEqual(["4", "9", "10", "3"]);
  });

  it("refuses a project listed twice", () => {
    expect(() => rankByScore([...projects, { id: "3", cost: 1 }], {})).toThrow(/listed twice/);
  });
});

describe("compareProjectIds", () => {
  it("orders numeric ids as numbers, before all others, and those by code unit", () => {
    expect(["10", "b", "9", "1a", "100", "a", "B"].sort(compareProjectIds)).toEqual(["9", "10", "100", "1a", "B", "a", "b"]);
  });

  it("keeps ids that differ only in leading zeros apart", () => {
    expect(compareProjectIds("007", "7")).not.toBe(0);
    expect(lowerCostThenId({ id: "007", cost: 1, score: 0 }, { id: "7", cost: 1, score: 0 })).not.toBe(0);
  });
});
