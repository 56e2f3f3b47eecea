import { SqliteEngine } from "./sqlite-engine.server";
import type { Engine } from "./transact.server";

// The three ways to run a query on either database (ADR 027, step 3). drizzle's SQLite builders run
// synchronously (get/all/run) and its PostgreSQL builders are promises; the app's code is written for
// the SQLite builders' types and runs on both through these.

const enginesBySession = new WeakMap<object, Engine>();

/** Ties the drizzle session of a database to its engine, so a query built on it finds its queue. */
export function registerSession(session: object, engine: Engine): void {
  enginesBySession.set(session, engine);
}

type Built = { readonly session?: object };

function sqliteQueueOf(query: Built): SqliteEngine | undefined {
  const engine = query.session && enginesBySession.get(query.session);
  if (!engine) throw new Error("This query was not built on a database opened by db/client.server.ts");
  return engine instanceof SqliteEngine ? engine : undefined;
}

/** The first row, or undefined. */
export async function one<Q extends { get(): unknown }>(query: Q): Promise<ReturnType<Q["get"]>> {
  const sqlite = sqliteQueueOf(query as Built);
  if (sqlite) return sqlite.whenFree(() => query.get() as ReturnType<Q["get"]>);
  const rows = (await (query as unknown as PromiseLike<unknown[]>)) ?? [];
  return rows[0] as ReturnType<Q["get"]>;
}

/** Every row. */
export async function many<Q extends { all(): unknown }>(query: Q): Promise<ReturnType<Q["all"]>> {
  const sqlite = sqliteQueueOf(query as Built);
  if (sqlite) return sqlite.whenFree(() => query.all() as ReturnType<Q["all"]>);
  return (await (query as unknown as PromiseLike<unknown>)) as ReturnType<Q["all"]>;
}

/** Runs a statement; `changes` is how many rows it wrote. */
export async function run(query: { run(): unknown }): Promise<{ changes: number }> {
  const sqlite = sqliteQueueOf(query as Built);
  if (sqlite) return sqlite.whenFree(() => ({ changes: (query.run() as { changes: number }).changes }));
  const result = (await (query as unknown as PromiseLike<{ rowCount: number | null }>)) ?? { rowCount: 0 };
  return { changes: result.rowCount ?? 0 };
}
