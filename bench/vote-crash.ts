// Does every acknowledged vote survive a crash? (Issue 6: "test by killing the server process during a
// vote load and counting afterwards".) Starts the built app, drives votes at 50 connections, kills the
// server with SIGKILL in the middle of the load (no shutdown, no checkpoint), reopens the database and
// counts: every vote that got its redirect must be there, with its ballot, and nothing half-written.
//
//   npm run build && npx tsx bench/vote-crash.ts [seconds before the kill]

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { votingDemoSlug } from "../db/seeds/voting";
import { prepareDatabase } from "./support/databases";
import { runLoad } from "./support/load";
import { record } from "./support/report";
import { requireBuild, startApp } from "./support/server";

const killAfterMs = Number(process.argv[2] ?? 3) * 1000;
const residents = 40_000;

requireBuild();

const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-vote-crash-"));
try {
  const file = path.join(dir, "app.sqlite");
  const { ideaIds, contestId } = (await prepareDatabase(file, { residents, sessions: true, cityRound: false })).voting;
  // The bench's residents vote online in the voting demo; the demo's own ballots (by code, in other rounds) are not counted.
  const counts = () => {
    const db = new Database(file);
    const registered = (
      db.prepare("SELECT count(*) AS n FROM voter_register WHERE contest_id = ? AND user_id LIKE 'bench-user-%'").get(contestId) as { n: number }
    ).n;
    const ballots = (db.prepare("SELECT count(*) AS n FROM ballots WHERE contest_id = ? AND channel = 'online'").get(contestId) as { n: number }).n;
    const integrity = db.pragma("integrity_check", { simple: true });
    db.close();
    return { registered, ballots, integrity };
  };
  const before = counts();

  const app = await startApp({ databasePath: file, quiet: ["[mail] not sent"] });
  const { port, child: server } = app;

  let next = 0;
  const body = () => `sticker=${ideaIds[next % ideaIds.length]}&sticker=${ideaIds[(next + 2) % ideaIds.length]}`;
  const killer = setTimeout(() => server.kill("SIGKILL"), killAfterMs);
  const result = await runLoad({
    host: "127.0.0.1",
    port,
    connections: 50,
    warmupMs: 0,
    durationMs: killAfterMs + 1000,
    isSuccess: (status) => status === 302,
    nextRequest: () => {
      const b = body();
      return Buffer.from(
        `POST /rondes/${votingDemoSlug}/stemmen HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: wv_session=bench-session-${next++ % residents}\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${b.length}\r\n\r\n${b}`,
      );
    },
  });
  clearTimeout(killer);
  await new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.on("exit", resolve)));

  // Opening the file again recovers the WAL, as the next start of the server would.
  const after = counts();
  const registered = after.registered - before.registered;
  const ballots = after.ballots - before.ballots;
  const { integrity } = after;

  console.log(`Killed the server after ${killAfterMs / 1000} s of voting at 50 connections.`);
  console.log(`  acknowledged votes (302 received): ${result.successes}`);
  console.log(`  votes sent: ${next}`);
  console.log(`  after restart: ${registered} new register rows, ${ballots} new ballots; integrity_check: ${integrity}`);
  const ok = registered >= result.successes && registered === ballots && registered <= next && integrity === "ok";
  record({
    bench: "vote-crash",
    section: "vote action, server killed (SIGKILL) under load",
    figure: "acknowledged votes lost",
    value: Math.max(0, result.successes - registered),
    unit: "votes",
    floor: null,
    floorIs: null,
    better: "lower",
    target: "0, nothing half-written",
    met: ok,
    note: `${result.successes} acknowledged, ${registered} register rows, ${ballots} ballots, integrity_check ${integrity}`,
  });
  console.log(ok ? "Every acknowledged vote survived, and nothing is half-written." : "LOST OR HALF-WRITTEN VOTES");
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
