import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { postgresUrlFrom, sqlitePathFrom } from "./database-url";
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

let current: { db: Db; close(): Promise<void> } | undefined;
let opening: Promise<Db> | undefined;

/**
 * Opens the process's database as the environment says (DATABASE_URL, else DATABASE_PATH), once.
 * PostgreSQL opens asynchronously, so whatever starts the app (server.mjs, the CLI, the demo seed)
 * awaits this before the first getDb().
 */
export function openDatabaseFromEnvironment(options: { onListenerTrouble?: (error: unknown) => void } = {}): Promise<Db> {
  if (current) return Promise.resolve(current.db);
  const url = postgresUrlFrom(process.env);
  if (!url) return Promise.resolve(getDb());
  opening ??= (async () => {
    try {
      // Loaded only here, so that a SQLite deployment never loads the PostgreSQL driver.
      const { openPostgres } = await import("./pg/client.server");
      const { startChangeListener } = await import("./pg/change-listener.server");
      const postgres = await openPostgres(url);
      // Other servers' writes reach this process's caches (db/change-version.server.ts).
      const stopListening = startChangeListener(postgres.pool, { onTrouble: options.onListenerTrouble });
      current = {
        db: postgres.db,
        close: async () => {
          await stopListening();
          await postgres.close();
        },
      };
      return postgres.db;
    } finally {
      opening = undefined;
    }
  })();
  return opening;
}

/** The process's database: SQLite's file is opened on first use; PostgreSQL must have been opened at start. */
export function getDb(): Db {
  if (current) return current.db;
  if (postgresUrlFrom(process.env)) {
    throw new Error("DATABASE_URL selects PostgreSQL, which opens asynchronously: await openDatabaseFromEnvironment() before getDb()");
  }
  const db = openDatabase(sqlitePathFrom(process.env));
  current = {
    db,
    close: async () => {
      db.$client.close();
    },
  };
  return db;
}

/** Closes the process's database (SQLite checkpoints its WAL); the next getDb() or open starts anew. */
export async function closeDb(): Promise<void> {
  const closing = current;
  current = undefined;
  await closing?.close();
}
