import { one, many } from "~db/query.server";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { areas, contestAreas, contestPhaseOverrides, contestPhases, contestPrizes, contests, organisations, type Contest } from "~db/schema";
import type { Actor, Target } from "~/modules/auth/permissions";
import { PHASES, phaseAt, type ContestClock, type PhaseInfo, type PhaseOverride, type Schedule } from "./phases";

export type ContestDetails = {
  contest: Contest;
  organisationName: string;
  /** The organisation's logo and accent colour for the round's pages, letters and posters (ADR 025); null keeps Wijkvonk's. */
  look: { logoKey: string | null; accentColour: string | null };
  areas: { id: number; name: string; postcodes: string }[];
  prizes: { id: number; position: number; name: string; amountEuros: number; description: string | null }[];
  /** The schedule as entered; null until all seven phases have dates. */
  schedule: Schedule | null;
  overrides: (PhaseOverride & { id: number; userId: string | null })[];
  clock: ContestClock;
  target: Extract<Target, { kind: "contest" }>;
};

function scheduleFrom(rows: { phase: string; startsAt: number; endsAt: number }[]): Schedule | null {
  const byPhase = new Map(rows.map((r) => [r.phase, { start: r.startsAt, end: r.endsAt }]));
  if (!PHASES.every((p) => byPhase.has(p))) return null;
  return Object.fromEntries(PHASES.map((p) => [p, byPhase.get(p)!])) as unknown as Schedule;
}

export function clockOf(contest: Pick<Contest, "status">, schedule: Schedule | null, overrides: readonly PhaseOverride[]): ContestClock {
  // A published contest always has a full schedule (publishing checks it); treat a broken one as concept.
  return contest.status === "gepubliceerd" && schedule ? { status: "gepubliceerd", schedule, overrides } : { status: "concept", schedule, overrides };
}

export function contestTarget(contest: Pick<Contest, "id" | "organisationId" | "status">): Extract<Target, { kind: "contest" }> {
  return { kind: "contest", contestId: contest.id, organisationId: contest.organisationId, status: contest.status };
}

/** Everything about one contest that its pages need, in a handful of small queries. */
export async function getContestBySlug(slug: string): Promise<ContestDetails | null> {
  const db = getDb();
  const row = await one(
    db
      .select({ contest: contests, organisationName: organisations.name, logoKey: organisations.logoKey, accentColour: organisations.accentColour })
      .from(contests)
      .innerJoin(organisations, eq(contests.organisationId, organisations.id))
      .where(eq(contests.slug, slug)),
  );
  if (!row) return null;
  const id = row.contest.id;
  const schedule = scheduleFrom(await many(db.select().from(contestPhases).where(eq(contestPhases.contestId, id))));
  const overrides = (
    await many(db.select().from(contestPhaseOverrides).where(eq(contestPhaseOverrides.contestId, id)).orderBy(asc(contestPhaseOverrides.id)))
  ).map((o) => ({ id: o.id, userId: o.userId, kind: o.kind, phase: o.phase, at: o.at, newEnd: o.newEnd, nextPhase: o.nextPhase, reason: o.reason }));
  return {
    contest: row.contest,
    organisationName: row.organisationName,
    look: { logoKey: row.logoKey, accentColour: row.accentColour },
    areas: await many(
      db
        .select({ id: areas.id, name: areas.name, postcodes: areas.postcodes })
        .from(contestAreas)
        .innerJoin(areas, eq(contestAreas.areaId, areas.id))
        .where(eq(contestAreas.contestId, id))
        .orderBy(asc(areas.name)),
    ),
    prizes: await many(
      db
        .select({
          id: contestPrizes.id,
          position: contestPrizes.position,
          name: contestPrizes.name,
          amountEuros: contestPrizes.amountEuros,
          description: contestPrizes.description,
        })
        .from(contestPrizes)
        .where(eq(contestPrizes.contestId, id))
        .orderBy(asc(contestPrizes.position)),
    ),
    schedule,
    overrides,
    clock: clockOf(row.contest, schedule, overrides),
    target: contestTarget(row.contest),
  };
}

export type ContestSummary = {
  id: number;
  slug: string;
  title: string;
  intro: string;
  budgetEuros: number;
  amountsIncludeVat: boolean;
  status: "concept" | "gepubliceerd";
  organisationName: string;
  areaNames: string[];
  phase: PhaseInfo;
  /** The round's cover picture (its storage key and text alternative), for the cards that list it. */
  image: { storageKey: string; alt: string } | null;
};

/** Contest summaries with their phase at `now`, for lists. Filters by organisation or contest ids when given. */
async function listSummaries(now: number, filter?: { organisationIds: number[]; contestIds: number[] } | { published: true }): Promise<ContestSummary[]> {
  const db = getDb();
  const where =
    filter === undefined
      ? undefined
      : "published" in filter
        ? eq(contests.status, "gepubliceerd")
        : or(inArray(contests.organisationId, filter.organisationIds), inArray(contests.id, filter.contestIds));
  const rows = await many(
    db
      .select({ contest: contests, organisationName: organisations.name })
      .from(contests)
      .innerJoin(organisations, eq(contests.organisationId, organisations.id))
      .where(where)
      .orderBy(asc(contests.title)),
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.contest.id);
  const phaseRows = await many(db.select().from(contestPhases).where(inArray(contestPhases.contestId, ids)));
  const overrideRows = await many(
    db.select().from(contestPhaseOverrides).where(inArray(contestPhaseOverrides.contestId, ids)).orderBy(asc(contestPhaseOverrides.id)),
  );
  const areaRows = await many(
    db
      .select({ contestId: contestAreas.contestId, name: areas.name })
      .from(contestAreas)
      .innerJoin(areas, eq(contestAreas.areaId, areas.id))
      .where(inArray(contestAreas.contestId, ids))
      .orderBy(asc(areas.name)),
  );
  return rows.map(({ contest, organisationName }) => {
    const schedule = scheduleFrom(phaseRows.filter((p) => p.contestId === contest.id));
    const overrides = overrideRows.filter((o) => o.contestId === contest.id);
    return {
      id: contest.id,
      slug: contest.slug,
      title: contest.title,
      intro: contest.intro,
      budgetEuros: contest.budgetEuros,
      amountsIncludeVat: contest.amountsIncludeVat,
      image: contest.imagePath ? { storageKey: contest.imagePath, alt: contest.imageAlt ?? "" } : null,
      status: contest.status,
      organisationName,
      areaNames: areaRows.filter((a) => a.contestId === contest.id).map((a) => a.name),
      phase: phaseAt(clockOf(contest, schedule, overrides), now),
    };
  });
}

export async function listPublishedContests(now: number): Promise<ContestSummary[]> {
  return listSummaries(now, { published: true });
}

/** The contests an organiser runs: through their organisation or as organiser of the contest itself. */
export async function listContestsOrganisedBy(actor: NonNullable<Actor>, now: number): Promise<ContestSummary[]> {
  if (actor.isBeheerder) return listSummaries(now);
  const organisationIds = actor.grants.flatMap((g) => (g.role === "organisator" && g.organisationId !== null ? [g.organisationId] : []));
  const contestIds = actor.grants.flatMap((g) => (g.role === "organisator" && g.contestId !== null ? [g.contestId] : []));
  if (organisationIds.length === 0 && contestIds.length === 0) return [];
  return listSummaries(now, { organisationIds, contestIds });
}

export async function findContestTargetBySlug(slug: string) {
  const row = await one(
    getDb()
      .select()
      .from(contests)
      .where(and(eq(contests.slug, slug))),
  );
  return row ? contestTarget(row) : undefined;
}

/** The published round this one continues (issue 21.7), for a link to last year's ideas; null when there is none to show. */
export async function previousEditionOf(contest: Pick<Contest, "previousEditionId">): Promise<{ slug: string; title: string } | null> {
  if (contest.previousEditionId === null) return null;
  const row = await one(
    getDb().select({ slug: contests.slug, title: contests.title, status: contests.status }).from(contests).where(eq(contests.id, contest.previousEditionId)),
  );
  return row && row.status === "gepubliceerd" ? { slug: row.slug, title: row.title } : null;
}

/**
 * The round before this one of the same organisation: the latest other published round whose vote
 * ended before this one's began (or before now, without a schedule). For comparing turnout.
 */
export async function previousRoundOf(details: ContestDetails, now: number): Promise<ContestDetails | null> {
  const begins = phaseAt(details.clock, now).schedule?.stemmen.start ?? now;
  // The organisation's rounds as list summaries (a few queries for all of them); only the one chosen is read whole.
  const candidates = (await listSummaries(now, { organisationIds: [details.contest.organisationId], contestIds: [] })).flatMap((round) => {
    const stemmen = round.phase.schedule?.stemmen;
    const earlier = round.status === "gepubliceerd" && round.slug !== details.contest.slug && stemmen && stemmen.end <= begins;
    return earlier ? [{ slug: round.slug, end: stemmen.end }] : [];
  });
  candidates.sort((a, b) => b.end - a.end);
  return candidates[0] ? getContestBySlug(candidates[0].slug) : null;
}
