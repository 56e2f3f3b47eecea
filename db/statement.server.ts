import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./client.server";
import { onStatement, type PreparedStatement } from "./sqlite-engine.server";
import { dialectOf } from "./transact.server";

// A statement the app writes in plain SQL for speed (the vote path, the session lookup, sign-ups;
// docs/decisions/010-fast-vote-path.md), said ONCE for both databases (ADR 027): on SQLite it is
// prepared once on the connection and run through onStatement (the fast path, as before); on
// PostgreSQL the same text runs through drizzle with its parameters bound, on the pool or on the
// connection of the transaction the running code belongs to. So the text must mean the same on both:
// camelCase aliases in double quotes ("userId"; PostgreSQL folds bare names to lower case), truth
// values as CASE … THEN 1 ELSE 0 END (PostgreSQL's comparisons give booleans), ON CONFLICT … excluded.

/** Named parameters (@name) as an object, or positional ones (?) as an array. */
type Params = Record<string, unknown> | readonly unknown[];

export type SharedStatement<P extends Params, Row> = {
  get(params: P): Promise<Row | undefined>;
  all(params: P): Promise<Row[]>;
  run(params: P): Promise<{ changes: number }>;
};

const PARAMETER = /@([A-Za-z_][A-Za-z0-9_]*)|\?/g;

/** The text cut at its parameters: text, name-or-position, text, …, for binding on PostgreSQL. */
function splitAtParameters(source: string): { texts: string[]; names: (string | number)[] } {
  const texts: string[] = [];
  const names: (string | number)[] = [];
  let last = 0;
  let position = 0;
  for (const match of source.matchAll(PARAMETER)) {
    texts.push(source.slice(last, match.index));
    names.push(match[1] ?? position++);
    last = match.index + match[0].length;
  }
  texts.push(source.slice(last));
  return { texts, names };
}

function bound(parts: { texts: string[]; names: (string | number)[] }, params: Params): SQL {
  const chunks: SQL[] = [sql.raw(parts.texts[0]!)];
  parts.names.forEach((name, i) => {
    const value = typeof name === "number" ? (params as readonly unknown[])[name] : (params as Record<string, unknown>)[name];
    if (value === undefined) throw new Error(`statementOn: no value for parameter ${typeof name === "number" ? `#${name + 1}` : `@${name}`}`);
    chunks.push(sql`${value}`, sql.raw(parts.texts[i + 1]!));
  });
  return sql.join(chunks);
}

type PgExecute = { execute(query: SQL): Promise<{ rows: unknown[]; rowCount: number | null }> };

/** `source` prepared on `db` for both databases; see above for what the text must hold to. */
export function statementOn<P extends Params, Row = unknown>(db: Db, source: string): SharedStatement<P, Row> {
  if (dialectOf(db) === "sqlite") {
    const statement = db.$client.prepare(source) as unknown as PreparedStatement<unknown, Row> & {
      get(...params: unknown[]): Row | undefined;
      all(...params: unknown[]): Row[];
      run(...params: unknown[]): { changes: number };
    };
    const args = (params: P): unknown[] => (Array.isArray(params) ? params : [params]);
    return {
      get: (params) => onStatement(statement, (s) => s.get(...args(params))),
      all: (params) => onStatement(statement, (s) => s.all(...args(params))),
      run: (params) => onStatement(statement, (s) => ({ changes: s.run(...args(params)).changes })),
    };
  }
  const parts = splitAtParameters(source);
  const execute = (params: P) => (db as unknown as PgExecute).execute(bound(parts, params));
  return {
    get: async (params) => (await execute(params)).rows[0] as Row | undefined,
    all: async (params) => (await execute(params)).rows as Row[],
    run: async (params) => ({ changes: (await execute(params)).rowCount ?? 0 }),
  };
}

/** Statements made once per database handle (SQLite prepares them on its connection). */
export function statementsPer<S>(make: (db: Db) => S): (db: Db) => S {
  const made = new WeakMap<Db, S>();
  return (db) => {
    let statements = made.get(db);
    if (!statements) {
      statements = make(db);
      made.set(db, statements);
    }
    return statements;
  };
}
