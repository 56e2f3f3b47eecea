import { one, many } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, auditLog, contestPhases, organisations } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { hashPassword } from "~/modules/auth/password.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { addPhaseOverride, createContest, publishContest, saveSchedule, settingsOf, updateContestSettings } from "~/modules/contests/console.server";
import { contestCounts } from "~/workflows/contest-overview.server";
import { saveArea } from "~/modules/contests/areas.server";
import { PHASES, phaseAt, type Schedule } from "~/modules/contests/phases";
import { parseAreaPostcodes } from "~/modules/contests/postcode";
import { useTestDatabase } from "../support/test-db";

const { db } = useTestDatabase();
const actor = { userId: "demo-org-1" };
const day = 86_400_000;
const t0 = Date.UTC(2027, 2, 1, 8);
const schedule = Object.fromEntries(PHASES.map((p, i) => [p, { start: t0 + i * 10 * day, end: t0 + (i + 1) * 10 * day }])) as unknown as Schedule;

let organisationId = 0;
let keizerslanden = 0;
beforeAll(async () => {
  await seedDemo(db(), { hashPassword, now: t0 - 30 * day });
  organisationId = (await one(db().select().from(organisations).where(eq(organisations.slug, "wijkteam-keizerslanden"))))!.id;
  keizerslanden = (await one(db().select().from(areas).where(eq(areas.name, "Keizerslanden"))))!.id;
});

async function details(slug: string) {
  const d = await getContestBySlug(slug);
  if (!d) throw new Error(`no contest ${slug}`);
  return d;
}

async function audit(contestId: number) {
  return many(db().select().from(auditLog).where(eq(auditLog.contestId, contestId)));
}

describe("a contest from creation to publication", () => {
  it("is created as a concept with the methods' defaults and a unique slug, and logged", async () => {
    const first = await createContest({ actor, organisationId, title: "Groen Keizerslanden", budgetEuros: 5000, now: t0 });
    const second = await createContest({ actor, organisationId, title: "Groen Keizerslanden", budgetEuros: 5000, now: t0 });
    expect(first.slug).toBe("groen-keizerslanden");
    expect(second.slug).toBe("groen-keizerslanden-2");
    const d = await details(first.slug);
    expect(d.contest).toMatchObject({ status: "concept", votesPerResident: 3, allowStacking: false, minTaakgroepSize: 4 });
    expect(phaseAt(d.clock, t0).phase).toBe("concept");
    expect((await audit(d.contest.id)).map((a) => a.action)).toEqual(["contest.created"]);
    expect(await contestCounts(d.contest.id)).toMatchObject({ subscribers: 0, ideas: 0, jury: { jurors: 0, finished: 0, decisionClosed: false } });
  });

  it("counts the demo contest's handed-in ideas", async () => {
    const demo = await details("vonk-keizerslanden-2027");
    expect((await contestCounts(demo.contest.id)).ideas).toBeGreaterThan(0);
  });

  it("cannot be published without a schedule and an area", async () => {
    const d = await details("groen-keizerslanden");
    expect(await publishContest({ actor, details: d, now: t0 })).toEqual({ ok: false, problems: ["no-schedule", "no-area"] });
  });

  it("saves settings in one go, with the changed fields before and after in the log", async () => {
    const d = await details("groen-keizerslanden");
    const values = {
      ...settingsOf(d),
      areaIds: [keizerslanden],
      prizes: [{ name: "Eerste prijs", amountEuros: 2500, description: null }],
      votesPerResident: 4,
    };
    expect(await updateContestSettings({ actor, details: d, values, now: t0 })).toEqual({ ok: true });
    const after = await details("groen-keizerslanden");
    expect(after.areas.map((a) => a.name)).toEqual(["Keizerslanden"]);
    expect(after.prizes).toMatchObject([{ position: 1, name: "Eerste prijs", amountEuros: 2500 }]);
    const entry = (await audit(d.contest.id)).find((a) => a.action === "contest.settings-changed")!;
    expect(JSON.parse(entry.before!)).toEqual({ areaIds: [], prizes: [], votesPerResident: 3 });
    expect(JSON.parse(entry.after!)).toMatchObject({ areaIds: [keizerslanden], votesPerResident: 4 });
    expect(entry.userId).toBe(actor.userId);
  });

  it("refuses an area of another municipality", async () => {
    const d = await details("groen-keizerslanden");
    const peelo = (await one(db().select().from(areas).where(eq(areas.name, "Peelo"))))!.id;
    expect(await updateContestSettings({ actor, details: d, values: { ...settingsOf(d), areaIds: [peelo] }, now: t0 })).toEqual({
      ok: false,
      unknownAreas: true,
    });
  });

  it("takes a schedule while a concept, then publishes", async () => {
    expect(await saveSchedule({ actor, details: await details("groen-keizerslanden"), schedule, now: t0 })).toEqual({ ok: true });
    const contestId = (await details("groen-keizerslanden")).contest.id;
    expect((await many(db().select().from(contestPhases))).filter((p) => p.contestId === contestId)).toHaveLength(7);
    expect(await publishContest({ actor, details: await details("groen-keizerslanden"), now: t0 })).toEqual({ ok: true });
    const d = await details("groen-keizerslanden");
    expect(phaseAt(d.clock, schedule.indienen.start + 1).phase).toBe("indienen");
    expect(await saveSchedule({ actor, details: d, schedule, now: t0 })).toEqual({ ok: false, published: true });
  });

  it("changes phases only through overrides with a reason, each in the log", async () => {
    const during = schedule.indienen.start + day;
    const newEnd = schedule.indienen.end + 5 * day;
    expect(
      await addPhaseOverride({
        actor,
        details: await details("groen-keizerslanden"),
        override: { kind: "extend", phase: "indienen", newEnd, reason: "Meer tijd voor de scholen" },
        now: during,
      }),
    ).toEqual({ ok: true });
    const d = await details("groen-keizerslanden");
    expect(phaseAt(d.clock, schedule.indienen.end + day).phase).toBe("indienen");
    expect(phaseAt(d.clock, newEnd).phase).toBe("juryselectie");
    const entry = (await audit(d.contest.id)).find((a) => a.action === "contest.phase-extend")!;
    expect(entry).toMatchObject({ subject: "indienen", reason: "Meer tijd voor de scholen" });
    expect(JSON.parse(entry.after!)).toEqual({ start: schedule.indienen.start, end: newEnd });

    const refused = await addPhaseOverride({
      actor,
      details: d,
      override: { kind: "reopen", phase: "juryselectie", newEnd, reason: "Nog niet afgelopen" },
      now: during,
    });
    expect(refused.ok).toBe(false);
  });

  it("refuses rule changes once voting has started, but not a new title", async () => {
    const d = await details("groen-keizerslanden");
    const voting = phaseAt(d.clock, t0).schedule!.stemmen.start + day;
    expect(await updateContestSettings({ actor, details: d, values: { ...settingsOf(d), votesPerResident: 5 }, now: voting })).toEqual({
      ok: false,
      lockedFields: ["votesPerResident"],
    });
    expect(await updateContestSettings({ actor, details: d, values: { ...settingsOf(d), title: "Groen en gezellig" }, now: voting })).toEqual({ ok: true });
    expect((await details("groen-keizerslanden")).contest.votesPerResident).toBe(4);
  });
});

describe("areas", () => {
  it("stores pasted postcodes in canonical form and refuses a duplicate name", async () => {
    const municipalityId = (await one(db().select().from(areas).where(eq(areas.name, "Keizerslanden"))))!.municipalityId;
    const parsed = parseAreaPostcodes("7431, 7432ab ; 7433 aa-7433 bz");
    if (!parsed.ok) throw new Error("parse");
    const actorWithGrants = { userId: "demo-org-1", isBeheerder: false, grants: [] };
    expect(await saveArea({ actor: actorWithGrants, municipalityId, name: "Diepenveen", kind: "wijk", area: parsed.area, now: t0 })).toEqual({ ok: true });
    const row = (await one(db().select().from(areas).where(eq(areas.name, "Diepenveen"))))!;
    expect(row.postcodes.split("\n")).toEqual(["7431", "7432 AB", "7433 AA-7433 BZ"]);
    expect(await saveArea({ actor: actorWithGrants, municipalityId, name: "Diepenveen", kind: "wijk", area: parsed.area, now: t0 })).toEqual({
      ok: false,
      reason: "name-taken",
    });
  });
});
