import { and, asc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contests, organisations } from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";

export type ContestSummary = {
  id: number;
  slug: string;
  title: string;
  intro: string;
  budgetEuros: number;
  status: "concept" | "gepubliceerd";
  organisationName: string;
};

const summaryColumns = {
  id: contests.id,
  slug: contests.slug,
  title: contests.title,
  intro: contests.intro,
  budgetEuros: contests.budgetEuros,
  status: contests.status,
  organisationName: organisations.name,
};

export function listPublishedContests(): ContestSummary[] {
  return getDb()
    .select(summaryColumns)
    .from(contests)
    .innerJoin(organisations, eq(contests.organisationId, organisations.id))
    .where(eq(contests.status, "gepubliceerd"))
    .orderBy(asc(contests.title))
    .all();
}

/** The contests an organiser runs: through their organisation or as organiser of the contest itself. */
export function listContestsOrganisedBy(actor: NonNullable<Actor>): ContestSummary[] {
  const base = getDb().select(summaryColumns).from(contests).innerJoin(organisations, eq(contests.organisationId, organisations.id));
  if (actor.isBeheerder) return base.orderBy(asc(contests.title)).all();
  const organisationIds = actor.grants.flatMap((g) => (g.role === "organisator" && g.organisationId !== null ? [g.organisationId] : []));
  const contestIds = actor.grants.flatMap((g) => (g.role === "organisator" && g.contestId !== null ? [g.contestId] : []));
  if (organisationIds.length === 0 && contestIds.length === 0) return [];
  return base
    .where(or(inArray(contests.organisationId, organisationIds), inArray(contests.id, contestIds)))
    .orderBy(asc(contests.title))
    .all();
}

export function findContestTargetBySlug(slug: string) {
  return getDb()
    .select({ contestId: contests.id, organisationId: contests.organisationId, status: contests.status })
    .from(contests)
    .where(and(eq(contests.slug, slug)))
    .get();
}
