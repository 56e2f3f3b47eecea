import { statementOn, statementsPer } from "~db/statement.server";
import { getDb, type Db } from "~db/client.server";
import { getContestBySlug, type ContestDetails } from "~/modules/contests/contests.server";
import { votingContestOf, type VotingContest } from "./votes.server";

// The contest a vote is for, without loading it whole for every vote (ADR 010). Loading a contest
// takes six queries; during voting it hardly changes (its rules, areas and prizes are locked once
// voting starts), so the vote keeps the loaded contest and checks one cheap version stamp per vote:
// the contest row's updated_at and status, and the count and last id of its phase overrides (an
// organiser closing voting early is seen by the very next vote). Area postcodes are edited on
// their own page without touching the contest, so a kept contest is also reloaded after 10 seconds.

const MAX_AGE_MS = 10_000;

// Plain SQL, prepared once (the columns of db/schema/contests.ts); the same text on PostgreSQL.
const versionOf = statementsPer((db) =>
  statementOn<{ slug: string }, { id: number; stamp: string }>(
    db,
    `SELECT c.id AS id, c.updated_at || ':' || c.status || ':' ||
            (SELECT count(*) || ':' || coalesce(max(o.id), 0) FROM contest_phase_overrides AS o WHERE o.contest_id = c.id) AS stamp
       FROM contests AS c WHERE c.slug = @slug`,
  ),
);

type Kept = { stamp: string; loadedAt: number; details: ContestDetails; contest: VotingContest };

const kept = new WeakMap<Db, Map<string, Kept>>();

export async function contestForVote(slug: string | undefined): Promise<{ details: ContestDetails; contest: VotingContest } | null> {
  if (!slug) return null;
  const db = getDb();
  const current = await versionOf(db).get({ slug });
  if (!current) return null;
  let bySlug = kept.get(db);
  if (!bySlug) {
    bySlug = new Map();
    kept.set(db, bySlug);
  }
  // Real time, not the request clock: this is about how old the copy is, not about the contest's phase.
  const wallClock = Date.now();
  const hit = bySlug.get(slug);
  if (hit && hit.stamp === current.stamp && wallClock - hit.loadedAt < MAX_AGE_MS) return hit;
  const details = await getContestBySlug(slug);
  if (!details) return null;
  const fresh = { stamp: current.stamp, loadedAt: wallClock, details, contest: votingContestOf(details) };
  bySlug.set(slug, fresh);
  return fresh;
}
