import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { createSessionCookie } from "~/modules/auth/session.server";
import { testRequestHandler } from "../support/test-build";
import { useTestDatabase } from "../support/test-db";

// Issue 18: an error page showed "Inloggen / Account maken" to someone who was logged in. The root's
// error page keeps the header of whoever is asking, and leads back to the round.

const { db } = useTestDatabase();

const refusing = { default: () => null, loader: () => Promise.reject(new Response("Niet voor jou", { status: 403 })) };

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
});

describe("an error page", () => {
  it("keeps the logged-in header and offers the way back to the round's console", async () => {
    const id = (await one(db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!.id;
    const cookie = (await createSessionCookie(id)).split(";")[0]!;
    const handler = testRequestHandler([{ id: "routes/weigert", path: "organiseren/:slug/weigert", module: refusing as never }]);
    const response = await handler(new Request("http://localhost/organiseren/vonk-keizerslanden-2027/weigert", { headers: { Cookie: cookie } }), {
      requestId: "error-header",
      cspNonce: "n",
    } as never);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("Mijn account");
    expect(html).not.toContain("Account maken");
    expect(html).toContain('href="/organiseren/vonk-keizerslanden-2027"');
  });
});
