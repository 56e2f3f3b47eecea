import { describe, expect, it } from "vitest";
import { tally } from "./tally";

describe("tally", () => {
  it("counts approvals and voters per project", () => {
    const result = tally([["a", "b"], ["b"], ["b", "c"]]);
    expect(result.totals).toEqual(
      new Map([
        ["a", 1],
        ["b", 3],
        ["c", 1],
      ]),
    );
    expect(result.voterCounts).toEqual(result.totals);
    expect(result.ballots).toBe(3);
    expect(result.emptyBallots).toBe(0);
  });

  it("lists every project of the contest, also those nobody chose", () => {
    const result = tally([["a"]], ["a", "b"]);
    expect(result.totals).toEqual(
      new Map([
        ["a", 1],
        ["b", 0],
      ]),
    );
    expect(result.voterCounts.get("b")).toBe(0);
  });

  it("counts empty ballots for turnout only", () => {
    const result = tally([[], ["a"], []], ["a"]);
    expect(result.totals.get("a")).toBe(1);
    expect(result.ballots).toBe(3);
    expect(result.emptyBallots).toBe(2);
  });

  it("counts stacked stickers in the total but the voter once", () => {
    const result = tally([["a", "a", "b"], ["a"]]);
    expect(result.totals.get("a")).toBe(3);
    expect(result.voterCounts.get("a")).toBe(2);
  });

  it("adds up points of cumulative ballots", () => {
    const result = tally([
      { vote: ["a", "b"], points: [7, 3] },
      { vote: ["b"], points: [10] },
    ]);
    expect(result.totals).toEqual(
      new Map([
        ["a", 7],
        ["b", 13],
      ]),
    );
    expect(result.voterCounts).toEqual(
      new Map([
        ["a", 1],
        ["b", 2],
      ]),
    );
  });

  it("refuses votes for projects outside the contest and points that do not pair up", () => {
    expect(() => tally([["a"], ["x"]], ["a"])).toThrow(/ballot 2 names unknown project x/);
    expect(() => tally([{ vote: ["a", "b"], points: [1] }])).toThrow(/1 points for 2 projects/);
  });

  it("keeps ids like __proto__ as plain data", () => {
    expect(tally([["__proto__", "constructor"]]).totals.get("__proto__")).toBe(1);
  });
});
