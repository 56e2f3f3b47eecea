import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { createSessionCookie } from "~/modules/auth/session.server";
import { loader } from "~/routes/organiseren.$slug.ideeen._index";
import { useTestDatabase } from "../support/test-db";

// Issue 18: "Papieren idee invoeren" led to a 409 page in four of five demo rounds. The console offers
// it only when it works, and otherwise says when it did or will.

const { db } = useTestDatabase();
let cookie = "";

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  const id = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
  cookie = (await createSessionCookie(id)).split(";")[0]!;
});

const ideasTab = (slug: string) =>
  loader({ request: new Request(`http://localhost/organiseren/${slug}/ideeen`, { headers: { Cookie: cookie } }), params: { slug }, context: {} as never });

describe("the console's ideas tab", () => {
  it("offers paper ideas while ideas are handed in", async () => {
    expect((await ideasTab("vonk-keizerslanden-2027")).paperClosed).toBeNull();
  });

  it("says when paper ideas could be entered instead of offering a button that is refused", async () => {
    expect((await ideasTab(votingDemoSlug)).paperClosed).toMatchObject({
      now: { kind: "in", phase: "stemmen" },
      when: { kind: "was-in-phase", phase: "juryselectie" },
    });
  });
});
