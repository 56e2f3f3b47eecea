import { one, many, run } from "~db/query.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, ideas, realisationSpending, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { runWithRequestClock } from "~/lib/clock.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import * as trackRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.uitvoering";
import * as ideaRoute from "~/routes/rondes.$slug_.ideeen.$ideaId._index";
import { addMilestone, addSpending, addUpdate, getTrack, setGrant, setMilestoneDone, setTrackStatus } from "~/modules/aftercare/track.server";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { callRoute, formOf, type RouteFn } from "../support/route-call";
import { refusedBy } from "../support/refused-by";

// The realisation track on a real SQLite file: status, milestones, updates, money and the override.

const { db } = useTestDatabase();
const now = Date.now();
let contestId = 0;
let ideaId = 0;
let organiser = { userId: "", isOrganiser: true };
let initiator = { userId: "", isOrganiser: false };
const base = () => ({ contestId, ideaId });
// This contest's rows only: the demo's aftercare round (db/seeds/aftercare.ts) logs the same actions.
const actions = async (action: string) =>
  many(
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.contestId, contestId))),
  );

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  contestId = (await getContestBySlug(votingDemoSlug))!.contest.id;
  const owner = (await one(db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!;
  ideaId = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), eq(ideas.ownerUserId, owner.id))),
  ))!.id;
  organiser = { userId: (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id, isOrganiser: true };
  initiator = { userId: owner.id, isOrganiser: false };
  process.env.TEST_CLOCK = "1";
  nazorgAt = (await getContestBySlug(votingDemoSlug))!.schedule!.nazorg.start + 3_600_000;
  mo = (await one(db().select().from(users).where(eq(users.email, "mohamed@voorbeeld.nl"))))!.id;
  cookies.anna = (await createSessionCookie(initiator.userId)).split(";")[0]!;
  cookies.org = (await createSessionCookie(organiser.userId)).split(";")[0]!;
  cookies.mo = (await createSessionCookie(mo)).split(";")[0]!;
});

let nazorgAt = 0;
let mo = "";
const cookies: Record<string, string> = {};
function call(fn: RouteFn, options: { cookie?: string; at?: number; body?: Record<string, string> }) {
  const path = `/rondes/${votingDemoSlug}/ideeen/${ideaId}/uitvoering`;
  const body = options.body ? formOf(options.body) : undefined;
  return callRoute(fn, { path, params: { slug: votingDemoSlug, ideaId: String(ideaId) }, cookie: options.cookie, at: options.at, body });
}

describe("realisation track", () => {
  it("starts as nog niet begonnen with nothing on it", async () => {
    expect(await getTrack(ideaId)).toMatchObject({
      status: "nog-niet-begonnen",
      milestones: [],
      updates: [],
      spending: [],
      money: { grantedEuros: null, spentEuros: 0 },
    });
  });

  it("keeps status, milestones and updates, logging organiser changes only", async () => {
    await setTrackStatus({ ...base(), status: "in-voorbereiding", writer: initiator, now });
    await addMilestone({ ...base(), title: "Schuur bestellen", dueOn: "2026-12-01", writer: initiator, now });
    await addMilestone({ ...base(), title: "Opening", dueOn: "2026-11-01", writer: organiser, now });
    await addUpdate({ ...base(), text: "De vergunning is binnen.", photo: null, writer: initiator, now: now + 1 });
    await addUpdate({ ...base(), text: "De schuur staat er!", photo: null, writer: initiator, now: now + 2 });
    await setTrackStatus({ ...base(), status: "in-uitvoering", writer: organiser, now });
    const track = await getTrack(ideaId);
    expect(track.status).toBe("in-uitvoering");
    expect(track.milestones.map((m) => m.title)).toEqual(["Opening", "Schuur bestellen"]);
    expect(track.updates.map((u) => u.text)).toEqual(["De schuur staat er!", "De vergunning is binnen."]);
    expect(await actions("aftercare.status")).toHaveLength(1);
    expect(await actions("aftercare.milestone")).toHaveLength(1);
    await expect(async () => addMilestone({ ...base(), title: "Fout", dueOn: "1 december", writer: organiser, now })).rejects.toThrow(refusedBy("check"));
  });

  it("refuses spending over the grant unless an organiser overrides, which is logged", async () => {
    expect(await addSpending({ ...base(), description: "Hout", amountEuros: 100, spentOn: "2026-11-02", override: false, writer: initiator, now })).toEqual({
      ok: false,
      reason: "no-grant",
    });
    await setGrant({ ...base(), grantedEuros: 3000, writer: organiser, now });
    expect(await actions("aftercare.grant")).toHaveLength(1);
    expect(await addSpending({ ...base(), description: "Schuur", amountEuros: 2500, spentOn: "2026-11-02", override: false, writer: initiator, now })).toEqual({
      ok: true,
      override: false,
    });
    expect(
      await addSpending({ ...base(), description: "Gereedschap", amountEuros: 600, spentOn: "2026-11-03", override: true, writer: initiator, now }),
    ).toEqual({
      ok: false,
      reason: "over-budget",
    });
    expect(
      await addSpending({ ...base(), description: "Gereedschap", amountEuros: 600, spentOn: "2026-11-03", override: true, writer: organiser, now }),
    ).toEqual({
      ok: true,
      override: true,
    });
    expect(await actions("aftercare.spending-override")).toHaveLength(1);
    expect((await getTrack(ideaId)).money).toEqual({ grantedEuros: 3000, spentEuros: 3100, leftEuros: -100, overspent: true });
    await expect(async () =>
      run(db().insert(realisationSpending).values({ ideaId, description: "Min", amountEuros: -5, spentOn: "2026-11-03", createdAt: now })),
    ).rejects.toThrow(refusedBy("check"));
  });
});

describe("the track's pages", () => {
  it("is closed during the vote, and for people who did not make the idea", async () => {
    expect(statusOf(await call(trackRoute.loader as RouteFn, { cookie: cookies.anna }))).toBe(409);
    expect(statusOf(await call(trackRoute.loader as RouteFn, { cookie: cookies.mo, at: nazorgAt }))).toBe(403);
    expect(statusOf(await call(trackRoute.loader as RouteFn, { at: nazorgAt }))).toBe(302);
  });

  it("lets the initiator post news, but not grant money or go over budget", async () => {
    expect(
      statusOf(await call(trackRoute.action as RouteFn, { cookie: cookies.anna, at: nazorgAt, body: { intent: "update", text: "Nieuws uit de wijk" } })),
    ).toBe(302);
    expect(statusOf(await call(trackRoute.action as RouteFn, { cookie: cookies.anna, at: nazorgAt, body: { intent: "grant", granted: "99999" } }))).toBe(403);
    const over = await call(trackRoute.action as RouteFn, {
      cookie: cookies.anna,
      at: nazorgAt,
      body: { intent: "spending", description: "Verf", amount: "50", spentOn: "2026-11-04", override: "on" },
    });
    expect(statusOf(over)).toBe(400);
    expect(JSON.stringify(over)).toContain("taakgroepen.track.errors.overBudget");
  });

  it("marks a milestone done, only one of this idea", async () => {
    const milestone = (await getTrack(ideaId)).milestones[0]!;
    expect(
      statusOf(
        await call(trackRoute.action as RouteFn, {
          cookie: cookies.anna,
          at: nazorgAt,
          body: { intent: "milestone-done", milestoneId: String(milestone.id), done: "ja" },
        }),
      ),
    ).toBe(302);
    expect((await getTrack(ideaId)).milestones[0]?.done).toBe(true);
    expect(await setMilestoneDone({ contestId, ideaId: ideaId + 1, milestoneId: milestone.id, done: false, writer: organiser, now })).toBe(false);
    expect(
      statusOf(
        await call(trackRoute.action as RouteFn, { cookie: cookies.anna, at: nazorgAt, body: { intent: "milestone-done", milestoneId: "999999", done: "ja" } }),
      ),
    ).toBe(404);
  });

  it("shows the track on the public idea page after the vote", async () => {
    const path = `/rondes/${votingDemoSlug}/ideeen/${ideaId}`;
    const request = new Request(`http://localhost${path}`, { headers: { Cookie: `wv_test_now=${nazorgAt}` } });
    const loaded = (await runWithRequestClock(`wv_test_now=${nazorgAt}`, () =>
      (ideaRoute.loader as RouteFn)({ request, params: { slug: votingDemoSlug, ideaId: String(ideaId) }, context: {} as never }),
    )) as {
      later: { aftercare: { status: string; updates: { text: string }[]; canUpdate: boolean } | null };
    };
    expect(loaded.later.aftercare).toMatchObject({ status: "in-uitvoering", canUpdate: false });
    expect(loaded.later.aftercare?.updates[0]?.text).toBe("Nieuws uit de wijk");
  });
});
