import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { createSessionCookie } from "~/modules/auth/session.server";
import { loader } from "~/routes/_index";
import { useTestDatabase } from "../support/test-db";

// Issue 18: the home page kept "Maak een account" under "Welkom, …", and never said when a resident's
// postcode lies in none of the rounds running now.

const { db } = useTestDatabase();

async function homeFor(email: string | null) {
  const id = email ? (await one(db().select().from(users).where(eq(users.email, email))))!.id : null;
  const cookie = id ? (await createSessionCookie(id)).split(";")[0]! : "";
  return loader({ request: new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} }), params: {}, context: {} as never });
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
});

describe("the home page", () => {
  it("offers an account only to visitors who are not logged in", async () => {
    expect((await homeFor(null)).resident).toBeNull();
    expect((await homeFor("bewoner@keizerslanden.nl")).resident).not.toBeNull();
  });

  it("knows when a resident's postcode lies in none of the running rounds", async () => {
    expect((await homeFor("bewoner@keizerslanden.nl")).resident!.roundsHere).toBeGreaterThan(0);
    expect((await homeFor("sanne@voorbeeld.nl")).resident).toMatchObject({ roundsHere: 0 });
  });
});
