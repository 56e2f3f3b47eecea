import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * Integration files that are about SQLite itself and stay SQLite-only, each with its reason. Every
 * other file in tests/integration runs here too, against PostgreSQL (ADR 027 §5).
 */
export const SQLITE_ONLY: Record<string, string> = {
  "tests/integration/backup.test.ts": "`wijkvonk backup` copies the SQLite file; on PostgreSQL it refuses (scripts/cli/backup-args.test.ts)",
  "tests/integration/database.test.ts": "SQLite's connection settings (WAL, foreign_keys, busy_timeout pragmas)",
  "tests/integration/faults-crash.test.ts": "SIGKILL of a SQLite writer mid-batch and the WAL's recovery",
  "tests/integration/faults-storage.test.ts": "SQLite's file on a full or read-only disk",
  "tests/integration/faults-two-writers.test.ts": "two processes writing one SQLite file (busy_timeout, the write lock)",
  "tests/integration/kept-statements.test.ts": "the statements kept on the SQLite connection (issue 19)",
  "tests/integration/transact.test.ts": "SQLite's engine queue; the shared contract runs on PostgreSQL in tests/postgres/transact.test.ts",
  "tests/integration/health.test.ts": "the SQLite file's health (query_only, free space in its folder, WAL checkpoint)",
  "tests/integration/page-cache.test.ts":
    "its tests move the cache with SQLite's data_version (a second SQLite connection); the PostgreSQL change version is tested in tests/postgres/change-version.test.ts",
  "tests/integration/change-version.test.ts":
    "SQLite's change version (data_version, total_changes, a second SQLite connection); PostgreSQL's is tests/postgres/change-version.test.ts",
  "tests/integration/lint-layers.test.ts": "ESLint's layer rule: no database at all, nothing to run twice",
};

// The integration suite on PostgreSQL: `npx vitest run --config vitest.pg-integration.config.ts`.
// One throw-away server (scripts/postgres.mjs) with a migrated template; tests/support/test-db.ts
// gives each test file a fresh copy of it instead of a SQLite file.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/integration/**/*.test.ts"],
    exclude: [...(base.test?.exclude ?? ["**/node_modules/**"]), ...Object.keys(SQLITE_ONLY)],
    globalSetup: ["tests/postgres/integration-setup.ts"],
    env: { WIJKVONK_TEST_DATABASE: "postgres" },
  },
});
