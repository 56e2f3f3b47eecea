import { describe, expect, it } from "vitest";
import { run } from "~db/query.server";
import { devMailbox } from "~db/schema";
import { transact } from "~db/transact.server";
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
