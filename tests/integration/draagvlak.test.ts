import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contests, ideaBackers, ideaFirstAnswers, ideas, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { runWithRequestClock } from "~/lib/clock.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { phaseAt } from "~/modules/contests/phases";
import { addPaperBacking, backIdea, backingCounts, firstAnswers, saveDraagvlakSettings, NO_SETTINGS } from "~/modules/draagvlak/draagvlak.server";
import { hideIdea } from "~/modules/ideas/moderation.server";
import { decideShortlist } from "~/modules/jury/decision.server";
import * as backRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.steunen";
import * as consoleRoute from "~/routes/organiseren.$slug.draagvlak";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// Backing and the answer clock on a real SQLite file with the demo data: one backer per resident per
// idea (the database holds it), who may back, who may run the console, and the jury's minimum.

const { db } = useTestDatabase();
const slug = "vonk-keizerslanden-2027";
const seededAt = Date.now();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let contestId = 0;
let annaIdea = 0; // handed in by Anna
let otherIdea = 0; // handed in by someone else

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: seededAt });
  contestId = db().select().from(contests).where(eq(contests.slug, slug)).get()!.id;
  for (const [key, email] of [
    ["anna", "bewoner@keizerslanden.nl"],
    ["mo", "mohamed@voorbeeld.nl"],
    ["sanne", "sanne@voorbeeld.nl"],
    ["org", "organisator@keizerslanden.nl"],
    ["chair", "jury@keizerslanden.nl"],
  ] as const) {
    ids[key] = db().select().from(users).where(eq(users.email, email)).get()!.id;
    cookies[key] = (await createSessionCookie(ids[key]!)).split(";")[0]!;
  }
  const submitted = db()
    .select()
    .from(ideas)
    .where(and(eq(ideas.contestId, contestId), eq(ideas.status, "submitted")))
    .all()
    .filter((i) => i.hiddenAt === null && i.contactConfirmedAt !== null);
  annaIdea = submitted.find((i) => i.ownerUserId === ids.anna)!.id;
  otherIdea = submitted.find((i) => i.ownerUserId !== ids.anna && i.ownerUserId !== ids.mo && i.ownerUserId !== ids.sanne)!.id;
});

type RouteFn = (args: { request: Request; params: Record<string, string>; context: never }) => Promise<unknown>;

async function call(fn: RouteFn, options: { path: string; params: Record<string, string>; cookie?: string; body?: FormData; at?: number }) {
  const request = new Request(`http://localhost${options.path}`, {
    method: options.body ? "POST" : "GET",
    headers: options.cookie ? { Cookie: options.cookie } : {},
    body: options.body,
  });
  return runWithRequestClock(options.cookie, () => fn({ request, params: options.params, context: {} as never })).catch((error: unknown) => error);
}

function form(values: Record<string, string>): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(values)) body.append(k, v);
  return body;
}

const backers = (ideaId: number) => db().select().from(ideaBackers).where(eq(ideaBackers.ideaId, ideaId)).all();
const back = (who: string, ideaId: number, intent = "back") =>
  call(backRoute.action as RouteFn, {
    path: `/rondes/${slug}/ideeen/${ideaId}/steunen`,
    params: { slug, ideaId: String(ideaId) },
    cookie: cookies[who],
    body: form({ intent }),
  });

describe("one backer per resident per idea", () => {
  it("counts a second backing by the same resident once, however it arrives", () => {
    expect(backIdea({ contestId, ideaId: otherIdea, userId: ids.chair!, now: seededAt })).toBe("backed");
    expect(backIdea({ contestId, ideaId: otherIdea, userId: ids.chair!, now: seededAt })).toBe("already");
    expect(backers(otherIdea).filter((b) => b.userId === ids.chair)).toHaveLength(1);
  });

  it("is held by the database's unique index, not only by the code", () => {
    expect(() => db().insert(ideaBackers).values({ ideaId: otherIdea, userId: ids.chair!, createdAt: new Date(seededAt) }).run()).toThrow(/UNIQUE/);
  });

  it("refuses an account whose email address is not confirmed, inside the write", () => {
    db().update(users).set({ emailConfirmedAt: null }).where(eq(users.id, ids.org!)).run();
    try {
      expect(backIdea({ contestId, ideaId: otherIdea, userId: ids.org!, now: seededAt })).toBe("email-unconfirmed");
      expect(backers(otherIdea).some((b) => b.userId === ids.org)).toBe(false);
    } finally {
      db().update(users).set({ emailConfirmedAt: new Date(seededAt) }).where(eq(users.id, ids.org!)).run();
    }
  });
});

describe("the backing route", () => {
  it("sends a visitor to the login page", async () => {
    const result = await back("nobody", otherIdea);
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toMatch(/^\/inloggen/);
  });

  it("lets a resident of the area back, once, and take it back", async () => {
    const first = await back("mo", otherIdea);
    expect(statusOf(first)).toBe(302);
    await back("mo", otherIdea);
    expect(backers(otherIdea).filter((b) => b.userId === ids.mo)).toHaveLength(1);
    await back("mo", otherIdea, "unback");
    expect(backers(otherIdea).some((b) => b.userId === ids.mo)).toBe(false);
  });

  it("refuses a resident from outside the area, and the idea's own maker", async () => {
    await back("sanne", otherIdea);
    expect(backers(otherIdea).some((b) => b.userId === ids.sanne)).toBe(false);
    await back("anna", annaIdea);
    expect(backers(annaIdea).some((b) => b.userId === ids.anna)).toBe(false);
  });

  it("refuses a post that is not a backing", async () => {
    const result = await call(backRoute.action as RouteFn, {
      path: `/rondes/${slug}/ideeen/${otherIdea}/steunen`,
      params: { slug, ideaId: String(otherIdea) },
      cookie: cookies.mo,
      body: form({ intent: "x".repeat(50) }),
    });
    expect(statusOf(result)).toBe(400);
  });
});

describe("the draagvlak console", () => {
  it("is for the round's organisers only", async () => {
    const asResident = await call(consoleRoute.loader as RouteFn, { path: `/organiseren/${slug}/draagvlak`, params: { slug }, cookie: cookies.mo });
    expect(statusOf(asResident)).toBe(403);
    const asOrganiser = await call(consoleRoute.loader as RouteFn, { path: `/organiseren/${slug}/draagvlak`, params: { slug }, cookie: cookies.org });
    expect(statusOf(asOrganiser)).toBe(200);
  });

  it("refuses paper signatures from a resident, and logs them from an organiser", async () => {
    const body = () => form({ intent: "paper", ideaId: String(annaIdea), count: "7", note: "Lijst buurthuis 3 december" });
    const refused = await call(consoleRoute.action as RouteFn, { path: `/organiseren/${slug}/draagvlak`, params: { slug }, cookie: cookies.mo, body: body() });
    expect(statusOf(refused)).toBe(403);
    expect(backingCounts([annaIdea]).get(annaIdea)!.paper).toBe(0);
    const done = await call(consoleRoute.action as RouteFn, { path: `/organiseren/${slug}/draagvlak`, params: { slug }, cookie: cookies.org, body: body() });
    expect(statusOf(done)).toBe(302);
    expect(backingCounts([annaIdea]).get(annaIdea)!.paper).toBe(7);
    const logged = db().select().from(auditLog).where(eq(auditLog.action, "draagvlak.paper-signatures")).all();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.userId).toBe(ids.org);
    expect(JSON.parse(logged[0]!.after!)).toEqual({ count: 7, note: "Lijst buurthuis 3 december" });
  });

  it("refuses a count out of range and an empty note", async () => {
    for (const values of [
      { count: "0", note: "x" },
      { count: "10001", note: "x" },
      { count: "3", note: "" },
      { count: "3", note: "x".repeat(501) },
    ]) {
      const result = await call(consoleRoute.action as RouteFn, {
        path: `/organiseren/${slug}/draagvlak`,
        params: { slug },
        cookie: cookies.org,
        body: form({ intent: "paper", ideaId: String(annaIdea), ...values }),
      });
      expect(statusOf(result)).toBe(400);
    }
  });
});

describe("the round's minimum and the jury", () => {
  it("keeps an idea below the minimum off the shortlist until paper signatures bring it there", () => {
    const details = getContestBySlug(slug)!;
    const jury = phaseAt(details.clock, seededAt).schedule!.juryselectie.start + 3_600_000;
    saveDraagvlakSettings({ contestId, settings: { ...NO_SETTINGS, minBackers: 10 }, actorUserId: ids.org!, now: seededAt });
    const decider = { userId: ids.org!, isOrganiser: true, isChair: false };
    const decision = { ideaId: annaIdea, outcome: "shortlisted" as const, motivation: "Een sterk plan voor de buurt." };
    expect(decideShortlist({ details, decider, decisions: [decision], now: jury })).toEqual({
      ok: false,
      reason: "problems",
      problems: [{ kind: "too-little-backing", ideaIds: [annaIdea] }],
    });
    // 7 on paper already; three more bring it to the minimum.
    addPaperBacking({ contestId, ideaId: annaIdea, ideaTitle: "x", count: 3, note: "Tweede lijst", actorUserId: ids.org!, now: seededAt });
    expect(decideShortlist({ details, decider, decisions: [decision], now: jury })).toEqual({ ok: true, changed: 1 });
  });
});

describe("the first answer stops the clock", () => {
  it("is recorded by a moderation decision, and a later answer leaves it as it was", () => {
    const idea = db().select().from(ideas).where(eq(ideas.id, otherIdea)).get()!;
    expect(firstAnswers([otherIdea]).get(otherIdea)).toBeUndefined();
    hideIdea({ idea, reason: "Test", actorUserId: ids.org!, now: seededAt + 1000 });
    expect(firstAnswers([otherIdea]).get(otherIdea)).toEqual({ kind: "moderation", at: seededAt + 1000 });
    const again = db().select().from(ideas).where(eq(ideas.id, otherIdea)).get()!;
    expect(again.hiddenAt).not.toBeNull();
    expect(db().select().from(ideaFirstAnswers).where(eq(ideaFirstAnswers.ideaId, otherIdea)).all()).toHaveLength(1);
  });
});
