import { describe, expect, it } from "vitest";
import { compareCounts, finalPosterCounts, MAX_POSTER_COUNT, posterCountsFormSchema, type PosterCount } from "./poster-counts";

const ideas = [11, 12, 13];
const counts = (...values: (number | null)[]): PosterCount[] => values.flatMap((count, i) => (count === null ? [] : [{ ideaId: ideas[i]!, count }]));
const anna = (...values: (number | null)[]) => ({ enteredBy: "anna", counts: counts(...values) });
const bram = (...values: (number | null)[]) => ({ enteredBy: "bram", counts: counts(...values) });

describe("compareCounts", () => {
  it("reconciles two complete, equal entries by different organisers", () => {
    const comparison = compareCounts(anna(40, 0, 17), bram(40, 0, 17), ideas);
    expect(comparison.reconciled).toBe(true);
    expect(comparison.lines.map((l) => l.status)).toEqual(["equal", "equal", "equal"]);
    expect(finalPosterCounts(comparison)).toEqual(counts(40, 0, 17));
  });

  it("shows differences with both values and waits for a resolution", () => {
    const comparison = compareCounts(anna(40, 3, 17), bram(41, 3, 17), ideas);
    expect(comparison.reconciled).toBe(false);
    expect(comparison.unresolved).toEqual([11]);
    expect(comparison.lines[0]).toEqual({ ideaId: 11, a: 40, b: 41, status: "different", resolved: null, final: null });
    expect(finalPosterCounts(comparison)).toBeNull();
  });

  it("reconciles once every difference has a resolution, which may be a recount unlike both", () => {
    const comparison = compareCounts(anna(40, 3, 17), bram(41, 3, 18), ideas, [
      { ideaId: 11, count: 42 },
      { ideaId: 13, count: 17 },
    ]);
    expect(comparison.reconciled).toBe(true);
    expect(finalPosterCounts(comparison)).toEqual(counts(42, 3, 17));
  });

  it("keeps the agreed count when a resolution is given where there is no difference", () => {
    const comparison = compareCounts(anna(40, 3, 17), bram(40, 3, 17), ideas, [{ ideaId: 12, count: 9 }]);
    expect(finalPosterCounts(comparison)).toEqual(counts(40, 3, 17));
  });

  it("is not reconciled while a count is missing, even with a resolution for it", () => {
    const comparison = compareCounts(anna(40, null, 17), bram(40, 3, 17), ideas, [{ ideaId: 12, count: 3 }]);
    expect(comparison.missing).toEqual([12]);
    expect(comparison.lines[1]).toMatchObject({ a: null, b: 3, status: "missing", final: null });
    expect(comparison.reconciled).toBe(false);
  });

  it("is not reconciled with only one entry", () => {
    const comparison = compareCounts(anna(1, 2, 3), null, ideas);
    expect(comparison.missing).toEqual(ideas);
    expect(comparison.reconciled).toBe(false);
  });

  it("is not reconciled when one organiser entered both", () => {
    const comparison = compareCounts(anna(1, 2, 3), anna(1, 2, 3), ideas);
    expect(comparison.sameOrganiser).toBe(true);
    expect(comparison.reconciled).toBe(false);
  });

  it("fails loudly on counts that no form lets through", () => {
    expect(() => compareCounts({ enteredBy: "anna", counts: [{ ideaId: 99, count: 1 }] }, null, ideas)).toThrow(/not on the ballot/);
    expect(() =>
      compareCounts(
        {
          enteredBy: "anna",
          counts: [
            { ideaId: 11, count: 1 },
            { ideaId: 11, count: 2 },
          ],
        },
        null,
        ideas,
      ),
    ).toThrow(/twice/);
    expect(() => compareCounts(anna(-1, 0, 0), null, ideas)).toThrow(RangeError);
    expect(() => compareCounts(anna(1.5, 0, 0), null, ideas)).toThrow(RangeError);
    expect(() => compareCounts(null, null, ideas, [{ ideaId: 11, count: -2 }])).toThrow(RangeError);
  });
});

describe("posterCountsFormSchema", () => {
  const schema = posterCountsFormSchema(ideas);

  it("reads typed counts, leaves empty fields out and keeps 0", () => {
    expect(schema.parse({ count: { "13": " 17 ", "11": "40", "12": "" } })).toEqual([
      { ideaId: 11, count: 40 },
      { ideaId: 13, count: 17 },
    ]);
    expect(schema.parse({ count: { "12": "0" } })).toEqual([{ ideaId: 12, count: 0 }]);
    expect(schema.parse({})).toEqual([]);
  });

  it("refuses what is not a whole number of stickers, per field", () => {
    for (const value of ["-1", "2,5", "veel", String(MAX_POSTER_COUNT + 1)]) {
      const issues = schema.safeParse({ count: { "11": value } }).error?.issues;
      expect(issues).toEqual([expect.objectContaining({ path: ["count", "11"], message: "voting.posterCountInvalid" })]);
    }
  });

  it("refuses a poster that is not on the ballot", () => {
    const issues = schema.safeParse({ count: { "99": "1", abc: "1" } }).error?.issues;
    expect(issues?.map((i) => i.message)).toEqual(["voting.unknownIdea", "voting.unknownIdea"]);
  });
});
