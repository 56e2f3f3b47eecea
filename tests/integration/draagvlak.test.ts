import { one, many, run } from "~db/query.server";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contests, devMailbox, ideaBackers, ideaFirstAnswers, ideaReactions, ideas, users } from "~db/schema";
import { NOTIFICATION_KINDS } from "~/modules/notifications/kinds";
import { savePreferences } from "~/modules/notifications/preferences.server";
import { seedDemo } from "~db/seeds/demo";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { phaseAt } from "~/modules/contests/phases";
import { addPaperBacking, backIdea, backingCounts, firstAnswers, saveDraagvlakSettings, NO_SETTINGS } from "~/modules/draagvlak/draagvlak.server";
import { hideIdea } from "~/modules/ideas/moderation.server";
import { decideShortlist } from "~/modules/jury/decision.server";
import * as backRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.steunen";
import * as consoleRoute from "~/routes/organiseren.$slug.draagvlak";
import * as reactionsRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.reacties";
import * as moderationRoute from "~/routes/organiseren.$slug.ideeen._index";
import { listReactions, postReaction } from "~/modules/draagvlak/reactions.server";
import { callRoute, formOf, type RouteFn } from "../support/route-call";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { refusedBy } from "../support/refused-by";

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
  contestId = (await one(db().select().from(contests).where(eq(contests.slug, slug))))!.id;
  for (const [key, email] of [
    ["anna", "bewoner@keizerslanden.nl"],
    ["mo", "mohamed@voorbeeld.nl"],
    ["sanne", "sanne@voorbeeld.nl"],
    ["org", "organisator@keizerslanden.nl"],
    ["chair", "jury@keizerslanden.nl"],
  ] as const) {
    ids[key] = (await one(db().select().from(users).where(eq(users.email, email))))!.id;
    cookies[key] = (await createSessionCookie(ids[key]!)).split(";")[0]!;
  }
  const submitted = (
    await many(
      db()
        .select()
        .from(ideas)
        .where(and(eq(ideas.contestId, contestId), eq(ideas.status, "submitted"))),
    )
  ).filter((i) => i.hiddenAt === null && i.contactConfirmedAt !== null);
  annaIdea = submitted.find((i) => i.ownerUserId === ids.anna)!.id;
  otherIdea = submitted.find((i) => i.ownerUserId !== ids.anna && i.ownerUserId !== ids.mo && i.ownerUserId !== ids.sanne)!.id;
});

const call = callRoute;
const form = formOf;

const backers = async (ideaId: number) => many(db().select().from(ideaBackers).where(eq(ideaBackers.ideaId, ideaId)));
const back = (who: string, ideaId: number, intent = "back") =>
  call(backRoute.action as RouteFn, {
    path: `/rondes/${slug}/ideeen/${ideaId}/steunen`,
    params: { slug, ideaId: String(ideaId) },
    cookie: cookies[who],
    body: form({ intent }),
  });

describe("one backer per resident per idea", () => {
  it("counts a second backing by the same resident once, however it arrives", async () => {
    expect(await backIdea({ contestId, ideaId: otherIdea, userId: ids.chair!, now: seededAt })).toBe("backed");
    expect(await backIdea({ contestId, ideaId: otherIdea, userId: ids.chair!, now: seededAt })).toBe("already");
    expect((await backers(otherIdea)).filter((b) => b.userId === ids.chair)).toHaveLength(1);
  });

  it("is held by the database's unique index, not only by the code", async () => {
    await expect(async () =>
      run(
        db()
          .insert(ideaBackers)
          .values({ ideaId: otherIdea, userId: ids.chair!, createdAt: new Date(seededAt) }),
      ),
    ).rejects.toThrow(refusedBy("unique"));
  });

  it("refuses an account whose email address is not confirmed, inside the write", async () => {
    await run(db().update(users).set({ emailConfirmedAt: null }).where(eq(users.id, ids.org!)));
    try {
      expect(await backIdea({ contestId, ideaId: otherIdea, userId: ids.org!, now: seededAt })).toBe("email-unconfirmed");
      expect((await backers(otherIdea)).some((b) => b.userId === ids.org)).toBe(false);
    } finally {
      await run(
        db()
          .update(users)
          .set({ emailConfirmedAt: new Date(seededAt) })
          .where(eq(users.id, ids.org!)),
      );
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
    expect((await backers(otherIdea)).filter((b) => b.userId === ids.mo)).toHaveLength(1);
    await back("mo", otherIdea, "unback");
    expect((await backers(otherIdea)).some((b) => b.userId === ids.mo)).toBe(false);
  });

  it("refuses a resident from outside the area, and the idea's own maker", async () => {
    await back("sanne", otherIdea);
    expect((await backers(otherIdea)).some((b) => b.userId === ids.sanne)).toBe(false);
    await back("anna", annaIdea);
    expect((await backers(annaIdea)).some((b) => b.userId === ids.anna)).toBe(false);
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
    expect((await backingCounts([annaIdea])).get(annaIdea)!.paper).toBe(0);
    const done = await call(consoleRoute.action as RouteFn, { path: `/organiseren/${slug}/draagvlak`, params: { slug }, cookie: cookies.org, body: body() });
    expect(statusOf(done)).toBe(302);
    expect((await backingCounts([annaIdea])).get(annaIdea)!.paper).toBe(7);
    const logged = await many(db().select().from(auditLog).where(eq(auditLog.action, "draagvlak.paper-signatures")));
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
  it("keeps an idea below the minimum off the shortlist until paper signatures bring it there", async () => {
    const details = (await getContestBySlug(slug))!;
    const jury = phaseAt(details.clock, seededAt).schedule!.juryselectie.start + 3_600_000;
    await saveDraagvlakSettings({ contestId, settings: { ...NO_SETTINGS, minBackers: 10 }, actorUserId: ids.org!, now: seededAt });
    const decider = { userId: ids.org!, isOrganiser: true, isChair: false };
    const decision = { ideaId: annaIdea, outcome: "shortlisted" as const, motivation: "Een sterk plan voor de buurt." };
    expect(await decideShortlist({ details, decider, decisions: [decision], now: jury })).toEqual({
      ok: false,
      reason: "problems",
      problems: [{ kind: "too-little-backing", ideaIds: [annaIdea] }],
    });
    // 7 on paper already; three more bring it to the minimum.
    await addPaperBacking({ contestId, ideaId: annaIdea, ideaTitle: "x", count: 3, note: "Tweede lijst", actorUserId: ids.org!, now: seededAt });
    expect(await decideShortlist({ details, decider, decisions: [decision], now: jury })).toEqual({ ok: true, changed: 1 });
  });
});

describe("the first answer stops the clock", () => {
  it("is recorded by a moderation decision, and a later answer leaves it as it was", async () => {
    const idea = (await one(db().select().from(ideas).where(eq(ideas.id, otherIdea))))!;
    expect((await firstAnswers([otherIdea])).get(otherIdea)).toBeUndefined();
    await hideIdea({ idea, reason: "Test", actorUserId: ids.org!, now: seededAt + 1000 });
    expect((await firstAnswers([otherIdea])).get(otherIdea)).toEqual({ kind: "moderation", at: seededAt + 1000 });
    const again = (await one(db().select().from(ideas).where(eq(ideas.id, otherIdea))))!;
    expect(again.hiddenAt).not.toBeNull();
    expect(await many(db().select().from(ideaFirstAnswers).where(eq(ideaFirstAnswers.ideaId, otherIdea)))).toHaveLength(1);
  });
});

describe("reactions", () => {
  const react = (who: string, ideaId: number, values: Record<string, string>) =>
    call(reactionsRoute.action as RouteFn, {
      path: `/rondes/${slug}/ideeen/${ideaId}/reacties`,
      params: { slug, ideaId: String(ideaId) },
      cookie: cookies[who],
      body: form(values),
    });
  const reactionsOf = async (ideaId: number) => many(db().select().from(ideaReactions).where(eq(ideaReactions.ideaId, ideaId)));

  it("lets a resident react and the initiator answer, but not a resident answer", async () => {
    await react("mo", annaIdea, { intent: "react", kind: "question", body: "Waar komen de bankjes precies?" });
    const question = (await reactionsOf(annaIdea)).find((r) => r.body === "Waar komen de bankjes precies?")!;
    expect(question).toMatchObject({ kind: "question", role: "resident", userId: ids.mo, parentId: null });
    await react("sanne", annaIdea, { intent: "answer", parentId: String(question.id), body: "Bij de vijver." });
    expect((await reactionsOf(annaIdea)).filter((r) => r.parentId === question.id)).toHaveLength(0);
    await react("anna", annaIdea, { intent: "answer", parentId: String(question.id), body: "Aan de kant van de speeltuin." });
    expect((await reactionsOf(annaIdea)).filter((r) => r.parentId === question.id)).toMatchObject([{ kind: "answer", role: "initiator", userId: ids.anna }]);
  });

  it("mails the initiator about someone else's reaction, at most once an hour per idea, never about their own, and not when switched off", async () => {
    const mailsTo = async (email: string) =>
      many(
        db()
          .select()
          .from(devMailbox)
          .where(and(eq(devMailbox.to, email), like(devMailbox.subject, "Nieuwe reactie op%"))),
      );
    // Mo's question above mailed Anna once; her own answer did not.
    const toAnna = await mailsTo("bewoner@keizerslanden.nl");
    expect(toAnna).toHaveLength(1);
    expect(toAnna[0]!.text).toContain("Waar komen de bankjes precies?");
    expect(toAnna[0]!.text).toContain(`/rondes/${slug}/ideeen/${annaIdea}#reacties`);
    expect(JSON.parse(toAnna[0]!.headers!)).toHaveProperty("List-Unsubscribe");
    await react("mo", annaIdea, { intent: "react", kind: "suggestion", body: "Misschien ook een prullenbak erbij?" });
    expect(await mailsTo("bewoner@keizerslanden.nl")).toHaveLength(1);
    // Mo switched the kind off: Sanne's reaction on his idea is posted, no mail goes.
    const theirs = (
      await many(
        db()
          .select()
          .from(ideas)
          .where(and(eq(ideas.contestId, contestId), eq(ideas.status, "submitted"))),
      )
    ).find((i) => i.hiddenAt === null && i.ownerUserId === ids.mo)!;
    const owner = (await one(db().select().from(users).where(eq(users.id, theirs.ownerUserId!))))!;
    await savePreferences(
      owner.email,
      NOTIFICATION_KINDS.filter((k) => k !== "reactions"),
      seededAt,
    );
    await react("sanne", theirs.id, { intent: "react", kind: "question", body: "Hoeveel kost het onderhoud?" });
    expect((await reactionsOf(theirs.id)).some((r) => r.body === "Hoeveel kost het onderhoud?")).toBe(true);
    expect(await mailsTo(owner.email)).toHaveLength(0);
  });

  it("refuses an empty reaction and one over 2000 characters", async () => {
    const before = (await reactionsOf(annaIdea)).length;
    for (const body of ["   ", "x".repeat(2001)]) await react("mo", annaIdea, { intent: "react", kind: "suggestion", body });
    expect(await reactionsOf(annaIdea)).toHaveLength(before);
    await expect(async () =>
      run(
        db()
          .insert(ideaReactions)
          .values({ ideaId: annaIdea, userId: ids.mo!, kind: "suggestion", role: "resident", body: "x".repeat(2001), createdAt: new Date() }),
      ),
    ).rejects.toThrow(refusedBy("check"));
  });

  it("lets only organisers hide, with a reason in the audit log, and restores the text to the public only after restoring", async () => {
    const question = (await reactionsOf(annaIdea)).find((r) => r.body === "Waar komen de bankjes precies?")!;
    const byResident = await react("mo", annaIdea, { intent: "hide", reactionId: String(question.id), reason: "Weg ermee" });
    expect(statusOf(byResident)).toBe(403);
    await react("sanne", annaIdea, { intent: "report", reactionId: String(question.id), reason: "spam" });
    // The console's moderation page lists the reported reaction for the organisers only (issue 21 leftover).
    const consoleList = (who: string) =>
      call(moderationRoute.loader as RouteFn, { path: `/organiseren/${slug}/ideeen`, params: { slug }, cookie: cookies[who] });
    type Listed = { reactions: { reactionId: number; ideaId: number; body: string; openReports: number }[] };
    expect((await consoleList("org")) as Listed).toMatchObject({
      reactions: [{ reactionId: question.id, ideaId: annaIdea, body: "Waar komen de bankjes precies?", openReports: 1 }],
    });
    expect(statusOf(await consoleList("mo"))).toBe(403);
    await react("org", annaIdea, { intent: "hide", reactionId: String(question.id), reason: "Persoonlijke gegevens" });
    // Hiding resolves the report: the list is empty again.
    expect(((await consoleList("org")) as Listed).reactions).toEqual([]);
    const hidden = (await reactionsOf(annaIdea)).find((r) => r.id === question.id)!;
    expect(hidden.hiddenReason).toBe("Persoonlijke gegevens");
    const logged = await many(db().select().from(auditLog).where(eq(auditLog.action, "draagvlak.reaction-hidden")));
    expect(logged.map((l) => [l.userId, l.reason])).toEqual([[ids.org, "Persoonlijke gegevens"]]);
    expect((await listReactions(annaIdea, { forOrganiser: false })).find((r) => r.id === question.id)).toMatchObject({ hidden: true, body: "" });
    expect((await listReactions(annaIdea, { forOrganiser: true })).find((r) => r.id === question.id)).toMatchObject({ hidden: true, body: question.body });
  });

  it("stops the answer clock with an organiser's reaction, not with an initiator's", async () => {
    const fresh = otherIdea;
    await run(db().update(ideas).set({ hiddenAt: null, hiddenReason: null }).where(eq(ideas.id, fresh)));
    await run(db().delete(ideaFirstAnswers).where(eq(ideaFirstAnswers.ideaId, fresh)));
    // The role is the route's to decide (idea-access); here the use case is told it is an initiator's.
    await postReaction({
      idea: { id: fresh, contestId },
      userId: ids.chair!,
      role: "initiator",
      kind: "suggestion",
      body: "Ik begin zelf alvast.",
      now: seededAt,
    });
    expect((await firstAnswers([fresh])).get(fresh)).toBeUndefined();
    await react("org", fresh, { intent: "react", kind: "question", body: "Mogen we je bellen over de plek?" });
    expect((await firstAnswers([fresh])).get(fresh)?.kind).toBe("reaction");
  });

  it("counts before it checks: the eleventh reaction within an hour is refused", async () => {
    const at = seededAt + 10 * 60 * 60 * 1000;
    const results = await Promise.all(
      Array.from({ length: 11 }, async (_, i) =>
        postReaction({ idea: { id: otherIdea, contestId }, userId: ids.chair!, role: "resident", kind: "suggestion", body: `Tip ${i}`, now: at }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results[10]).toEqual({ ok: false, reason: "throttled" });
  });

  it("is closed when the organisers close reactions for the round", async () => {
    await saveDraagvlakSettings({ contestId, settings: { ...NO_SETTINGS, reactionsClosed: true }, actorUserId: ids.org!, now: seededAt });
    const before = (await reactionsOf(annaIdea)).length;
    await react("mo", annaIdea, { intent: "react", kind: "help", body: "Ik kan helpen met sjouwen." });
    expect(await reactionsOf(annaIdea)).toHaveLength(before);
    await saveDraagvlakSettings({ contestId, settings: NO_SETTINGS, actorUserId: ids.org!, now: seededAt });
    await react("mo", annaIdea, { intent: "react", kind: "help", body: "Ik kan helpen met sjouwen." });
    expect(await reactionsOf(annaIdea)).toHaveLength(before + 1);
  });
});
