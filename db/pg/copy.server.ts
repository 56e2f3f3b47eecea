import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { openDatabase, projectRoot } from "../client.server";
import * as schema from "../schema";
import { inForeignKeyOrder, tableShapes, type TableShape } from "./table-order";

// Moving a deployment between SQLite and PostgreSQL (ADR 027): every table, row for row, in one
// transaction on the receiving side, which must be empty. The values need no conversion: PostgreSQL's
// columns hold what SQLite's hold (numbers for times and truth values, JSON as text). The database's own
// rules (triggers) are held back while rows come in, because they guard changes, not history: a ballot
// for an idea that has since been realised is right, though a new one would be refused. Foreign keys and
// checks stay on all the way.

const ROWS_PER_INSERT = 500;

pg.types.setTypeParser(pg.types.builtins.INT8, Number);

export type CopyReport = { tables: { name: string; rows: number }[] };

const tables = () => inForeignKeyOrder(tableShapes(schema));
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const columnList = (table: TableShape) => table.columns.map(quoted).join(", ");
const orderBy = (table: TableShape) => table.key.map(quoted).join(", ");

/** Migrates the PostgreSQL database at `url` as the app would, and opens a pool on it. */
export async function openPostgres(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await migrate(drizzle(pool), { migrationsFolder: path.join(projectRoot(), "db", "migrations-pg") });
  return pool;
}

async function refuseUnlessEmptyPostgres(client: pg.PoolClient) {
  for (const table of tables()) {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quoted(table.name)}) AS taken`);
    if (rows[0].taken) throw new Error(`The PostgreSQL database is not empty (${table.name} has rows): copy only into a new database.`);
  }
}

/** Copies every row of the SQLite file into the (new, empty) PostgreSQL database at `url`. */
export async function copySqliteToPostgres(sqliteFile: string, url: string): Promise<CopyReport> {
  // Opening migrates an older file to the current tables first, as starting the app would.
  const source = openDatabase(sqliteFile).$client;
  const pool = await openPostgres(url);
  const client = await pool.connect();
  const report: CopyReport = { tables: [] };
  try {
    // One read transaction on SQLite too: every table as it was at one moment, even if a server still writes.
    source.exec("BEGIN");
    await client.query("BEGIN");
    await refuseUnlessEmptyPostgres(client);
    for (const table of tables()) await client.query(`ALTER TABLE ${quoted(table.name)} DISABLE TRIGGER USER`);
    for (const table of tables()) {
      const rows = source
        .prepare(`SELECT ${columnList(table)} FROM ${quoted(table.name)} ORDER BY ${orderBy(table)}`)
        .raw()
        .all() as unknown[][];
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const batch = rows.slice(start, start + ROWS_PER_INSERT);
        const width = table.columns.length;
        const values = batch.map((_, r) => `(${table.columns.map((__, c) => `$${r * width + c + 1}`).join(", ")})`).join(", ");
        await client.query(`INSERT INTO ${quoted(table.name)} (${columnList(table)}) VALUES ${values}`, batch.flat());
      }
      // New rows go on from the highest id copied, as they would have in SQLite.
      if (table.identity) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quoted(table.identity)}), 0) + 1, false) FROM ${quoted(table.name)}`, [
          table.name,
          table.identity,
        ]);
      }
      report.tables.push({ name: table.name, rows: rows.length });
    }
    for (const table of tables()) await client.query(`ALTER TABLE ${quoted(table.name)} ENABLE TRIGGER USER`);
    // The tables' own notices were held back with the rules: a server already running on this database
    // hears of the copy once, at commit (db/change-version.server.ts).
    await client.query(`SELECT pg_notify('wijkvonk_changed', '')`);
    await client.query("COMMIT");
    return report;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    if (source.inTransaction) source.exec("ROLLBACK");
    client.release();
    await pool.end();
    source.close();
  }
}

/** Copies every row of the PostgreSQL database at `url` into a new SQLite file (which must not exist yet). */
export async function copyPostgresToSqlite(url: string, sqliteFile: string): Promise<CopyReport> {
  if (existsSync(sqliteFile)) throw new Error(`${sqliteFile} exists already: copy only into a new file.`);
  const target = openDatabase(sqliteFile).$client;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const report: CopyReport = { tables: [] };
  try {
    const snapshot = await pool.connect();
    try {
      // One snapshot of PostgreSQL for every table: a consistent copy even while the app writes.
      await snapshot.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const read: { table: TableShape; rows: unknown[][] }[] = [];
      for (const table of tables()) {
        const { rows } = await snapshot.query({ text: `SELECT ${columnList(table)} FROM ${quoted(table.name)} ORDER BY ${orderBy(table)}`, rowMode: "array" });
        read.push({ table, rows });
      }
      await snapshot.query("COMMIT");
      writeSqlite(target, read);
      report.tables = read.map(({ table, rows }) => ({ name: table.name, rows: rows.length }));
    } finally {
      snapshot.release();
    }
    return report;
  } finally {
    await pool.end();
    target.close();
  }
}

/** SQLite cannot switch a trigger off: they are dropped for the copy and made again from their own text. */
function writeSqlite(target: Database.Database, read: { table: TableShape; rows: unknown[][] }[]) {
  const triggers = target.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
  target.transaction(() => {
    for (const trigger of triggers) target.exec(`DROP TRIGGER ${quoted(trigger.name)}`);
    for (const { table, rows } of read) {
      const insert = target.prepare(`INSERT INTO ${quoted(table.name)} (${columnList(table)}) VALUES (${table.columns.map(() => "?").join(", ")})`);
      for (const row of rows) insert.run(row);
    }
    for (const trigger of triggers) target.exec(trigger.sql);
  })();
}
