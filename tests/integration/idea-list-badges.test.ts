import { beforeAll, describe, expect, it } from "vitest";
import { aftercareDemoSlug } from "~db/seeds/aftercare";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import * as listRoute from "~/routes/rondes.$slug_.ideeen._index";
import { callRoute, dataOf, type RouteFn } from "../support/route-call";
import { useTestDatabase } from "../support/test-db";

// Issue 18.3: the idea list's cards said "Gekozen door de jury" long after the vote. A card's badge now
// says what is true in the round's phase, as the idea page does.

const { db } = useTestDatabase();

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
});

async function badges(slug: string): Promise<Record<string, string>> {
  const result = await callRoute(listRoute.loader as RouteFn, { path: `/rondes/${slug}/ideeen`, params: { slug } });
  const { ideas } = dataOf<{ ideas: { title: string; badge: string }[] }>(result);
  return Object.fromEntries(ideas.map((i) => [i.title, i.badge]));
}

describe("the idea list's badges", () => {
  it("say won, not chosen or realised once the results are public and the tracks have moved", async () => {
    const shown = await badges(aftercareDemoSlug);
    expect(shown["Kookclub voor nieuwe buren"]).toBe("realised");
    expect(Object.values(shown)).toContain("won");
    expect(Object.values(shown)).toContain("notChosen");
    expect(Object.values(shown)).not.toContain("shortlisted");
  });

  it("keep the jury's choice while the vote is still going on", async () => {
    const shown = await badges(votingDemoSlug);
    expect(new Set(Object.values(shown))).toEqual(new Set(["shortlisted"]));
  });
});
