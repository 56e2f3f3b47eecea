import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo, Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { prepareDatabase } from "../../bench/support/databases";
import { startApp, stop, type App } from "../../bench/support/server";
import { startSmtpServer } from "../support/smtp-server";

// Issue 20: a graceful stop (SIGTERM) used to close the database at once, while the minute's scheduled
// run could be in the middle of its work (inside a transaction, or between claiming a notice and
// sending it): the rest of the run failed on a closed database. Now the stop waits for the run that has
// begun. Here the run is caught in the middle by an SMTP server that holds its answer to the first mail
// until the signal has come.

let dir = "";
let app: App | null = null;
let smtp: Server | null = null;

test.afterEach(async () => {
  if (app) await stop(app.child);
  app = null;
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  smtp = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("on SIGTERM a scheduled run that has begun finishes before the database closes", async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-server-jobs-"));
  const file = path.join(dir, "app.sqlite");
  const { voting } = await prepareDatabase(file, { residents: 10, sessions: false, cityRound: false });
  // Confirmed "houd me op de hoogte" subscribers of the round in stemmen: each gets the voting-open notice.
  const seed = new Database(file);
  const subscribe = seed.prepare("INSERT INTO contest_subscriptions (contest_id, email, token_hash, created_at, confirmed_at) VALUES (?, ?, ?, ?, ?)");
  for (let i = 0; i < 6; i++) subscribe.run(voting.contestId, `volger${i}@voorbeeld.nl`, `hash-${i}`.padEnd(64, "0"), Date.now(), Date.now());
  seed.close();

  const received: string[] = [];
  let firstArrived!: () => void;
  const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // The answer to the first message waits until the signal has come.
  smtp = await startSmtpServer(() => {
    received.push("mail");
    if (received.length > 1) return "250 OK queued";
    firstArrived();
    return released.then(() => "250 OK queued");
  });

  app = await startApp({ databasePath: file, env: { JOBS_EVERY_MS: "200", SMTP_URL: `smtp://127.0.0.1:${(smtp.address() as AddressInfo).port}` } });
  const running = app;
  await arrived;
  const exited = new Promise<number | null>((resolve) => running.child.on("exit", (code) => resolve(code)));
  running.child.kill("SIGTERM");
  // Long enough for the old stop to close the database and exit; the run still waits for the mail server.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  release();
  expect(await exited).toBe(0);
  app = null;

  const log = readFileSync(running.logFile, "utf8");
  expect(log).not.toContain("scheduled jobs failed");
  const done = log.split("\n").find((line) => line.includes("scheduled jobs done"));
  expect(done, "the run's report is in the log").toBeTruthy();
  const report = (JSON.parse(done!) as { report: { contestNotices: number; submissionOpenNotices: number } }).report;
  // Every subscriber was mailed, in the one run the stop waited for, and every claim has its mail.
  expect(received.length).toBeGreaterThanOrEqual(6);
  expect(report.contestNotices + report.submissionOpenNotices).toBe(received.length);
  expect(log.indexOf("scheduled jobs done")).toBeLessThan(log.indexOf('"stopped"'));
  const db = new Database(file, { readonly: true });
  const claimed = (db.prepare("SELECT count(*) AS n FROM notice_deliveries WHERE contest_id = ?").get(voting.contestId) as { n: number }).n;
  db.close();
  expect(claimed).toBeGreaterThanOrEqual(6);
});
