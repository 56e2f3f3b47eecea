import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { one, run } from "~db/query.server";
import { devMailbox } from "~db/schema";
import { syncWalFile } from "~db/sqlite-engine.server";
import { transact } from "~db/transact.server";

// A transaction commits without waiting for the disk on the connection's thread, and its caller hears
// "committed" only once the write-ahead log is synced (db/sqlite-engine.server.ts): nothing is
// acknowledged before it is durable, and the connection is not held while the disk works.

const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-durable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database whose log syncs wait until the test lets them go. */
function withHeldSyncs(name: string) {
  const started: { walFile: string; finish: (error?: Error) => void }[] = [];
  const db = openDatabase(path.join(dir, `${name}.sqlite`), {
    syncWal: (walFile) => new Promise<void>((resolve, reject) => started.push({ walFile, finish: (error) => (error ? reject(error) : resolve()) })),
  });
  return { db, started };
}

const mail = (db: Db, subject: string) => run(db.insert(devMailbox).values({ to: "a@example.org", subject, text: "-", html: "-", createdAt: new Date() }));
const stored = async (db: Db, subject: string) => (await one(db.select().from(devMailbox).where(eq(devMailbox.subject, subject)))) !== undefined;
const settled = (promise: Promise<unknown>) => {
  const state = { done: false };
  promise.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
};
const turns = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("a commit on SQLite is acknowledged once its log is on disk", () => {
  it("resolves only after the log is synced, and syncs the database's own log", async () => {
    const { db, started } = withHeldSyncs("after-sync");
    const committed = transact(db, () => mail(db, "first"));
    const state = settled(committed);
    await turns();
    expect(started.map((s) => s.walFile)).toEqual([`${db.$client.name}-wal`]);
    expect(state.done).toBe(false);
    started[0]!.finish();
    await committed;
    db.$client.close();
  });

  it("lets the next transactions run while the log is being synced, and syncs once more for all of them", async () => {
    const { db, started } = withHeldSyncs("next-runs");
    const first = transact(db, () => mail(db, "first"));
    await turns();
    let ranDuringSync = 0;
    const later = ["second", "third"].map((subject) =>
      transact(db, async () => {
        await mail(db, subject);
        ranDuringSync++;
      }),
    );
    await turns();
    // Both committed while the first sync ran; their sync starts only after it, one for both.
    expect(ranDuringSync).toBe(2);
    expect(started).toHaveLength(1);
    const laterSettled = later.map(settled);
    started[0]!.finish();
    await first;
    await turns();
    expect(started).toHaveLength(2);
    expect(laterSettled.map((s) => s.done)).toEqual([false, false]);
    started[1]!.finish();
    await Promise.all(later);
    expect(started).toHaveLength(2);
    db.$client.close();
  });

  it("tells the caller when the sync fails, and does not sync a rolled-back transaction", async () => {
    const { db, started } = withHeldSyncs("sync-fails");
    const committed = transact(db, () => mail(db, "lost disk"));
    await turns();
    started[0]!.finish(new Error("EIO"));
    await expect(committed).rejects.toThrow("EIO");

    await expect(
      transact(db, async () => {
        await mail(db, "undone");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(started).toHaveLength(1);
    expect(await stored(db, "undone")).toBe(false);
    db.$client.close();
  });

  it("keeps synchronous=FULL outside transactions, so a statement on its own still syncs before it returns", async () => {
    const { db, started } = withHeldSyncs("full-outside");
    const committed = transact(db, async () => {
      await mail(db, "inside");
      return db.$client.pragma("synchronous", { simple: true });
    });
    await turns();
    started[0]!.finish();
    // 1 = NORMAL inside the transaction, 2 = FULL outside.
    expect(await committed).toBe(1);
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
    await mail(db, "on its own");
    expect(started).toHaveLength(1);
    db.$client.close();
  });

  it("syncs a real log file, and takes a log that is gone as already in the database file", async () => {
    const db = openDatabase(path.join(dir, "real.sqlite"));
    await transact(db, () => mail(db, "real"));
    expect(await stored(db, "real")).toBe(true);
    const walFile = `${db.$client.name}-wal`;
    await expect(syncWalFile(walFile)).resolves.toBeUndefined();
    db.$client.close();
    await expect(syncWalFile(walFile)).resolves.toBeUndefined();
  });
});
