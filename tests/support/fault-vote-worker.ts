// A vote writer in a process of its own, for the fault tests (tests/integration/faults-*.test.ts):
// its own connection to the shared database file, voting through the app's own use cases
// (castBallot for an account, castBallotWithCode for a voting code) with their group commit, as the
// server process does. It stands in for the server, which the suite cannot start (Vitest runs before
// the build): killing this process in the middle of its load is killing the process that writes votes.
//
//   node --import tsx tests/support/fault-vote-worker.ts <file with one voter a line> [reverse]
//
// A voter line is "user:<user id>" or "code:<voting code>". Prints "ready" once its code is loaded,
// opens the database and starts on the first line that arrives on stdin; a second line stops it. For every vote it prints one line,
// only after the use case returned (so after the vote's transaction was committed):
//   ack <voter> first <receipt>    a first vote, with its receipt: this line is the acknowledgement
//   ack <voter> moved              an account that had voted moved its stickers
//   no <voter> <reason>            refused (a used code, already registered), nothing written
// and "done" at the end. Any other error ends the process with a non-zero exit code.
import { one } from "~db/query.server";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "~db/client.server";
import { users } from "~db/schema";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import type { Ballot } from "~/modules/voting/ballot";
import { ballotIdeaIds, castBallot, castBallotWithCode, votingContestOf } from "~/modules/voting/votes.server";

/** Votes in flight at once, so that several share one commit, as on a busy server. */
const AT_ONCE = 8;

const [listFile, order] = process.argv.slice(2);

let started = false;
let stopped = false;
let go: () => void = () => {};
const going = new Promise<void>((resolve) => (go = resolve));
process.stdin.on("data", (chunk: Buffer) => {
  for (const _line of String(chunk).split("\n").filter(Boolean)) {
    if (!started) {
      started = true;
      go();
    } else stopped = true;
  }
});
// Ready once the code is loaded; the database is opened only after the go, so that a worker started
// beside a running one opens the file as a restarted server would, after whatever happened to it.
process.stdout.write("ready\n");
await going;

const voters = readFileSync(listFile!, "utf8").split("\n").filter(Boolean);
if (order === "reverse") voters.reverse();
const contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
const ideaIds = await ballotIdeaIds(contest.id);
const pepper = votingPepper();

function ballotFor(i: number): Ballot {
  // One to three different ideas, varying with the position in the list.
  const count = 1 + (i % 3);
  return { stickers: Array.from({ length: count }, (_, k) => ({ ideaId: ideaIds[(i + k) % ideaIds.length]! })), ikDoeMee: [] };
}

async function vote(voter: string, i: number): Promise<string> {
  const [kind, key] = [voter.slice(0, voter.indexOf(":")), voter.slice(voter.indexOf(":") + 1)];
  const ballot = ballotFor(i);
  if (kind === "code") {
    const result = await castBallotWithCode({ contest, code: key, ballot, helper: null, pepper, now: Date.now() });
    if (result.ok) return `ack ${voter} first ${result.receipt}`;
    if (result.reason === "used") return `no ${voter} used`;
    throw new Error(`vote with ${voter} refused: ${result.reason}`);
  }
  const user = await one(getDb().select().from(users).where(eq(users.id, key)));
  if (!user) throw new Error(`no user ${key}`);
  const result = await castBallot({ contest, voter: user, ballot, ageDeclaration: true, pepper, now: Date.now() });
  if (result.ok) return result.kind === "first" ? `ack ${voter} first ${result.receipt}` : `ack ${voter} moved`;
  if (result.reason === "already-voted" || result.reason === "registered-at-meeting") return `no ${voter} ${result.reason}`;
  throw new Error(`vote by ${voter} refused: ${JSON.stringify(result)}`);
}

for (let i = 0; i < voters.length && !stopped; i += AT_ONCE) {
  await Promise.all(
    voters.slice(i, i + AT_ONCE).map(async (voter, j) => {
      const line = await vote(voter, i + j);
      process.stdout.write(`${line}\n`);
    }),
  );
}
await closeDb();
process.stdin.destroy();
process.stdout.write("done\n");
