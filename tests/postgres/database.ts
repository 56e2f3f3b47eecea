import { randomBytes } from "node:crypto";
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { projectRoot } from "~db/client.server";
import * as schema from "~db/pg/schema";

// Whole numbers come back as numbers, as from SQLite (every value the app keeps fits in 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

/** Gives the test file its own database on the pass's server, migrated as the app will migrate it (or left empty). */
export function usePostgresDatabase({ migrated = true } = {}) {
  const name = `wv_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("postgresUrl") });
  let pool: pg.Pool | undefined;
  let db: NodePgDatabase<typeof schema> | undefined;
  const url = new URL(inject("postgresUrl"));
  url.pathname = `/${name}`;
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
    db = drizzle(pool, { schema });
    if (migrated) await migrate(db, { migrationsFolder: path.join(projectRoot(), "db", "migrations-pg") });
  });
  afterAll(async () => {
    await pool?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });
  return {
    db: () => db!,
    url: () => url.toString(),
    /** One SQL statement on its own connection; for rules that must hold whatever the app does. */
    sql: (text: string, values: unknown[] = []) => pool!.query(text, values),
  };
}
