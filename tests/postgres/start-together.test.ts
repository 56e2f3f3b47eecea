import { describe, expect, it } from "vitest";
import { openPostgres } from "~db/pg/client.server";
import { many } from "~db/query.server";
import { jobLeases } from "~db/schema";
import { usePostgresDatabase } from "./database";

// Several app servers started at once on a new (or older) database each migrate it at start: all of
// them must come up (drizzle's migrator has no lock; two at once failed one of them before).
const server = usePostgresDatabase({ migrated: false });

describe("app servers started at the same moment", () => {
  it("all start, on one set of tables", async () => {
    const servers = await Promise.all(Array.from({ length: 4 }, () => openPostgres(server.url(), { connections: 2 })));
    try {
      for (const { db } of servers) await expect(many(db.select().from(jobLeases))).resolves.toEqual([]);
      const { rows } = await server.sql(`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      expect(rows[0].n).toBeGreaterThan(5);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
