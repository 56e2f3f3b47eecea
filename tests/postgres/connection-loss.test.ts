import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { many, one, run } from "~db/query.server";
import { openPostgres, type PostgresDatabase } from "~db/pg/client.server";
import { jobLeases } from "~db/schema";
import { transact } from "~db/transact.server";
import { usePostgresDatabase } from "./database";

// A failover, a restart of PostgreSQL or PgBouncer, or an administrator cuts the app's idle connections.
// node-postgres reports that as an 'error' event on the pool, which ended the whole server process
// when nobody listened (found while writing the failover part of docs/operations.md).
const server = usePostgresDatabase({ migrated: false });
let opened: PostgresDatabase | undefined;
beforeAll(async () => {
  opened = await openPostgres(server.url(), { connections: 2 });
});
afterAll(() => opened?.close());

describe("a server whose idle connections are cut", () => {
  it("keeps running, and its next query opens a new connection", async () => {
    await many(opened!.db.select().from(jobLeases));
    const cut = await server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    expect(cut.rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(many(opened!.db.select().from(jobLeases))).resolves.toEqual([]);
  });

  it("fails a transaction whose connection is cut while its body waits, and keeps running", async () => {
    const db = opened!.db;
    const attempt = transact(db, async () => {
      await run(db.insert(jobLeases).values({ job: "before-the-cut", holder: "server-a", until: 1 }));
      const { pid } = (await one(
        db
          .select({ pid: sql<number>`pg_backend_pid()` })
          .from(jobLeases)
          .limit(1),
      ))!;
      await server.sql("SELECT pg_terminate_backend($1)", [pid]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await run(db.insert(jobLeases).values({ job: "after-the-cut", holder: "server-a", until: 1 }));
    });
    await expect(attempt).rejects.toThrow();
    await expect(many(db.select().from(jobLeases))).resolves.toEqual([]);
  });
});
