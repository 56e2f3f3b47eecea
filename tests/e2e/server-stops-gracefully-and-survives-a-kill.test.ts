import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { prepareDatabase, type Prepared } from "../../bench/support/databases";
import { startApp, stop, type App } from "../../bench/support/server";

// Issue 10: the built server as operations meet it, without a browser. A rolling restart (SIGTERM)
// lets the request in flight finish; a crash (SIGKILL) in the middle of a vote load loses no vote
// that got its "opgeslagen", and stores none twice; /healthz says whether the server can take votes.

test.describe.configure({ mode: "serial" });

const residents = 3_000;
let dir = "";
let file = "";
let voting: Prepared["voting"];
let app: App | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-server-process-"));
  file = path.join(dir, "app.sqlite");
  voting = (await prepareDatabase(file, { residents, sessions: true, cityRound: false })).voting;
});

test.afterEach(async () => {
  if (app) await stop(app.child);
  app = null;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const voteBody = (n: number) => `sticker=${voting.ideaIds[n % voting.ideaIds.length]}&sticker=${voting.ideaIds[(n + 1) % voting.ideaIds.length]}`;

function benchVotes(): { users: Set<string>; ballots: number; integrity: unknown } {
  const db = new Database(file);
  try {
    const users = db.prepare("SELECT user_id AS id FROM voter_register WHERE contest_id = ? AND user_id LIKE 'bench-user-%'").all(voting.contestId) as {
      id: string;
    }[];
    const ballots = (db.prepare("SELECT count(*) AS n FROM ballots WHERE contest_id = ? AND channel = 'online'").get(voting.contestId) as { n: number }).n;
    return { users: new Set(users.map((u) => u.id)), ballots, integrity: db.pragma("integrity_check", { simple: true }) };
  } finally {
    db.close();
  }
}

async function exitOf(app: App): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const { child } = app;
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
}

test("/healthz answers ok while the database can be read and written", async () => {
  app = await startApp({ databasePath: file });
  const response = await fetch(`${app.origin}/healthz`);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.json()).toMatchObject({ status: "ok" });
});

test("on SIGTERM the vote in flight is finished and stored, new connections are refused, and the process exits cleanly", async () => {
  app = await startApp({ databasePath: file });
  const voter = residents - 1;
  const body = voteBody(voter);
  const socket = connect(app.port, "127.0.0.1");
  await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
  let answer = "";
  socket.on("data", (d) => (answer += String(d)));
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  // Headers and half the body: the request is in flight when the signal comes.
  socket.write(
    `POST /rondes/${voting.slug}/stemmen HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nCookie: wv_session=bench-session-${voter}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  app.child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300));
  await expect(fetch(`${app.origin}/healthz`)).rejects.toThrow();
  socket.write(body.slice(10));
  await closed;
  // The answer came, and then the server closed the connection (the socket's close was awaited).
  expect(answer).toMatch(/^HTTP\/1\.1 302 /);
  expect(await exitOf(app)).toEqual({ code: 0, signal: null });
  app = null;
  expect(benchVotes().users.has(`bench-user-${voter}`)).toBe(true);
});

test("after a SIGKILL in the middle of a vote load, every acknowledged vote is there once and nothing is half-written", async () => {
  test.setTimeout(90_000);
  const before = benchVotes();
  app = await startApp({ databasePath: file });
  const killed = app;
  const acknowledged: string[] = [];
  let next = 0;
  let sent = 0;
  const kill = setTimeout(() => killed.child.kill("SIGKILL"), 1_500);
  // 40 connections, each voting for one resident after another until the server is gone.
  await Promise.all(
    Array.from({ length: 40 }, async () => {
      while (next < residents - 1) {
        const n = next++;
        sent++;
        try {
          const response = await fetch(`${killed.origin}/rondes/${voting.slug}/stemmen`, {
            method: "POST",
            redirect: "manual",
            headers: { Cookie: `wv_session=bench-session-${n}`, "Content-Type": "application/x-www-form-urlencoded" },
            body: voteBody(n),
          });
          await response.arrayBuffer();
          if (response.status === 302) acknowledged.push(`bench-user-${n}`);
        } catch {
          return; // the server is gone
        }
      }
    }),
  );
  clearTimeout(kill);
  expect(await exitOf(killed)).toMatchObject({ signal: "SIGKILL" });
  app = null;
  expect(acknowledged.length, "votes acknowledged before the kill").toBeGreaterThan(20);
  expect(sent, "the load was still going when the server died").toBeLessThan(residents - 1);

  // Restart on the same file, as the service manager would: it recovers the WAL and takes votes again.
  app = await startApp({ databasePath: file });
  expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
  await stop(app.child);
  app = null;

  const after = benchVotes();
  expect(after.integrity).toBe("ok");
  const lost = acknowledged.filter((user) => !after.users.has(user));
  expect(lost, "acknowledged votes missing after the restart").toEqual([]);
  // One register row per voter is the database's own rule; each row has exactly one ballot, none without.
  const newVoters = after.users.size - before.users.size;
  expect(after.ballots - before.ballots).toBe(newVoters);
  expect(newVoters).toBeLessThanOrEqual(sent);
});
