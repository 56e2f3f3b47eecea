import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { asc, eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contestAreas, contestPrizes, contests, ideaBuurten, ideaCategories, juryCriteria } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { uniqueContestSlug } from "~/modules/contests/console.server";
import type { ContestDetails } from "~/modules/contests/contests.server";

// Issue 21.7: "start the next edition". Most organisations run the same round every year with the same
// areas, rules and prizes; retyping them invites mistakes. The copy spans contests, ideas (the category
// and buurt lists) and jury (the criteria), so it lives here, in one transaction. What belongs to the
// edition itself stays behind: ideas, votes, jurors, people, the schedule (its dates were last year's),
// the picture (its file belongs to the old round and is removed with it) and every result.

/** What the copy holds, for the audit line and the organiser's message. */
export type NextEditionCopy = { slug: string; areas: number; prizes: number; criteria: number; categories: number; buurten: number };

export async function startNextEdition(input: { actor: { userId: string }; details: ContestDetails; title: string; now: number }): Promise<NextEditionCopy> {
  const source = input.details.contest;
  const db = getDb();
  const at = new Date(input.now);
  return transact(db, async (tx) => {
    const slug = await uniqueContestSlug(input.title);
    const created = await one(
      tx
        .insert(contests)
        .values({
          organisationId: source.organisationId,
          slug,
          title: input.title,
          intro: source.intro,
          status: "concept",
          budgetEuros: source.budgetEuros,
          amountsIncludeVat: source.amountsIncludeVat,
          votesPerResident: source.votesPerResident,
          allowStacking: source.allowStacking,
          minTaakgroepSize: source.minTaakgroepSize,
          maxShortlist: source.maxShortlist,
          outcomeRule: source.outcomeRule,
          eligibleByAccount: source.eligibleByAccount,
          eligibleByCode: source.eligibleByCode,
          eligibleByPoster: source.eligibleByPoster,
          minVoterAge: source.minVoterAge,
          accountCheck: source.accountCheck,
          retentionDays: source.retentionDays,
          previousEditionId: source.id,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: contests.id }),
    );
    const id = created.id;
    const areaRows = await many(tx.select({ areaId: contestAreas.areaId }).from(contestAreas).where(eq(contestAreas.contestId, source.id)));
    if (areaRows.length > 0) await run(tx.insert(contestAreas).values(areaRows.map((a) => ({ contestId: id, areaId: a.areaId }))));
    const prizeRows = await many(tx.select().from(contestPrizes).where(eq(contestPrizes.contestId, source.id)).orderBy(asc(contestPrizes.position)));
    if (prizeRows.length > 0)
      await run(
        tx
          .insert(contestPrizes)
          .values(prizeRows.map((p) => ({ contestId: id, position: p.position, name: p.name, amountEuros: p.amountEuros, description: p.description }))),
      );
    // A round whose criteria were never set has none stored; the copy then gets the defaults on first use too.
    const criteriaRows = await many(tx.select().from(juryCriteria).where(eq(juryCriteria.contestId, source.id)).orderBy(asc(juryCriteria.position)));
    if (criteriaRows.length > 0)
      await run(
        tx
          .insert(juryCriteria)
          .values(criteriaRows.map((c) => ({ contestId: id, key: c.key, name: c.name, description: c.description, weight: c.weight, position: c.position }))),
      );
    const categoryRows = await many(tx.select().from(ideaCategories).where(eq(ideaCategories.contestId, source.id)));
    if (categoryRows.length > 0) await run(tx.insert(ideaCategories).values(categoryRows.map((c) => ({ contestId: id, name: c.name, position: c.position }))));
    const buurtRows = await many(tx.select().from(ideaBuurten).where(eq(ideaBuurten.contestId, source.id)));
    if (buurtRows.length > 0) await run(tx.insert(ideaBuurten).values(buurtRows.map((b) => ({ contestId: id, name: b.name, position: b.position }))));
    const copy = {
      slug,
      areas: areaRows.length,
      prizes: prizeRows.length,
      criteria: criteriaRows.length,
      categories: categoryRows.length,
      buurten: buurtRows.length,
    };
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: id,
      action: "contest.next-edition-started",
      before: { from: source.slug },
      after: { title: input.title, ...copy },
      at: input.now,
    });
    return copy;
  });
}
