import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { registerSession } from "./query.server";
import * as schema from "./schema";
import { SqliteEngine, type SqliteEngineOptions } from "./sqlite-engine.server";
import { registerEngine } from "./transact.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/**
 * The handle a use case writes through as part of a larger transaction: the same as `Db`, since
 * transact() finds the open transaction from the async context (db/transact.server.ts).
 */
export type Tx = Db;

/** The project root, found from this file: works from the source tree and from build/server alike. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "wijkvonk") return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find the wijkvonk project root from " + import.meta.url);
    dir = parent;
  }
}

/** Opens (and migrates) a database file with the settings every connection must have. */
export function openDatabase(file: string, engineOptions: SqliteEngineOptions = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers run beside the one writer; FULL makes every committed vote survive a power cut
  // (transactions sync the log on the thread pool instead: db/sqlite-engine.server.ts).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: path.join(projectRoot(), "db", "migrations") });
  const engine = new SqliteEngine(sqlite, engineOptions);
  registerEngine(db, engine);
  keepStatements(db, sqlite, engine);
  return db;
}

const MAX_KEPT_STATEMENTS = 500;

/**
 * Drizzle asks SQLite to compile every query's SQL anew, each time it runs (issue 19: a sixth of a
 * page's database time). The connection drizzle uses keeps each compiled statement by its SQL text
 * instead. Drizzle switches a statement to arrays (`raw()`) for some reads and not for others, so a
 * kept statement is switched back before it is handed out; one still running (an iteration) is not
 * shared. Statements prepared on $client directly are not kept: their users manage them.
 */
export function keepStatements(db: Db, sqlite: Database.Database, engine: SqliteEngine): void {
  const kept = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    engine.assertMayRun();
    let statement = kept.get(source);
    if (statement && !statement.busy) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = sqlite.prepare(source);
    if (!kept.has(source)) {
      if (kept.size >= MAX_KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
      kept.set(source, statement);
    }
    return statement;
  };
  // Drizzle's session uses these two of the connection (drizzle-orm/better-sqlite3/session.js).
  const session = (db as unknown as { session: { client: unknown } }).session;
  session.client = { prepare, transaction: sqlite.transaction.bind(sqlite) };
  registerSession(session, engine);
}

let current: Db | undefined;

/** The process's one connection, opened on first use from DATABASE_PATH. */
export function getDb(): Db {
  current ??= openDatabase(process.env.DATABASE_PATH ?? "./data/wijkvonk.sqlite");
  return current;
}

export function closeDb(): void {
  current?.$client.close();
  current = undefined;
}
