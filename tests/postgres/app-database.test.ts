import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { changeVersion, changeVersionForPages } from "~db/change-version.server";
import { closeDb, openDatabaseFromEnvironment, type Db } from "~db/client.server";
import { run } from "~db/query.server";
import { votingThrottle } from "~db/schema";
import { inVoteTransaction } from "~/modules/voting/vote-writer.server";
import { usePostgresDatabase } from "./database";

// The app's own database as server.mjs opens it with DATABASE_URL (db/client.server.ts): it listens for
// other servers' writes, so its caches empty when another server writes; a vote's notices say "vote",
// which the page cache leaves alone (ADR 023), as it does for votes on SQLite.

const database = usePostgresDatabase({ migrated: false });
let db: Db;
let other: pg.Pool;
const before = { DATABASE_URL: process.env.DATABASE_URL };

beforeAll(async () => {
  process.env.DATABASE_URL = database.url();
  db = await openDatabaseFromEnvironment();
  other = new pg.Pool({ connectionString: database.url(), max: 1 });
});

afterAll(async () => {
  await other.end();
  await closeDb();
  process.env.DATABASE_URL = before.DATABASE_URL;
});

/** Waits until `check` holds (a notice takes milliseconds); fails after two seconds. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within 2 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const throttleRow = (key: string) => ({ key, failures: 1, windowStartedAt: Date.now(), blockedUntil: null });

describe("the app's database on PostgreSQL", () => {
  it("hears another server's write: the caches' versions move", async () => {
    await eventually(() => changeVersion(db) === changeVersion(db), "listening");
    const [any, pages] = [changeVersion(db), changeVersionForPages(db)];
    await other.query(`INSERT INTO voting_throttle (key, failures, window_started_at) VALUES ('from another server', 1, 0)`);
    await eventually(() => changeVersion(db) !== any && changeVersionForPages(db) !== pages, "another server's write heard");
  });

  it("marks a vote's changes as a vote: the idea list's version moves, the pages' does not", async () => {
    await eventually(() => changeVersion(db) === changeVersion(db), "listening");
    const [any, pages] = [changeVersion(db), changeVersionForPages(db)];
    await inVoteTransaction(() => run(db.insert(votingThrottle).values(throttleRow("a vote's write"))));
    await eventually(() => changeVersion(db) !== any, "the vote's write counted");
    // A notice that would move the pages' version would have arrived by now, as the other server's did.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changeVersionForPages(db)).toBe(pages);
  });
});
