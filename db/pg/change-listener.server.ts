import pg from "pg";
import { changeCounterOf } from "../change-version.server";

// Each server hears the database's changes (ADR 027 §4, db/change-version.server.ts): one connection of
// its own, outside the pool, LISTENs on the channel every table's trigger notifies at commit
// (db/migrations-pg/0008_change_notices.sql), and counts each notice. When that connection is lost,
// the counter says "not listening" (every read a new version: the caches serve nothing) until a new
// connection listens again, tried again and again with a growing pause.

export const CHANGE_CHANNEL = "wijkvonk_changed";
/** How the listener's connection shows in pg_stat_activity (operations, and the tests that cut it). */
export const LISTENER_APPLICATION_NAME = "wijkvonk-change-listener";

export type ChangeListenerOptions = {
  /** The first pause before listening again after the connection was lost; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /**
   * How often the connection is asked whether it is still there, and how long it may take to answer.
   * A connection that died without a word (a network cut) would otherwise look like a quiet database.
   */
  heartbeatMs?: number;
  /** Told when the connection is lost or cannot be made (the server's log). */
  onTrouble?: (error: unknown) => void;
};

/**
 * Starts listening for the changes of the database `pool` opens, for the caches of this process.
 * Returns the function that stops it (before the pool is ended). Until it listens, and after it
 * stops, the caches of this database serve nothing.
 */
export function startChangeListener(pool: pg.Pool, options: ChangeListenerOptions = {}): () => Promise<void> {
  const { retryMs = 100, maxRetryMs = 5_000, heartbeatMs = 5_000, onTrouble = () => {} } = options;
  const counter = changeCounterOf(pool);
  let stopped = false;
  let pause = retryMs;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  function listen(): void {
    retry = undefined;
    if (stopped) return;
    // The pool's own settings (address, password, TLS), on a connection the pool does not hand out.
    const connection = new pg.Client({ ...pool.options, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    client = connection;
    let lost = false;
    const lose = (error?: unknown) => {
      if (lost) return;
      lost = true;
      counter.notListening();
      clearInterval(heartbeat);
      if (error !== undefined && !stopped) onTrouble(error);
      connection.end().catch(() => undefined);
      if (!stopped) {
        retry = setTimeout(listen, pause);
        pause = Math.min(pause * 2, maxRetryMs);
      }
    };
    connection.on("error", lose);
    connection.on("end", () => lose());
    connection.on("notification", (notice) => {
      if (notice.channel === CHANGE_CHANNEL) counter.noticed(notice.payload ?? "");
    });
    connection
      .connect()
      .then(() => connection.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(() => {
        if (stopped) connection.end().catch(() => undefined);
        if (lost || stopped) return;
        pause = retryMs;
        counter.listeningNow();
        heartbeat = setInterval(() => {
          const late = setTimeout(() => lose(new Error("the change listener's connection did not answer")), heartbeatMs);
          late.unref();
          connection.query("SELECT 1").then(
            () => clearTimeout(late),
            (error: unknown) => {
              clearTimeout(late);
              lose(error);
            },
          );
        }, heartbeatMs);
        heartbeat.unref();
      })
      .catch(lose);
  }

  listen();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(heartbeat);
    counter.notListening();
    // Not waited for long: over a cut network the goodbye may never be answered, and shutdown goes on.
    await Promise.race([client?.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
  };
}
