import { one } from "~db/query.server";
import { transact } from "~db/transact.server";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contests, ideas, users, voterRegister } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { declareBallotInvalid } from "~/modules/voting/ballot-review.server";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { registerByName } from "~/modules/voting/desk.server";
import { forgetVoterRegister } from "~/modules/voting/personal-data.server";
import { ballotIdeaIds, castBallot, castBallotWithCode, turnout, votingContestOf, type VotingContest } from "~/modules/voting/votes.server";
import { useTestDatabase } from "../support/test-db";

// Issue 19: the contest page showed the turnout by counting every register row on every view. The
// counts are now kept by triggers on voter_register (migration 0019) in the transaction of each
// change. Whatever happens to the register, the kept counts must equal a recount.

const { db } = useTestDatabase();
const now = Date.now();
let contest: VotingContest;
let ideaIds: number[] = [];
let otherContestId = 0;
let otherIdeaId = 0;
const people: Record<string, { id: string; name: string; email: string; postcode: string }> = {};

const sticks = (...ids: number[]) => ({ stickers: ids.map((ideaId) => ({ ideaId })), ikDoeMee: [] as number[] });

/** The turnout as it was counted before: every register row not declared invalid, by method. */
function recount(contestId: number) {
  const rows = db()
    .$client.prepare("SELECT method, count(*) AS n FROM voter_register WHERE contest_id = ? AND invalidated_at IS NULL GROUP BY method")
    .all(contestId) as { method: string; n: number }[];
  const of = (method: string) => rows.find((r) => r.method === method)?.n ?? 0;
  return { online: of("account"), code: of("code"), poster: of("poster"), total: of("account") + of("code") + of("poster") };
}

async function expectKeptEqualsRecount() {
  for (const id of [contest.id, otherContestId]) expect(await turnout(id), `contest ${id}`).toEqual(recount(id));
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
  ideaIds = await ballotIdeaIds(contest.id);
  const vonk = (await one(db().select().from(contests).where(eq(contests.slug, "vonk-keizerslanden-2027"))))!;
  otherContestId = vonk.id;
  otherIdeaId = (await one(db().select().from(ideas).where(eq(ideas.contestId, vonk.id))))!.id;
  for (const [key, email] of [
    ["anna", "bewoner@keizerslanden.nl"],
    ["mo", "mohamed@voorbeeld.nl"],
    ["org", "organisator@keizerslanden.nl"],
    ["chair", "jury@keizerslanden.nl"],
  ] as const) {
    const u = (await one(db().select().from(users).where(eq(users.email, email))))!;
    people[key] = { id: u.id, name: u.name, email: u.email, postcode: u.postcode };
  }
});

describe("the turnout kept with the register", () => {
  it("equals a recount after votes, re-votes, code votes, desk registrations, refusals, invalidations and the retention's deletion", async () => {
    await expectKeptEqualsRecount();
    const before = await turnout(contest.id);
    const vote = (who: string, ...ids: number[]) =>
      castBallot({ contest, voter: people[who]!, ballot: sticks(...ids), ageDeclaration: undefined, pepper: votingPepper(), now });

    expect(await vote("anna", ideaIds[0]!, ideaIds[1]!)).toMatchObject({ ok: true, kind: "first" });
    expect(await turnout(contest.id)).toMatchObject({ online: before.online + 1, total: before.total + 1 });
    await expectKeptEqualsRecount();

    // A re-vote moves the stickers: the same voter, counted once.
    expect(await vote("anna", ideaIds[2]!)).toMatchObject({ ok: true, kind: "moved" });
    expect(await vote("mo", ideaIds[3]!)).toMatchObject({ ok: true, kind: "first" });
    expect(await turnout(contest.id)).toMatchObject({ online: before.online + 2 });
    await expectKeptEqualsRecount();

    // A ballot the database refuses leaves no register row, and no count.
    expect(await vote("chair", otherIdeaId)).toMatchObject({ ok: false, reason: "refused" });
    await expectKeptEqualsRecount();

    const batch = await generateCodeBatch({ actorUserId: people.org!.id, contestId: contest.id, label: "Brieven", size: 2, pepper: votingPepper(), now });
    const code = await castBallotWithCode({ contest, code: batch.codes[0]!, ballot: sticks(ideaIds[0]!), helper: null, pepper: votingPepper(), now });
    expect(code).toMatchObject({ ok: true });
    expect(await registerByName({ contest, name: "Joke Jansen", postcode: "7416 CD", actorUserId: people.org!.id, now })).toEqual({ ok: true });
    expect(await turnout(contest.id)).toMatchObject({ code: before.code + 1, poster: before.poster + 1, total: before.total + 4 });
    await expectKeptEqualsRecount();

    // Declared invalid (the organiser's withdrawal of a ballot): off the count, and not twice.
    const moRow = (await one(db().select().from(voterRegister).where(eq(voterRegister.userId, people.mo!.id))))!;
    const invalidate = async () =>
      declareBallotInvalid({
        actorUserId: people.org!.id,
        contestId: contest.id,
        registerId: moRow.id,
        reason: "double-vote",
        note: "test",
        pepper: votingPepper(),
        now,
      });
    expect(await invalidate()).toMatchObject({ ok: true });
    expect(await invalidate()).toMatchObject({ ok: false, reason: "already-invalid" });
    expect(await turnout(contest.id)).toMatchObject({ online: before.online + 1, total: before.total + 3 });
    await expectKeptEqualsRecount();

    // The retention deletes who voted: the count goes with it, the other contest's stays.
    const other = await turnout(otherContestId);
    await transact(db(), async (tx) => forgetVoterRegister(tx, contest.id));
    expect(await turnout(contest.id)).toEqual({ online: 0, code: 0, poster: 0, total: 0 });
    expect(await turnout(otherContestId)).toEqual(other);
    await expectKeptEqualsRecount();
  });

  it("follows a register changed straight in the database, and the migration's own count gives the recount", async () => {
    const sqlite = db().$client;
    const org = people.org!.id;
    const register = sqlite.prepare(
      "INSERT INTO voter_register (contest_id, method, attendee_name, attendee_name_key, attendee_postcode, registered_at, registered_by) VALUES (?, 'poster', ?, ?, '7416CD', ?, ?)",
    );
    for (const name of ["a", "b", "c"]) register.run(otherContestId, name, name, now, org);
    await expectKeptEqualsRecount();
    sqlite
      .prepare("UPDATE voter_register SET invalidated_at = ?, invalid_reason = 'double-vote' WHERE contest_id = ? AND attendee_name = 'a'")
      .run(now, otherContestId);
    await expectKeptEqualsRecount();
    sqlite.prepare("UPDATE voter_register SET invalidated_at = NULL, invalid_reason = NULL WHERE contest_id = ? AND attendee_name = 'a'").run(otherContestId);
    await expectKeptEqualsRecount();
    sqlite.prepare("UPDATE voter_register SET registered_at = ? WHERE contest_id = ?").run(now + 1, otherContestId);
    sqlite.prepare("DELETE FROM voter_register WHERE contest_id = ? AND attendee_name = 'b'").run(otherContestId);
    await expectKeptEqualsRecount();

    // A database from before the counts: the migration counts what is there.
    const migration = readFileSync("db/migrations/0019_turnout_counter.sql", "utf8").split("--> statement-breakpoint");
    sqlite.prepare("DELETE FROM contest_turnout").run();
    sqlite.exec(migration.at(-1)!);
    await expectKeptEqualsRecount();
    expect(() => sqlite.prepare("UPDATE contest_turnout SET voters = -1").run()).toThrow(/CHECK/);
  });
});
