import { describe, expect, it } from "vitest";
import { areaResidents, chartPoints, chartScale, cumulativeByDay, turnoutShare, votingDays } from "./turnout-curve";

const DAY = 24 * 60 * 60 * 1000;
const window = { start: 1000, end: 1000 + 7 * DAY };

describe("turnout over time", () => {
  it("counts a part day as a day of the vote", () => {
    expect(votingDays(window)).toBe(7);
    expect(votingDays({ start: 0, end: 7 * DAY + 1 })).toBe(8);
    expect(votingDays({ start: 0, end: 0 })).toBe(1);
  });

  it("adds up the voters per day, up to today only", () => {
    const times = [window.start, window.start + 1, window.start + DAY, window.start + 3 * DAY + 5];
    expect(cumulativeByDay(times, window, window.start + 2 * DAY + 1)).toEqual([2, 3, 3]);
    expect(cumulativeByDay(times, window, window.end + DAY)).toEqual([2, 3, 3, 4, 4, 4, 4]);
    expect(cumulativeByDay(times, window, window.start - 1)).toEqual([]);
  });

  it("counts votes outside the window on the nearest day", () => {
    expect(cumulativeByDay([window.start - 5, window.end + 5], window, window.end)).toEqual([1, 1, 1, 1, 1, 1, 2]);
  });

  it("knows the area's size only from the residents per buurt", () => {
    expect(areaResidents([])).toBeNull();
    expect(areaResidents([{ kind: "leeftijd", residents: 500 }])).toBeNull();
    expect(
      areaResidents([
        { kind: "buurt", residents: 1200 },
        { kind: "buurt", residents: 800 },
        { kind: "leeftijd", residents: 2000 },
      ]),
    ).toBe(2000);
    expect(areaResidents([{ kind: "buurt", residents: 0 }])).toBeNull();
  });

  it("gives the share to one decimal, or nothing without the area's size", () => {
    expect(turnoutShare(123, 2000)).toBe(6.2);
    expect(turnoutShare(1, 3)).toBe(33.3);
    expect(turnoutShare(5, null)).toBeNull();
  });

  it("compares shares only when both rounds know their area's size", () => {
    const known = { cumulative: [1], residents: 100 };
    const unknown = { cumulative: [1], residents: null };
    expect(chartScale(known, null)).toBe("share");
    expect(chartScale(known, known)).toBe("share");
    expect(chartScale(known, unknown)).toBe("count");
    expect(chartScale(unknown, known)).toBe("count");
  });

  it("draws from the bottom left to the top right of the box", () => {
    expect(chartPoints([0, 5, 10], { width: 200, height: 100, days: 3, top: 10 })).toEqual([
      { x: 0, y: 100 },
      { x: 100, y: 50 },
      { x: 200, y: 0 },
    ]);
    expect(chartPoints([3], { width: 200, height: 100, days: 1, top: 0 })).toEqual([{ x: 0, y: 0 }]);
  });
});
