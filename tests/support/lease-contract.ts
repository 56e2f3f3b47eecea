import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "~db/client.server";
import { one, run } from "~db/query.server";
import { jobLeases } from "~db/schema";
import { JOB_LEASE_MS, releaseJobLeases, takeJobLease } from "~/lib/job-lease.server";

// The scheduler's lease (ADR 027 §4) on either database: two app servers ("a" and "b", each with its
// own connection where the database has more than one) tick with the same clock.

const T = 1_800_000_000_000;
const MINUTE = 60_000;

export function describeLeaseContract(dialect: string, servers: () => { a: Db; b: Db }) {
  let n = 0;
  const job = () => `test-job-${dialect}-${++n}`;
  const holderOf = async (name: string) => (await one(servers().a.select().from(jobLeases).where(eq(jobLeases.job, name))))?.holder;

  describe(`the scheduler's lease on ${dialect}`, () => {
    it("goes to one of two servers that tick at the same moment; the other skips the job", async () => {
      const name = job();
      const { a, b } = servers();
      const [gotA, gotB] = await Promise.all([takeJobLease(a, name, "server-a", T), takeJobLease(b, name, "server-b", T)]);
      expect([gotA, gotB].filter(Boolean)).toHaveLength(1);
      expect(await holderOf(name)).toBe(gotA ? "server-a" : "server-b");
    });

    it("goes to exactly one of many servers asking at once", async () => {
      const name = job();
      const { a, b } = servers();
      const asks = Array.from({ length: 12 }, (_, i) => takeJobLease(i % 2 ? a : b, name, `server-${i}`, T));
      const got = await Promise.all(asks);
      expect(got.filter(Boolean)).toHaveLength(1);
      expect(await holderOf(name)).toBe(`server-${got.indexOf(true)}`);
    });

    it("is renewed by its holder at the next tick, and kept from the other server past the first lease's end", async () => {
      const name = job();
      const { a, b } = servers();
      expect(await takeJobLease(a, name, "server-a", T)).toBe(true);
      expect(await takeJobLease(b, name, "server-b", T + MINUTE)).toBe(false);
      expect(await takeJobLease(a, name, "server-a", T + MINUTE)).toBe(true);
      // The first lease would have run out here; the renewed one has not.
      expect(await takeJobLease(b, name, "server-b", T + JOB_LEASE_MS + 1)).toBe(false);
      expect(await holderOf(name)).toBe("server-a");
    });

    it("runs out when its holder stops renewing it (a server that died): the other server takes the job over", async () => {
      const name = job();
      const { a, b } = servers();
      expect(await takeJobLease(a, name, "server-a", T)).toBe(true);
      expect(await takeJobLease(b, name, "server-b", T + JOB_LEASE_MS - 1)).toBe(false);
      expect(await takeJobLease(b, name, "server-b", T + JOB_LEASE_MS)).toBe(true);
      expect(await holderOf(name)).toBe("server-b");
      // The server that came back finds its lease gone.
      expect(await takeJobLease(a, name, "server-a", T + JOB_LEASE_MS + MINUTE)).toBe(false);
    });

    it("is given up by a server that stops, so the other takes the job at its next tick", async () => {
      const name = job();
      const { a, b } = servers();
      expect(await takeJobLease(a, name, "server-a", T)).toBe(true);
      await releaseJobLeases(a, "server-a");
      expect(await takeJobLease(b, name, "server-b", T + MINUTE)).toBe(true);
    });

    it("refuses a holder's name that is empty or too long", async () => {
      await expect(takeJobLease(servers().a, job(), "", T)).rejects.toThrow();
      await expect(takeJobLease(servers().a, job(), "x".repeat(65), T)).rejects.toThrow();
      await run(servers().a.delete(jobLeases).where(eq(jobLeases.holder, "")));
    });
  });
}
