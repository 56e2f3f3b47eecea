import { getDb, type Db } from "~db/client.server";

// Group commit for votes (docs/decisions/010-fast-vote-path.md). The database runs with
// synchronous=FULL (ADR 001): a commit returns only once the WAL is on disk, so an acknowledged vote
// survives a power cut. That fsync costs about 2 ms on a small machine's disk, and one connection
// commits one transaction at a time: one transaction per vote would cap voting at a few hundred votes
// per second, and at 50 waiting residents the last one waits 100 ms.
//
// So votes that arrive together share one BEGIN IMMEDIATE transaction and one fsync. Each vote runs
// in its own SAVEPOINT inside it: a vote that is refused (a unique index, a trigger) is rolled back
// on its own and the others go on. Every promise settles only after the shared COMMIT, so no
// resident hears "opgeslagen" before the vote is on disk. The batch is whatever arrived while the
// previous one was being written: under light load a batch is one vote and nothing waits.

/** What a vote's work gets: the connection (inside the shared transaction) and nested savepoints. */
export type VoteTx = { db: Db; savepoint: <T>(work: () => T) => T };

type Job = { work: (tx: VoteTx) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

let queue: Job[] = [];
let scheduled = false;

/** Runs `work` atomically in the next shared vote transaction; settles after that transaction is committed. */
export function inVoteTransaction<T>(work: (tx: VoteTx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!scheduled) {
      scheduled = true;
      // After the I/O phase: every request whose body arrived in this turn of the event loop joins.
      setImmediate(flush);
    }
  });
}

// better-sqlite3's own transaction functions: BEGIN IMMEDIATE outside, a SAVEPOINT when nested,
// with their statements compiled once per connection.
type Writer = { batch: { immediate: (jobs: Job[], outcomes: Outcome[]) => void }; tx: VoteTx };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
const writers = new WeakMap<Db, Writer>();

function writerFor(db: Db): Writer {
  let writer = writers.get(db);
  if (writer) return writer;
  const client = db.$client;
  const nested = client.transaction((work: () => unknown) => work());
  const tx: VoteTx = { db, savepoint: <T>(work: () => T) => nested(work) as T };
  const batch = client.transaction((jobs: Job[], outcomes: Outcome[]) => {
    for (const job of jobs) {
      try {
        outcomes.push({ ok: true, value: nested(() => job.work(tx)) });
      } catch (error) {
        // SQLite may answer SQLITE_FULL by undoing one statement (the savepoint then drops only this
        // vote) or by ending the whole transaction: then nothing of the batch counts. Both are safe; the
        // fault test (tests/integration/faults-storage.test.ts) has seen both.
        if (!client.inTransaction) throw error;
        outcomes.push({ ok: false, error });
      }
    }
  });
  writer = { batch, tx };
  writers.set(db, writer);
  return writer;
}

function flush(): void {
  scheduled = false;
  const jobs = queue;
  queue = [];
  const outcomes: Outcome[] = [];
  try {
    writerFor(getDb()).batch.immediate(jobs, outcomes);
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
