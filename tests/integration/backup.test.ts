import { one } from "~db/query.server";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { openDatabase, projectRoot } from "~db/client.server";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { hashReceipt } from "~/modules/voting/receipt";
import { votingContestOf } from "~/modules/voting/votes.server";
import { processIo, type CliIo } from "../../scripts/cli/io";
import { main } from "../../scripts/cli/main";
import { useTestDatabase } from "../support/test-db";

// Issue 10: "a test that backs up during a vote load, restores, and finds every vote acknowledged
// before the backup started". The load comes from another process with its own connection, as the
// server's would; `wijkvonk backup create` runs here, on the same file, while it votes.

const { db, file } = useTestDatabase();
const CODES = 6000;

let contestId = 0;
let codesFile = "";
/** Receipt hashes of the code ballots the demo seed made, which no worker acknowledged. */
let seededCodeBallots = new Set<string>();

const folder = () => path.dirname(file());
const backupFile = () => path.join(folder(), "backups", "during-votes.sqlite");
const restoredFile = () => path.join(folder(), "restored", "wijkvonk.sqlite");

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { ...processIo, out: (text) => void (stdout += text), err: (text) => void (stderr += text) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Starts the vote load; `receipts` grows with every acknowledged vote, in the order they were acknowledged. */
function startVoting() {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot(), "tests/support/code-vote-worker.ts"), codesFile], {
    cwd: projectRoot(),
    env: { ...process.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const receipts: string[] = [];
  let pending = "";
  let err = "";
  let ready = false;
  child.stdout.on("data", (chunk: Buffer) => {
    pending += String(chunk);
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "ready") ready = true;
      else if (line !== "done") receipts.push(line);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (err += String(chunk)));
  const exited = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vote worker failed (${code}): ${err}`)))),
  );
  exited.catch(() => {}); // reported where it is awaited
  return {
    receipts,
    isReady: () => ready,
    exited,
    stop: () => child.stdin.write("stop\n"),
    failure: () => (child.exitCode ? err || `exit ${child.exitCode}` : null),
  };
}

async function waitUntil(done: () => boolean, what: string, failure: () => string | null, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    const failed = failure();
    if (failed) throw new Error(`vote worker failed while waiting for ${what}: ${failed}`);
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function codeBallotHashes(database: Database.Database): Set<string> {
  return new Set(database.prepare("SELECT receipt_hash FROM ballots WHERE contest_id = ? AND channel = 'code'").pluck().all(contestId) as string[]);
}

function countFiles(dir: string): number {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  votingPepper(); // made once beside the database file, before the worker reads it
  contestId = votingContestOf((await getContestBySlug(votingDemoSlug))!).id;
  const organiser = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!;
  const { codes } = await generateCodeBatch({
    actorUserId: organiser.id,
    contestId,
    label: "Backup-test",
    size: CODES,
    pepper: votingPepper(),
    now: Date.now(),
  });
  codesFile = path.join(folder(), "codes.txt");
  writeFileSync(codesFile, codes.join("\n"));
  seededCodeBallots = codeBallotHashes(db().$client);
});

describe("wijkvonk backup create and restore", () => {
  it("back up during a vote load and restore every vote acknowledged before the backup started", async () => {
    const voting = startVoting();
    await waitUntil(voting.isReady, "the worker to start", voting.failure);
    await waitUntil(() => voting.receipts.length >= 200, "200 votes before the backup", voting.failure);
    const acknowledgedBefore = [...voting.receipts];

    const created = await run(["backup", "create", "--database", file(), "--to", backupFile()]);

    // The load went on during and after the backup: the backup was made online.
    await waitUntil(() => voting.receipts.length >= acknowledgedBefore.length + 200, "200 votes after the backup", voting.failure);
    voting.stop();
    await voting.exited;
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("integrity_check ok");
    expect(created.stdout).toContain("Not in the backup, on purpose: the voting pepper");
    const photosInLive = countFiles(path.join(folder(), "uploads"));
    expect(photosInLive).toBeGreaterThan(0);
    expect(countFiles(`${backupFile()}.uploads`)).toBe(photosInLive);

    const restored = await run(["backup", "restore", backupFile(), "--database", restoredFile()]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored ${backupFile()} to ${restoredFile()}`);
    // Restored into a folder without the pepper: the operator is told to put it back.
    expect(restored.stderr).toContain("no voting pepper");
    expect(countFiles(path.join(path.dirname(restoredFile()), "uploads"))).toBe(photosInLive);

    const copy = new Database(restoredFile(), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const stored = codeBallotHashes(copy);
      const pepper = votingPepper();
      const missing = acknowledgedBefore.filter((receipt) => !stored.has(hashReceipt(receipt, pepper)));
      expect(missing).toEqual([]);
      // One moment's state: every code ballot has its register row, and every ballot is one that was acknowledged.
      const registered = copy.prepare("SELECT count(*) FROM voter_register WHERE contest_id = ? AND method = 'code'").pluck().get(contestId);
      expect(registered).toBe(stored.size);
      const acknowledged = new Set([...seededCodeBallots, ...voting.receipts.map((receipt) => hashReceipt(receipt, pepper))]);
      expect([...stored].filter((hash) => !acknowledged.has(hash))).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(seededCodeBallots.size + acknowledgedBefore.length);
      // The live database went on taking votes the backup does not have.
      expect(codeBallotHashes(db().$client).size).toBe(seededCodeBallots.size + voting.receipts.length);
    } finally {
      copy.close();
    }
    // The server can start on the restored file.
    openDatabase(restoredFile()).$client.close();
  }, 60_000);

  it("never overwrites a backup", async () => {
    const again = await run(["backup", "create", "--database", file(), "--to", backupFile()]);
    expect(again).toMatchObject({ code: 1, stdout: "" });
    expect(again.stderr).toContain("exists already");
  });

  it("restores only a sound backup, never over a database in use, and over another one only with --force", async () => {
    const damaged = path.join(folder(), "damaged.sqlite");
    copyFileSync(backupFile(), damaged);
    // Break the ideas table's first page, as a bad disk would.
    const probe = new Database(damaged, { readonly: true });
    const rootPage = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'ideas'").pluck().get() as number;
    const pageSize = probe.pragma("page_size", { simple: true }) as number;
    probe.close();
    const bytes = readFileSync(damaged);
    bytes.fill(7, pageSize * (rootPage - 1) + 8, pageSize * (rootPage - 1) + 48);
    writeFileSync(damaged, bytes);
    const elsewhere = path.join(folder(), "elsewhere", "wijkvonk.sqlite");
    const refusedDamaged = await run(["backup", "restore", damaged, "--database", elsewhere]);
    expect(refusedDamaged.code).toBe(1);
    expect(refusedDamaged.stderr).toContain("is not a usable backup, nothing was changed");
    expect(existsSync(elsewhere)).toBe(false);

    // This test's own connection has the live database open, as a running server would.
    const ballotsBefore = codeBallotHashes(db().$client).size;
    const refusedExisting = await run(["backup", "restore", backupFile(), "--database", file()]);
    expect(refusedExisting.code).toBe(1);
    expect(refusedExisting.stderr).toContain("exists; add --force to replace it");
    const refusedInUse = await run(["backup", "restore", backupFile(), "--database", file(), "--force"]);
    expect(refusedInUse.code).toBe(1);
    expect(refusedInUse.stderr).toContain("is in use: stop the server first");
    expect(codeBallotHashes(db().$client).size).toBe(ballotsBefore);
    expect(readdirSync(folder()).filter((name) => name.includes("before-restore"))).toEqual([]);

    // Over a database nobody has open, with --force: the old one is kept beside it.
    const replacing = await run(["backup", "restore", backupFile(), "--database", restoredFile(), "--force"]);
    expect(replacing.code).toBe(0);
    const kept = readdirSync(path.dirname(restoredFile())).filter((name) => name.startsWith("wijkvonk.sqlite.before-restore-"));
    expect(kept).toHaveLength(1);
    expect(replacing.stdout).toContain(`the database it replaced is kept as ${path.join(path.dirname(restoredFile()), kept[0]!)}`);
    expect(readdirSync(path.dirname(restoredFile())).filter((name) => /-(wal|shm|journal)$/.test(name))).toEqual([]);
  });
});
