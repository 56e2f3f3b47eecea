import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { changeCounterOf } from "../change-version.server";
import { projectRoot, type Db } from "../client.server";
import { registerSession } from "../query.server";
import * as schema from "../schema";
import { registerEngine, transactionOf, type Engine } from "../transact.server";
import * as pgSchema from "./schema";

// Whole numbers come back as numbers, as from SQLite (every value the app keeps fits in 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

const SERIALISATION_FAILURES = new Set(["40001", "40P01"]);

// Serialisable transactions hold the counting rules (five photos, an address's cap, three stickers)
// as strictly as SQLite's one writer does, without row locks placed by hand; the price is that
// PostgreSQL may refuse one of two transactions that met, which is then run again.
export class PostgresEngine implements Engine {
  readonly dialect = "postgres" as const;
  constructor(readonly pool: pg.Pool) {}

  async begin() {
    const client = await this.pool.connect();
    // Cut while the body awaits between statements, the connection says so with an 'error' event that
    // would end the process unheard; the body's next statement fails instead, and the transaction with it.
    const cut = () => undefined;
    client.on("error", cut);
    try {
      await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
    } catch (error) {
      client.off("error", cut);
      client.release(true);
      throw error;
    }
    const end = async (outcome: "commit" | "rollback") => {
      let broken = false;
      try {
        await client.query(outcome === "commit" ? "COMMIT" : "ROLLBACK");
        // This server's caches must not answer from before its own write, not even until the notice
        // comes back (db/change-version.server.ts). A read-only transaction counts too: harmless.
        if (outcome === "commit") changeCounterOf(this.pool).ownCommit();
      } catch (error) {
        broken = outcome === "rollback";
        throw error;
      } finally {
        client.off("error", cut);
        client.release(broken);
      }
    };
    return { client, end };
  }

  async exec(client: unknown, statement: string): Promise<void> {
    await (client as pg.PoolClient).query(statement);
  }

  mayRetry(error: unknown): boolean {
    // drizzle wraps the driver's error (DrizzleQueryError); the SQLSTATE is on the cause.
    for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      if (typeof e.code === "string" && SERIALISATION_FAILURES.has(e.code)) return true;
    }
    return false;
  }
}

/**
 * drizzle's migrator applies what is new in one transaction, with no lock of its own: several servers
 * started at once each try to create the same tables, and all but one fail (seen with two). The one
 * that failed waited for the other's transaction, so the migrations are in by then: it runs the
 * migrator again, which now finds nothing to do. No session lock (pg_advisory_lock), which a PgBouncer
 * in transaction mode would not keep.
 */
async function migrateBesideOthers(pool: pg.Pool): Promise<void> {
  const migrationsFolder = path.join(projectRoot(), "db", "migrations-pg");
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(drizzle(pool, { schema: pgSchema }), { migrationsFolder });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

/** A statement that writes nothing: a SELECT (drizzle sends the text alone or as `{ text, values }`). */
function isPlainRead(query: unknown): boolean {
  const text = typeof query === "string" ? query : (query as { text?: unknown } | null)?.text;
  return typeof text === "string" && /^\s*select\b/i.test(text);
}

export interface PostgresDatabase {
  readonly db: Db;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) a PostgreSQL database for the app. The app's queries are built on the SQLite
 * table objects (ADR 027) and typed as SQLite's handle; drizzle builds PostgreSQL's SQL from them. A
 * query goes to the pool, or to the connection of the transaction the running code belongs to.
 */
export async function openPostgres(url: string, { connections = 10 } = {}): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  // An idle connection cut from the other end (a failover, a restart of PostgreSQL or PgBouncer) is
  // reported here; unheard, the event would end the process. The pool has dropped the connection
  // already, and the next query opens a new one. A query that was running hears its own error.
  pool.on("error", () => undefined);
  // drizzle's migrator runs its own transaction on one connection: it gets the pool itself.
  await migrateBesideOthers(pool);
  const engine = new PostgresEngine(pool);
  const counter = changeCounterOf(pool);
  const routed = {
    query: (...args: Parameters<pg.Pool["query"]>) => {
      const transaction = transactionOf(engine);
      if (transaction) return ((transaction.client as pg.PoolClient).query as (...a: unknown[]) => unknown)(...args);
      const result = (pool.query as (...a: unknown[]) => unknown)(...args);
      // A write outside a transaction commits on its own: counted for this server's caches at once,
      // before its caller goes on (a transaction counts at its commit, in PostgresEngine).
      if (!isPlainRead(args[0]) && result instanceof Promise) {
        return result.then((value: unknown) => {
          counter.ownCommit();
          return value;
        });
      }
      return result;
    },
  };
  const db = drizzle(routed as unknown as pg.Pool, { schema }) as unknown as Db;
  registerEngine(db, engine);
  registerSession((db as unknown as { session: object }).session, engine);
  return { db, pool, close: () => pool.end() };
}
