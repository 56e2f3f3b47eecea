import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, getDb, openDatabaseFromEnvironment } from "~db/client.server";
import { resetEnvForTests } from "~/lib/env.server";
import { resetSecretsForTests } from "~/lib/secrets.server";
import { resetLuciaForTests } from "~/modules/auth/lucia.server";

/** The integration suite's PostgreSQL pass (vitest.pg-integration.config.ts) sets this; otherwise every test file gets a SQLite file. */
export const onPostgres = process.env.WIJKVONK_TEST_DATABASE === "postgres";

/**
 * Gives the test file its own real, migrated database, removed afterwards. Never a mock of the
 * database. A SQLite file; in the PostgreSQL pass a fresh PostgreSQL database copied from the migrated
 * template (DATABASE_URL), with the same folder at DATABASE_PATH for what lives beside the database
 * (the voting pepper, the photos).
 */
export function useTestDatabase() {
  let dir = "";
  let dropDatabase = async () => {};
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-test-"));
    process.env.DATABASE_PATH = path.join(dir, "test.sqlite");
    process.env.NODE_ENV = "test";
    delete process.env.SMTP_URL;
    delete process.env.DATABASE_URL;
    if (onPostgres) {
      const { url, drop } = await freshPostgresDatabase();
      process.env.DATABASE_URL = url;
      dropDatabase = drop;
    }
    resetEnvForTests();
    resetSecretsForTests();
    resetLuciaForTests();
    await closeDb();
    await openDatabaseFromEnvironment();
  });
  afterAll(async () => {
    await closeDb();
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db: () => getDb(), file: () => process.env.DATABASE_PATH! };
}

async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = inject("postgresUrl");
  const name = `wv_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
