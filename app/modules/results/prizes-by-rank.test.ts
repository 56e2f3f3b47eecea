import { describe, expect, it } from "vitest";
import { prizesByRank } from "./prizes-by-rank";
import { rankByScore } from "./ranking";

describe("prizesByRank", () => {
  it("gives the first prize to rank 1, the second to rank 2, and so on", () => {
    expect(prizesByRank(["b", "a", "c"], ["1e prijs: 1500", "2e prijs: 1000"])).toEqual([
      { rank: 1, projectId: "b", prize: "1e prijs: 1500" },
      { rank: 2, projectId: "a", prize: "2e prijs: 1000" },
    ]);
  });

  it("leaves prizes unawarded when there are fewer ideas", () => {
    expect(prizesByRank(["a"], [{ euros: 1500 }, { euros: 1000 }])).toEqual([{ rank: 1, projectId: "a", prize: { euros: 1500 } }]);
    expect(prizesByRank([], [{ euros: 1500 }])).toEqual([]);
  });

  it("follows the tie-break of the ranking it is given", () => {
    const ranking = rankByScore(
      [
        { id: "a", cost: 900 },
        { id: "b", cost: 300 },
      ],
      { a: 4, b: 4 },
    ).map((r) => r.id);
    expect(prizesByRank(ranking, ["gold"])).toEqual([{ rank: 1, projectId: "b", prize: "gold" }]);
  });

  it("refuses a ranking that lists an idea twice", () => {
    expect(() => prizesByRank(["a", "a"], ["gold"])).toThrow(/twice/);
  });
});
