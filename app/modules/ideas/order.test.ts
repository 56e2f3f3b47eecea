import { describe, expect, it } from "vitest";
import { filterIdeas, isValidSeed, normalizeForSearch, parseListFilters, seededOrder } from "./order";

const ideas = Array.from({ length: 40 }, (_, i) => ({ id: i + 1 }));

describe("seededOrder", () => {
  it("is a permutation, the same for the same seed, and different for another seed", () => {
    const a = seededOrder(ideas, "seed-aaaaaaaa");
    expect([...a].sort((x, y) => x.id - y.id)).toEqual(ideas);
    expect(seededOrder(ideas, "seed-aaaaaaaa")).toEqual(a);
    expect(seededOrder(ideas, "seed-aaaaaaab")).not.toEqual(a);
  });

  it("does not favour early submitters: over many visitors, idea 1 is first about as often as any other", () => {
    const firsts = new Map<number, number>();
    for (let v = 0; v < 4000; v++) {
      const first = seededOrder(ideas.slice(0, 8), `visitor-${v}`)[0]!.id;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // 4000 visitors over 8 ideas: 500 each on average; allow a wide margin for chance.
    for (const id of [1, 2, 3, 4, 5, 6, 7, 8]) expect(firsts.get(id) ?? 0).toBeGreaterThan(380);
  });

  it("keeps the others in their order when a new idea arrives", () => {
    const before = seededOrder(ideas, "stable-seed").map((i) => i.id);
    const after = seededOrder([...ideas, { id: 41 }], "stable-seed")
      .map((i) => i.id)
      .filter((id) => id !== 41);
    expect(after).toEqual(before);
  });

  it("accepts only seeds that look like ours", () => {
    expect(isValidSeed("abcDEF12_-")).toBe(true);
    expect(isValidSeed("short")).toBe(false);
    expect(isValidSeed("bad;seed=1234")).toBe(false);
    expect(isValidSeed(undefined)).toBe(false);
  });
});

describe("filterIdeas", () => {
  const items = [
    { id: 1, title: "Bankjes bij de vijver", summary: "Rusten", description: "", buurtId: 1, categoryId: 10, status: "submitted" },
    { id: 2, title: "Moestuin", summary: "Samen tuinieren", description: "Groente voor het café", buurtId: 2, categoryId: 11, status: "shortlisted" },
    { id: 3, title: "Ideeën-markt", summary: "", description: "Een markt", buurtId: 2, categoryId: 10, status: "submitted" },
  ];
  it("filters by buurt, category and status", () => {
    expect(filterIdeas(items, { buurtId: 2 }).map((i) => i.id)).toEqual([2, 3]);
    expect(filterIdeas(items, { categoryId: 10 }).map((i) => i.id)).toEqual([1, 3]);
    expect(filterIdeas(items, { status: "shortlisted" }).map((i) => i.id)).toEqual([2]);
    expect(filterIdeas(items, { buurtId: 2, categoryId: 10 }).map((i) => i.id)).toEqual([3]);
  });
  it("searches every word in title, summary and description, without caring about accents or case", () => {
    expect(filterIdeas(items, { q: "CAFE groente" }).map((i) => i.id)).toEqual([2]);
    expect(filterIdeas(items, { q: "ideeen" }).map((i) => i.id)).toEqual([3]);
    expect(filterIdeas(items, { q: "bankjes moestuin" })).toEqual([]);
    expect(normalizeForSearch("Ideeën")).toBe("ideeen");
  });
  it("reads filters from the query string and ignores nonsense", () => {
    const params = new URLSearchParams("q=+bank+&buurt=2&categorie=x&status=draft");
    expect(parseListFilters(params)).toEqual({ q: "bank", buurtId: 2, categoryId: undefined, status: undefined });
  });
});
