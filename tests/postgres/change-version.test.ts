import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openDatabase } from "~db/client.server";
import { copySqliteToPostgres } from "~db/pg/copy.server";
import { changeCounterOf, changeVersion, changeVersionForPages, keepableChangeVersion, markChangesAsVote } from "~db/change-version.server";
import { openPostgres, type PostgresDatabase } from "~db/pg/client.server";
import { LISTENER_APPLICATION_NAME, startChangeListener } from "~db/pg/change-listener.server";
import { run } from "~db/query.server";
import { votingThrottle } from "~db/schema";
import { transact } from "~db/transact.server";
import { usePostgresDatabase } from "./database";

// Several servers on one database (ADR 027 §4, ADR 023, ADR 029): a write through one server empties
// the caches of the others, promptly, because every table announces its changes and every server
// listens. Two pools with a listener each stand for two servers.

const server = usePostgresDatabase({ migrated: false });
const emptyServer = usePostgresDatabase({ migrated: false });

type Server = PostgresDatabase & { stopListening: () => Promise<void> };
let a: Server;
let b: Server;

async function startServer(): Promise<Server> {
  const opened = await openPostgres(server.url(), { connections: 3 });
  return { ...opened, stopListening: startChangeListener(opened.pool, { retryMs: 20, heartbeatMs: 1_000 }) };
}

/** Waits until `check` holds (a notice takes milliseconds); fails after two seconds. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within 2 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Whether a server's caches may serve: two reads in a row give the same version. */
function listening(s: Server): boolean {
  return changeVersion(s.db) === changeVersion(s.db);
}

let keys = 0;
function throttleRow() {
  return { key: `change-version-${++keys}`, failures: 1, windowStartedAt: 1, blockedUntil: null };
}

/** A quiet moment: nothing announced is still on its way to `s`. */
async function settled(s: Server): Promise<void> {
  await eventually(() => listening(s), "listening");
  let last = changeVersion(s.db);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = changeVersion(s.db);
    if (now === last) return;
    last = now;
  }
}

beforeAll(async () => {
  a = await startServer();
  b = await startServer();
  await eventually(() => listening(a) && listening(b), "both servers listening");
});

afterAll(async () => {
  for (const s of [a, b]) {
    await s?.stopListening();
    await s?.close();
  }
});

describe("the change version on PostgreSQL", () => {
  it("moves on the other server when one server writes, within a short wait, and at once on the writing server", async () => {
    await settled(b);
    const onA = changeVersion(a.db);
    const onB = changeVersion(b.db);
    const pagesOnB = changeVersionForPages(b.db);
    await run(a.db.insert(votingThrottle).values(throttleRow()));
    // No wait: the writing server's own caches are never older than its write.
    expect(changeVersion(a.db)).not.toBe(onA);
    await eventually(() => changeVersion(b.db) !== onB, "server B hears server A's write");
    expect(changeVersionForPages(b.db)).not.toBe(pagesOnB);
  });

  it("moves on both when a transaction commits, and for a write by anyone else on the database (psql, a migration)", async () => {
    await settled(b);
    const onA = changeVersion(a.db);
    const onB = changeVersion(b.db);
    await transact(a.db, async (tx) => {
      await run(tx.insert(votingThrottle).values(throttleRow()));
      await run(tx.insert(votingThrottle).values(throttleRow()));
    });
    expect(changeVersion(a.db)).not.toBe(onA);
    await eventually(() => changeVersion(b.db) !== onB, "server B hears the commit");

    await settled(b);
    const before = changeVersion(b.db);
    await server.sql(`DELETE FROM voting_throttle WHERE key = $1`, [`change-version-${keys}`]);
    await eventually(() => changeVersion(b.db) !== before, "server B hears a write from outside the app");
  });

  it("announces nothing for a transaction that rolled back: the next commit is the only change seen", async () => {
    await settled(b);
    const onA = changeVersion(a.db);
    const onB = changeVersion(b.db);
    await expect(
      transact(a.db, async (tx) => {
        await run(tx.insert(votingThrottle).values(throttleRow()));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(changeVersion(a.db)).toBe(onA);
    // The commit after it is announced after it: once that is heard, whatever the rollback sent would have been too.
    await server.sql(`INSERT INTO voting_throttle (key, failures, window_started_at) VALUES ($1, 1, 1)`, [`change-version-${++keys}`]);
    await eventually(() => changeVersion(b.db) !== onB, "server B hears the commit");
    expect(changeVersion(b.db)).toBe(onB + 1);
    const rows = await server.sql(`SELECT count(*)::int AS n FROM voting_throttle WHERE key = $1`, [`change-version-${keys - 1}`]);
    expect(rows.rows[0].n).toBe(0);
  });

  it("leaves the pages' version alone for a vote (ADR 023) while the idea list's moves", async () => {
    await settled(b);
    const onB = changeVersion(b.db);
    const pagesOnB = changeVersionForPages(b.db);
    await transact(a.db, async (tx) => {
      await markChangesAsVote(tx);
      await run(tx.insert(votingThrottle).values(throttleRow()));
    });
    await transact(a.db, async (tx) => {
      await run(tx.insert(votingThrottle).values(throttleRow()));
    });
    await eventually(() => changeVersion(b.db) === onB + 2, "server B hears the vote and the other write");
    expect(changeVersionForPages(b.db)).toBe(pagesOnB + 1);
  });

  it("keeps nothing read inside a transaction", async () => {
    await settled(a);
    expect(keepableChangeVersion(a.db)).toBe(changeVersion(a.db));
    await transact(a.db, async (tx) => {
      expect(keepableChangeVersion(tx)).toBeNull();
    });
  });

  it("says 'changed' on every read while the listener's connection is gone, until it listens again", async () => {
    await settled(b);
    const found = await server.sql(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
      LISTENER_APPLICATION_NAME,
    ]);
    expect(found.rows).toHaveLength(2);
    // Which of the two is B's: cut both, so each server must find its way back on its own.
    const before = { a: changeVersion(a.db), b: changeVersion(b.db), pages: changeVersionForPages(b.db) };
    await server.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
      LISTENER_APPLICATION_NAME,
    ]);
    await eventually(() => !listening(b), "server B knows it no longer hears the database");
    const seen = new Set([changeVersion(b.db), changeVersion(b.db), changeVersion(b.db)]);
    expect(seen.size).toBe(3);
    expect(changeVersionForPages(b.db)).not.toBe(changeVersionForPages(b.db));

    await eventually(() => listening(a) && listening(b), "both servers listen again");
    // Nothing kept from before the cut is trusted afterwards.
    expect(changeVersion(b.db)).not.toBe(before.b);
    expect(changeVersion(a.db)).not.toBe(before.a);
    expect(changeVersionForPages(b.db)).not.toBe(before.pages);
    await settled(b);
    const onB = changeVersion(b.db);
    await run(a.db.insert(votingThrottle).values(throttleRow()));
    await eventually(() => changeVersion(b.db) !== onB, "server B hears server A again");
  });

  it("says 'changed' on every read for a database nobody listens to, and after the listener stopped", async () => {
    const opened = await openPostgres(server.url(), { connections: 1 });
    try {
      expect(changeVersion(opened.db)).not.toBe(changeVersion(opened.db));
      const stop = startChangeListener(opened.pool, { retryMs: 20 });
      await eventually(() => changeVersion(opened.db) === changeVersion(opened.db), "listening");
      await stop();
      expect(changeVersion(opened.db)).not.toBe(changeVersion(opened.db));
      expect(changeVersionForPages(opened.db)).not.toBe(changeVersionForPages(opened.db));
    } finally {
      await opened.close();
    }
  });
});

/** The tables of the database without the trigger that announces their changes. */
async function tablesNotAnnouncing(sql: (text: string) => Promise<pg.QueryResult>): Promise<string[]> {
  // tgtype: 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE; without 1 (per row), 2 (before) or 64 (instead of).
  const result = await sql(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgenabled = 'O' AND t.tgtype = 60
                          AND t.tgfoid = 'wv_announce_change'::regproc)
      ORDER BY 1`,
  );
  return result.rows.map((row) => row.name as string);
}

describe("every table announces its changes", () => {
  it("has the statement-level trigger on every table, so a new table cannot be forgotten", async () => {
    const tables = await server.sql(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()`);
    expect(tables.rows[0].n).toBeGreaterThan(40);
    // A new table needs `SELECT wv_announce_changes_of('its_name');` in its PostgreSQL migration. Except
    // these, which no page or cache reads and which are written on every ballot post and every minute
    // (db/migrations-pg/0009_servers.sql): a notice from them would empty the caches on every vote.
    expect(await tablesNotAnnouncing(server.sql)).toEqual(["job_leases", "vote_post_windows"]);
  });

  it("finds a table made without it, until the migration's function gives it one", async () => {
    await server.sql(`CREATE TABLE wv_probe (id integer PRIMARY KEY)`);
    try {
      expect(await tablesNotAnnouncing(server.sql)).toEqual(["job_leases", "vote_post_windows", "wv_probe"]);
      await server.sql(`SELECT wv_announce_changes_of('wv_probe')`);
      expect(await tablesNotAnnouncing(server.sql)).toEqual(["job_leases", "vote_post_windows"]);
    } finally {
      await server.sql(`DROP TABLE wv_probe`);
    }
  });

  it("announces at commit, once per transaction however many statements, and a truncate too", async () => {
    const listener = new pg.Client({ connectionString: server.url() });
    await listener.connect();
    const notices: string[] = [];
    listener.on("notification", (notice) => notices.push(notice.payload ?? ""));
    await listener.query("LISTEN wijkvonk_changed");
    const writer = new pg.Client({ connectionString: server.url() });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`INSERT INTO voting_throttle (key, failures, window_started_at) VALUES ('n1', 1, 1), ('n2', 1, 1)`);
      await writer.query(`UPDATE voting_throttle SET failures = 2 WHERE key LIKE 'n%'`);
      await writer.query(`SELECT 1 FROM pg_sleep(0.05)`);
      expect(notices).toEqual([]);
      await writer.query("COMMIT");
      await eventually(() => notices.length === 1, "one notice");
      await writer.query(`TRUNCATE voting_throttle`);
      await eventually(() => notices.length === 2, "a notice for the truncate");
      expect(notices).toEqual(["", ""]);
    } finally {
      await writer.end();
      await listener.end();
    }
  });
});

/** A TCP relay to the database that can go silent (a network cut: no reset, no answer). */
async function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  let silent = false;
  const relay = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port), target.hostname);
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => sockets.delete(socket));
    }
    inbound.on("data", (chunk) => void (silent || outbound.write(chunk)));
    outbound.on("data", (chunk) => void (silent || inbound.write(chunk)));
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((relay.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    goSilent: () => void (silent = true),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

describe("a listener whose connection goes silent", () => {
  it("notices by its heartbeat, and the versions say 'changed' from then on", async () => {
    const relay = await relayTo(new URL(server.url()));
    const pool = new pg.Pool({ connectionString: relay.url, max: 1 });
    const stop = startChangeListener(pool, { retryMs: 20, heartbeatMs: 100 });
    const counter = () => changeCounterOf(pool);
    try {
      await eventually(() => counter().isListening, "listening through the relay");
      relay.goSilent();
      await eventually(() => !counter().isListening, "the heartbeat found the silence");
      expect(counter().version()).not.toBe(counter().version());
    } finally {
      await stop();
      await relay.close();
      await pool.end();
    }
  });
});

describe("the copy from SQLite (wijkvonk db copy)", () => {
  it("is heard by a server already running on the database, though the tables' own notices are held back while rows come in", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-change-"));
    const running = await openPostgres(emptyServer.url(), { connections: 1 });
    const stop = startChangeListener(running.pool, { retryMs: 20 });
    try {
      const file = path.join(dir, "empty.sqlite");
      openDatabase(file).$client.close();
      await eventually(() => changeVersion(running.db) === changeVersion(running.db), "listening");
      const before = changeVersionForPages(running.db);
      await copySqliteToPostgres(file, emptyServer.url());
      await eventually(() => changeVersionForPages(running.db) !== before, "the running server hears the copy");
    } finally {
      await stop();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
