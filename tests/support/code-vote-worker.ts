// The vote load of tests/integration/backup.test.ts: a process of its own, with its own connection to
// the database file, voting with one voting code after another, a few at a time (so that votes share
// a commit, as on the server). Each vote's receipt is printed as soon as its vote is committed: that
// line is the acknowledgement. Stops when a line arrives on stdin or the codes run out.
//   node --import tsx tests/support/code-vote-worker.ts <file with one code a line>
import { readFileSync } from "node:fs";
import { closeDb } from "~db/client.server";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { ballotIdeaIds, castBallotWithCode, votingContestOf } from "~/modules/voting/votes.server";

const AT_ONCE = 4;

const codes = readFileSync(process.argv[2]!, "utf8").split("\n").filter(Boolean);
const contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
const ideaIds = await ballotIdeaIds(contest.id);
const pepper = votingPepper();

let stopped = false;
process.stdin.once("data", () => (stopped = true));
process.stdout.write("ready\n");

for (let i = 0; i < codes.length && !stopped; i += AT_ONCE) {
  await Promise.all(
    codes.slice(i, i + AT_ONCE).map(async (code, j) => {
      const ideaId = ideaIds[(i + j) % ideaIds.length]!;
      const result = await castBallotWithCode({ contest, code, ballot: { stickers: [{ ideaId }], ikDoeMee: [] }, helper: null, pepper, now: Date.now() });
      if (!result.ok) throw new Error(`vote with code ${code} refused: ${result.reason}`);
      process.stdout.write(`${result.receipt}\n`);
    }),
  );
}
await closeDb();
process.stdin.destroy();
process.stdout.write("done\n");
