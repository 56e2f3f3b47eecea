import { randomBytes } from "node:crypto";
import { eq, lte, or } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { run } from "~db/query.server";
import { jobLeases } from "~db/schema";

// Several app servers on one database each tick the scheduler every minute (server.mjs); a lease row
// per job decides which of them runs it (issue 20, ADR 027 §4). The server that holds a lease renews
// it at every tick and keeps running the job; the others skip it. A server that died or stopped
// renews nothing, and its lease runs out: the next server to tick takes it over.

/**
 * How long a taken lease lasts: several ticks, so the holder keeps it from tick to tick, and longer
 * than a job takes, so no second server starts the job while the first still runs it. A server that
 * dies leaves its jobs undone for at most this long (every job is idempotent and may run late).
 */
export const JOB_LEASE_MS = 5 * 60_000;

/** This process's name in the lease table: random per process, so two servers never share one. */
const thisServer = randomBytes(9).toString("base64url");
export function serverId(): string {
  return thisServer;
}

/**
 * Takes (or renews) the lease on `job` for `holder` until now + ms, when nobody holds it, it has run
 * out, or `holder` holds it already; true when `holder` may run the job now. One conditional write
 * (INSERT … ON CONFLICT DO UPDATE … WHERE), so two servers at once cannot both get it, on either
 * database. `now` is the server's clock: servers' clocks must agree to well within the lease (NTP).
 */
export async function takeJobLease(db: Db, job: string, holder: string, now: number, ms: number = JOB_LEASE_MS): Promise<boolean> {
  const until = now + ms;
  const { changes } = await run(
    db
      .insert(jobLeases)
      .values({ job, holder, until })
      .onConflictDoUpdate({
        target: jobLeases.job,
        set: { holder, until },
        setWhere: or(lte(jobLeases.until, now), eq(jobLeases.holder, holder)),
      }),
  );
  return changes === 1;
}

/** Gives up `holder`'s leases (a server that stops), so another server takes the jobs over at its next tick. */
export async function releaseJobLeases(db: Db, holder: string): Promise<void> {
  await run(db.delete(jobLeases).where(eq(jobLeases.holder, holder)));
}
