import { describe, expect, it } from "vitest";
import {
  aggregateIdeas,
  compareFractions,
  jurorProgress,
  jurorScore,
  mayViewOthersScores,
  rankByAverage,
  sheetState,
  sortOverview,
  type Sheet,
  type WeightedCriterion,
} from "./scoring";

// Five criteria with the default weights 30/15/20/20/15 (ids 1..5).
const criteria: WeightedCriterion[] = [
  { id: 1, weight: 30 },
  { id: 2, weight: 15 },
  { id: 3, weight: 20 },
  { id: 4, weight: 20 },
  { id: 5, weight: 15 },
];
const all = (x: number) => ({ 1: x, 2: x, 3: x, 4: x, 5: x });
const sheet = (ideaId: number, jurorId: string, scores: Record<number, number>): Sheet => ({ ideaId, jurorId, scores });

describe("a juror's score for an idea", () => {
  it("is the weighted average of the criteria, on the 1 to 5 scale", () => {
    // 30·5 + 15·1 + 20·3 + 20·3 + 15·1 = 300; / 100 = 3.
    const score = jurorScore({ scores: { 1: 5, 2: 1, 3: 3, 4: 3, 5: 1 } }, criteria)!;
    expect(score).toEqual({ num: 300, den: 100 });
    // Unweighted this would be 2.6: the weights matter.
    expect(score.num / score.den).toBe(3);
  });

  it("exists only for a complete sheet; a half-filled one is work in progress", () => {
    expect(jurorScore({ scores: { 1: 5, 2: 4 } }, criteria)).toBeNull();
    expect(sheetState({ scores: { 1: 5, 2: 4 } }, criteria)).toBe("partial");
    expect(sheetState({ scores: {} }, criteria)).toBe("empty");
    expect(sheetState(undefined, criteria)).toBe("empty");
    expect(sheetState({ scores: all(3) }, criteria)).toBe("complete");
  });

  it("ignores scores outside 1 to 5 and for criteria that are not the contest's", () => {
    expect(sheetState({ scores: { ...all(3), 5: 6 } }, criteria)).toBe("partial");
    expect(sheetState({ scores: { ...all(3), 3: 2.5 } }, criteria)).toBe("partial");
    expect(jurorScore({ scores: { ...all(4), 99: 1 } }, criteria)).toEqual({ num: 400, den: 100 });
  });
});

describe("the weighted aggregate per idea", () => {
  it("averages the jurors who finished the idea, with spread and count", () => {
    const [agg] = aggregateIdeas({
      ideaIds: [10],
      criteria,
      sheets: [sheet(10, "a", all(4)), sheet(10, "b", all(2)), sheet(10, "c", { 1: 5, 2: 5, 3: 5, 4: 5, 5: 1 })],
      conflicts: [],
    });
    // c: (30+15+20+20)·5 + 15·1 = 440 → 4.4. Average of 4, 2 and 4.4 = 10.4 / 3.
    expect(agg!.count).toBe(3);
    expect(agg!.exact).toEqual({ num: 1040, den: 300 });
    expect(agg!.average).toBeCloseTo(3.4667, 4);
    expect(agg!.spread).toBeCloseTo(2.4, 10);
    expect(agg!.min).toBe(2);
    expect(agg!.max).toBeCloseTo(4.4, 10);
    expect(agg!.jurors.map((j) => j.jurorId)).toEqual(["a", "b", "c"]);
  });

  it("leaves out jurors with a declared conflict, even when scores of theirs are stored", () => {
    const [agg] = aggregateIdeas({
      ideaIds: [10],
      criteria,
      sheets: [sheet(10, "a", all(2)), sheet(10, "b", all(2)), sheet(10, "friend", all(5))],
      conflicts: [{ ideaId: 10, jurorId: "friend" }],
    });
    expect(agg).toMatchObject({ count: 2, average: 2, spread: 0, conflicts: 1 });
    expect(agg!.jurors.map((j) => j.jurorId)).toEqual(["a", "b"]);
  });

  it("a conflict for one idea does not exclude the juror from the others", () => {
    const aggs = aggregateIdeas({
      ideaIds: [10, 11],
      criteria,
      sheets: [sheet(10, "friend", all(5)), sheet(11, "friend", all(5))],
      conflicts: [{ ideaId: 10, jurorId: "friend" }],
    });
    expect(aggs.map((a) => a.count)).toEqual([0, 1]);
  });

  it("does not count incomplete sheets, but reports them", () => {
    const [agg] = aggregateIdeas({
      ideaIds: [10],
      criteria,
      sheets: [sheet(10, "a", all(3)), sheet(10, "b", { 1: 1 })],
      conflicts: [],
    });
    expect(agg).toMatchObject({ count: 1, partial: 1, average: 3, spread: 0 });
  });

  it("has no average, spread or outliers without finished sheets", () => {
    const [agg] = aggregateIdeas({ ideaIds: [10], criteria, sheets: [], conflicts: [] });
    expect(agg).toMatchObject({ exact: null, average: null, count: 0, spread: null, outliers: [] });
  });

  it("counts one sheet per juror", () => {
    const [agg] = aggregateIdeas({ ideaIds: [10], criteria, sheets: [sheet(10, "a", all(5)), sheet(10, "a", all(1))], conflicts: [] });
    expect(agg).toMatchObject({ count: 1, average: 5 });
  });
});

describe("outliers", () => {
  const aggregate = (scores: number[]) =>
    aggregateIdeas({ ideaIds: [1], criteria, sheets: scores.map((x, i) => sheet(1, `j${i}`, all(x))), conflicts: [] })[0]!;

  it("is a score 1.5 points or more from the median of the jury", () => {
    // Median 4 (half-way between the middle two): the 2 is 2 points off, the 5 only 1.
    const agg = aggregate([4, 4, 5, 2]);
    expect(agg.outliers).toEqual([{ jurorId: "j3", score: 2, median: 4 }]);
  });

  it("lets one extreme score stand out on its own (1, 1, 5: only the 5)", () => {
    expect(aggregate([1, 1, 5]).outliers).toEqual([{ jurorId: "j2", score: 5, median: 1 }]);
    // A jury split down the middle has no median to stand out from: 1, 3, 5 flags both ends.
    expect(aggregate([1, 3, 5]).outliers.map((o) => o.jurorId)).toEqual(["j0", "j2"]);
    // An even count: 3, 3, 4, 1 has median 3; the 1 is 2 off, the 4 only 1.
    expect(aggregate([3, 3, 4, 1]).outliers).toEqual([{ jurorId: "j3", score: 1, median: 3 }]);
  });

  it("counts exactly 1.5 as an outlier and just under it not", () => {
    // j2: 2.5 against 4 is 1.5 away: use weights that make 2.5 reachable (a 50/50 split of 2 and 3).
    const two: WeightedCriterion[] = [
      { id: 1, weight: 1 },
      { id: 2, weight: 1 },
    ];
    const agg = aggregateIdeas({
      ideaIds: [1],
      criteria: two,
      sheets: [sheet(1, "a", { 1: 4, 2: 4 }), sheet(1, "b", { 1: 4, 2: 4 }), sheet(1, "c", { 1: 2, 2: 3 })],
      conflicts: [],
    })[0]!;
    expect(agg.outliers.map((o) => o.jurorId)).toEqual(["c"]);
    expect(aggregate([4, 4, 3]).outliers).toEqual([]);
  });

  it("needs at least three jurors: with two, nobody is 'the odd one out'", () => {
    expect(aggregate([1, 5]).outliers).toEqual([]);
    expect(aggregate([1, 5]).spread).toBe(4);
  });

  it("excludes conflicted jurors from the comparison", () => {
    const agg = aggregateIdeas({
      ideaIds: [1],
      criteria,
      sheets: [sheet(1, "a", all(4)), sheet(1, "b", all(4)), sheet(1, "c", all(4)), sheet(1, "friend", all(1))],
      conflicts: [{ ideaId: 1, jurorId: "friend" }],
    })[0]!;
    expect(agg.outliers).toEqual([]);
  });
});

describe("ranking and ties", () => {
  const rows = (averages: [number, number | null][]) =>
    averages.map(([ideaId, avg]) => ({ ideaId, exact: avg === null ? null : { num: Math.round(avg * 100), den: 100 } }));

  it("ranks by average, highest first; equal averages share a rank and are marked", () => {
    const ranked = rankByAverage(
      rows([
        [1, 3.5],
        [2, 4.2],
        [3, 3.5],
        [4, 2],
        [5, null],
      ]),
    );
    expect(ranked.map((r) => [r.ideaId, r.rank, r.tied])).toEqual([
      [2, 1, false],
      [1, 2, true],
      [3, 2, true],
      [4, 4, false],
      [5, null, false],
    ]);
  });

  it("treats exactly equal fractions as a tie, whatever their form", () => {
    // 7/3 twice, once as 700/300 and once as 1400/600: a real tie that floats could break.
    const ranked = rankByAverage([
      { ideaId: 9, exact: { num: 1400, den: 600 } },
      { ideaId: 3, exact: { num: 700, den: 300 } },
    ]);
    expect(ranked.map((r) => [r.ideaId, r.rank, r.tied])).toEqual([
      [3, 1, true],
      [9, 1, true],
    ]);
    expect(compareFractions({ num: 1, den: 3 }, { num: 2, den: 6 })).toBe(0);
  });

  it("orders a tie by idea id (the order of handing in), so every load shows the same list", () => {
    const ranked = rankByAverage(
      rows([
        [8, 3],
        [2, 3],
        [5, 3],
      ]),
    );
    expect(ranked.map((r) => r.ideaId)).toEqual([2, 5, 8]);
    expect(ranked.every((r) => r.rank === 1 && r.tied)).toBe(true);
  });

  it("keeps three-way ties and the rank after them right (1, 1, 1, 4)", () => {
    const ranked = rankByAverage(
      rows([
        [1, 4],
        [2, 4],
        [3, 4],
        [4, 3],
      ]),
    );
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1, 4]);
    expect(ranked[3]!.tied).toBe(false);
  });
});

describe("sorting the overview", () => {
  const rows = [
    { ideaId: 1, title: "Moestuin", rank: 2, spread: 1, count: 3 },
    { ideaId: 2, title: "Bankjes", rank: 1, spread: 0.5, count: 3 },
    { ideaId: 3, title: "Zwerfvuil", rank: null, spread: null, count: 0 },
    { ideaId: 4, title: "Ämter", rank: 2, spread: 2, count: 2 },
  ];
  it("by rank: best first, ties by id, unscored last", () => {
    expect(sortOverview(rows, "rank").map((r) => r.ideaId)).toEqual([2, 1, 4, 3]);
    expect(sortOverview(rows, "rank", "desc").map((r) => r.ideaId)).toEqual([1, 4, 2, 3]);
  });
  it("by spread: biggest disagreement first, unscored last in both directions", () => {
    expect(sortOverview(rows, "spread").map((r) => r.ideaId)).toEqual([4, 1, 2, 3]);
    expect(sortOverview(rows, "spread", "asc").map((r) => r.ideaId)).toEqual([2, 1, 4, 3]);
  });
  it("by count, ties by rank", () => {
    expect(sortOverview(rows, "count").map((r) => r.ideaId)).toEqual([2, 1, 4, 3]);
  });
  it("by title, in Dutch alphabetical order", () => {
    expect(sortOverview(rows, "title").map((r) => r.title)).toEqual(["Ämter", "Bankjes", "Moestuin", "Zwerfvuil"]);
  });
});

describe("a juror's progress", () => {
  const ideaIds = [1, 2, 3, 4];
  it("counts done, partial and open ideas; conflicted ideas are not on the list", () => {
    const progress = jurorProgress({
      jurorId: "a",
      ideaIds,
      criteria,
      sheets: [sheet(1, "a", all(3)), sheet(2, "a", { 1: 2 }), sheet(3, "b", all(3))],
      conflicts: [{ ideaId: 4, jurorId: "a" }],
    });
    expect(progress).toEqual({ total: 3, done: 1, partial: 1, open: 1, conflicted: 1, finished: false, percent: 33 });
    expect(mayViewOthersScores(progress, { conflicted: false })).toBe(false);
  });

  it("is finished when every idea without a conflict has a complete sheet", () => {
    const progress = jurorProgress({
      jurorId: "a",
      ideaIds,
      criteria,
      sheets: [1, 2, 3].map((id) => sheet(id, "a", all(4))),
      conflicts: [{ ideaId: 4, jurorId: "a" }],
    });
    expect(progress).toMatchObject({ total: 3, done: 3, finished: true, percent: 100 });
    expect(mayViewOthersScores(progress, { conflicted: false })).toBe(true);
    // Never for the idea with the conflict itself.
    expect(mayViewOthersScores(progress, { conflicted: true })).toBe(false);
  });

  it("shows nothing of others when there is nothing to score", () => {
    const progress = jurorProgress({ jurorId: "a", ideaIds: [], criteria, sheets: [], conflicts: [] });
    expect(progress).toMatchObject({ total: 0, finished: true, percent: 100 });
    expect(mayViewOthersScores(progress, { conflicted: false })).toBe(false);
  });
});
