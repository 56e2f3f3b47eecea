import { describe, expect, it } from "vitest";
import * as schema from "../schema";
import { inForeignKeyOrder, tableShapes } from "./table-order";

const t = (name: string, ...dependsOn: string[]) => ({ name, dependsOn });
const names = (tables: { name: string }[]) => tables.map((x) => x.name);

describe("tables in foreign-key order", () => {
  it("puts every table after the tables it points at, alphabetically where free", () => {
    // ballots → contests → organisations; ideas → contests; users alone.
    expect(
      names(inForeignKeyOrder([t("ideas", "contests"), t("users"), t("ballots", "contests", "ideas"), t("contests", "organisations"), t("organisations")])),
    ).toEqual(["organisations", "contests", "ideas", "ballots", "users"]);
  });

  it("refuses tables that point at each other in a circle", () => {
    expect(() => inForeignKeyOrder([t("a", "b"), t("b", "c"), t("c", "a")])).toThrow("a → b → c → a");
  });

  it("orders the whole schema, with every table after its parents", () => {
    const order = inForeignKeyOrder(tableShapes(schema));
    expect(order).toHaveLength(tableShapes(schema).length);
    const position = new Map(order.map((table, i) => [table.name, i]));
    for (const table of order)
      for (const parent of table.dependsOn) expect(position.get(parent), `${table.name} after ${parent}`).toBeLessThan(position.get(table.name)!);
  });

  it("knows each table's key and the tables whose integer key gives new rows their id", () => {
    const shapes = new Map(tableShapes(schema).map((s) => [s.name, s]));
    expect(shapes.get("contests")).toMatchObject({ key: ["id"], identity: "id" });
    expect(shapes.get("users")).toMatchObject({ key: ["id"], identity: null });
    for (const shape of shapes.values()) expect(shape.key.length, shape.name).toBeGreaterThan(0);
  });
});
