import { open } from "node:fs/promises";
import type Database from "better-sqlite3";
import { transactionOf, type Engine } from "./transact.server";

// SQLite on one connection, with awaits inside transactions (ADR 027, step 3). better-sqlite3 runs a
// statement synchronously, but a transaction body now awaits between statements, and in those gaps
// other requests run. Their statements must not land inside the open transaction (they would commit
// or roll back with it, and read what it has not committed), so while a transaction is open, code
// outside it waits in the same queue the transactions wait in, first come first served. When no
// transaction is open, a statement runs at once, as before.
/** A statement prepared on the SQLite connection itself, with the types of its parameters and rows. */
export type PreparedStatement<Params, Row = unknown> = {
  readonly database: Database.Database;
  get(params: Params): Row | undefined;
  all(params: Params): Row[];
  run(params: Params): unknown;
};

const enginesByConnection = new WeakMap<Database.Database, SqliteEngine>();

/**
 * Runs work with statements the app prepared on the SQLite connection itself (the vote path, the
 * session lookup): at once inside their own transaction or when none is open, otherwise after it,
 * like one()/many()/run() do for drizzle's queries.
 */
export function onStatement<S extends { readonly database: Database.Database }, T>(statement: S, work: (statement: S) => T): Promise<T> {
  return onConnection(statement.database, () => work(statement));
}

/**
 * The same for work on the connection itself (a pragma, a checkpoint). The work must be synchronous:
 * its turn in the queue ends when it returns, so anything it left running would run outside it.
 */
export async function onConnection<T>(connection: Database.Database, work: (connection: Database.Database) => T): Promise<T> {
  const engine = enginesByConnection.get(connection);
  const result = engine ? await engine.whenFree(() => work(connection)) : work(connection);
  if (result instanceof Promise) throw new Error("onConnection: the work must be synchronous; use transact() for work that awaits");
  return result;
}

/**
 * Makes what has been written to a write-ahead log file durable (fdatasync, on libuv's thread pool).
 * A log that is gone was checkpointed into the database file and synced when the connection closed.
 */
export async function syncWalFile(walFile: string): Promise<void> {
  let file;
  try {
    file = await open(walFile, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    await file.datasync();
  } finally {
    await file.close();
  }
}

export type SqliteEngineOptions = {
  /** How the log is made durable after a commit (a test may watch or delay it). */
  syncWal?: (walFile: string) => Promise<void>;
};

// Durability without holding the connection (issue 19). With synchronous=FULL every COMMIT waits for
// an fsync of the write-ahead log, 1-3 ms here and more on a busy disk, and better-sqlite3 waits on
// the one thread that also parses requests and runs the next transaction. So a transaction commits
// with synchronous=NORMAL (the log written, not yet synced) and the log is synced on the thread pool;
// the transaction's caller hears "committed" only after that sync, so nothing is acknowledged before
// it is on disk, as with FULL, while the connection already serves the next transaction. The level
// is changed around each transaction (SQLite refuses inside one) and is FULL outside transactions, so a
// statement run on its own still syncs before it returns. Checkpoints sync the log and the database
// file as under FULL.
export class SqliteEngine implements Engine {
  readonly dialect = "sqlite" as const;
  /** The end of the queue: resolves when everyone before the next caller is done. */
  private tail: Promise<void> = Promise.resolve();
  /** A transaction holds the connection (between BEGIN and COMMIT/ROLLBACK). */
  private inTransaction = false;
  /** The log synced after each commit; null when commits sync in place (an in-memory database, no WAL). */
  private readonly walFile: string | null;
  private readonly syncWal: (walFile: string) => Promise<void>;
  /** The sync running now, and the one that starts after it for every commit made meanwhile. */
  private syncRunning: Promise<void> | null = null;
  private syncNext: Promise<void> | null = null;

  constructor(
    readonly connection: Database.Database,
    options: SqliteEngineOptions = {},
  ) {
    enginesByConnection.set(connection, this);
    const wal = !connection.memory && String(connection.pragma("journal_mode", { simple: true })).toLowerCase() === "wal";
    this.walFile = wal ? `${connection.name}-wal` : null;
    this.syncWal = options.syncWal ?? syncWalFile;
  }

  private enqueue(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => turn);
    return before.then(() => release);
  }

  async begin() {
    const release = await this.enqueue();
    const walFile = this.walFile;
    try {
      if (walFile) this.connection.exec("PRAGMA synchronous = NORMAL");
      this.connection.exec("BEGIN IMMEDIATE");
    } catch (error) {
      this.syncInPlace();
      release();
      throw error;
    }
    this.inTransaction = true;
    const end = async (outcome: "commit" | "rollback") => {
      try {
        if (outcome === "commit") this.commitOrUndo();
        else if (this.connection.inTransaction) this.connection.exec("ROLLBACK");
      } finally {
        this.syncInPlace();
        this.inTransaction = false;
        release();
      }
      if (outcome === "commit" && walFile) await this.synced(walFile);
    };
    return { client: this.connection, end };
  }

  /**
   * Resolves once a sync of the log that began after this call has finished. One sync runs at a time,
   * and the next covers every commit made while it ran: under load, syncs one per batch of commits
   * would queue up on the disk (and the thread pool) faster than it takes them, and answers would wait
   * ever longer (seen at 200 connections: p99 1.2 s).
   */
  private synced(walFile: string): Promise<void> {
    if (this.syncNext) return this.syncNext;
    if (!this.syncRunning) return this.startSync(walFile);
    this.syncNext = this.syncRunning
      .catch(() => undefined)
      .then(() => {
        this.syncNext = null;
        return this.startSync(walFile);
      });
    return this.syncNext;
  }

  private startSync(walFile: string): Promise<void> {
    const sync: Promise<void> = this.syncWal(walFile).finally(() => {
      if (this.syncRunning === sync) this.syncRunning = null;
    });
    this.syncRunning = sync;
    return sync;
  }

  /** Back to synchronous=FULL, for statements that run on their own. */
  private syncInPlace(): void {
    if (this.walFile) this.connection.exec("PRAGMA synchronous = FULL");
  }

  private commitOrUndo(): void {
    try {
      this.connection.exec("COMMIT");
    } catch (error) {
      // A failed COMMIT (a full disk, another process's lock) leaves the transaction open.
      if (this.connection.inTransaction) this.connection.exec("ROLLBACK");
      throw error;
    }
  }

  async exec(client: unknown, statement: string): Promise<void> {
    (client as Database.Database).exec(statement);
  }

  mayRetry(): boolean {
    // One writer, taken with BEGIN IMMEDIATE: SQLite never fails a transaction half-way for a conflict.
    return false;
  }

  /** Runs synchronous work: at once inside its own transaction or with none open, otherwise after the open one. */
  async whenFree<T>(work: () => T): Promise<T> {
    return transactionOf(this) ? work() : this.outside(work);
  }

  /** Runs one statement's work for code outside any transaction: at once, or after the open one. */
  outside<T>(work: () => T): T | Promise<T> {
    if (!this.inTransaction) return work();
    return this.enqueue().then((release) => {
      try {
        return work();
      } finally {
        release();
      }
    });
  }

  /**
   * Whether a statement may run now: inside its own transaction, or with no transaction open. Anything
   * else is a query awaited directly instead of through db/query.server.ts: it would run inside someone
   * else's transaction, so it is refused loudly rather than allowed to mix.
   */
  assertMayRun(): void {
    if (this.inTransaction && !transactionOf(this)) {
      throw new Error("A query ran outside its transaction while another was open: run it through one(), many() or run() from db/query.server.ts");
    }
  }
}
