import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client.server";
import { run } from "~db/query.server";
import { isCheckViolation, isForeignKeyViolation, isUniqueViolation, ruleMessageOf } from "~db/refusals.server";
import { sessions, users } from "~db/schema";
import { statementOn } from "~db/statement.server";
import { dialectOf } from "~db/transact.server";

// The database's refusals, read by db/refusals.server.ts the same way on both databases (ADR 027):
// run by tests/integration/refusals.test.ts (SQLite) and tests/postgres/refusals.test.ts.

/** A scratch table with a check and a rule (trigger) that refuses with a message, in each dialect's words. */
const SCRATCH = {
  sqlite: [
    "CREATE TABLE scratch_rules (n integer NOT NULL CHECK (n >= 0))",
    "CREATE TRIGGER scratch_rules_seven BEFORE INSERT ON scratch_rules WHEN NEW.n = 7 BEGIN SELECT RAISE(ABORT, 'scratch: seven is refused'); END",
    "CREATE TABLE scratch_parents (id integer PRIMARY KEY)",
    "CREATE TABLE scratch_children (id integer PRIMARY KEY, parent integer REFERENCES scratch_parents (id) ON DELETE RESTRICT)",
  ],
  postgres: [
    "CREATE TABLE scratch_rules (n bigint NOT NULL CHECK (n >= 0))",
    "CREATE FUNCTION scratch_rules_seven() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.n = 7 THEN RAISE EXCEPTION 'scratch: seven is refused'; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER scratch_rules_seven BEFORE INSERT ON scratch_rules FOR EACH ROW EXECUTE FUNCTION scratch_rules_seven()",
    "CREATE TABLE scratch_parents (id bigint PRIMARY KEY)",
    "CREATE TABLE scratch_children (id bigint PRIMARY KEY, parent bigint REFERENCES scratch_parents (id) ON DELETE RESTRICT)",
  ],
};

async function refusalOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("the database accepted what it should refuse");
}

export function describeRefusals(name: string, db: () => Db) {
  describe(`refusals by the database, read the same way (${name})`, () => {
    beforeAll(async () => {
      const d = db();
      for (const ddl of SCRATCH[dialectOf(d)]) {
        if (dialectOf(d) === "sqlite") d.$client.exec(ddl);
        else await (d as unknown as { execute(q: unknown): Promise<unknown> }).execute(sql.raw(ddl));
      }
      await run(
        d.insert(users).values({ id: "refusals-1", email: "refusals@example.nl", name: "R", passwordHash: "x", postcode: "9401 AA", createdAt: new Date(0) }),
      );
    });

    it("a unique index, with its table and column", async () => {
      const error = await refusalOf(() =>
        run(
          db()
            .insert(users)
            .values({ id: "refusals-2", email: "refusals@example.nl", name: "R", passwordHash: "x", postcode: "9401 AA", createdAt: new Date(0) }),
        ),
      );
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(error, { table: "users", column: "email" })).toBe(true);
      expect(isUniqueViolation(error, { table: "sessions" })).toBe(false);
      expect(isUniqueViolation(error, { column: "name" })).toBe(false);
      expect([isForeignKeyViolation(error), isCheckViolation(error), ruleMessageOf(error)]).toEqual([false, false, null]);
    });

    it("a primary key counts as unique", async () => {
      const error = await refusalOf(() =>
        run(
          db()
            .insert(users)
            .values({ id: "refusals-1", email: "other@example.nl", name: "R", passwordHash: "x", postcode: "9401 AA", createdAt: new Date(0) }),
        ),
      );
      expect(isUniqueViolation(error, { table: "users", column: "id" })).toBe(true);
    });

    it("a foreign key", async () => {
      const error = await refusalOf(() => run(db().insert(sessions).values({ id: "s-1", userId: "nobody", expiresAt: 1 })));
      expect(isForeignKeyViolation(error)).toBe(true);
      expect(isUniqueViolation(error)).toBe(false);
    });

    it("a delete that ON DELETE RESTRICT refuses is a foreign key's refusal, not a rule's (SQLite says it as a trigger)", async () => {
      await statementOn<[]>(db(), "INSERT INTO scratch_parents (id) VALUES (1)").run([]);
      await statementOn<[]>(db(), "INSERT INTO scratch_children (id, parent) VALUES (1, 1)").run([]);
      const error = await refusalOf(() => statementOn<[]>(db(), "DELETE FROM scratch_parents WHERE id = 1").run([]));
      expect(isForeignKeyViolation(error)).toBe(true);
      expect(ruleMessageOf(error)).toBeNull();
    });

    it("a check, and a rule's own message", async () => {
      const insert = statementOn<[number]>(db(), "INSERT INTO scratch_rules (n) VALUES (?)");
      const check = await refusalOf(() => insert.run([-1]));
      expect(isCheckViolation(check)).toBe(true);
      expect(ruleMessageOf(check)).toBeNull();
      const rule = await refusalOf(() => insert.run([7]));
      expect(ruleMessageOf(rule)).toBe("scratch: seven is refused");
      expect(isCheckViolation(rule) || isUniqueViolation(rule)).toBe(false);
      expect((await insert.run([8])).changes).toBe(1);
    });

    it("nothing for an error that is not a refusal", () => {
      const error = new Error("UNIQUE constraint failed: users.email");
      expect([isUniqueViolation(error), isForeignKeyViolation(error), isCheckViolation(error), ruleMessageOf(error)]).toEqual([false, false, false, null]);
    });
  });
}
