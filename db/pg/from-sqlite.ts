import { createHash } from "node:crypto";
import { getTableColumns, getTableName, is, SQL, sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  PgDialect,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { getTableConfig, type SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

// ADR 027: db/schema (SQLite) is the one description of the tables. The PostgreSQL tables are made from
// it here, column by column, so the two cannot drift apart; only what SQLite says in its own words (a
// GLOB, adding up truth values) is said again for PostgreSQL, by name, in PG_CHECKS.

/**
 * Checks written in SQLite's own words, in PostgreSQL's. A check not named here is carried over as it is
 * (rendered by the PostgreSQL dialect); a new SQLite-only check fails the PostgreSQL migration test.
 */
export const PG_CHECKS: Record<string, string> = {
  // The column is a whole number already in PostgreSQL; SQLite would store 2.5 in it.
  jury_scores_range: `"jury_scores"."score" BETWEEN 1 AND 5`,
  result_draws_seed: `length("result_draws"."seed") BETWEEN 4 AND 64 AND strpos("result_draws"."seed", ':') = 0 AND strpos("result_draws"."seed", ' ') = 0`,
  realisation_milestones_due: `"realisation_milestones"."due_on" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`,
  voter_register_one_identity:
    `("voter_register"."user_id" IS NOT NULL)::int + ("voter_register"."voting_code_id" IS NOT NULL)::int` +
    ` + ("voter_register"."attendee_name_key" IS NOT NULL)::int = 1`,
};

type AnyPgTable = PgTableWithColumns<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const pgDialect = new PgDialect();
const render = (value: SQL) => {
  const query = pgDialect.sqlToQuery(value);
  if (query.params.length > 0) throw new Error(`A schema expression with parameters cannot be carried over: ${query.sql}`);
  return query.sql;
};

/**
 * The PostgreSQL column for a SQLite one. Integers are 64 bits (times are milliseconds since 1970); truth
 * values stay the numbers 0 and 1 that SQLite stores, so checks and raw SQL that compare with 1 mean the
 * same on both; JSON stays text, as drizzle's SQLite columns write and read it.
 */
function pgColumn(column: SQLiteColumn): PgColumnBuilderBase {
  let builder;
  switch (column.columnType) {
    case "SQLiteInteger":
    case "SQLiteTimestamp":
      builder = bigint(column.name, { mode: "number" });
      break;
    case "SQLiteBoolean":
      builder = integer(column.name);
      break;
    case "SQLiteText":
    case "SQLiteTextJson":
      builder = text(column.name);
      break;
    case "SQLiteReal":
      builder = doublePrecision(column.name);
      break;
    default:
      throw new Error(`No PostgreSQL type for ${column.columnType} (column ${column.name})`);
  }
  if (column.primary) builder = builder.primaryKey();
  // SQLite gives an integer primary key the next row id by itself, with or without AUTOINCREMENT.
  if (column.primary && "generatedByDefaultAsIdentity" in builder) builder = builder.generatedByDefaultAsIdentity();
  if (column.notNull && !column.primary) builder = builder.notNull();
  if (column.hasDefault && column.default !== undefined) {
    const value = column.default;
    if (is(value, SQL)) builder = builder.default(sql.raw(render(value)));
    else builder = builder.default((typeof value === "boolean" ? Number(value) : value) as never);
  }
  return builder;
}

/** PostgreSQL cuts names at 63 bytes; a cut name could clash and would differ from drizzle-kit's snapshot. */
const pgName = (name: string) => (name.length <= 63 ? name : `${name.slice(0, 54)}_${createHash("sha256").update(name).digest("hex").slice(0, 8)}`);

const keyOf = (columns: Record<string, { name: string }>, name: string) => {
  const key = Object.keys(columns).find((k) => columns[k]!.name === name);
  if (!key) throw new Error(`No column ${name}`);
  return key;
};

/** PostgreSQL tables made from every SQLite table in `schema`, by table name. */
export function pgTablesFrom(schema: Record<string, unknown>): Record<string, AnyPgTable> {
  const tables: Record<string, AnyPgTable> = {};
  const sqliteTables = Object.values(schema).filter((value): value is SQLiteTable => is(value, SQLiteTable));
  for (const source of sqliteTables) {
    const config = getTableConfig(source);
    const columns = Object.fromEntries(Object.entries(getTableColumns(source)).map(([key, column]) => [key, pgColumn(column as SQLiteColumn)]));
    // The extra config runs when drizzle first needs it, after every table exists: foreign keys can point anywhere.
    tables[config.name] = pgTable(config.name, columns, (t) => {
      const column = (c: { name: string }) => t[keyOf(t, c.name)]!;
      const onColumns = (list: unknown[]) =>
        list.map((c) => {
          if (is(c, SQL)) throw new Error(`Index on an expression in ${config.name}: not carried over yet`);
          return column(c as SQLiteColumn);
        });
      return [
        ...config.primaryKeys.map((key) => primaryKey({ name: key.getName(), columns: onColumns(key.columns) as [never, ...never[]] })),
        ...config.foreignKeys.map((key) => {
          const reference = key.reference();
          const target = tables[getTableName(reference.foreignTable)]!;
          let built = foreignKey({
            name: pgName(key.getName()),
            columns: onColumns(reference.columns) as [never, ...never[]],
            foreignColumns: reference.foreignColumns.map((c) => target[keyOf(target, c.name)]!) as [never, ...never[]],
          });
          if (key.onDelete) built = built.onDelete(key.onDelete);
          if (key.onUpdate) built = built.onUpdate(key.onUpdate);
          return built;
        }),
        ...config.indexes.map(({ config: ix }) => {
          // A whole-table unique index becomes a constraint: PostgreSQL creates it with the table, so a
          // foreign key may point at its columns (as voter_register's does at voting_codes (id, contest_id)).
          if (ix.unique && !ix.where) return unique(ix.name).on(...(onColumns(ix.columns) as [never, ...never[]]));
          const built = (ix.unique ? uniqueIndex(ix.name) : index(ix.name)).on(...(onColumns(ix.columns) as [never, ...never[]]));
          return ix.where ? built.where(sql.raw(render(ix.where))) : built;
        }),
        ...config.checks.map((c) => check(c.name, sql.raw(PG_CHECKS[c.name] ?? render(c.value)))),
      ];
    });
  }
  return tables;
}
