import pino from "pino";

/**
 * The server's log: one JSON line per event on stdout (pino), with the request id where there is one,
 * so a reverse proxy's log, a resident's error page ("foutcode") and our lines can be matched.
 * Never log a request body, a cookie or a query string: they may hold a vote, a session or a token.
 * LOG_LEVEL sets the level (default info). Under Vitest, errors go to console.error as objects, where
 * the suite's setup fails any test that logs an error it did not expect.
 */
export const log =
  process.env.NODE_ENV === "test"
    ? pino({ level: "error", base: undefined }, { write: (line: string) => console.error(JSON.parse(line)) })
    : pino(
        {
          level: process.env.LOG_LEVEL ?? "info",
          base: { service: "wijkvonk" },
          timestamp: pino.stdTimeFunctions.isoTime,
          formatters: { level: (label) => ({ level: label }) },
        },
        // Written in the background, so a request never waits for its log line (the vote bench showed
        // the cost of a synchronous write per request), and in batches of a few kilobytes, at least
        // every half second: one write per request line cost a quarter of the CPU of a page answered
        // from the page cache (issue 19). pino writes what is left when the process exits;
        // server.mjs flushes before a graceful exit.
        pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 500 }),
      );
