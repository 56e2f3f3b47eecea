import { getTableName, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";

export type TableShape = {
  name: string;
  columns: string[];
  /** The primary key's columns, to copy rows in a stable order (parents before children within a table). */
  key: string[];
  /** The single integer primary key that gives new rows their id, if the table has one. */
  identity: string | null;
  /** Tables this one points at (other than itself). */
  dependsOn: string[];
};

/** The shape of every table in a drizzle SQLite schema module. */
export function tableShapes(schema: Record<string, unknown>): TableShape[] {
  return Object.values(schema)
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => {
      const config = getTableConfig(table);
      const primary = config.columns.filter((c) => c.primary);
      const key = primary.length > 0 ? primary.map((c) => c.name) : (config.primaryKeys[0]?.columns.map((c) => c.name) ?? []);
      const dependsOn = config.foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)).filter((name) => name !== config.name);
      return {
        name: config.name,
        columns: config.columns.map((c) => c.name),
        key,
        identity: primary.length === 1 && primary[0]!.columnType === "SQLiteInteger" ? primary[0]!.name : null,
        dependsOn: [...new Set(dependsOn)],
      };
    });
}

/**
 * The tables in an order where every table comes after the tables it points at, so rows can be copied
 * table by table with the foreign keys checked all along. Ties keep alphabetical order (the same order
 * every run); a cycle between tables is an error, as no such order exists.
 */
export function inForeignKeyOrder<T extends { name: string; dependsOn: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: T[] = [];
  const visit = (table: T, path: string[]) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`Foreign keys go round in a circle: ${[...path, table.name].join(" → ")}`);
    visiting.add(table.name);
    for (const name of [...table.dependsOn].sort()) {
      const parent = byName.get(name);
      if (parent) visit(parent, [...path, table.name]);
    }
    visiting.delete(table.name);
    done.add(table.name);
    order.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return order;
}
