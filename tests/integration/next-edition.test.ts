import { many, run } from "~db/query.server";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  ballots,
  contestAreas,
  contestPhases,
  contestPrizes,
  contests,
  ideaBuurten,
  ideaCategories,
  ideas,
  juryCriteria,
  juryInvitations,
  roleAssignments,
} from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { hashPassword } from "~/modules/auth/password.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { criteriaFor } from "~/modules/jury/criteria.server";
import { startNextEdition } from "~/workflows/next-edition.server";
import { useTestDatabase } from "../support/test-db";

const { db } = useTestDatabase();
const actor = { userId: "demo-org-1" };
const t0 = Date.UTC(2027, 2, 1, 8);

beforeAll(async () => {
  await seedDemo(db(), { hashPassword, now: t0 });
});

async function details(slug: string) {
  const d = await getContestBySlug(slug);
  if (!d) throw new Error(`no contest ${slug}`);
  return d;
}

const rows = <T extends { contestId: number }>(list: T[], contestId: number) => list.filter((r) => r.contestId === contestId);

describe("the next edition of a round (issue 21.7)", () => {
  it("holds the settings, areas, prizes, criteria and idea lists, and nothing of the edition itself", async () => {
    // Settings away from the defaults, so that a column the copy forgets shows.
    const demoId = (await details("vonk-keizerslanden-2027")).contest.id;
    await run(
      db()
        .update(contests)
        .set({
          amountsIncludeVat: false,
          minVoterAge: 16,
          maxShortlist: 7,
          retentionDays: 400,
          allowStacking: true,
          minTaakgroepSize: 6,
          intro: "Elk jaar weer.",
        })
        .where(eq(contests.id, demoId)),
    );
    const source = await details("vonk-keizerslanden-2027");
    // The demo round has ideas, and its criteria are stored once anyone needs them.
    await criteriaFor(source.contest.id);
    expect((await many(db().select().from(ideas).where(eq(ideas.contestId, source.contest.id)))).length).toBeGreaterThan(0);

    const copy = await startNextEdition({ actor, details: source, title: "Vonk Keizerslanden 2028", now: t0 });
    const next = await details(copy.slug);
    expect(copy.slug).toBe("vonk-keizerslanden-2028");

    // Every column is either copied or named here as the edition's own.
    const own = [
      "id",
      "slug",
      "title",
      "status",
      "createdAt",
      "updatedAt",
      "previousEditionId",
      "votingFinalAt",
      "imagePath",
      "imageAlt",
      "personalDataRemovedAt",
    ];
    const settingsOf = (c: Record<string, unknown>) => Object.fromEntries(Object.entries(c).filter(([k]) => !own.includes(k)));
    expect(settingsOf(next.contest)).toEqual(settingsOf(source.contest));
    expect(Object.keys(settingsOf(next.contest)).length).toBeGreaterThan(10);
    expect(next.contest).toMatchObject({ status: "concept", title: "Vonk Keizerslanden 2028", previousEditionId: source.contest.id });
    expect(next.contest).toMatchObject({ votingFinalAt: null, imagePath: null, imageAlt: null, personalDataRemovedAt: null });

    expect(next.areas).toEqual(source.areas);
    expect(next.prizes.map(({ id: _, ...p }) => p)).toEqual(source.prizes.map(({ id: _, ...p }) => p));
    expect(next.prizes.length).toBeGreaterThan(0);
    const criteria = async (contestId: number) => rows(await many(db().select().from(juryCriteria)), contestId).map(({ id: _, contestId: _c, ...c }) => c);
    expect(await criteria(next.contest.id)).toEqual(await criteria(source.contest.id));
    expect((await criteria(next.contest.id)).length).toBeGreaterThan(0);
    const names = async (table: typeof ideaCategories | typeof ideaBuurten, contestId: number) =>
      (await many(db().select().from(table).where(eq(table.contestId, contestId)))).map((r) => r.name).sort();
    expect(await names(ideaCategories, next.contest.id)).toEqual(await names(ideaCategories, source.contest.id));
    expect(await names(ideaBuurten, next.contest.id)).toEqual(await names(ideaBuurten, source.contest.id));

    // Nothing of the old edition's people or their work.
    expect(await many(db().select().from(ideas).where(eq(ideas.contestId, next.contest.id)))).toEqual([]);
    expect(await many(db().select().from(ballots).where(eq(ballots.contestId, next.contest.id)))).toEqual([]);
    expect(await many(db().select().from(roleAssignments).where(eq(roleAssignments.contestId, next.contest.id)))).toEqual([]);
    expect(await many(db().select().from(juryInvitations).where(eq(juryInvitations.contestId, next.contest.id)))).toEqual([]);
    expect(await many(db().select().from(contestPhases).where(eq(contestPhases.contestId, next.contest.id)))).toEqual([]);
    expect(next.schedule).toBeNull();

    const log = await many(db().select().from(auditLog).where(eq(auditLog.contestId, next.contest.id)));
    expect(log.map((l) => l.action)).toEqual(["contest.next-edition-started"]);
    expect(JSON.parse(log[0]!.before!)).toEqual({ from: "vonk-keizerslanden-2027" });
  });

  it("leaves the old round as it was", async () => {
    const source = await details("vonk-keizerslanden-2027");
    const before = {
      areas: (await many(db().select().from(contestAreas).where(eq(contestAreas.contestId, source.contest.id)))).length,
      prizes: (await many(db().select().from(contestPrizes).where(eq(contestPrizes.contestId, source.contest.id)))).length,
    };
    await startNextEdition({ actor, details: source, title: "Vonk Keizerslanden 2028", now: t0 });
    const ids = (await many(db().select({ id: ideas.id }).from(ideas).where(eq(ideas.contestId, source.contest.id)))).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect((await many(db().select().from(ideas).where(inArray(ideas.id, ids)))).every((i) => i.contestId === source.contest.id)).toBe(true);
    expect((await many(db().select().from(contestAreas).where(eq(contestAreas.contestId, source.contest.id)))).length).toBe(before.areas);
    expect((await many(db().select().from(contestPrizes).where(eq(contestPrizes.contestId, source.contest.id)))).length).toBe(before.prizes);
    // A second copy with the same title gets a slug of its own.
    expect((await details("vonk-keizerslanden-2028-2")).contest.previousEditionId).toBe(source.contest.id);
  });
});
