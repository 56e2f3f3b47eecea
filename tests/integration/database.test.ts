import { one, run } from "~db/query.server";
import { describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { contests, municipalities, roleAssignments, users } from "~db/schema";
import { seedDemo, demoPassword } from "~db/seeds/demo";
import { hashPassword } from "~/modules/auth/password.server";
import { verifyLogin } from "~/modules/auth/accounts.server";
import { useTestDatabase } from "../support/test-db";

const { db } = useTestDatabase();

describe("the database connection", () => {
  it("runs in WAL mode with foreign keys on and a busy timeout", () => {
    const sqlite = db().$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });
});

describe("demo seed", () => {
  it("fills an empty database once, and the demo accounts can log in", async () => {
    expect(await seedDemo(db(), { hashPassword })).toBe(true);
    expect(await seedDemo(db(), { hashPassword })).toBe(false);
    expect((await one(db().select({ n: count() }).from(municipalities)))!.n).toBe(2);
    expect((await one(db().select({ n: count() }).from(contests)))!.n).toBe(6); // three rounds, the voting demo (db/seeds/voting.ts), the results demo (db/seeds/results.ts) and the aftercare demo (db/seeds/aftercare.ts)
    expect(await verifyLogin({ email: "organisator@keizerslanden.nl", password: demoPassword, ip: undefined })).toMatchObject({ ok: true });
  });
});

describe("role assignments", () => {
  it("refuse a role without its scope, a juror for an organisation, and a duplicate grant", async () => {
    const userId = (await one(db().select({ id: users.id }).from(users).limit(1)))!.id;
    const contestId = (await one(db().select({ id: contests.id }).from(contests).limit(1)))!.id;
    const createdAt = new Date();
    await expect(async () => run(db().insert(roleAssignments).values({ userId, role: "organisator", createdAt }))).rejects.toThrow(/CHECK/);
    await expect(async () => run(db().insert(roleAssignments).values({ userId, role: "jurylid", organisationId: 1, createdAt }))).rejects.toThrow(/CHECK/);
    await run(db().insert(roleAssignments).values({ userId, role: "jurylid", contestId, createdAt }));
    await expect(async () => run(db().insert(roleAssignments).values({ userId, role: "jurylid", contestId, createdAt }))).rejects.toThrow(/UNIQUE/);
  });

  it("a contest needs a positive budget and a sane number of votes", async () => {
    const base = { organisationId: 1, slug: "x", title: "X", createdAt: new Date(), updatedAt: new Date() };
    await expect(async () =>
      run(
        db()
          .insert(contests)
          .values({ ...base, budgetEuros: 0 }),
      ),
    ).rejects.toThrow(/CHECK/);
    await expect(async () =>
      run(
        db()
          .insert(contests)
          .values({ ...base, budgetEuros: 100, votesPerResident: 0 }),
      ),
    ).rejects.toThrow(/CHECK/);
  });
});
