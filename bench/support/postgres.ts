// The bench's database on PostgreSQL as well (issue 20: the cost of the network database, measured beside
// SQLite with the same floors). A throw-away server that keeps PostgreSQL's own durability (fsync and
// synchronous commit on, as the app's SQLite syncs every acknowledged write), filled with a copy of the
// prepared SQLite file by the code of `wijkvonk db copy`.

import { copySqliteToPostgres } from "../../db/pg/copy.server";
import path from "node:path";
import { findPostgres, startPostgres } from "../../scripts/postgres.mjs";
import { startApp, type App, type AppOptions } from "./server";

export type BenchPostgres = { url: string; stop(): void };

/** Why the PostgreSQL rows are left out, or null when they are measured. */
export function postgresLeftOut(): string | null {
  if (process.env.BENCH_POSTGRES === "0") return "BENCH_POSTGRES=0";
  if (!findPostgres()) return "no PostgreSQL server on this machine (`node scripts/postgres.mjs install` as root)";
  return null;
}

/** A new server holding a copy of `sqliteFile` (taken now: later writes to the file are not in it). */
export async function postgresCopyOf(sqliteFile: string): Promise<BenchPostgres> {
  const server = await startPostgres({ durable: true });
  try {
    await copySqliteToPostgres(sqliteFile, server.url);
  } catch (error) {
    server.stop();
    throw error;
  }
  return server;
}

/** The built app on that server; its log and uploads in `dir`. */
export function startAppOnPostgres(postgres: BenchPostgres, dir: string, options: Omit<AppOptions, "databasePath" | "env"> = {}): Promise<App> {
  return startApp({
    ...options,
    databasePath: path.join(dir, "pg-app.sqlite"),
    env: { DATABASE_URL: postgres.url, UPLOADS_DIR: path.join(dir, "pg-uploads") },
  });
}
