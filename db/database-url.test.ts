import { describe, expect, it } from "vitest";
import { postgresUrlFrom, sqlitePathFrom } from "./database-url";

describe("the database the environment selects", () => {
  it("is PostgreSQL for a postgres:// or postgresql:// DATABASE_URL", () => {
    expect(postgresUrlFrom({ DATABASE_URL: "postgres://app@db:5432/wijkvonk" })).toBe("postgres://app@db:5432/wijkvonk");
    expect(postgresUrlFrom({ DATABASE_URL: " postgresql://app@db/wijkvonk " })).toBe("postgresql://app@db/wijkvonk");
  });

  it("is the SQLite file at DATABASE_PATH (or the default) without DATABASE_URL", () => {
    expect(postgresUrlFrom({ DATABASE_PATH: "/var/lib/w.sqlite" })).toBeUndefined();
    expect(postgresUrlFrom({ DATABASE_URL: "" })).toBeUndefined();
    expect(sqlitePathFrom({ DATABASE_PATH: "/var/lib/w.sqlite" })).toBe("/var/lib/w.sqlite");
    expect(sqlitePathFrom({})).toBe("./data/wijkvonk.sqlite");
  });

  it("refuses a DATABASE_URL of another kind rather than quietly using SQLite", () => {
    expect(() => postgresUrlFrom({ DATABASE_URL: "mysql://app@db/wijkvonk" })).toThrow(/postgres:\/\//);
    expect(() => postgresUrlFrom({ DATABASE_URL: "file:data/w.sqlite" })).toThrow(/DATABASE_PATH/);
  });
});
