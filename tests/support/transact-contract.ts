import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "~db/client.server";
import { many, one, run } from "~db/query.server";
import { devMailbox } from "~db/schema";
import { transact } from "~db/transact.server";

// What transact() and the query helpers promise on either database (ADR 027, step 3). Other requests
// run in the gaps between a transaction's statements; these tests make such gaps on purpose (a
// macrotask inside the transaction) and check that nothing leaks in or out of a transaction.

export const gap = () => new Promise((resolve) => setTimeout(resolve, 5));

export function mailTo(db: Db, subject: string) {
  return db.insert(devMailbox).values({ to: "a@example.nl", subject, text: "-", createdAt: new Date(0) });
}

export async function subjectsIn(db: Db): Promise<string[]> {
  return (await many(db.select({ subject: devMailbox.subject }).from(devMailbox).orderBy(devMailbox.id))).map((row) => row.subject);
}

export function describeTransactContract(dialect: string, database: () => Db) {
  const mail = (subject: string) => mailTo(database(), subject);
  const subjects = () => subjectsIn(database());
  const clear = () => run(database().delete(devMailbox));

  describe(`transact on ${dialect}`, () => {
    it("commits what the body wrote when it resolves, and undoes all of it when it throws", async () => {
      await clear();
      await transact(database(), async () => {
        await run(mail("kept 1"));
        await gap();
        await run(mail("kept 2"));
      });
      await expect(
        transact(database(), async () => {
          await run(mail("undone"));
          await gap();
          throw new Error("stop");
        }),
      ).rejects.toThrow("stop");
      expect(await subjects()).toEqual(["kept 1", "kept 2"]);
    });

    it("keeps a read from outside out of an open transaction: it sees only what was committed", async () => {
      await clear();
      let seenInside: number | undefined;
      const writer = transact(database(), async (tx) => {
        await run(mail("inside"));
        await gap();
        seenInside = (await one(tx.select({ n: count() }).from(devMailbox)))?.n;
        await gap();
        throw new Error("undo");
      });
      const undone = expect(writer).rejects.toThrow("undo");
      await gap(); // the transaction is open now, between its statements
      const outside = await one(database().select({ n: count() }).from(devMailbox));
      await undone;
      expect(seenInside).toBe(1);
      expect(outside?.n).toBe(0);
    });

    it("keeps a write from outside out of an open transaction: it survives that transaction's rollback", async () => {
      await clear();
      const writer = transact(database(), async () => {
        await run(mail("rolled back"));
        await gap();
        await gap();
        throw new Error("undo");
      });
      const undone = expect(writer).rejects.toThrow("undo");
      await gap();
      await run(mail("from outside"));
      await undone;
      expect(await subjects()).toEqual(["from outside"]);
    });

    it("loses no update when transactions read, wait and write the same row at once", async () => {
      await clear();
      await run(mail("0"));
      const increment = () =>
        transact(database(), async (tx) => {
          const row = await one(tx.select().from(devMailbox).limit(1));
          await gap();
          await run(
            tx
              .update(devMailbox)
              .set({ subject: String(Number(row!.subject) + 1) })
              .where(eq(devMailbox.id, row!.id)),
          );
        });
      await Promise.all([increment(), increment(), increment()]);
      expect(await subjects()).toEqual(["3"]);
    });

    it("makes a transaction inside a transaction a savepoint: a caught inner failure undoes only its own writes", async () => {
      await clear();
      await transact(database(), async (tx) => {
        await run(mail("outer"));
        await transact(tx, async () => {
          await run(mail("inner"));
          throw new Error("inner fails");
        }).catch(() => undefined);
        await transact(tx, async () => {
          await run(mail("inner kept"));
        });
      });
      expect(await subjects()).toEqual(["outer", "inner kept"]);
    });

    it("tells how many rows a statement wrote, and gives the row an insert returns", async () => {
      await clear();
      const inserted = await one(mail("returned").returning({ id: devMailbox.id, subject: devMailbox.subject }));
      expect(inserted?.subject).toBe("returned");
      await run(mail("second"));
      expect(await run(database().update(devMailbox).set({ text: "changed" }))).toEqual({ changes: 2 });
    });
  });
}
