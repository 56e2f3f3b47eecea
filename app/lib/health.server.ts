import { onConnection, onStatement } from "~db/sqlite-engine.server";
import { statfsSync } from "node:fs";
import path from "node:path";
import { getDb, type Db } from "~db/client.server";
import { statementOn } from "~db/statement.server";
import { dialectOf } from "~db/transact.server";
import { getEnv } from "./env.server";

export type Health = { status: "ok" | "read-only" | "disk-full" | "down"; checkedAt: string };

/**
 * Below this much free space in the database's folder the server is not healthy (docs/operations.md):
 * room for the WAL to grow, a few photos (8 MB each) and a backup's start, before writes begin to fail.
 */
export const MIN_FREE_BYTES = 100 * 1024 * 1024;

/**
 * For /healthz (a load balancer or monitor): can we read the database, can we write it, and is
 * there room to go on writing? A server that cannot take a vote is not healthy, and says why.
 */
export async function checkHealth(now: number = Date.now(), minFreeBytes: number = MIN_FREE_BYTES): Promise<Health> {
  const checkedAt = new Date(now).toISOString();
  let sqlite;
  try {
    const db = getDb();
    if (dialectOf(db) === "postgres") return { status: await postgresHealth(db), checkedAt };
    sqlite = db.$client;
    await onStatement(sqlite.prepare("SELECT 1"), (s) => s.get());
  } catch {
    return { status: "down", checkedAt };
  }
  try {
    // A real write, committed and synced like a vote, that grows nothing: the header's user_version
    // set to what it is. (A write rolled back never reaches the disk, so it would prove nothing.)
    await onConnection(sqlite, (c) => c.pragma(`user_version = ${Number(c.pragma("user_version", { simple: true }))}`));
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    return { status: code.startsWith("SQLITE_FULL") ? "disk-full" : code.startsWith("SQLITE_READONLY") ? "read-only" : "down", checkedAt };
  }
  // The write above may still fit in the WAL's old pages on a disk that is full: ask the file system.
  const { bavail, bsize } = statfsSync(path.dirname(path.resolve(getEnv().databasePath)));
  if (bavail * bsize < minFreeBytes) return { status: "disk-full", checkedAt };
  return { status: "ok", checkedAt };
}

/**
 * The same questions on PostgreSQL: can we read, and may we write (a standby, or a database set
 * read-only, refuses writes)? Free space is the database server's to watch, not this machine's.
 */
async function postgresHealth(db: Db): Promise<Health["status"]> {
  try {
    const row = await statementOn<[], { readOnly: number }>(
      db,
      `SELECT CASE WHEN pg_is_in_recovery() OR current_setting('default_transaction_read_only') = 'on' THEN 1 ELSE 0 END AS "readOnly"`,
    ).get([]);
    return row?.readOnly === 1 ? "read-only" : "ok";
  } catch {
    return "down";
  }
}
