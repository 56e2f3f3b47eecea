import { one, many } from "~db/query.server";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contests, ideas, taakgroepSignups, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { aftercareDemoSlug } from "~db/seeds/aftercare";
import { createSessionCookie } from "~/modules/auth/session.server";
import * as ideaRoute from "~/routes/rondes.$slug_.ideeen.$ideaId._index";
import * as joinRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.meedoen";
import * as consoleRoute from "~/routes/organiseren.$slug.taakgroepen";
import * as csvRoute from "~/routes/organiseren.$slug.taakgroepen-csv";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { callRoute, formOf, type RouteFn } from "../support/route-call";

// The taakgroep routes as the browser meets them: login, phase guard, who sees contacts, the console.

const { db } = useTestDatabase();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let ideaId = 0;
let vonkIdeaId = 0;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  const voting = (await one(db().select().from(contests).where(eq(contests.slug, votingDemoSlug))))!;
  const owner = (await one(db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!;
  ideaId = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, voting.id), eq(ideas.ownerUserId, owner.id), eq(ideas.status, "shortlisted"))),
  ))!.id;
  const vonk = (await one(db().select().from(contests).where(eq(contests.slug, "vonk-keizerslanden-2027"))))!;
  vonkIdeaId = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, vonk.id), eq(ideas.status, "submitted"))),
  ))!.id;
  for (const [key, email] of [
    ["anna", "bewoner@keizerslanden.nl"],
    ["mo", "mohamed@voorbeeld.nl"],
    ["sanne", "sanne@voorbeeld.nl"],
    ["org", "organisator@keizerslanden.nl"],
  ] as const) {
    ids[key] = (await one(db().select().from(users).where(eq(users.email, email))))!.id;
    cookies[key] = (await createSessionCookie(ids[key]!)).split(";")[0]!;
  }
});

const call = callRoute;

const joinPath = (slug: string, id: number) => `/rondes/${slug}/ideeen/${id}/meedoen`;

describe("ik doe mee on the idea page", () => {
  it("sends a visitor without an account to the login page", async () => {
    const result = await call(joinRoute.loader as RouteFn, {
      path: joinPath(votingDemoSlug, ideaId),
      params: { slug: votingDemoSlug, ideaId: String(ideaId) },
    });
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toMatch(/^\/inloggen\?redirectTo=/);
  });

  it("refuses a sign-up before the vote with 409", async () => {
    const result = await call(joinRoute.action as RouteFn, {
      path: joinPath("vonk-keizerslanden-2027", vonkIdeaId),
      params: { slug: "vonk-keizerslanden-2027", ideaId: String(vonkIdeaId) },
      method: "POST",
      cookie: cookies.mo,
      body: formOf({ intent: "join", name: "Mohamed", contact: "mohamed@voorbeeld.nl", sharesContact: "on" }),
    });
    expect(statusOf(result)).toBe(409);
    expect(await many(db().select().from(taakgroepSignups).where(eq(taakgroepSignups.ideaId, vonkIdeaId)))).toHaveLength(0);
  });

  it("shows field errors for bad input, and signs up with good input", async () => {
    const params = { slug: votingDemoSlug, ideaId: String(ideaId) };
    const bad = await call(joinRoute.action as RouteFn, {
      path: joinPath(votingDemoSlug, ideaId),
      params,
      method: "POST",
      cookie: cookies.mo,
      body: formOf({ intent: "join", name: "", contact: "nee" }),
    });
    expect(statusOf(bad)).toBe(400);
    for (const [who, consent] of [
      ["mo", "on"],
      ["sanne", ""],
    ] as const) {
      const ok = await call(joinRoute.action as RouteFn, {
        path: joinPath(votingDemoSlug, ideaId),
        params,
        method: "POST",
        cookie: cookies[who],
        body: formOf({
          intent: "join",
          name: who,
          contact: `${who}@example.nl`,
          tags: ["geld", "contacten"],
          skills: "Ik help graag",
          timeAvailable: "1 uur",
          ...(consent ? { sharesContact: consent } : {}),
        }),
      });
      expect(statusOf(ok)).toBe(302);
    }
    const rows = await many(db().select().from(taakgroepSignups).where(eq(taakgroepSignups.ideaId, ideaId)));
    expect(rows.map((r) => [r.name, r.tags, r.sharesContact])).toEqual([
      ["mo", "geld,contacten", true],
      ["sanne", "geld,contacten", false],
    ]);
  });

  it("shows members' contacts to the initiator only, and only with consent", async () => {
    const params = { slug: votingDemoSlug, ideaId: String(ideaId) };
    const path = `/rondes/${votingDemoSlug}/ideeen/${ideaId}`;
    type Loaded = { later: { taakgroep: { status: { kind: string; members: number }; members: { contact: string }[] | null; own: unknown } | null } };
    const asVisitor = (await call(ideaRoute.loader as RouteFn, { path, params })) as Loaded;
    expect(asVisitor.later.taakgroep).toMatchObject({ status: { kind: "zoekt", members: 2 }, members: null, own: null });
    expect(JSON.stringify(asVisitor)).not.toContain("mo@example.nl");
    const asOwner = (await call(ideaRoute.loader as RouteFn, { path, params, cookie: cookies.anna })) as Loaded;
    expect(asOwner.later.taakgroep?.members?.map((m) => m.contact)).toEqual(["mo@example.nl"]);
    const asSanne = (await call(ideaRoute.loader as RouteFn, { path, params, cookie: cookies.sanne })) as Loaded;
    expect(asSanne.later.taakgroep?.members).toBeNull();
    expect(asSanne.later.taakgroep?.own).toMatchObject({ contact: "sanne@example.nl" });
  });

  it("withdraws with a row", async () => {
    const params = { slug: votingDemoSlug, ideaId: String(ideaId) };
    const result = await call(joinRoute.action as RouteFn, {
      path: joinPath(votingDemoSlug, ideaId),
      params,
      method: "POST",
      cookie: cookies.mo,
      body: formOf({ intent: "withdraw" }),
    });
    expect(statusOf(result)).toBe(302);
    const rows = await many(db().select().from(taakgroepSignups).where(eq(taakgroepSignups.ideaId, ideaId)));
    expect(rows.at(-1)).toMatchObject({ name: "mo", kind: "withdrawal" });
  });
});

describe("the console's Taakgroepen tab", () => {
  const params = { slug: votingDemoSlug };
  it("is for organisers only", async () => {
    expect(statusOf(await call(consoleRoute.loader as RouteFn, { path: `/organiseren/${votingDemoSlug}/taakgroepen`, params, cookie: cookies.anna }))).toBe(
      403,
    );
    expect(statusOf(await call(csvRoute.loader as RouteFn, { path: `/organiseren/${votingDemoSlug}/taakgroepen-csv`, params, cookie: cookies.mo }))).toBe(403);
  });

  it("marks a group (logged) and refuses an idea of another contest", async () => {
    const path = `/organiseren/${votingDemoSlug}/taakgroepen`;
    const ok = await call(consoleRoute.action as RouteFn, {
      path,
      params,
      method: "POST",
      cookie: cookies.org,
      body: formOf({ ideaId: String(ideaId), state: "afgerond" }),
    });
    expect(statusOf(ok)).toBe(302);
    expect(await many(db().select().from(auditLog).where(eq(auditLog.action, "taakgroep.mark")))).toHaveLength(1);
    const other = await call(consoleRoute.action as RouteFn, {
      path,
      params,
      method: "POST",
      cookie: cookies.org,
      body: formOf({ ideaId: String(vonkIdeaId), state: "actief" }),
    });
    expect(statusOf(other)).toBe(404);
  });

  it("takes a sign-up from paper for a resident without an account, with their consent, logged", async () => {
    const path = `/organiseren/${votingDemoSlug}/taakgroepen`;
    const paper = { intent: "paper-signup", ideaId: String(ideaId), name: "Truus van de markt", contact: "06 1234 5678", skills: "Ik kan goed schilderen" };
    const refused = await call(consoleRoute.action as RouteFn, { path, params, method: "POST", cookie: cookies.org, body: formOf(paper) });
    expect(statusOf(refused)).toBe(400);
    expect((refused as { data: { paper: { error: Record<string, string[]> } } }).data.paper.error.consent).toEqual(["taakgroepen.errors.consentRequired"]);
    expect(
      statusOf(await call(consoleRoute.action as RouteFn, { path, params, method: "POST", cookie: cookies.anna, body: formOf({ ...paper, consent: "on" }) })),
    ).toBe(403);

    const ok = await call(consoleRoute.action as RouteFn, { path, params, method: "POST", cookie: cookies.org, body: formOf({ ...paper, consent: "on" }) });
    expect(statusOf(ok)).toBe(302);
    const row = (await one(db().select().from(taakgroepSignups).where(eq(taakgroepSignups.name, "Truus van de markt"))))!;
    expect(row).toMatchObject({ ideaId, userId: null, contact: "06 1234 5678", kind: "signup", skills: "Ik kan goed schilderen", sharesContact: true });
    expect(await many(db().select().from(auditLog).where(eq(auditLog.action, "taakgroep.paper-signup")))).toMatchObject([
      { userId: ids.org, after: JSON.stringify({ name: "Truus van de markt" }) },
    ]);
    const page = (await call(consoleRoute.loader as RouteFn, { path, params, cookie: cookies.org })) as {
      groups: { ideaId: number; contacts: { name: string }[] }[];
    };
    expect(page.groups.find((g) => g.ideaId === ideaId)!.contacts.map((c) => c.name)).toContain("Truus van de markt");
  });

  it("refuses a paper sign-up before the vote, when residents cannot sign up either", async () => {
    const slug = "vonk-keizerslanden-2027";
    const result = await call(consoleRoute.action as RouteFn, {
      path: `/organiseren/${slug}/taakgroepen`,
      params: { slug },
      method: "POST",
      cookie: cookies.org,
      body: formOf({ intent: "paper-signup", ideaId: String(vonkIdeaId), name: "Kees", contact: "kees@example.nl", consent: "on" }),
    });
    expect(statusOf(result)).toBe(409);
  });

  it("is read-only once the round is archived: no marks, no paper sign-ups", async () => {
    process.env.TEST_CLOCK = "1";
    try {
      const path = `/organiseren/${votingDemoSlug}/taakgroepen`;
      const cookie = `${cookies.org}; wv_test_now=${Date.now() + 400 * 86_400_000}`;
      const page = (await call(consoleRoute.loader as RouteFn, { path, params, cookie })) as { mayMark: boolean; takesPaperSignups: boolean };
      expect(page).toMatchObject({ mayMark: false, takesPaperSignups: false });
      const mark = await call(consoleRoute.action as RouteFn, {
        path,
        params,
        method: "POST",
        cookie,
        body: formOf({ ideaId: String(ideaId), state: "actief" }),
      });
      expect(statusOf(mark)).toBe(409);
      const paper = await call(consoleRoute.action as RouteFn, {
        path,
        params,
        method: "POST",
        cookie,
        body: formOf({ intent: "paper-signup", ideaId: String(ideaId), name: "Laat", contact: "laat@example.nl", consent: "on" }),
      });
      expect(statusOf(paper)).toBe(409);
    } finally {
      delete process.env.TEST_CLOCK;
    }
  });

  it("downloads the record as CSV, per contest and per idea", async () => {
    const all = (await call(csvRoute.loader as RouteFn, { path: `/organiseren/${votingDemoSlug}/taakgroepen-csv`, params, cookie: cookies.org })) as Response;
    expect(all.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await all.text();
    expect(text).toContain("mo@example.nl");
    expect(text).not.toContain("sanne@example.nl");
    const one = (await call(csvRoute.loader as RouteFn, {
      path: `/organiseren/${votingDemoSlug}/taakgroepen-csv?idee=${vonkIdeaId}`,
      params,
      cookie: cookies.org,
    })) as Response;
    expect((await one.text()).trim().split("\r\n")).toHaveLength(1);
    expect(
      statusOf(await call(csvRoute.loader as RouteFn, { path: `/organiseren/${votingDemoSlug}/taakgroepen-csv?idee=abc`, params, cookie: cookies.org })),
    ).toBe(404);
  });
});

describe("ik doe mee on a realised idea", () => {
  it("is refused with 409, as the idea page no longer offers it, while a member can still leave", async () => {
    const round = (await one(db().select().from(contests).where(eq(contests.slug, aftercareDemoSlug))))!;
    const kookclub = (await one(
      db()
        .select()
        .from(ideas)
        .where(and(eq(ideas.contestId, round.id), like(ideas.title, "%ookclub%"))),
    ))!;
    const params = { slug: aftercareDemoSlug, ideaId: String(kookclub.id) };
    const path = joinPath(aftercareDemoSlug, kookclub.id);
    expect(statusOf(await call(joinRoute.loader as RouteFn, { path, params, cookie: cookies.sanne }))).toBe(409);
    const join = await call(joinRoute.action as RouteFn, {
      path,
      params,
      cookie: cookies.sanne,
      body: formOf({ intent: "join", name: "Sanne", contact: "sanne@voorbeeld.nl", sharesContact: "on" }),
    });
    expect(statusOf(join)).toBe(409);
    const leave = await call(joinRoute.action as RouteFn, { path, params, cookie: cookies.sanne, body: formOf({ intent: "withdraw" }) });
    expect(statusOf(leave)).toBe(302);
  });
});
