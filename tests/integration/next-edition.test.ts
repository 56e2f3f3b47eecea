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

function details(slug: string) {
  const d = getContestBySlug(slug);
  if (!d) throw new Error(`no contest ${slug}`);
  return d;
}

const rows = <T extends { contestId: number }>(list: T[], contestId: number) => list.filter((r) => r.contestId === contestId);

describe("the next edition of a round (issue 21.7)", () => {
  it("holds the settings, areas, prizes, criteria and idea lists, and nothing of the edition itself", () => {
    // Settings away from the defaults, so that a column the copy forgets shows.
    const demoId = details("vonk-keizerslanden-2027").contest.id;
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
      .where(eq(contests.id, demoId))
      .run();
    const source = details("vonk-keizerslanden-2027");
    // The demo round has ideas, and its criteria are stored once anyone needs them.
    criteriaFor(source.contest.id);
    expect(db().select().from(ideas).where(eq(ideas.contestId, source.contest.id)).all().length).toBeGreaterThan(0);

    const copy = startNextEdition({ actor, details: source, title: "Vonk Keizerslanden 2028", now: t0 });
    const next = details(copy.slug);
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
    const criteria = (contestId: number) => rows(db().select().from(juryCriteria).all(), contestId).map(({ id: _, contestId: _c, ...c }) => c);
    expect(criteria(next.contest.id)).toEqual(criteria(source.contest.id));
    expect(criteria(next.contest.id).length).toBeGreaterThan(0);
    const names = (table: typeof ideaCategories | typeof ideaBuurten, contestId: number) =>
      db()
        .select()
        .from(table)
        .where(eq(table.contestId, contestId))
        .all()
        .map((r) => r.name)
        .sort();
    expect(names(ideaCategories, next.contest.id)).toEqual(names(ideaCategories, source.contest.id));
    expect(names(ideaBuurten, next.contest.id)).toEqual(names(ideaBuurten, source.contest.id));

    // Nothing of the old edition's people or their work.
    expect(db().select().from(ideas).where(eq(ideas.contestId, next.contest.id)).all()).toEqual([]);
    expect(db().select().from(ballots).where(eq(ballots.contestId, next.contest.id)).all()).toEqual([]);
    expect(db().select().from(roleAssignments).where(eq(roleAssignments.contestId, next.contest.id)).all()).toEqual([]);
    expect(db().select().from(juryInvitations).where(eq(juryInvitations.contestId, next.contest.id)).all()).toEqual([]);
    expect(db().select().from(contestPhases).where(eq(contestPhases.contestId, next.contest.id)).all()).toEqual([]);
    expect(next.schedule).toBeNull();

    const log = db().select().from(auditLog).where(eq(auditLog.contestId, next.contest.id)).all();
    expect(log.map((l) => l.action)).toEqual(["contest.next-edition-started"]);
    expect(JSON.parse(log[0]!.before!)).toEqual({ from: "vonk-keizerslanden-2027" });
  });

  it("leaves the old round as it was", () => {
    const source = details("vonk-keizerslanden-2027");
    const before = {
      areas: db().select().from(contestAreas).where(eq(contestAreas.contestId, source.contest.id)).all().length,
      prizes: db().select().from(contestPrizes).where(eq(contestPrizes.contestId, source.contest.id)).all().length,
    };
    startNextEdition({ actor, details: source, title: "Vonk Keizerslanden 2028", now: t0 });
    const ids = db()
      .select({ id: ideas.id })
      .from(ideas)
      .where(eq(ideas.contestId, source.contest.id))
      .all()
      .map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(
      db()
        .select()
        .from(ideas)
        .where(inArray(ideas.id, ids))
        .all()
        .every((i) => i.contestId === source.contest.id),
    ).toBe(true);
    expect(db().select().from(contestAreas).where(eq(contestAreas.contestId, source.contest.id)).all().length).toBe(before.areas);
    expect(db().select().from(contestPrizes).where(eq(contestPrizes.contestId, source.contest.id)).all().length).toBe(before.prizes);
    // A second copy with the same title gets a slug of its own.
    expect(details("vonk-keizerslanden-2028-2").contest.previousEditionId).toBe(source.contest.id);
  });
});
