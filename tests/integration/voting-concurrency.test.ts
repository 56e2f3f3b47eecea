import { one, many } from "~db/query.server";
import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ballots, users, voterRegister } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { projectRoot } from "~db/client.server";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { ballotFromStored, checkBallot } from "~/modules/voting/ballot";
import { ballotPointer } from "~/modules/voting/ballot-secrecy";
import { ballotIdeaIds, votingContestOf } from "~/modules/voting/votes.server";
import { useTestDatabase } from "../support/test-db";

// Issue 6: "a ballot never holds more than N stickers, nor two on one idea without stacking, even
// under concurrent requests from the same resident: many parallel submissions, exactly one
// consistent ballot". Several processes, each with its own connection to one database file, each
// firing a burst of ballots for the same resident at the same moment.

const { db } = useTestDatabase();
const PROCESSES = 6;
const BALLOTS_PER_PROCESS = 25;

type WorkerResult = { kinds: string[]; valid: string[] };

/** Starts a worker; `ready` settles once it is prepared, `go()` fires its burst, `result` settles with what it saw. */
function startWorker(userId: string) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot(), "tests/support/vote-worker.ts"), userId, String(BALLOTS_PER_PROCESS)], {
    cwd: projectRoot(),
    env: { ...process.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (d: Buffer) => {
    out += String(d);
    if (out.startsWith("ready\n")) markReady();
  });
  child.stderr.on("data", (d: Buffer) => (err += String(d)));
  const result = new Promise<WorkerResult>((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.slice("ready\n".length)) as WorkerResult) : reject(new Error(`worker failed (${code}): ${err}`)),
    );
  });
  return { ready, result, go: () => child.stdin.write("go\n") };
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  votingPepper(); // made once beside the database file, before the workers read it
});

describe("many parallel submissions by one resident", () => {
  it("leave exactly one register row and one ballot, which is one of the valid submissions", async () => {
    const anna = (await one(db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!;
    const contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
    const workers = Array.from({ length: PROCESSES }, () => startWorker(anna.id));
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const results = await Promise.all(workers.map((w) => w.result));
    const kinds = results.flatMap((r) => r.kinds);

    expect(kinds).toHaveLength(PROCESSES * BALLOTS_PER_PROCESS);
    expect(kinds.filter((k) => k === "first")).toHaveLength(1);
    expect(kinds.filter((k) => k === "refused")).toHaveLength(PROCESSES * (BALLOTS_PER_PROCESS / 5));
    expect(kinds.every((k) => ["first", "moved", "refused"].includes(k))).toBe(true);

    const register = await many(db().select().from(voterRegister).where(eq(voterRegister.userId, anna.id)));
    expect(register).toHaveLength(1);
    const stored = await many(db().select().from(ballots).where(eq(ballots.contestId, contest.id)));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.voterPointer).toBe(ballotPointer(votingPepper(), contest.id, anna.id));
    const ballot = ballotFromStored(stored[0]!.stickers);
    expect(checkBallot(ballot, contest.rules, await ballotIdeaIds(contest.id)).ok).toBe(true);
    expect(new Set(results.flatMap((r) => r.valid))).toContain(stored[0]!.stickers);
  }, 60_000);
});
