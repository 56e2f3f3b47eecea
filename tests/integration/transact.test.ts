import { describe, expect, it } from "vitest";
import { run } from "~db/query.server";
import { onConnection, onStatement } from "~db/sqlite-engine.server";
import { devMailbox, users } from "~db/schema";
import { transact } from "~db/transact.server";
import { getLucia } from "~/modules/auth/lucia.server";
import { describeTransactContract, gap, mailTo, subjectsIn } from "../support/transact-contract";
import { useTestDatabase } from "../support/test-db";

const database = useTestDatabase();
describeTransactContract("SQLite", database.db);

// SQLite has one connection: what runs outside an open transaction waits in its queue.
describe("transact on SQLite's one connection", () => {
  const db = database.db;

  it("refuses a query awaited directly from outside while a transaction is open, instead of mixing it in", async () => {
    await run(db().delete(devMailbox));
    const writer = transact(db(), async () => {
      await run(mailTo(db(), "inside"));
      await gap();
      await gap();
    });
    await gap();
    await expect(Promise.resolve().then(() => db().select().from(devMailbox).all())).rejects.toThrow(/outside its transaction/);
    await writer;
    expect(await subjectsIn(db())).toEqual(["inside"]);
  });

  it("treats work that outlives its transaction as outside it", async () => {
    await run(db().delete(devMailbox));
    let late: Promise<unknown> = Promise.resolve();
    await transact(db(), async () => {
      await run(mailTo(db(), "committed"));
      late = gap().then(() => run(mailTo(db(), "after the commit")));
    });
    const blocker = transact(db(), async () => {
      await run(mailTo(db(), "second transaction"));
      await gap();
      await gap();
      throw new Error("undo second");
    });
    await late;
    await expect(blocker).rejects.toThrow("undo second");
    expect(await subjectsIn(db())).toEqual(["committed", "after the commit"]);
  });
});

// Statements the app prepares on the connection itself (the vote path, the session lookup) queue the same way.
describe("onStatement and onConnection", () => {
  const db = database.db;

  it("run a hand-prepared statement from outside only after the open transaction, never inside it", async () => {
    await run(db().delete(devMailbox));
    const count = db().$client.prepare("SELECT count(*) FROM dev_mailbox").pluck();
    const insert = db().$client.prepare("INSERT INTO dev_mailbox (\"to\", subject, text, created_at) VALUES ('a@example.nl', 'from outside', '-', 0)");
    const writer = transact(db(), async () => {
      await run(mailTo(db(), "rolled back"));
      await gap();
      await gap();
      throw new Error("undo");
    });
    const undone = expect(writer).rejects.toThrow("undo");
    await gap();
    const seen = await onStatement(count, (s) => s.get());
    await onStatement(insert, (s) => s.run());
    await undone;
    expect(seen).toBe(0);
    expect(await subjectsIn(db())).toEqual(["from outside"]);
  });

  it("run at once inside their own transaction, seeing its writes", async () => {
    await run(db().delete(devMailbox));
    const count = db().$client.prepare("SELECT count(*) FROM dev_mailbox").pluck();
    const seen = await transact(db(), async () => {
      await run(mailTo(db(), "inside"));
      await gap();
      return onConnection(db().$client, () => count.get());
    });
    expect(seen).toBe(1);
  });
});

// Review of the conversion: Lucia's adapter awaits drizzle's statements inside its own methods; run
// loosely, a logout could land inside another request's transaction and be rolled back with it.
describe("sessions beside another request's transaction", () => {
  const db = database.db;

  it("ends a session for good, even when a transaction that started in the same moment rolls back", async () => {
    await run(
      db()
        .insert(users)
        .values({ id: "u-session", email: "sessie-tx@voorbeeld.nl", name: "Sessie", postcode: "7411 AB", passwordHash: "x", createdAt: new Date(0) }),
    );
    const lucia = getLucia();
    const session = await lucia.createSession("u-session", {});
    const other = transact(db(), async () => {
      await run(mailTo(db(), "rolled back"));
      await gap();
      throw new Error("undo");
    });
    const undone = expect(other).rejects.toThrow("undo");
    await lucia.invalidateSession(session.id);
    await undone;
    expect((await lucia.validateSession(session.id)).session).toBeNull();
  });
});
