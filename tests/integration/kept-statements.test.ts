import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { users } from "~db/schema";
import { useTestDatabase } from "../support/test-db";

// Issue 19: drizzle compiled every query's SQL anew on each run; the connection it uses now keeps the
// compiled statements by SQL text (db/client.server.ts keepStatements). A kept statement must answer
// exactly as a fresh one would.

const { db } = useTestDatabase();

afterEach(() => vi.restoreAllMocks());

async function addUser(id: string) {
  await run(
    db()
      .insert(users)
      .values({ id, email: `${id}@voorbeeld.nl`, name: `Bewoner ${id}`, postcode: "7416CD", passwordHash: "x", createdAt: new Date() }),
  );
}

describe("statements kept by the connection drizzle uses", () => {
  it("compiles a query once, however often it runs, with other parameters each time", async () => {
    await addUser("kept-a");
    await addUser("kept-b");
    const prepare = vi.spyOn(db().$client, "prepare");
    const nameOf = async (id: string) => (await one(db().select({ name: users.name }).from(users).where(eq(users.id, id))))?.name;
    expect([await nameOf("kept-a"), await nameOf("kept-b"), await nameOf("nobody"), await nameOf("kept-a")]).toEqual([
      "Bewoner kept-a",
      "Bewoner kept-b",
      undefined,
      "Bewoner kept-a",
    ]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("hands a statement drizzle left in array mode back in row mode to a query that wants rows", async () => {
    await addUser("kept-c");
    // With fields, drizzle reads arrays (raw mode) and maps them to objects itself.
    const query = db().select({ id: users.id, name: users.name }).from(users).where(eq(users.id, "kept-c"));
    expect(await one(query)).toEqual({ id: "kept-c", name: "Bewoner kept-c" });
    // The same SQL text run without fields: SQLite's own rows, objects by column name.
    const { sql: text, params } = query.toSQL();
    expect(db().all(sql.raw(text.replace("?", `'${params[0]}'`)))).toEqual([{ id: "kept-c", name: "Bewoner kept-c" }]);
    expect(db().get(sql`select "id", "name" from "users" where "users"."id" = ${"kept-c"}`)).toEqual({ id: "kept-c", name: "Bewoner kept-c" });
    expect(await many(query)).toEqual([{ id: "kept-c", name: "Bewoner kept-c" }]);
  });

  it("keeps working inside transactions, and a rolled-back write leaves nothing", async () => {
    await expect(async () =>
      transact(db(), async (tx) => {
        await run(
          tx.insert(users).values({ id: "kept-d", email: "kept-d@voorbeeld.nl", name: "D", postcode: "7416CD", passwordHash: "x", createdAt: new Date() }),
        );
        expect(await one(tx.select({ id: users.id }).from(users).where(eq(users.id, "kept-d")))).toEqual({ id: "kept-d" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await one(db().select({ id: users.id }).from(users).where(eq(users.id, "kept-d")))).toBeUndefined();
  });
});
