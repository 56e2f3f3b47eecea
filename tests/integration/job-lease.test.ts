import { describe, expect, it } from "vitest";
import { run } from "~db/query.server";
import { jobLeases } from "~db/schema";
import { JOB_LEASE_MS, serverId } from "~/lib/job-lease.server";
import { runScheduledJobs, type JobName } from "~/jobs.server";
import { describeLeaseContract } from "../support/lease-contract";
import { useTestDatabase } from "../support/test-db";

// On SQLite the app is one process (ADR 001), but the lease must work as it will on PostgreSQL: two
// "servers" are two holder names on the one connection.
const database = useTestDatabase();
describeLeaseContract("SQLite", () => ({ a: database.db(), b: database.db() }));

const everyJob: JobName[] = ["submissionOpenNotices", "contestNotices", "forgottenSubscriptions", "retention", "forgottenSignupPlaces"];
const NOW = 1_800_000_000_000;

describe("runScheduledJobs on several servers", () => {
  it("runs each job on the server that ticks first; the other server, same clock, skips them all", async () => {
    await run(database.db().delete(jobLeases));
    const first = await runScheduledJobs(NOW, "server-a");
    const second = await runScheduledJobs(NOW, "server-b");
    expect(first.skipped).toEqual([]);
    expect(first.retention).toEqual({ contests: 0, rows: 0 });
    expect(first.submissionOpenNotices).toBe(0);
    expect(second).toEqual({ skipped: everyJob });
  });

  it("keeps running them on the holder minute after minute, and moves them to the other server once the holder stops", async () => {
    await run(database.db().delete(jobLeases));
    await runScheduledJobs(NOW, "server-a");
    for (let minute = 1; minute <= 10; minute++) {
      const at = NOW + minute * 60_000;
      expect((await runScheduledJobs(at, "server-a")).skipped).toEqual([]);
      expect((await runScheduledJobs(at, "server-b")).skipped).toEqual(everyJob);
    }
    // server-a stops ticking after NOW + 10 minutes: its leases run out JOB_LEASE_MS later.
    const lastRenewal = NOW + 10 * 60_000;
    expect((await runScheduledJobs(lastRenewal + JOB_LEASE_MS - 1, "server-b")).skipped).toEqual(everyJob);
    expect((await runScheduledJobs(lastRenewal + JOB_LEASE_MS, "server-b")).skipped).toEqual([]);
  });

  it("names each process differently", () => {
    expect(serverId()).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});
