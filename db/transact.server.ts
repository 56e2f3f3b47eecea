import { AsyncLocalStorage } from "node:async_hooks";

// One way to run a transaction on either database (ADR 027, step 3). A transaction's body is an async
// function that awaits nothing but the database; everything it runs, however deep, belongs to the
// transaction because the transaction is found from the async context, not from a handle passed down.
// So a helper that reads through the process's `db` inside a transaction sees the transaction's own
// writes, as it does today on the one synchronous connection.

/** What each database does for a transaction; the SQLite and PostgreSQL engines implement it. */
export interface Engine {
  readonly dialect: "sqlite" | "postgres";
  /** Starts a transaction and resolves once this caller holds it; `client` is what its queries run on. */
  begin(): Promise<{ client: unknown; end(outcome: "commit" | "rollback"): Promise<void> }>;
  /** Runs one statement of the transaction's own (SAVEPOINT …) on its client. */
  exec(client: unknown, statement: string): Promise<void>;
  /** True for an error after which the whole transaction may be run again (PostgreSQL: 40001, 40P01). */
  mayRetry(error: unknown): boolean;
}

export interface OpenTransaction {
  readonly engine: Engine;
  readonly client: unknown;
  /** False once committed or rolled back: a promise that outlives its transaction runs outside it. */
  open: boolean;
  savepoints: number;
}

const current = new AsyncLocalStorage<OpenTransaction>();
const engines = new WeakMap<object, Engine>();

export function registerEngine(db: object, engine: Engine): void {
  engines.set(db, engine);
}

/** The engine `db` was opened with, if it was opened by db/client.server.ts or db/pg/client.server.ts. */
export function engineOf(db: object): Engine | undefined {
  return engines.get(db);
}

export function dialectOf(db: object): Engine["dialect"] {
  const engine = engines.get(db);
  if (!engine) throw new Error("dialectOf: this database handle was not opened by db/client.server.ts");
  return engine.dialect;
}

/** Whether the running code belongs to an open transaction on `db`. */
export function inTransactionOn(db: object): boolean {
  const engine = engines.get(db);
  return engine !== undefined && transactionOf(engine) !== undefined;
}

/** The open transaction of `engine` that the running code belongs to, if any. */
export function transactionOf(engine: Engine): OpenTransaction | undefined {
  const transaction = current.getStore();
  return transaction?.open && transaction.engine === engine ? transaction : undefined;
}

const MAX_ATTEMPTS = 8;

/**
 * Runs `work` in one transaction on `db`: committed when it resolves, rolled back when it throws.
 * Inside another transaction of the same database it becomes a savepoint, so a caught inner failure
 * undoes only its own writes. PostgreSQL may run `work` again after a serialisation failure: it must
 * do nothing but database work (no mail, no hashing, no fetch).
 */
export async function transact<Db extends object, T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const engine = engines.get(db);
  if (!engine) throw new Error("transact: this database handle was not opened by db/client.server.ts");
  const outer = transactionOf(engine);
  if (outer) return inSavepoint(outer, () => work(db));

  for (let attempt = 1; ; attempt++) {
    const { client, end } = await engine.begin();
    const transaction: OpenTransaction = { engine, client, open: true, savepoints: 0 };
    try {
      const result = await current.run(transaction, () => work(db));
      transaction.open = false;
      await end("commit");
      return result;
    } catch (error) {
      if (transaction.open) {
        transaction.open = false;
        await end("rollback");
      }
      if (attempt < MAX_ATTEMPTS && engine.mayRetry(error)) {
        // A random pause, longer each time, keeps retrying transactions from meeting again at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * 2 ** attempt));
        continue;
      }
      throw error;
    }
  }
}

async function inSavepoint<T>(transaction: OpenTransaction, work: () => Promise<T>): Promise<T> {
  const name = `wv_${++transaction.savepoints}`;
  const { engine, client } = transaction;
  await engine.exec(client, `SAVEPOINT ${name}`);
  try {
    const result = await work();
    await engine.exec(client, `RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    // A failure that ended the whole transaction (SQLite's SQLITE_FULL may) leaves no savepoint to
    // return to: the caller hears the failure itself, and the outer transaction cannot commit.
    await engine.exec(client, `ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
    await engine.exec(client, `RELEASE SAVEPOINT ${name}`).catch(() => undefined);
    throw error;
  }
}
