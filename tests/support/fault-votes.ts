// Helpers of the fault tests: voters for the vote load, the vote writer processes
// (tests/support/fault-vote-worker.ts), and what the database holds for each voter afterwards.
import { one } from "~db/query.server";
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { projectRoot, type Db } from "~db/client.server";
import { users } from "~db/schema";
import { ballotPointer } from "~/modules/voting/ballot-secrecy";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { hashReceipt } from "~/modules/voting/receipt";
import { hashCode } from "~/modules/voting/voting-codes";
import { addBenchResidents } from "../../bench/support/residents";

/** Residents of the voting demo's area ("user:<id>") and voting codes ("code:<code>"), taking turns. */
export async function prepareVoters(db: Db, input: { contestId: number; residents: number; codes: number; pepper: string; now: number }): Promise<string[]> {
  await addBenchResidents(db, { contestId: input.contestId, count: input.residents, withSessions: false, now: input.now });
  const organiser = (await one(db.select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!;
  const { codes } = await generateCodeBatch({
    actorUserId: organiser.id,
    contestId: input.contestId,
    label: "Fault tests",
    size: input.codes,
    pepper: input.pepper,
    now: input.now,
  });
  const voters: string[] = [];
  for (let i = 0; i < Math.max(input.residents, codes.length); i++) {
    if (i < input.residents) voters.push(`user:bench-user-${i}`);
    if (i < codes.length) voters.push(`code:${codes[i]}`);
  }
  return voters;
}

export function writeVoterList(file: string, voters: readonly string[]): string {
  writeFileSync(file, voters.join("\n") + "\n");
  return file;
}

/** One line of a worker: an acknowledged vote ("first" with its receipt, or "moved"), or a refusal. */
export type VoteLine = { voter: string; outcome: "first" | "moved" | "refused"; receipt?: string; reason?: string };

const running = new Set<ChildProcess>();

/** Kills every worker still running: for afterAll, so that a failing test leaves no process behind. */
export function killWorkers(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/**
 * Starts a vote writer process on a list of voters (read when it gets the go); it votes once `go()`
 * is called. With `killAfter`, it is killed with SIGKILL as soon as that many lines have been read.
 */
export function startVoteWorker(listFile: string, options: { reverse?: boolean; killAfter?: number } = {}) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot(), "tests/support/fault-vote-worker.ts"), listFile, ...(options.reverse ? ["reverse"] : [])],
    {
      cwd: projectRoot(),
      env: { ...process.env },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  running.add(child);
  const lines: VoteLine[] = [];
  let pending = "";
  let stderr = "";
  let ready = false;
  let done = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += String(chunk);
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) {
      if (line === "ready") ready = true;
      else if (line === "done") done = true;
      else {
        const [tag, voter, what, receipt] = line.split(" ");
        if (tag === "ack") lines.push({ voter: voter!, outcome: what === "first" ? "first" : "moved", receipt });
        else lines.push({ voter: voter!, outcome: "refused", reason: what });
      }
    }
    if (options.killAfter !== undefined && lines.length >= options.killAfter) child.kill("SIGKILL");
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += String(chunk)));
  child.stdin!.on("error", () => {}); // writing to a killed worker is not this test's failure
  // "close", not "exit": by then every line the worker wrote has been read from the pipe.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const failure = () => (child.exitCode !== null && child.exitCode !== 0 ? `worker exited with ${child.exitCode}: ${stderr}` : null);
  return {
    lines,
    isReady: () => ready,
    isDone: () => done,
    stderr: () => stderr,
    failure,
    exited,
    go: () => child.stdin!.write("go\n"),
    stop: () => child.stdin!.write("stop\n"),
    kill: () => child.kill("SIGKILL"),
  };
}

export type VoteWorker = ReturnType<typeof startVoteWorker>;

export async function waitFor(condition: () => boolean, what: string, workers: readonly VoteWorker[], ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    for (const w of workers) {
      const failed = w.failure();
      if (failed) throw new Error(`while waiting for ${what}: ${failed}`);
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What the database holds for one voter: register rows, and ballots (an account's by its pointer; a code's by the receipt given). */
export function storedVotesOf(
  database: Database.Database,
  input: { contestId: number; pepper: string; voter: string; receipt?: string },
): { registered: number; ballots: number } {
  const key = input.voter.slice(input.voter.indexOf(":") + 1);
  const one = (sql: string, ...params: unknown[]) =>
    database
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  if (input.voter.startsWith("user:")) {
    return {
      registered: one("SELECT count(*) FROM voter_register WHERE contest_id = ? AND user_id = ?", input.contestId, key),
      ballots: one("SELECT count(*) FROM ballots WHERE voter_pointer = ?", ballotPointer(input.pepper, input.contestId, key)),
    };
  }
  return {
    registered: one(
      "SELECT count(*) FROM voter_register r JOIN voting_codes c ON c.id = r.voting_code_id WHERE r.contest_id = ? AND c.code_hash = ?",
      input.contestId,
      hashCode(key, input.pepper),
    ),
    ballots: input.receipt
      ? one("SELECT count(*) FROM ballots WHERE contest_id = ? AND receipt_hash = ?", input.contestId, hashReceipt(input.receipt, input.pepper))
      : 0,
  };
}

/** Register rows and ballots of a contest, per way of voting online: each register row must have its ballot. */
export function voteCounts(database: Database.Database, contestId: number) {
  const one = (sql: string) => database.prepare(sql).pluck().get(contestId) as number;
  return {
    accountRegister: one("SELECT count(*) FROM voter_register WHERE contest_id = ? AND method = 'account'"),
    onlineBallots: one("SELECT count(*) FROM ballots WHERE contest_id = ? AND channel = 'online'"),
    codeRegister: one("SELECT count(*) FROM voter_register WHERE contest_id = ? AND method = 'code'"),
    codeBallots: one("SELECT count(*) FROM ballots WHERE contest_id = ? AND channel = 'code'"),
  };
}

/** Voters with more than one register row, or receipts with more than one ballot, in a contest: both must be none. */
export function doubles(database: Database.Database, contestId: number) {
  return {
    voters: database
      .prepare(
        "SELECT coalesce(user_id, 'code ' || voting_code_id) AS who, count(*) AS n FROM voter_register WHERE contest_id = ? AND method IN ('account', 'code') GROUP BY who HAVING n > 1",
      )
      .all(contestId),
    receipts: database.prepare("SELECT receipt_hash, count(*) AS n FROM ballots WHERE contest_id = ? GROUP BY receipt_hash HAVING n > 1").all(contestId),
  };
}
