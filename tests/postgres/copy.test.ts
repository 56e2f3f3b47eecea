import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "~db/client.server";
import { copySqliteToPostgres } from "~db/pg/copy.server";
import type { CliIo } from "../../scripts/cli/io";
import { main } from "../../scripts/cli/main";
import * as schema from "~db/schema";
import { tableShapes } from "~db/pg/table-order";
import { seedDemo } from "~db/seeds/demo";
import { usePostgresDatabase } from "./database";

// Issue 20: a deployment moves from SQLite to PostgreSQL with one command, and back, with every row.

const { sql, url } = usePostgresDatabase({ migrated: false });
const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-copy-"));
const original = path.join(dir, "demo.sqlite");
const back = path.join(dir, "back.sqlite");

/** Every row of every table, in key order, as SQLite holds it: two files with the same data give the same text. */
function contentsOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      tableShapes(schema).map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${t.key.map((k) => `"${k}"`).join(", ")}`).all()]),
    );
  } finally {
    db.close();
  }
}

/** The triggers a file holds, by name and text: the copy drops them while rows come in and must make them again. */
function triggersOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
  } finally {
    db.close();
  }
}

async function wijkvonk(...argv: string[]) {
  const printed = { out: "", err: "" };
  const io: CliIo = { out: (text) => void (printed.out += text), err: (text) => void (printed.err += text), readFile: async () => "" };
  return { code: await main(argv, io), ...printed };
}

beforeAll(async () => {
  // The demo's seed writes through the app's own connection in places, as the app does at start.
  process.env.DATABASE_PATH = original;
  await closeDb();
  await seedDemo(getDb(), { hashPassword: async () => "not-a-real-hash", now: Date.parse("2026-12-07T09:00:00Z") });
  await closeDb();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("wijkvonk db copy", () => {
  it("copies the demo into an empty PostgreSQL database, every row of every table", async () => {
    const report = await copySqliteToPostgres(original, url());
    const copied = new Map(report.tables.map((t) => [t.name, t.rows]));
    const contents = contentsOf(original);
    for (const [table, rows] of Object.entries(contents)) {
      expect(copied.get(table), table).toBe(rows.length);
      const { rows: counted } = await sql(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(counted[0].n, table).toBe(rows.length);
    }
    expect(copied.get("ballots")).toBeGreaterThan(0);
    expect(copied.get("ideas")).toBeGreaterThan(10);
  });

  it("keeps the rules on after the copy, and new rows get the next id", async () => {
    const { rows } = await sql(`SELECT max(id)::int AS id FROM contests`);
    const inserted = await sql(
      `INSERT INTO contests (organisation_id, slug, title, budget_euros, created_at, updated_at) VALUES (1, 'na-de-kopie', 'Na de kopie', 1000, 0, 0) RETURNING id`,
    );
    expect(inserted.rows[0].id).toBe(rows[0].id + 1);
    await expect(sql(`INSERT INTO ballots (contest_id, channel, stickers, receipt_hash) VALUES (1, 'online', '[]', repeat('a', 64))`)).rejects.toThrow(
      "ballot: empty",
    );
    await sql(`DELETE FROM contests WHERE slug = 'na-de-kopie'`);
  });

  it("refuses to copy into a database that has rows, and changes nothing", async () => {
    const run = await wijkvonk("db", "copy", original, url());
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/nothing copied: .*not empty/);
  });

  it("copies back into a new SQLite file that holds exactly what the original held", async () => {
    const run = await wijkvonk("db", "copy", url(), back);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Copied \d+ rows in \d+ tables from postgres:\/\/.* to .*back\.sqlite/);
    expect(contentsOf(back)).toEqual(contentsOf(original));
    expect(triggersOf(original).length).toBeGreaterThan(10);
    expect(triggersOf(back)).toEqual(triggersOf(original));
    expect((await wijkvonk("db", "copy", url(), back)).err).toMatch(/exists already/);
  });
});
