// A refusal by the database, read the same way on both (ADR 027): SQLite's better-sqlite3 throws its
// error directly (code SQLITE_CONSTRAINT_*, the message of a trigger's RAISE(ABORT, …)); PostgreSQL's
// driver error (SQLSTATE 23505 unique, 23503 foreign key, 23514 check, P0001 for RAISE EXCEPTION in
// db/migrations-pg/0001_rules.sql) arrives wrapped by drizzle, on `cause`. The rules' messages are
// the same text on both, so the app matches them once.

type DatabaseError = { code?: unknown; message?: unknown; cause?: unknown; table?: unknown; detail?: unknown };

/** The error and its causes, outermost first. */
function* chainOf(error: unknown): Generator<DatabaseError> {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as DatabaseError).cause, depth++) yield e as DatabaseError;
}

function codeOf(error: unknown, codes: readonly string[]): DatabaseError | undefined {
  for (const e of chainOf(error)) if (typeof e.code === "string" && codes.includes(e.code)) return e;
  return undefined;
}

/** Columns named in a unique refusal: SQLite's "UNIQUE constraint failed: t.a, t.b"; PostgreSQL's detail "Key (a, b)=(…) already exists." */
function uniqueColumnsOf(e: DatabaseError): { table: string | null; columns: string[] } {
  if (typeof e.code === "string" && e.code.startsWith("SQLITE_")) {
    const named = /constraint failed: (.*)$/.exec(String(e.message))?.[1] ?? "";
    const pairs = named.split(",").map((part) => part.trim().split("."));
    return { table: pairs[0]?.length === 2 ? pairs[0][0]! : null, columns: pairs.map((pair) => pair[pair.length - 1]!) };
  }
  const columns = /^Key \(([^)]*)\)=/.exec(String(e.detail ?? ""))?.[1] ?? "";
  return { table: typeof e.table === "string" ? e.table : null, columns: columns.split(",").map((c) => c.trim().replace(/^"|"$/g, "")) };
}

/**
 * A unique index (or primary key) refused the write; with `table`, only one of that table's, and with
 * `column`, only one that covers that column.
 */
export function isUniqueViolation(error: unknown, where: { table?: string; column?: string } = {}): boolean {
  const e = codeOf(error, ["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505"]);
  if (!e) return false;
  if (where.table === undefined && where.column === undefined) return true;
  const { table, columns } = uniqueColumnsOf(e);
  return (where.table === undefined || table === where.table) && (where.column === undefined || columns.includes(where.column));
}

/** A foreign key refused the write (a row points at one that is not there, or one still pointed at was deleted). */
export function isForeignKeyViolation(error: unknown): boolean {
  return codeOf(error, ["SQLITE_CONSTRAINT_FOREIGNKEY", "23503"]) !== undefined || restrictedDelete(error) !== undefined;
}

/** SQLite reports a delete that ON DELETE RESTRICT refuses as a trigger's refusal, in these words. */
function restrictedDelete(error: unknown): DatabaseError | undefined {
  const e = codeOf(error, ["SQLITE_CONSTRAINT_TRIGGER"]);
  return e && e.message === "FOREIGN KEY constraint failed" ? e : undefined;
}

/** A CHECK refused the write. */
export function isCheckViolation(error: unknown): boolean {
  return codeOf(error, ["SQLITE_CONSTRAINT_CHECK", "23514"]) !== undefined;
}

/** The message of a rule (a trigger) that refused the write, e.g. "ballot: too many stickers"; null for any other error. */
export function ruleMessageOf(error: unknown): string | null {
  const e = codeOf(error, ["SQLITE_CONSTRAINT_TRIGGER", "P0001"]);
  return e && typeof e.message === "string" && !restrictedDelete(error) ? e.message : null;
}
