import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_GROUP_SIZE, shareOf, suppressCount, suppressGroup, type Cell } from "./disclosure";

const kinds = (cells: Cell[]) => cells.map((c) => (c.kind === "shown" ? c.n : c.kind));

describe("suppressCount", () => {
  it("shows 5 and more, and calls everything under 5 'minder dan 5', 0 included", () => {
    expect(suppressCount(5)).toEqual({ kind: "shown", n: 5 });
    expect(suppressCount(120)).toEqual({ kind: "shown", n: 120 });
    for (const n of [0, 1, 4]) expect(suppressCount(n)).toEqual({ kind: "small" });
  });
});

describe("suppressGroup", () => {
  it("shows every answer of 5 or more people", () => {
    expect(kinds(suppressGroup([12, 5, 30]))).toEqual([12, 5, 30]);
  });

  it("hides every answer when fewer than 5 people answered at all", () => {
    expect(kinds(suppressGroup([3, 1, 0]))).toEqual(["small", "small", "small"]);
    expect(kinds(suppressGroup([4]))).toEqual(["small"]);
  });

  it("hides the smallest other answer too when one small group could be worked out from the total", () => {
    // 20 + 9 + 3 = 32: showing 20 and 9 beside the total would give away the 3.
    expect(kinds(suppressGroup([20, 9, 3]))).toEqual([20, "hidden", "small"]);
    expect(kinds(suppressGroup([3, 6]))).toEqual(["small", "hidden"]);
  });

  it("leaves the rest alone when two or more groups are small: their split cannot be worked out", () => {
    expect(kinds(suppressGroup([20, 2, 1, 9]))).toEqual([20, "small", "small", 9]);
  });

  it("shows the others beside one empty group: an empty group names nobody", () => {
    expect(kinds(suppressGroup([0, 40, 25, 7]))).toEqual(["small", 40, 25, 7]);
  });

  it("hides the one answer everybody gave: otherwise each person's answer is known", () => {
    expect(kinds(suppressGroup([0, 8, 0]))).toEqual(["small", "hidden", "small"]);
    expect(kinds(suppressGroup([6, 0]))).toEqual(["hidden", "small"]);
  });

  it("never lets a group under 5 be read or worked out (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 2, maxLength: 8 }), (counts) => {
        const cells = suppressGroup(counts);
        const total = counts.reduce((a, b) => a + b, 0);
        counts.forEach((n, i) => {
          if (n < MIN_GROUP_SIZE) expect(cells[i]!.kind).not.toBe("shown");
          if (cells[i]!.kind === "shown") expect((cells[i] as { n: number }).n).toBe(n);
        });
        const hidden = counts.filter((_, i) => cells[i]!.kind !== "shown");
        // What subtraction gives: the sum of the hidden groups. It may only pin down a group when that group is empty.
        if (hidden.length === 1) expect(hidden[0]).toBe(0);
        // Nobody's answer follows from the page: not all people in one shown group.
        const shown = counts.filter((_, i) => cells[i]!.kind === "shown");
        if (shown.length === 1 && total > 0) expect(shown[0]).toBeLessThan(total);
      }),
    );
  });
});

describe("shareOf", () => {
  it("gives a share only for a figure that is shown", () => {
    expect(shareOf({ kind: "shown", n: 10 }, 40)).toBe(0.25);
    expect(shareOf({ kind: "small" }, 40)).toBeNull();
    expect(shareOf({ kind: "hidden" }, 40)).toBeNull();
  });
});
