import { one, run } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { createSessionCookie } from "~/modules/auth/session.server";
import * as ballotRoute from "~/routes/rondes.$slug_.stemmen";
import { callRoute, dataOf, type RouteFn } from "../support/route-call";
import { useTestDatabase } from "../support/test-db";

// Issue 18.4 (session 7 leftover): a resident outside a round's area was pointed to every round. The
// ballot now names the running or announced rounds whose area holds their postcode, or says there is none.

const { db } = useTestDatabase();

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
}, 60_000);

async function ballotPageFor(email: string, postcode?: string) {
  const user = (await one(db().select().from(users).where(eq(users.email, email))))!;
  if (postcode) await run(db().update(users).set({ postcode }).where(eq(users.id, user.id)));
  const cookie = (await createSessionCookie(user.id)).split(";")[0]!;
  const result = await callRoute(ballotRoute.loader as RouteFn, { path: `/rondes/${votingDemoSlug}/stemmen`, params: { slug: votingDemoSlug }, cookie });
  return dataOf<{ reason: string | null; elsewhere: { postcode: string; rounds: { slug: string; title: string }[] } | null }>(result);
}

describe("a resident outside the round's area", () => {
  it("is shown the rounds that hold their postcode, and only those", async () => {
    const page = await ballotPageFor("mohamed@voorbeeld.nl", "9407 AB");
    expect(page.reason).toBe("voting.postcodeOutsideArea");
    expect(page.elsewhere).toEqual({ postcode: "9407 AB", rounds: [{ slug: "assen-top-idee-2027", title: "Assen Top Idee 2027" }] });
  });

  it("hears plainly that no round holds their postcode when none does", async () => {
    const page = await ballotPageFor("sanne@voorbeeld.nl");
    expect(page.reason).toBe("voting.postcodeOutsideArea");
    expect(page.elsewhere).toEqual({ postcode: "7421 ZZ", rounds: [] });
  });

  it("gets no such list when they live in the area", async () => {
    const page = await ballotPageFor("bewoner@keizerslanden.nl");
    expect(page.elsewhere).toBeNull();
  });
});
