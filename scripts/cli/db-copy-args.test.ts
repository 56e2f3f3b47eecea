import { describe, expect, it } from "vitest";
import { parseDbCopyArgs, withoutPassword } from "./db-copy-args";

describe("wijkvonk db copy's command line", () => {
  it("reads the direction from which place is a postgres:// address", () => {
    expect(parseDbCopyArgs(["data/wijkvonk.sqlite", "postgres://app@db/wijkvonk"])).toEqual({
      direction: "to-postgres",
      sqlite: "data/wijkvonk.sqlite",
      postgres: "postgres://app@db/wijkvonk",
    });
    expect(parseDbCopyArgs(["postgresql://app@db/wijkvonk", "terug.sqlite"])).toEqual({
      direction: "to-sqlite",
      postgres: "postgresql://app@db/wijkvonk",
      sqlite: "terug.sqlite",
    });
  });

  it("refuses two files, two addresses, a missing place and unknown options", () => {
    expect(parseDbCopyArgs(["a.sqlite", "b.sqlite"])).toEqual({ error: expect.stringContaining("one place must be") });
    expect(parseDbCopyArgs(["postgres://a/x", "postgres://b/y"])).toEqual({ error: expect.stringContaining("one place must be") });
    expect(parseDbCopyArgs(["a.sqlite"])).toEqual({ error: expect.stringContaining("two places") });
    expect(parseDbCopyArgs(["--force", "a.sqlite", "postgres://b/y"])).toEqual({ error: "unknown option --force" });
    expect(parseDbCopyArgs(["--help"])).toEqual({ help: true });
  });

  it("never prints a password", () => {
    expect(withoutPassword("postgres://app:geheim@db:5432/wijkvonk")).toBe("postgres://app:***@db:5432/wijkvonk");
    expect(withoutPassword("postgres://app@db/wijkvonk")).toBe("postgres://app@db/wijkvonk");
  });
});
