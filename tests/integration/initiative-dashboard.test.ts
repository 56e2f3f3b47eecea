import { one, many } from "~db/query.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, ideas, realisationPartners, realisationSpending, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { aftercareDemoSlug } from "~db/seeds/aftercare";
import { votingDemoSlug } from "~db/seeds/voting";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { getTrack } from "~/modules/aftercare/track.server";
import * as trackRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.uitvoering";
import * as ideaRoute from "~/routes/rondes.$slug_.ideeen.$ideaId._index";
import * as moneyRoute from "~/routes/rondes.$slug_.geld";
import * as moneyCsvRoute from "~/routes/rondes.$slug_.geld[.csv]";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { callRoute, dataOf, formOf, type RouteFn } from "../support/route-call";

// Issue 21.5 on a real SQLite file: the initiative's dashboard goes on after nazorg for its makers and
// organisers (money only for organisers), every spending line is logged, and the round's money
// overview and its CSV add up to what the tracks hold.

const { db } = useTestDatabase();
const day = 86_400_000;
let contestId = 0;
let moestuin = 0;
let nazorgAt = 0;
let archivedAt = 0;
const cookies: Record<string, string> = {};
const userId = async (email: string) => (await one(db().select().from(users).where(eq(users.email, email))))!.id;
const ideaId = async (title: string) =>
  (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), eq(ideas.title, title))),
  ))!.id;

beforeAll(async () => {
  process.env.TEST_CLOCK = "1";
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  const details = (await getContestBySlug(aftercareDemoSlug))!;
  contestId = details.contest.id;
  nazorgAt = Date.now();
  archivedAt = details.schedule!.nazorg.end + 30 * day;
  moestuin = await ideaId("Moestuin achter De Linde");
  cookies.anna = (await createSessionCookie(await userId("bewoner@keizerslanden.nl"))).split(";")[0]!;
  cookies.org = (await createSessionCookie(await userId("organisator@keizerslanden.nl"))).split(";")[0]!;
  cookies.mo = (await createSessionCookie(await userId("mohamed@voorbeeld.nl"))).split(";")[0]!;
});

function track(fn: RouteFn, options: { cookie?: string; at: number; body?: Record<string, string>; idea?: number }) {
  const id = String(options.idea ?? moestuin);
  return callRoute(fn, {
    path: `/rondes/${aftercareDemoSlug}/ideeen/${id}/uitvoering`,
    params: { slug: aftercareDemoSlug, ideaId: id },
    cookie: options.cookie,
    at: options.at,
    body: options.body ? formOf(options.body) : undefined,
  });
}
const spendingRows = async () => many(db().select().from(realisationSpending).where(eq(realisationSpending.ideaId, moestuin)));
const audits = async (action: string) =>
  many(
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.contestId, contestId))),
  );

describe("the dashboard during nazorg", () => {
  it("keeps partners and what the municipality does, helps and hinders, public on the idea page", async () => {
    const partner = { intent: "partner", name: "OBS De Linde", role: "De kinderen zaaien en oogsten mee." };
    expect(statusOf(await track(trackRoute.action as RouteFn, { cookie: cookies.anna, at: nazorgAt, body: partner }))).toBe(302);
    const dashboard = { intent: "dashboard", municipalityRole: "De gemeente levert de tuinaarde.", helps: "De school doet mee.", hinders: "" };
    expect(statusOf(await track(trackRoute.action as RouteFn, { cookie: cookies.org, at: nazorgAt, body: dashboard }))).toBe(302);
    // A partner without a role is refused, with the field's message.
    const bad = await track(trackRoute.action as RouteFn, { cookie: cookies.anna, at: nazorgAt, body: { intent: "partner", name: "Winkel", role: " " } });
    expect(statusOf(bad)).toBe(400);
    expect(JSON.stringify(bad)).toContain("initiative.errors.required");
    expect(await getTrack(moestuin)).toMatchObject({
      partners: [{ name: "OBS De Linde", role: "De kinderen zaaien en oogsten mee.", left: false }],
      dashboard: { municipalityRole: "De gemeente levert de tuinaarde.", helps: "De school doet mee.", hinders: "" },
    });
    // The organiser's change is logged; the maker's is the public record itself (ADR 012).
    expect(await audits("aftercare.dashboard")).toHaveLength(1);
    expect(await audits("aftercare.partner-added")).toHaveLength(0);

    const page = dataOf<{ later: { aftercare: { partners: { name: string }[]; dashboard: { helps: string }; archived: boolean } | null } }>(
      await callRoute(ideaRoute.loader as RouteFn, {
        path: `/rondes/${aftercareDemoSlug}/ideeen/${moestuin}`,
        params: { slug: aftercareDemoSlug, ideaId: String(moestuin) },
        at: nazorgAt,
      }),
    );
    expect(page.later.aftercare).toMatchObject({ partners: [{ name: "OBS De Linde" }], dashboard: { helps: "De school doet mee." }, archived: false });
  });

  it("logs every spending line, also a maker's within the grant", async () => {
    const before = (await audits("aftercare.spending")).length;
    const body = { intent: "spending", description: "Gieters", amount: "45", spentOn: "2026-10-01" };
    expect(statusOf(await track(trackRoute.action as RouteFn, { cookie: cookies.anna, at: nazorgAt, body }))).toBe(302);
    const logged = await audits("aftercare.spending");
    expect(logged).toHaveLength(before + 1);
    expect(logged.at(-1)).toMatchObject({ userId: await userId("bewoner@keizerslanden.nl"), subject: `idea:${moestuin}` });
  });
});

describe("after nazorg ends (the archive)", () => {
  it("lets the makers open the track and post news, keep partners and the dashboard", async () => {
    expect(statusOf(await track(trackRoute.loader as RouteFn, { cookie: cookies.anna, at: archivedAt }))).toBe(200);
    const update = { intent: "update", text: "Een jaar later: de moestuin draait nog, met twintig vaste tuinders." };
    expect(statusOf(await track(trackRoute.action as RouteFn, { cookie: cookies.anna, at: archivedAt, body: update }))).toBe(302);
    expect((await getTrack(moestuin)).updates[0]?.text).toBe(update.text);
    const partner = (await one(db().select().from(realisationPartners).where(eq(realisationPartners.ideaId, moestuin))))!;
    expect(
      statusOf(
        await track(trackRoute.action as RouteFn, { cookie: cookies.anna, at: archivedAt, body: { intent: "partner-leaves", partnerId: String(partner.id) } }),
      ),
    ).toBe(302);
    expect((await getTrack(moestuin)).partners[0]).toMatchObject({ name: "OBS De Linde", left: true });
    // A partner of another idea, or one that left already, is not found.
    expect(
      statusOf(
        await track(trackRoute.action as RouteFn, { cookie: cookies.anna, at: archivedAt, body: { intent: "partner-leaves", partnerId: String(partner.id) } }),
      ),
    ).toBe(404);
    // The public page says the round is closed but shows the news.
    const page = dataOf<{ later: { aftercare: { archived: boolean; canUpdate: boolean; updates: { text: string }[] } | null } }>(
      await callRoute(ideaRoute.loader as RouteFn, {
        path: `/rondes/${aftercareDemoSlug}/ideeen/${moestuin}`,
        params: { slug: aftercareDemoSlug, ideaId: String(moestuin) },
        at: archivedAt,
      }),
    );
    expect(page.later.aftercare).toMatchObject({ archived: true, canUpdate: false });
    expect(page.later.aftercare?.updates[0]?.text).toBe(update.text);
  });

  it("closes the money to the makers: spending 409, a grant 403, nothing written", async () => {
    const before = (await spendingRows()).length;
    const body = { intent: "spending", description: "Nieuwe zaden", amount: "30", spentOn: "2027-03-01" };
    expect(statusOf(await track(trackRoute.action as RouteFn, { cookie: cookies.anna, at: archivedAt, body }))).toBe(409);
    expect(statusOf(await track(trackRoute.action as RouteFn, { cookie: cookies.anna, at: archivedAt, body: { intent: "grant", granted: "9000" } }))).toBe(403);
    expect(await spendingRows()).toHaveLength(before);
    const form = dataOf<{ may: { spending: boolean; update: boolean } }>(await track(trackRoute.loader as RouteFn, { cookie: cookies.anna, at: archivedAt }));
    expect(form.may).toMatchObject({ spending: false, update: true });
  });

  it("lets an organiser enter a late invoice, logged", async () => {
    const before = (await audits("aftercare.spending")).length;
    const body = { intent: "spending", description: "Late factuur hout", amount: "80", spentOn: "2027-02-01" };
    expect(statusOf(await track(trackRoute.action as RouteFn, { cookie: cookies.org, at: archivedAt, body }))).toBe(302);
    expect((await spendingRows()).map((r) => r.description)).toContain("Late factuur hout");
    expect(await audits("aftercare.spending")).toHaveLength(before + 1);
  });

  it("stays closed to anyone who did not make the idea", async () => {
    expect(statusOf(await track(trackRoute.loader as RouteFn, { cookie: cookies.mo, at: archivedAt }))).toBe(403);
    expect(statusOf(await track(trackRoute.action as RouteFn, { cookie: cookies.mo, at: archivedAt, body: { intent: "update", text: "Niet van mij" } }))).toBe(
      403,
    );
    expect(statusOf(await track(trackRoute.loader as RouteFn, { at: archivedAt }))).toBe(302);
  });
});

describe("the round's money overview", () => {
  const moneyCall = (fn: RouteFn, slug: string, at: number) => callRoute(fn, { path: `/rondes/${slug}/geld`, params: { slug }, at });

  it("lists per idea what was granted and spent, with totals that add up to the tracks", async () => {
    type Loaded = {
      contest: { vat: string };
      overview: {
        rows: { ideaId: number; title: string; grantedEuros: number | null; spentEuros: number }[];
        totals: { grantedEuros: number; spentEuros: number; leftEuros: number };
      } | null;
    };
    const loaded = dataOf<Loaded>(await moneyCall(moneyRoute.loader as RouteFn, aftercareDemoSlug, archivedAt));
    const overview = loaded.overview!;
    const row = overview.rows.find((r) => r.ideaId === moestuin)!;
    expect(row).toMatchObject({ title: "Moestuin achter De Linde", grantedEuros: 3000, spentEuros: (await getTrack(moestuin)).money.spentEuros });
    for (const r of overview.rows) expect(r.spentEuros).toBe((await getTrack(r.ideaId)).money.spentEuros);
    expect(overview.totals.grantedEuros).toBe(overview.rows.reduce((s, r) => s + (r.grantedEuros ?? 0), 0));
    expect(overview.totals.spentEuros).toBe(overview.rows.reduce((s, r) => s + r.spentEuros, 0));
    // Ideas without any money are left out.
    expect(overview.rows.map((r) => r.title)).not.toContain("Zonnepanelen op het buurthuis");
  });

  it("downloads as a CSV with a BOM, whole numbers, the VAT terms and the totals", async () => {
    const response = (await moneyCall(moneyCsvRoute.loader as RouteFn, aftercareDemoSlug, archivedAt)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(`geld-${aftercareDemoSlug}.csv`);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("idee_id,idee,toegekend_euro,uitgegeven_euro,over_euro,bedragen_inclusief_btw");
    const spent = (await getTrack(moestuin)).money.spentEuros;
    expect(lines).toContain(`${moestuin},Moestuin achter De Linde,3000,${spent},${3000 - spent},ja`);
    expect(lines.at(-1)).toMatch(/^,Totaal,\d+,\d+,-?\d+,ja$/);
  });

  it("shows nothing before the results are revealed, and no CSV", async () => {
    const during = Date.now();
    expect(dataOf<{ overview: unknown }>(await moneyCall(moneyRoute.loader as RouteFn, votingDemoSlug, during)).overview).toBeNull();
    expect(statusOf(await moneyCall(moneyCsvRoute.loader as RouteFn, votingDemoSlug, during))).toBe(404);
  });
});
