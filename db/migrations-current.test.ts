import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./client.server";

// Each dialect's migrations must end where db/schema is now (ADR 027): a change to db/schema without its
// migrations, for SQLite or for PostgreSQL, fails here. drizzle-kit compares against a copy, so a
// forgotten migration is never written into the repository by the test itself.
const root = projectRoot();

function newMigrations(dialect: "sqlite" | "postgresql", schema: string, folder: string): string[] {
  const copy = mkdtempSync(path.join(tmpdir(), "wijkvonk-migrations-"));
  try {
    cpSync(path.join(root, folder), copy, { recursive: true });
    const before = new Set(readdirSync(copy));
    const kit = path.join(root, "node_modules", "drizzle-kit", "bin.cjs");
    // drizzle-kit reads --out relative to the working folder.
    const run = spawnSync(process.execPath, [kit, "generate", "--dialect", dialect, "--schema", schema, "--out", path.relative(root, copy)], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    return readdirSync(copy).filter((file) => !before.has(file));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

describe("the migrations are up to date with db/schema", () => {
  it("for SQLite", () => {
    expect(newMigrations("sqlite", "./db/schema/index.ts", "db/migrations")).toEqual([]);
  });

  it("for PostgreSQL", () => {
    expect(newMigrations("postgresql", "./db/pg/schema.ts", "db/migrations-pg")).toEqual([]);
  });
});
