// Does every acknowledged vote survive a crash? (Issue 6: "test by killing the server process during a
// vote load and counting afterwards".) Starts the built app, drives votes at 50 connections, kills the
// server with SIGKILL in the middle of the load (no shutdown, no checkpoint), reopens the database and
// counts: every vote that got its redirect must be there, with its ballot, and nothing half-written.
//
//   npm run build && npx tsx bench/vote-crash.ts [seconds before the kill]

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import Database from "better-sqlite3";
import { openDatabase } from "../db/client.server";
import { contests } from "../db/schema";
import { seedDemo } from "../db/seeds/demo";
import { votingDemoSlug } from "../db/seeds/voting";
import { hashPassword } from "../app/modules/auth/password.server";
import { runLoad } from "./support/load";
import { addBenchResidents } from "./support/residents";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const killAfterMs = Number(process.argv[2] ?? 3) * 1000;
const residents = 40_000;

if (!existsSync(path.join(root, "build/server/index.js"))) {
  console.error("No build found. Run `npm run build` first: this benchmark drives the built app.");
  process.exit(1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-vote-crash-"));
try {
  const file = path.join(dir, "app.sqlite");
  const db = openDatabase(file);
  await seedDemo(db, { hashPassword });
  const contest = db.select().from(contests).where(eq(contests.slug, votingDemoSlug)).get()!;
  const { ideaIds } = addBenchResidents(db, { contestId: contest.id, count: residents, withSessions: true, now: Date.now() });
  db.$client.close();

  const port = await freePort();
  const server = spawn(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: file, VOTING_PEPPER: "crash-pepper-0123456789abcdef0123456789abcdef", COOKIE_SECURE: "0", DEV_MAILBOX: "0", SEED_DEMO: "0" },
  });
  await new Promise<void>((resolve) => server.stdout!.on("data", (d: Buffer) => String(d).includes("draait op") && resolve()));

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
  const check = new Database(file);
  const registered = (check.prepare("SELECT count(*) AS n FROM voter_register WHERE method = 'account'").get() as { n: number }).n;
  const ballots = (check.prepare("SELECT count(*) AS n FROM ballots").get() as { n: number }).n;
  const integrity = check.pragma("integrity_check", { simple: true });
  check.close();

  console.log(`Killed the server after ${killAfterMs / 1000} s of voting at 50 connections.`);
  console.log(`  acknowledged votes (302 received): ${result.successes}`);
  console.log(`  votes sent: ${next}`);
  console.log(`  after restart: ${registered} register rows, ${ballots} ballots; integrity_check: ${integrity}`);
  const ok = registered >= result.successes && registered === ballots && registered <= next && integrity === "ok";
  console.log(ok ? "Every acknowledged vote survived, and nothing is half-written." : "LOST OR HALF-WRITTEN VOTES");
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
