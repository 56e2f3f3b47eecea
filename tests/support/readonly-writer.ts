// For tests/integration/faults-storage.test.ts: a process that opens the database file the way the
// server does (openDatabase, through getDb) while the file is read-only for it, and tries what a
// resident and an organiser would: a vote with an account, a vote with a code, entering a paper idea
// with a photo and cost lines, and handing in a draft. Prints one JSON object: per attempt, "ok" or
// the error's code and message.
//   node --import tsx tests/support/readonly-writer.ts '<json: { userId, code, contestSlug, draftId, ownerUserId, organiserUserId }>'
import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "~db/client.server";
import { users } from "~db/schema";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { createIdea, submitDraft } from "~/modules/ideas/ideas.server";
import { ballotIdeaIds, castBallot, castBallotWithCode, votingContestOf } from "~/modules/voting/votes.server";

type Input = { userId: string; code: string; contestSlug: string; draftId: number; ownerUserId: string; organiserUserId: string; photoKey: string };
const input = JSON.parse(process.argv[2]!) as Input;

async function attempt(work: () => unknown): Promise<{ code: string; message?: string }> {
  try {
    await work();
    return { code: "ok" };
  } catch (error) {
    return {
      code: error instanceof Error && "code" in error ? String(error.code) : "no code",
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

const results: Record<string, { code: string; message?: string }> = {};
results.open = await attempt(() => getDb());
if (results.open.code === "ok") {
  const contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
  const ideaIds = await ballotIdeaIds(contest.id);
  const ballot = { stickers: [{ ideaId: ideaIds[0]! }, { ideaId: ideaIds[1]! }], ikDoeMee: [ideaIds[0]!] };
  const pepper = votingPepper();
  const voter = (await one(getDb().select().from(users).where(eq(users.id, input.userId))))!;
  results.vote = await attempt(async () => {
    const result = await castBallot({ contest, voter, ballot, ageDeclaration: true, pepper, now: Date.now() });
    if (!result.ok) throw Object.assign(new Error(`refused: ${result.reason}`), { code: "refused" });
  });
  results.codeVote = await attempt(async () => {
    const result = await castBallotWithCode({
      contest,
      code: input.code,
      ballot,
      helper: { name: "Bewoner met code", contact: "code@voorbeeld.nl" },
      pepper,
      now: Date.now(),
    });
    if (!result.ok) throw Object.assign(new Error(`refused: ${result.reason}`), { code: "refused" });
  });
  const ideasContest = (await getContestBySlug(input.contestSlug))!.contest;
  results.paperIdea = await attempt(() =>
    createIdea({
      contestId: ideasContest.id,
      values: {
        title: "Idee op een alleen-lezen schijf",
        summary: "Kort.",
        description: "Lang.",
        costLines: [
          { description: "Bankje", amountEuros: 400 },
          { description: "Plantenbak", amountEuros: 250 },
        ],
      },
      author: { kind: "paper", name: "Mevrouw Jansen", consentHow: "op het formulier getekend", enteredByUserId: input.organiserUserId },
      photo: {
        processed: { storageKey: input.photoKey, width: 4, height: 3, files: { large: Buffer.from("large photo"), small: Buffer.from("small photo") } },
        altText: "Een bankje",
      },
      now: Date.now(),
    }),
  );
  results.handIn = await attempt(async () => {
    const result = await submitDraft({ ideaId: input.draftId, ownerUserId: input.ownerUserId, confirmed: true, now: Date.now() });
    if (!result.ok) throw Object.assign(new Error("draft not handed in"), { code: "refused" });
  });
  await closeDb();
}
process.stdout.write(JSON.stringify(results));
