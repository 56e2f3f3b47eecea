import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "~db/client.server";
import { resetEnvForTests } from "~/lib/env.server";
import { resetSecretsForTests } from "~/lib/secrets.server";
import { resetLuciaForTests } from "~/modules/auth/lucia.server";

/** Gives the test file its own real SQLite file (migrated), removed afterwards. Never a mock of the database. */
export function useTestDatabase() {
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-test-"));
    process.env.DATABASE_PATH = path.join(dir, "test.sqlite");
    process.env.NODE_ENV = "test";
    delete process.env.SMTP_URL;
    resetEnvForTests();
    resetSecretsForTests();
    resetLuciaForTests();
    await closeDb();
    getDb();
  });
  afterAll(async () => {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db: () => getDb(), file: () => process.env.DATABASE_PATH! };
}
