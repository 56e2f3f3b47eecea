import { describe, expect, it } from "vitest";
import { IDEAS_PER_PAGE, listSearch, pageLinks, pageOf, parseListQuery } from "./list-pages";
import { filterIdeas, seededOrder } from "./order";

const ideasOf = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

/** Every page of the list in this seed's order, as the loader slices it. */
function allPages<T extends { id: number }>(items: readonly T[], seed: string, size = IDEAS_PER_PAGE): T[][] {
  const ordered = seededOrder(items, seed);
  const pages: T[][] = [];
  for (let page = 1; ; page++) {
    const slice = pageOf(ordered.length, page, size);
    if (!slice) break;
    pages.push(ordered.slice(slice.from, slice.to));
  }
  return pages;
}

describe("the idea list in pages", () => {
  it("shows every idea exactly once over the pages, in the visitor's order", () => {
    for (const count of [0, 1, 23, 24, 25, 48, 100, 101]) {
      for (const seed of ["seed-aaaaaaaa", "seed-bbbbbbbb", "x1y2z3w4v5"]) {
        const ideas = ideasOf(count);
        const pages = allPages(ideas, seed);
        expect(pages.length, `${count} ideas`).toBe(Math.max(1, Math.ceil(count / IDEAS_PER_PAGE)));
        // Pages in a row are the order itself: nothing repeated, nothing skipped.
        expect(pages.flat().map((i) => i.id)).toEqual(seededOrder(ideas, seed).map((i) => i.id));
        for (const [i, page] of pages.entries()) {
          if (i < pages.length - 1) expect(page).toHaveLength(IDEAS_PER_PAGE);
          else expect(page.length).toBe(count === 0 ? 0 : count - i * IDEAS_PER_PAGE);
        }
      }
    }
  });

  it("gives a page the same ideas on every visit with the same seed, and other ideas with another seed", () => {
    const ideas = ideasOf(100);
    expect(allPages(ideas, "stable-seed-1")[2]).toEqual(allPages(ideas, "stable-seed-1")[2]);
    expect(allPages(ideas, "stable-seed-1")[0]).not.toEqual(allPages(ideas, "stable-seed-2")[0]);
  });

  it("pages the filtered list, so a filter with 30 matches has two pages and every match once", () => {
    const ideas = Array.from({ length: 90 }, (_, i) => ({
      id: i + 1,
      title: `Idee ${i + 1}`,
      summary: "",
      description: "",
      buurtId: i % 3 === 0 ? 7 : 8,
      categoryId: null,
      status: "submitted",
    }));
    const matching = filterIdeas(ideas, { buurtId: 7 });
    const pages = allPages(matching, "filter-seed-1");
    expect(pages.map((p) => p.length)).toEqual([24, 6]);
    expect(new Set(pages.flat().map((i) => i.id))).toEqual(new Set(matching.map((i) => i.id)));
    expect(pages.flat().every((i) => i.buurtId === 7)).toBe(true);
  });

  it("has a first page even without ideas, and no page after the last or before the first", () => {
    expect(pageOf(0, 1)).toEqual({ page: 1, pageCount: 1, from: 0, to: 0 });
    expect(pageOf(0, 2)).toBeNull();
    expect(pageOf(48, 2)).toEqual({ page: 2, pageCount: 2, from: 24, to: 48 });
    expect(pageOf(48, 3)).toBeNull();
    expect(pageOf(49, 3)).toEqual({ page: 3, pageCount: 3, from: 48, to: 49 });
    expect(pageOf(10, 0)).toBeNull();
    expect(pageOf(10, -1)).toBeNull();
    expect(pageOf(10, 1.5)).toBeNull();
    expect(() => pageOf(-1, 1)).toThrow();
    expect(() => pageOf(10, 1, 0)).toThrow();
  });
});

describe("parseListQuery", () => {
  const parse = (query: string) => parseListQuery(new URLSearchParams(query));

  it("reads the page, the order and the filters", () => {
    expect(parse("q=bankje&buurt=3&categorie=4&status=shortlisted&pagina=2&volgorde=abcdEFGH1234")).toEqual({
      filters: { q: "bankje", buurtId: 3, categoryId: 4, status: "shortlisted" },
      page: 2,
      seed: "abcdEFGH1234",
    });
    expect(parse("")).toEqual({ filters: { q: undefined, buurtId: undefined, categoryId: undefined, status: undefined }, page: 1, seed: undefined });
  });

  it("reads a page number that is not a whole number from 1 up as page 1", () => {
    for (const bad of ["0", "-1", "1.5", "abc", "2e3", " 2", "0x10", "", "1234567", "9".repeat(400)]) {
      expect(parse(`pagina=${encodeURIComponent(bad)}`).page, bad).toBe(1);
    }
    expect(parse("pagina=999999").page).toBe(999999);
  });

  it("ignores an order that is not one of ours, or too long", () => {
    for (const bad of ["short", "has space in it", "bad;seed=1234", "a".repeat(65), "é".repeat(10)]) {
      expect(parse(`volgorde=${encodeURIComponent(bad)}`).seed, bad).toBeUndefined();
    }
    expect(parse(`volgorde=${"a".repeat(64)}`).seed).toBe("a".repeat(64));
  });
});

describe("pageLinks", () => {
  it("lists every page of a short list", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageLinks(7, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("keeps the first, the last and the neighbours of a long list, in at most 7 entries", () => {
    expect(pageLinks(1, 20)).toEqual([1, 2, 3, 4, "gap", 20]);
    expect(pageLinks(4, 20)).toEqual([1, 2, 3, 4, 5, "gap", 20]);
    expect(pageLinks(10, 20)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
    expect(pageLinks(17, 20)).toEqual([1, "gap", 16, 17, 18, 19, 20]);
    expect(pageLinks(20, 20)).toEqual([1, "gap", 17, 18, 19, 20]);
    for (let pages = 1; pages <= 30; pages++) {
      for (let page = 1; page <= pages; page++) {
        const links = pageLinks(page, pages);
        const numbers = links.filter((n): n is number => n !== "gap");
        expect(links.length).toBeLessThanOrEqual(7);
        expect(numbers).toContain(page);
        expect(numbers[0]).toBe(1);
        expect(numbers.at(-1)).toBe(pages);
        // Ascending, and a gap only where at least two numbers are left out.
        for (let i = 1; i < links.length; i++) {
          const before = links[i - 1];
          const here = links[i];
          if (typeof before === "number" && typeof here === "number") expect(here).toBe(before + 1);
          if (here === "gap") expect((links[i + 1] as number) - (before as number)).toBeGreaterThan(2);
        }
      }
    }
  });
});

describe("listSearch", () => {
  it("keeps the filters and the order in the link to another page", () => {
    expect(listSearch({ q: "café bank", buurtId: 3, categoryId: 4, status: "submitted" }, 2, "seedseed12")).toBe(
      "?q=caf%C3%A9+bank&buurt=3&categorie=4&status=submitted&pagina=2&volgorde=seedseed12",
    );
    expect(listSearch({}, 1, "seedseed12")).toBe("?volgorde=seedseed12");
    expect(listSearch({}, 1, undefined)).toBe("");
  });

  it("makes links that read back as the same page, filters and order", () => {
    const filters = { q: "bankje", buurtId: 3, categoryId: undefined, status: "shortlisted" as const };
    const back = parseListQuery(new URLSearchParams(listSearch(filters, 4, "seedseed12").slice(1)));
    expect(back).toEqual({ filters, page: 4, seed: "seedseed12" });
  });
});
