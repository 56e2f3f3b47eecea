import { SqliteEngine } from "./sqlite-engine.server";
import { engineOf, inTransactionOn, transactionOf } from "./transact.server";

// One "change version" for the caches that keep what the database holds (ADR 023 the anonymous pages,
// ADR 029 the public idea list; ADR 027 §4): a number read synchronously, for nothing, that moves
// whenever the database changed, whether this process wrote or another one did. A cache notes the
// version before it reads and keeps what it read under that version; a different version later means
// "read again".
//
// SQLite (one file, possibly a second process such as the command line): PRAGMA data_version moves when
// another connection committed, total_changes() when this one wrote (trigger writes included).
//
// PostgreSQL (several servers): every table announces its changes with pg_notify at commit
// (db/migrations-pg/0008_change_notices.sql) and each server listens on one connection of its own
// (db/pg/change-listener.server.ts), counting notices in a ChangeCounter. Its own commits count at once
// (db/pg/client.server.ts), so a page or list read after this server's own write is never older than
// the write; another server's write is seen when its notice arrives, milliseconds later. While the
// listener is not listening (not started yet, its connection lost, stopped) every read gives a new
// number: nothing is served from a cache and nothing kept is trusted afterwards.

/** The payload of a vote's notices (`wijkvonk.change` set to 'vote' in its transaction): see `forPages`. */
export const VOTE_CHANGE = "vote";

/** What a PostgreSQL server knows of the database's changes; fed by its listener and its own commits. */
export class ChangeCounter {
  private any = 0;
  private pages = 0;
  private listening = false;

  /** Any change. Moves on every read while nobody listens. */
  version(): number {
    return this.listening ? this.any : ++this.any;
  }

  /** A change the page cache must see: anything but a vote. Moves on every read while nobody listens. */
  forPages(): number {
    return this.listening ? this.pages : ++this.pages;
  }

  /** A notice arrived (from any server, this one included). */
  noticed(payload: string): void {
    this.any++;
    if (payload !== VOTE_CHANGE) this.pages++;
  }

  /** This server committed a write: its own pages and lists must not be older than it, not even for the notice's few milliseconds. */
  ownCommit(): void {
    this.any++;
  }

  /** Listening (again): whatever changed while nobody listened is unknown, so everything kept before is old. */
  listeningNow(): void {
    this.any++;
    this.pages++;
    this.listening = true;
  }

  notListening(): void {
    this.listening = false;
  }

  get isListening(): boolean {
    return this.listening;
  }
}

const counters = new WeakMap<object, ChangeCounter>();

/** The counter of a PostgreSQL pool (one per server process); made, not listening, on first use. */
export function changeCounterOf(pool: object): ChangeCounter {
  let counter = counters.get(pool);
  if (!counter) {
    counter = new ChangeCounter();
    counters.set(pool, counter);
  }
  return counter;
}

type Readers = { any: () => number; forPages: () => number };
const readers = new WeakMap<object, Readers>();

/** How `db`'s versions are read, made once per handle (the page cache reads one per request). */
function readersOf(db: object): Readers {
  let found = readers.get(db);
  if (found) return found;
  const engine = engineOf(db);
  if (engine instanceof SqliteEngine) {
    const dataVersion = engine.connection.prepare("PRAGMA data_version").pluck();
    const totalChanges = engine.connection.prepare("SELECT total_changes()").pluck();
    // Both numbers only grow, so their sum moves when either does.
    found = { any: () => (dataVersion.get() as number) + (totalChanges.get() as number), forPages: () => dataVersion.get() as number };
  } else if (engine?.dialect === "postgres") {
    const counter = changeCounterOf((engine as unknown as { pool: object }).pool);
    found = { any: () => counter.version(), forPages: () => counter.forPages() };
  } else {
    throw new Error("changeVersion: this database handle was not opened by db/client.server.ts or db/pg/client.server.ts");
  }
  readers.set(db, found);
  return found;
}

/** Moves whenever the database changed, by this process or any other. */
export function changeVersion(db: object): number {
  return readersOf(db).any();
}

/**
 * The version under which what is read now may be kept, or null when it must not be kept: inside a
 * transaction, which may still roll back (and on SQLite sees its own uncommitted writes).
 */
export function keepableChangeVersion(db: object & { $client?: { inTransaction?: unknown } }): number | null {
  if (inTransactionOn(db) || db.$client?.inTransaction === true) return null;
  return changeVersion(db);
}

/**
 * What the page cache reads besides its own emptying on every post and job (ADR 023), which already
 * covers this process's writes except votes: on SQLite a commit by another connection (data_version);
 * on PostgreSQL any notice but a vote's, from any server (this one's own arrive too, harmlessly: the
 * post that wrote emptied the cache already).
 */
export function changeVersionForPages(db: object): number {
  return readersOf(db).forPages();
}

/**
 * Says that the open transaction on `db` is a vote: on PostgreSQL its notices carry 'vote', which the
 * page cache of every server leaves alone, as one server's leaves its own votes alone (ADR 023: the
 * turnout may be a few seconds behind). Nothing on SQLite, where a process hears only other processes.
 */
export async function markChangesAsVote(db: object): Promise<void> {
  const engine = engineOf(db);
  if (engine?.dialect !== "postgres") return;
  const transaction = transactionOf(engine);
  if (!transaction) throw new Error("markChangesAsVote: only inside a transaction (the setting ends with it)");
  await engine.exec(transaction.client, `SELECT set_config('wijkvonk.change', '${VOTE_CHANGE}', true)`);
}
