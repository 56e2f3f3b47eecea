import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { closeDb, getDb } from "~db/client.server";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { ballotFromStored, checkBallot } from "~/modules/voting/ballot";
import { ballotIdeaIds, votingContestOf, type VotingContest } from "~/modules/voting/votes.server";
import {
  doubles,
  killWorkers,
  prepareVoters,
  startVoteWorker,
  storedVotesOf,
  voteCounts,
  waitFor,
  writeVoterList,
  type VoteLine,
} from "../support/fault-votes";
import { useTestDatabase } from "../support/test-db";

// Issue 10, fault tests: "two processes on one database file (a rolling restart) do not corrupt or
// lose votes". During a rolling restart the new server process starts and takes votes while the old
// one is still finishing its own; both write into the same SQLite file, each with its own connection.
// Two vote writer processes (fault-vote-worker.ts, the app's own vote use cases; see
// faults-crash.test.ts for why not the HTTP server) go through the same residents and voting codes
// from opposite ends, both writing at once, until they meet and try the same voters; then the old
// one is stopped, as a rolling restart stops it, and the new one goes on to the end of the list, so
// that it tries every voter, also those the old one took.

const { db, file } = useTestDatabase();
const RESIDENTS = 400;
const CODES = 400;

let contest: VotingContest;
let pepper = "";
let voters: string[] = [];
let before: ReturnType<typeof voteCounts>;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  pepper = votingPepper(); // made once beside the database file, before the workers read it
  contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
  voters = await prepareVoters(db(), { contestId: contest.id, residents: RESIDENTS, codes: CODES, pepper, now: Date.now() });
  before = voteCounts(db().$client, contest.id);
  await closeDb();
});

afterAll(() => killWorkers());

describe("two vote writer processes on one database file", () => {
  it("store every acknowledged vote exactly once and never a second ballot for one voter", async () => {
    const list = writeVoterList(path.join(path.dirname(file()), "voters.txt"), voters);
    const old = startVoteWorker(list);
    const next = startVoteWorker(list, { reverse: true });
    await waitFor(() => old.isReady() && next.isReady(), "the workers to start", [old, next]);
    old.go();
    next.go();
    // They meet: the old process reaches voters the new one has already taken. Then it is stopped.
    await waitFor(() => old.lines.some((l) => l.outcome !== "first") || old.isDone(), "the processes to meet", [old, next]);
    old.stop();
    expect(await old.exited).toEqual({ code: 0, signal: null });
    expect(old.isDone()).toBe(true);
    await waitFor(next.isDone, "the new process to finish", [next], 20_000);
    expect(await next.exited).toEqual({ code: 0, signal: null });

    // The new process went through every voter, the old one through the first part of the list.
    expect(next.lines).toHaveLength(voters.length);
    const lines: VoteLine[] = [...old.lines, ...next.lines];
    const firsts = lines.filter((l) => l.outcome === "first");
    // Each voter got exactly one first vote, whichever process took it; both processes took some,
    // so both were writing at the same time (each started from its own end of the list).
    expect(firsts.map((l) => l.voter).sort()).toEqual([...voters].sort());
    expect(old.lines.some((l) => l.outcome === "first")).toBe(true);
    expect(next.lines.some((l) => l.outcome === "first")).toBe(true);
    expect(old.lines.some((l) => l.outcome !== "first")).toBe(true);
    // The other attempt was a used code, or an account moving its own stickers.
    for (const line of lines.filter((l) => l.outcome !== "first")) {
      expect(line.outcome === "refused" ? line.reason : line.outcome).toBe(line.voter.startsWith("code:") ? "used" : "moved");
    }

    const sqlite = getDb().$client;
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    for (const ack of firsts) {
      expect({ voter: ack.voter, ...storedVotesOf(sqlite, { contestId: contest.id, pepper, voter: ack.voter, receipt: ack.receipt }) }).toEqual({
        voter: ack.voter,
        registered: 1,
        ballots: 1,
      });
    }
    // One register row and one ballot per voter, nothing else.
    expect(voteCounts(sqlite, contest.id)).toEqual({
      accountRegister: before.accountRegister + RESIDENTS,
      onlineBallots: before.onlineBallots + RESIDENTS,
      codeRegister: before.codeRegister + CODES,
      codeBallots: before.codeBallots + CODES,
    });
    expect(doubles(sqlite, contest.id)).toEqual({ voters: [], receipts: [] });
    // Every ballot, moved or not, still keeps the rules.
    const ideaIds = await ballotIdeaIds(contest.id);
    const broken = (sqlite.prepare("SELECT stickers FROM ballots WHERE contest_id = ?").pluck().all(contest.id) as string[]).filter(
      (stored) => !checkBallot(ballotFromStored(stored), contest.rules, ideaIds).ok,
    );
    expect(broken).toEqual([]);
  }, 30_000);
});
