import { one, many } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, juryScores, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { phaseAt, type Schedule } from "~/modules/contests/phases";
import { criteriaFor } from "~/modules/jury/criteria.server";
import { listJuryIdeas } from "~/modules/jury/ideas.server";
import * as decisionRoute from "~/routes/jury.$slug.besluit";
import * as ideaRoute from "~/routes/jury.$slug.ideeen.$ideaId";
import * as listRoute from "~/routes/jury.$slug._index";
import * as overviewRoute from "~/routes/jury.$slug.overzicht";
import * as panelRoute from "~/routes/organiseren.$slug.jury";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { callRoute, dataOf, formOf, type RouteCall, type RouteFn } from "../support/route-call";

// Who may open and post the jury pages, through the routes as the browser meets them.

const { db } = useTestDatabase();
const day = 86_400_000;
const slug = "vonk-keizerslanden-2027";
const seededAt = Date.UTC(2027, 0, 11, 12);
let schedule: Schedule;
let jury = 0;
let ideaIds: number[] = [];
const cookies: Record<string, string> = {};

const call = (fn: RouteFn, options: RouteCall) => callRoute(fn, { at: jury, ...options });

async function fullSheet(score: number): Promise<Record<string, string>> {
  const contestId = (await getContestBySlug(slug))!.contest.id;
  return Object.fromEntries((await criteriaFor(contestId)).map((c) => [`score.${c.id}`, String(score)]));
}

beforeAll(async () => {
  process.env.TEST_CLOCK = "1";
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: seededAt });
  schedule = phaseAt((await getContestBySlug(slug))!.clock, seededAt).schedule!;
  jury = schedule.juryselectie.start + day;
  ideaIds = (await listJuryIdeas((await getContestBySlug(slug))!.contest.id)).map((i) => i.id);
  for (const [key, email] of [
    ["chair", "jury@keizerslanden.nl"],
    ["juror2", "jury2@keizerslanden.nl"],
    ["org", "organisator@keizerslanden.nl"],
    ["orgAssen", "organisator@assen.nl"],
    ["anna", "bewoner@keizerslanden.nl"],
  ] as const) {
    const id = (await one(db().select().from(users).where(eq(users.email, email))))!.id;
    cookies[key] = (await createSessionCookie(id)).split(";")[0]!;
  }
});

describe("who may open the jury pages", () => {
  const page = { path: `/jury/${slug}`, params: { slug } };

  it("sends a visitor to the login page and refuses residents and other organisations' organisers", async () => {
    const anonymous = await call(listRoute.loader as RouteFn, page);
    expect(statusOf(anonymous)).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toContain("/inloggen?redirectTo=");
    expect(statusOf(await call(listRoute.loader as RouteFn, { ...page, cookie: cookies.anna }))).toBe(403);
    expect(statusOf(await call(listRoute.loader as RouteFn, { ...page, cookie: cookies.orgAssen }))).toBe(403);
  });

  it("opens for jurors and the contest's organisers", async () => {
    expect(statusOf(await call(listRoute.loader as RouteFn, { ...page, cookie: cookies.juror2 }))).toBe(200);
    expect(statusOf(await call(listRoute.loader as RouteFn, { ...page, cookie: cookies.org }))).toBe(200);
  });

  it("keeps the overview and the decision from jurors who are not the chair", async () => {
    expect(statusOf(await call(overviewRoute.loader as RouteFn, { path: `/jury/${slug}/overzicht`, params: { slug }, cookie: cookies.juror2 }))).toBe(403);
    expect(statusOf(await call(decisionRoute.loader as RouteFn, { path: `/jury/${slug}/besluit`, params: { slug }, cookie: cookies.juror2 }))).toBe(403);
    const post = await call(decisionRoute.action as RouteFn, {
      path: `/jury/${slug}/besluit`,
      params: { slug },
      cookie: cookies.juror2,
      body: formOf({ intent: "save" }),
    });
    expect(statusOf(post)).toBe(403);
  });

  it("keeps the console's jury panel for organisers", async () => {
    expect(statusOf(await call(panelRoute.loader as RouteFn, { path: `/organiseren/${slug}/jury`, params: { slug }, cookie: cookies.chair }))).toBe(403);
    expect(statusOf(await call(panelRoute.loader as RouteFn, { path: `/organiseren/${slug}/jury`, params: { slug }, cookie: cookies.org }))).toBe(200);
  });
});

describe("scoring through the page", () => {
  const at = (ideaId: number) => ({ path: `/jury/${slug}/ideeen/${ideaId}`, params: { slug, ideaId: String(ideaId) } });

  it("refuses a crafted score outside 1 to 5 beside the field", async () => {
    const first = (await criteriaFor((await getContestBySlug(slug))!.contest.id))[0]!;
    const result = await call(ideaRoute.action as RouteFn, { ...at(ideaIds[0]!), cookie: cookies.juror2, body: formOf({ [`score.${first.id}`]: "6" }) });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ result: { error: Record<string, string[]> } }>(result).result.error[`score.${first.id}`]).toEqual(["jury.scoreRange"]);
  });

  it("refuses scores outside juryselectie with 409 and the reason", async () => {
    const result = await call(ideaRoute.action as RouteFn, {
      ...at(ideaIds[0]!),
      cookie: cookies.juror2,
      body: formOf(await fullSheet(4)),
      at: schedule.indienen.start + day,
    });
    expect(statusOf(result)).toBe(409);
    expect(dataOf<{ phase: unknown }>(result).phase).toMatchObject({ when: { kind: "in-phase", phase: "juryselectie" } });
  });

  it("does not let an organiser who is not on the jury score", async () => {
    expect(statusOf(await call(ideaRoute.action as RouteFn, { ...at(ideaIds[0]!), cookie: cookies.org, body: formOf(await fullSheet(4)) }))).toBe(403);
  });

  it("saves a juror's sheet and goes on to the next idea", async () => {
    const result = await call(ideaRoute.action as RouteFn, {
      ...at(ideaIds[0]!),
      cookie: cookies.juror2,
      body: formOf({ ...(await fullSheet(4)), intent: "next" }),
    });
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(`/jury/${slug}/ideeen/${ideaIds[1]}`);
  });

  it("shows the chair the overview only once the chair has scored every idea", async () => {
    const overview = { path: `/jury/${slug}/overzicht`, params: { slug }, cookie: cookies.chair };
    expect(dataOf<{ hidden: boolean }>(await call(overviewRoute.loader as RouteFn, overview)).hidden).toBe(true);
    for (const ideaId of ideaIds) {
      expect(statusOf(await call(ideaRoute.action as RouteFn, { ...at(ideaId), cookie: cookies.chair, body: formOf(await fullSheet(3)) }))).toBe(302);
    }
    const visible = dataOf<{ hidden: boolean; rows: { ideaId: number; count: number }[] }>(await call(overviewRoute.loader as RouteFn, overview));
    expect(visible.hidden).toBe(false);
    expect(visible.rows.find((r) => r.ideaId === ideaIds[0])!.count).toBe(2);
    // An organiser always sees it.
    expect(dataOf<{ hidden: boolean }>(await call(overviewRoute.loader as RouteFn, { ...overview, cookie: cookies.org })).hidden).toBe(false);
  });

  it("logs a declared conflict for the organisers, never the scores themselves", async () => {
    const result = await call(ideaRoute.action as RouteFn, {
      ...at(ideaIds[2]!),
      cookie: cookies.juror2,
      body: formOf({ intent: "conflict", confirm: "on", reason: "Mijn buurman" }),
    });
    expect(statusOf(result)).toBe(302);
    const actions = (await many(db().select().from(auditLog))).map((a) => a.action);
    expect(actions).toContain("jury.conflict-declared");
    expect(actions.some((a) => a.includes("score"))).toBe(false);
  });
});

describe("changing the jury through the console", () => {
  const panel = { path: `/organiseren/${slug}/jury`, params: { slug } };
  const juror2Id = async () => (await one(db().select().from(users).where(eq(users.email, "jury2@keizerslanden.nl"))))!.id;

  it("shows organisers a way to take each juror off while the jury works", async () => {
    const page = dataOf<{ mayRemove: boolean; jurors: { userId: string; scored: number }[] }>(
      await call(panelRoute.loader as RouteFn, { ...panel, cookie: cookies.org }),
    );
    expect(page.mayRemove).toBe(true);
    // Juror 2 saved a sheet above: the confirmation can say how many ideas' scores would go.
    const juror2 = await juror2Id();
    expect(page.jurors.find((j) => j.userId === juror2)!.scored).toBeGreaterThan(0);
  });

  it("refuses the chair, and a crafted juror id, without changing the jury", async () => {
    const removal = formOf({ intent: "remove-juror", jurorUserId: await juror2Id() });
    expect(statusOf(await call(panelRoute.action as RouteFn, { ...panel, cookie: cookies.chair, body: removal }))).toBe(403);
    const crafted = await call(panelRoute.action as RouteFn, {
      ...panel,
      cookie: cookies.org,
      body: formOf({ intent: "remove-juror", jurorUserId: "niemand" }),
    });
    expect(statusOf(crafted)).toBe(409);
    expect(dataOf<{ result: { error: Record<string, string[]> } }>(crafted).result.error[""]).toEqual(["jury.removeNotAJuror"]);
    const badId = await call(panelRoute.action as RouteFn, {
      ...panel,
      cookie: cookies.org,
      body: formOf({ intent: "withdraw-invitation", invitationId: "abc" }),
    });
    expect(statusOf(badId)).toBe(400);
  });

  it("takes a juror off for an organiser, who then cannot open the jury pages", async () => {
    const result = await call(panelRoute.action as RouteFn, {
      ...panel,
      cookie: cookies.org,
      body: formOf({ intent: "remove-juror", jurorUserId: await juror2Id() }),
    });
    expect(statusOf(result)).toBe(302);
    expect((await many(db().select().from(auditLog))).map((a) => a.action)).toContain("jury.removed");
    expect(
      await many(
        db()
          .select()
          .from(juryScores)
          .where(eq(juryScores.jurorUserId, await juror2Id())),
      ),
    ).toEqual([]);
    expect(statusOf(await call(listRoute.loader as RouteFn, { path: `/jury/${slug}`, params: { slug }, cookie: cookies.juror2 }))).toBe(403);
  });
});
