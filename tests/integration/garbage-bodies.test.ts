import { one } from "~db/query.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ideas, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { runWithRequestClock } from "~/lib/clock.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// Issue 10: a body that is no form (broken multipart, JSON, plain text) is the sender's mistake. Every
// route action answers it with a 4xx (or refuses earlier: log-in, phase), never a 500 or an uncaught
// error. Posted as the beheerder, who may do everything, so that the actions get as far as reading it.

const { db } = useTestDatabase();
type RouteModule = { action?: (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown> };
const routes = import.meta.glob<RouteModule>("/app/routes/*.tsx");
let cookie = "";
let ideaId = 0;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  const beheerder = (await one(db().select().from(users).where(eq(users.email, "beheer@wijkvonk.nl"))))!;
  cookie = (await createSessionCookie(beheerder.id)).split(";")[0]!;
  const contestId = (await getContestBySlug(votingDemoSlug))!.contest.id;
  ideaId = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId))),
  ))!.id;
});

const bodies: [string, string, string][] = [
  ["broken multipart", "multipart/form-data; boundary=----x", "------x\r\nContent-Disposition: form-data; name\r\n\r\nabc"],
  ["json", "application/json", '{"intent":"refer"}'],
  ["plain text", "text/plain", "hallo"],
];

describe("a body that is no form", () => {
  it.each(bodies)("(%s) gets no 500 from any route action", async (_name, type, body) => {
    const answers: string[] = [];
    let badRequests = 0;
    for (const [file, load] of Object.entries(routes)) {
      const route = await load();
      if (!route.action) continue;
      const request = new Request(`http://localhost/x`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": type, Origin: "http://localhost" },
        body,
      });
      const params = { slug: votingDemoSlug, ideaId: String(ideaId), name: "x", bestand: "x" };
      const result = await runWithRequestClock(cookie, () => route.action!({ request, params, context: { clientIp: "127.0.0.1" } })).catch(
        (error: unknown) => error,
      );
      if (!(result instanceof Response) && result instanceof Error) answers.push(`${file}: threw ${result.name}: ${result.message}`);
      else if (statusOf(result) >= 500) answers.push(`${file}: ${statusOf(result)}`);
      if (statusOf(result) === 400) badRequests++;
    }
    expect(answers).toEqual([]);
    // Most actions really read the body (the others stop earlier, at the phase).
    expect(badRequests).toBeGreaterThan(10);
  });
});
