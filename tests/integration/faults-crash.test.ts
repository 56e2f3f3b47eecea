import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { closeDb, getDb } from "~db/client.server";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { votingContestOf } from "~/modules/voting/votes.server";
import { doubles, killWorkers, prepareVoters, startVoteWorker, storedVotesOf, voteCounts, waitFor, writeVoterList } from "../support/fault-votes";
import { useTestDatabase } from "../support/test-db";

// Issue 10, fault tests: "kill the server (SIGKILL) in the middle of a vote load; restart; every vote
// that got a success response is there, none twice". bench/vote-crash.ts does this against the built
// server over HTTP; the suite runs Vitest before the build, so there is no server to start here.
// What is killed instead is the process that writes the votes: a child process (fault-vote-worker.ts)
// with its own connection to the database file, voting through the app's own use cases (castBallot,
// castBallotWithCode) and their group commit, exactly the code the vote route calls. Its "success
// response" is the line it prints after the use case returned, that is after the COMMIT; the parent
// reads those lines from the pipe. It is killed with SIGKILL (no shutdown, no checkpoint) while
// batches are in flight, then a new process starts on the same file, as a restarted server would,
// and the residents who got no answer (and some who did) vote again.

const { db, file } = useTestDatabase();
const RESIDENTS = 600;
const CODES = 600;
/** Votes a worker has in flight at once (AT_ONCE in fault-vote-worker.ts): at most this many can be committed but not yet acknowledged. */
const IN_FLIGHT = 8;
const KILL_AFTER_ACKS = 300;

let contestId = 0;
let pepper = "";
let voters: string[] = [];
let before: ReturnType<typeof voteCounts>;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  pepper = votingPepper(); // made once beside the database file, before the workers read it
  contestId = votingContestOf((await getContestBySlug(votingDemoSlug))!).id;
  voters = await prepareVoters(db(), { contestId, residents: RESIDENTS, codes: CODES, pepper, now: Date.now() });
  before = voteCounts(db().$client, contestId);
  // The worker is the only connection to the file when it is killed, as the server would be.
  await closeDb();
});

afterAll(() => killWorkers());

describe("a vote writer killed with SIGKILL in the middle of a vote load", () => {
  it("loses no acknowledged vote and counts none twice, after the kill and after the restart", async () => {
    const list = writeVoterList(path.join(path.dirname(file()), "voters.txt"), voters);
    // Killed as soon as this many acknowledgements have been read, while it goes on voting.
    const first = startVoteWorker(list, { killAfter: KILL_AFTER_ACKS });
    // The restarted writer, started now only to load its code: it reads its list and opens the
    // database when it gets the go, after the kill.
    const retriedList = path.join(path.dirname(file()), "retried.txt");
    const second = startVoteWorker(retriedList);
    await waitFor(() => first.isReady() && second.isReady(), "the workers to start", [first, second]);
    first.go();
    const exit = await first.exited;
    // Killed in the middle: by the signal, before it ran out of voters.
    expect({ ...exit, stderr: first.stderr() }).toMatchObject({ code: null, signal: "SIGKILL" });
    expect(first.isDone()).toBe(false);
    const acknowledged = [...first.lines];
    expect(acknowledged.every((l) => l.outcome === "first")).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.length).toBeLessThan(voters.length);

    // The restart: the first connection to open the file recovers it from the WAL the killed process left.
    const sqlite = getDb().$client;
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    for (const ack of acknowledged) {
      expect({ voter: ack.voter, ...storedVotesOf(sqlite, { contestId, pepper, voter: ack.voter, receipt: ack.receipt }) }).toEqual({
        voter: ack.voter,
        registered: 1,
        ballots: 1,
      });
    }
    const afterKill = voteCounts(sqlite, contestId);
    // Nothing half-written: every register row has its ballot.
    expect(afterKill.accountRegister - before.accountRegister).toBe(afterKill.onlineBallots - before.onlineBallots);
    expect(afterKill.codeRegister - before.codeRegister).toBe(afterKill.codeBallots - before.codeBallots);
    // Stored: every acknowledged vote, and at most the batch that was committed when the kill came.
    const stored = afterKill.accountRegister - before.accountRegister + afterKill.codeRegister - before.codeRegister;
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    expect(stored).toBeLessThanOrEqual(acknowledged.length + IN_FLIGHT);
    expect(doubles(sqlite, contestId)).toEqual({ voters: [], receipts: [] });
    await closeDb();

    // The restart: everyone up to a little past the kill votes again, as residents without an
    // answer (and some with one) would.
    const retried = voters.slice(0, acknowledged.length + IN_FLIGHT + 40);
    writeVoterList(retriedList, retried);
    second.go();
    await waitFor(second.isDone, "the restarted worker to finish", [second]);
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.lines).toHaveLength(retried.length);
    const acknowledgedVoters = new Set(acknowledged.map((l) => l.voter));
    for (const line of second.lines) {
      // An acknowledged voter is never given a second ballot: a code is used, an account moves its stickers.
      if (acknowledgedVoters.has(line.voter))
        expect(line.outcome === "refused" ? line.reason : line.outcome).toBe(line.voter.startsWith("code:") ? "used" : "moved");
    }

    const final = getDb().$client;
    expect(final.pragma("integrity_check", { simple: true })).toBe("ok");
    for (const ack of [...acknowledged, ...second.lines.filter((l) => l.outcome === "first")]) {
      expect({ voter: ack.voter, ...storedVotesOf(final, { contestId, pepper, voter: ack.voter, receipt: ack.receipt }) }).toEqual({
        voter: ack.voter,
        registered: 1,
        ballots: 1,
      });
    }
    for (const voter of retried) expect(storedVotesOf(final, { contestId, pepper, voter }).registered).toBe(1);
    // Every retried voter voted exactly once, and nobody else did.
    const counts = voteCounts(final, contestId);
    const residents = retried.filter((v) => v.startsWith("user:")).length;
    expect(counts).toEqual({
      accountRegister: before.accountRegister + residents,
      onlineBallots: before.onlineBallots + residents,
      codeRegister: before.codeRegister + retried.length - residents,
      codeBallots: before.codeBallots + retried.length - residents,
    });
    expect(doubles(final, contestId)).toEqual({ voters: [], receipts: [] });
  }, 30_000);
});
