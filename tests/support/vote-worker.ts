// One of several processes of tests/integration/voting-concurrency.test.ts: its own connection to the
// shared database file, firing many ballots for one resident at once, at an agreed moment.
//   node --import tsx tests/support/vote-worker.ts <user id> <ballots>
// Prints "ready" when prepared, fires when a line arrives on stdin, then prints its results as JSON.
import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { users } from "~db/schema";
import { votingDemoSlug } from "~db/seeds/voting";
import { closeDb, getDb, openDatabaseFromEnvironment } from "~db/client.server";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { storedStickers, type Ballot } from "~/modules/voting/ballot";
import { ballotIdeaIds, castBallot, votingContestOf } from "~/modules/voting/votes.server";

const [userId, countText] = process.argv.slice(2);
// The database the test gave (DATABASE_URL in the PostgreSQL pass, else the file at DATABASE_PATH).
await openDatabaseFromEnvironment();
const contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
const ideaIds = await ballotIdeaIds(contest.id);
const user = (await one(getDb().select().from(users).where(eq(users.id, userId!))))!;

// Mostly valid ballots of one to three ideas; every fifth breaks the rules (a fourth sticker, or a
// sticker stacked), as a crafted post would after skipping the form check.
function ballot(i: number): Ballot {
  const pick = (n: number) => [...ideaIds].sort(() => Math.random() - 0.5).slice(0, n);
  if (i % 5 === 4) {
    const ids = i % 10 === 4 ? pick(4) : [ideaIds[0]!, ideaIds[0]!];
    return { stickers: ids.map((ideaId) => ({ ideaId })), ikDoeMee: [] };
  }
  return { stickers: pick(1 + (i % 3)).map((ideaId) => ({ ideaId })), ikDoeMee: [] };
}

const ballots = Array.from({ length: Number(countText) }, (_, i) => ballot(i));
// Wait for the go, so that all processes write at once.
process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
process.stdin.destroy();
const results = await Promise.all(
  ballots.map((b) => castBallot({ contest, voter: user, ballot: b, ageDeclaration: undefined, pepper: votingPepper(), now: Date.now() })),
);
await closeDb();
process.stdout.write(
  JSON.stringify({
    kinds: results.map((r) => (r.ok ? r.kind : r.reason)),
    valid: ballots.filter((_, i) => results[i]!.ok).map((b) => storedStickers(b)),
  }),
);
