import { markChangesAsVote } from "~db/change-version.server";
import { getDb, type Db } from "~db/client.server";
import { dialectOf, inTransactionOn, transact } from "~db/transact.server";

// Group commit for votes (docs/decisions/010-fast-vote-path.md). A transaction is acknowledged only
// once the WAL is on disk (ADR 001), so an acknowledged vote survives a power cut. That fsync costs
// 1-3 ms on a small machine's disk (on the thread pool: db/sqlite-engine.server.ts), and one
// connection commits one transaction at a time: a transaction per vote would spend the connection on
// commits and syncs, and at 50 waiting residents the last one would wait for 50 of them.
//
// So votes that arrive together share one BEGIN IMMEDIATE transaction and one fsync. Each vote runs
// in its own SAVEPOINT inside it: a vote that is refused (a unique index, a trigger) is rolled back
// on its own and the others go on. Every promise settles only after the shared COMMIT, so no
// resident hears "opgeslagen" before the vote is on disk. The batch is whatever arrived while the
// previous one was being written: under light load a batch is one vote and nothing waits.

/** What a vote's work gets: the connection (inside the shared transaction) and nested savepoints. */
export type VoteTx = { db: Db; savepoint: <T>(work: () => Promise<T>) => Promise<T> };

type Job = { work: (tx: VoteTx) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

let queue: Job[] = [];
let scheduled = false;
/** A batch is being written (from BEGIN until its commit is on disk). */
let writing = false;

function voteTx(db: Db): VoteTx {
  return { db, savepoint: (work) => transact(db, work) };
}

/** Runs `work` atomically in the next shared vote transaction; settles after that transaction is committed. */
export function inVoteTransaction<T>(work: (tx: VoteTx) => T | Promise<T>): Promise<T> {
  const db = getDb();
  // A vote is committed in a batch of its own: from inside another transaction the batch would wait
  // for that transaction, which waits for the vote.
  if (inTransactionOn(db)) throw new Error("inVoteTransaction: cast a vote outside any other transaction");
  // PostgreSQL commits concurrent transactions side by side: each vote is its own (ADR 027).
  // Its change notices say "vote", which the page caches leave alone, as on SQLite (ADR 023).
  if (dialectOf(db) === "postgres")
    return transact(db, async () => {
      await markChangesAsVote(db);
      return work(voteTx(db));
    });
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    scheduleFlush();
  });
}

function scheduleFlush(): void {
  // One batch at a time, until it is on disk: what arrives meanwhile is the next batch. The event loop
  // is free while the log syncs (on the thread pool), so the batch grows as it did while a FULL commit
  // held the loop, and the disk gets one sync per batch, not one per few votes.
  if (scheduled || writing || queue.length === 0) return;
  scheduled = true;
  // After the I/O phase: every request whose body arrived in this turn of the event loop joins.
  setImmediate(flush);
}

async function flush(): Promise<void> {
  scheduled = false;
  writing = true;
  try {
    await writeBatch();
  } finally {
    writing = false;
    scheduleFlush();
  }
}

async function writeBatch(): Promise<void> {
  const jobs = queue;
  queue = [];
  const db = getDb();
  const tx = voteTx(db);
  const outcomes: Outcome[] = [];
  try {
    await transact(db, async () => {
      for (const job of jobs) {
        try {
          outcomes.push({ ok: true, value: await tx.savepoint(async () => job.work(tx)) });
        } catch (error) {
          // SQLite may answer SQLITE_FULL by undoing one statement (the savepoint then drops only this
          // vote) or by ending the whole transaction: then nothing of the batch counts. Both are safe; the
          // fault test (tests/integration/faults-storage.test.ts) has seen both.
          if (!db.$client.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    for (const job of jobs) job.reject(error);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}
