import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { changeVersion, changeVersionForPages, keepableChangeVersion, markChangesAsVote } from "~db/change-version.server";
import { run } from "~db/query.server";
import { votingThrottle } from "~db/schema";
import { transact } from "~db/transact.server";
import { useTestDatabase } from "../support/test-db";

// The change version on SQLite (db/change-version.server.ts; its PostgreSQL side is in
// tests/postgres/change-version.test.ts): the idea list's cache hears every write, the page cache
// hears only other connections' commits (this process's posts empty it themselves, ADR 023).

const database = useTestDatabase();
const db = database.db;
let keys = 0;
const row = () => ({ key: `change-${++keys}`, failures: 1, windowStartedAt: 1, blockedUntil: null });

describe("the change version on SQLite", () => {
  it("stays put while nothing is written", () => {
    expect(changeVersion(db())).toBe(changeVersion(db()));
    expect(changeVersionForPages(db())).toBe(changeVersionForPages(db()));
  });

  it("moves for this process's own write (trigger writes too), which the pages' version leaves to the post that wrote", async () => {
    const any = changeVersion(db());
    const pages = changeVersionForPages(db());
    await run(db().insert(votingThrottle).values(row()));
    expect(changeVersion(db())).not.toBe(any);
    expect(changeVersionForPages(db())).toBe(pages);
  });

  it("moves both for another connection's commit (the command line, a second process)", () => {
    const any = changeVersion(db());
    const pages = changeVersionForPages(db());
    const other = new Database(database.file());
    try {
      other.prepare(`INSERT INTO voting_throttle (key, failures, window_started_at) VALUES (?, 1, 1)`).run(`change-${++keys}`);
    } finally {
      other.close();
    }
    expect(changeVersion(db())).not.toBe(any);
    expect(changeVersionForPages(db())).not.toBe(pages);
  });

  it("keeps nothing read inside a transaction; marking a vote changes nothing on SQLite", async () => {
    expect(keepableChangeVersion(db())).toBe(changeVersion(db()));
    await transact(db(), async (tx) => {
      await markChangesAsVote(tx);
      expect(keepableChangeVersion(tx)).toBeNull();
    });
  });
});
