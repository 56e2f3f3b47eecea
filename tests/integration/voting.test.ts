import { one, many } from "~db/query.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ballots, contests, ideas, taakgroepSignups, users, voterRegister, votingCodes } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { ballotPointer } from "~/modules/voting/ballot-secrecy";
import { generateCodeBatch, listBatches, revokeBatch } from "~/modules/voting/codes.server";
import { registerByAccount, registerByCode, registerByName, lookupNameAtDesk } from "~/modules/voting/desk.server";
import { posterCountsFor, resolvePosterDifference, savePosterCount } from "~/modules/voting/poster-counts.server";
import { combineVotes } from "~/modules/results/vote-totals";
import {
  ballotIdeaIds,
  castBallot,
  castBallotWithCode,
  checkReceipt,
  checkVotingCode,
  forgetVoterPointers,
  ownVote,
  tallyInputOf,
  turnout,
  votingContestOf,
  type VotingContest,
} from "~/modules/voting/votes.server";
import { useTestDatabase } from "../support/test-db";

// The vote on a real SQLite file: what the database guarantees by itself (unique indexes, triggers,
// the composite foreign key) and what the use cases write. ADR 007 is the design under test.

const { db } = useTestDatabase();
const now = Date.now();
let contest: VotingContest;
let ideaIds: number[] = [];
let otherContestId = 0;
let otherIdeaId = 0;
const people: Record<string, { id: string; name: string; email: string; postcode: string }> = {};

const sticks = (...ids: number[]) => ({ stickers: ids.map((ideaId) => ({ ideaId })), ikDoeMee: [] as number[] });
const sqlite = () => db().$client;

function expectRefused(statement: () => unknown, message: RegExp) {
  expect(statement).toThrow(message);
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
    ["sanne", "sanne@voorbeeld.nl"],
    ["org", "organisator@keizerslanden.nl"],
    ["chair", "jury@keizerslanden.nl"],
    ["juror", "jury2@keizerslanden.nl"],
  ] as const) {
    const u = (await one(db().select().from(users).where(eq(users.email, email))))!;
    people[key] = { id: u.id, name: u.name, email: u.email, postcode: u.postcode };
  }
});

describe("an account holder's vote", () => {
  it("stores who voted and what was voted apart, linked only by the keyed pointer", async () => {
    expect(ideaIds).toHaveLength(5);
    const result = await castBallot({
      contest,
      voter: people.anna!,
      ballot: sticks(ideaIds[0]!, ideaIds[2]!, ideaIds[4]!),
      ageDeclaration: undefined,
      pepper: votingPepper(),
      now,
    });
    expect(result).toMatchObject({ ok: true, kind: "first" });
    if (!result.ok || result.kind !== "first") throw new Error("not a first vote");
    expect(result.receipt).toMatch(/^BON-[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const register = await many(db().select().from(voterRegister).where(eq(voterRegister.userId, people.anna!.id)));
    expect(register).toMatchObject([{ contestId: contest.id, method: "account" }]);
    const stored = await many(db().select().from(ballots).where(eq(ballots.contestId, contest.id)));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.stickers).toBe(JSON.stringify([...[ideaIds[0]!, ideaIds[2]!, ideaIds[4]!]].sort((a, b) => a - b)));
    // Nothing on the ballot names Anna; only the pepper leads from her to it.
    expect(JSON.stringify(stored[0])).not.toContain(people.anna!.id);
    expect(stored[0]!.voterPointer).toBe(ballotPointer(votingPepper(), contest.id, people.anna!.id));
    expect(stored[0]!.receiptHash).not.toContain(result.receipt);
    expect((await checkReceipt({ contestId: contest.id, receipt: result.receipt, pepper: votingPepper() }))?.stickers).toHaveLength(3);
    expect(await checkReceipt({ contestId: otherContestId, receipt: result.receipt, pepper: votingPepper() })).toBeNull();
  });

  it("moves stickers until voting closes: the ballot changes, the register does not", async () => {
    const moved = await castBallot({ contest, voter: people.anna!, ballot: sticks(ideaIds[1]!), ageDeclaration: undefined, pepper: votingPepper(), now });
    expect(moved).toMatchObject({ ok: true, kind: "moved" });
    expect(await many(db().select().from(voterRegister).where(eq(voterRegister.userId, people.anna!.id)))).toHaveLength(1);
    expect((await many(db().select().from(ballots).where(eq(ballots.contestId, contest.id)))).map((b) => b.stickers)).toEqual([`[${ideaIds[1]}]`]);
    const own = await ownVote({ contestId: contest.id, voter: people.anna!, pepper: votingPepper() });
    expect(own).toEqual({ state: "voted", ballot: { stickers: [{ ideaId: ideaIds[1]! }], ikDoeMee: [] } });
  });

  it("refuses a resident outside the area, and writes nothing", async () => {
    const result = await castBallot({ contest, voter: people.sanne!, ballot: sticks(ideaIds[0]!), ageDeclaration: undefined, pepper: votingPepper(), now });
    expect(result).toEqual({ ok: false, reason: "ineligible", ineligibility: "postcode-outside-area" });
    expect(await many(db().select().from(voterRegister).where(eq(voterRegister.userId, people.sanne!.id)))).toHaveLength(0);
  });

  it("leaves nothing half-written when the database refuses the ballot", async () => {
    // An idea of another contest gets past a caller that skipped the form check; the trigger stops it.
    const result = await castBallot({ contest, voter: people.mo!, ballot: sticks(otherIdeaId), ageDeclaration: undefined, pepper: votingPepper(), now });
    expect(result).toMatchObject({ ok: false, reason: "refused", problems: [{ code: "unknown-idea" }] });
    expect(await many(db().select().from(voterRegister).where(eq(voterRegister.userId, people.mo!.id)))).toHaveLength(0);
  });

  it("records 'ik doe mee' as taakgroep sign-ups, and a tick taken away as a withdrawal", async () => {
    const first = await castBallot({
      contest,
      voter: people.mo!,
      ballot: { stickers: [{ ideaId: ideaIds[0]! }, { ideaId: ideaIds[3]! }], ikDoeMee: [ideaIds[3]!] },
      ageDeclaration: undefined,
      pepper: votingPepper(),
      now,
    });
    expect(first).toMatchObject({ ok: true, kind: "first" });
    await castBallot({ contest, voter: people.mo!, ballot: sticks(ideaIds[0]!), ageDeclaration: undefined, pepper: votingPepper(), now: now + 1 });
    const rows = await many(db().select().from(taakgroepSignups).where(eq(taakgroepSignups.userId, people.mo!.id)));
    expect(rows.map((r) => [r.ideaId, r.kind])).toEqual([
      [ideaIds[3], "signup"],
      [ideaIds[3], "withdrawal"],
    ]);
    expect(rows[0]).toMatchObject({ name: people.mo!.name, contact: people.mo!.email });
    // The sign-up carries no ballot id and the ballot no tick.
    expect(Object.keys(rows[0]!)).not.toContain("ballotId");
    expect((await many(db().select().from(ballots))).every((b) => !b.stickers.includes("ikDoeMee"))).toBe(true);
  });
});

describe("what the database refuses by itself", () => {
  const insertBallot = (stickers: string, contestId = contest.id, channel = "online", pointer: string | null = null) =>
    sqlite()
      .prepare("INSERT INTO ballots (id, contest_id, channel, stickers, voter_pointer, receipt_hash) VALUES (?, ?, ?, ?, ?, ?)")
      .run(Math.floor(Math.random() * 2 ** 50) + 1, contestId, channel, stickers, pointer, "f".repeat(63) + String(Math.floor(Math.random() * 10)));

  it("a second register row for one account in one contest", () => {
    expectRefused(
      () =>
        sqlite()
          .prepare("INSERT INTO voter_register (contest_id, method, user_id, email_key, registered_at) VALUES (?, 'account', ?, ?, ?)")
          .run(contest.id, people.anna!.id, "e".repeat(64), now),
      /UNIQUE constraint failed: voter_register/,
    );
  });

  it("an empty ballot, a fourth sticker, stacking, ideas off the ballot and ids as text", () => {
    const [a, b, c, d] = ideaIds as [number, number, number, number];
    expectRefused(() => insertBallot("[]"), /ballot: empty/);
    expectRefused(() => insertBallot(JSON.stringify([a, b, c, d])), /ballot: too many stickers/);
    expectRefused(() => insertBallot(JSON.stringify([a, a])), /ballot: stacking not allowed/);
    expectRefused(() => insertBallot(JSON.stringify([otherIdeaId])), /ballot: idea not on this ballot/);
    expectRefused(() => insertBallot(JSON.stringify([String(a)])), /ballot: stickers must be a JSON list of idea ids/);
    expectRefused(() => insertBallot("not json"), /ballot: stickers must be a JSON list of idea ids/);
  });

  it("a moved ballot that breaks the rules, or that changes contest", async () => {
    const row = (await one(
      db()
        .select()
        .from(ballots)
        .where(eq(ballots.voterPointer, ballotPointer(votingPepper(), contest.id, people.anna!.id))),
    ))!;
    const [a, b, c, d] = ideaIds as [number, number, number, number];
    expectRefused(
      () =>
        sqlite()
          .prepare("UPDATE ballots SET stickers = ? WHERE id = ?")
          .run(JSON.stringify([a, b, c, d]), row.id),
      /too many stickers/,
    );
    expectRefused(() => sqlite().prepare("UPDATE ballots SET contest_id = ? WHERE id = ?").run(otherContestId, row.id), /only stickers can change/);
  });

  it("a code ballot with a pointer", () => {
    expectRefused(() => insertBallot(JSON.stringify([ideaIds[0]]), contest.id, "code", "a".repeat(64)), /CHECK constraint failed: ballots_pointer_online/);
  });

  it("a code of another contest, and a code used twice", async () => {
    const other = await generateCodeBatch({
      actorUserId: people.org!.id,
      contestId: otherContestId,
      label: "Andere ronde",
      size: 1,
      pepper: votingPepper(),
      now,
    });
    const otherCodeId = (await one(db().select().from(votingCodes).where(eq(votingCodes.batchId, other.batchId))))!.id;
    expectRefused(
      () =>
        sqlite()
          .prepare("INSERT INTO voter_register (contest_id, method, voting_code_id, registered_at) VALUES (?, 'code', ?, ?)")
          .run(contest.id, otherCodeId, now),
      /FOREIGN KEY constraint failed/,
    );
    const own = await generateCodeBatch({ actorUserId: people.org!.id, contestId: contest.id, label: "Eigen", size: 1, pepper: votingPepper(), now });
    const codeId = (await one(db().select().from(votingCodes).where(eq(votingCodes.batchId, own.batchId))))!.id;
    const register = sqlite().prepare("INSERT INTO voter_register (contest_id, method, voting_code_id, registered_at, registered_by) VALUES (?, ?, ?, ?, ?)");
    register.run(contest.id, "code", codeId, now, null);
    expectRefused(() => register.run(contest.id, "poster", codeId, now, people.org!.id), /UNIQUE constraint failed: voter_register.voting_code_id/);
  });

  it("one organiser in both poster count slots", () => {
    const entry = sqlite().prepare("INSERT INTO poster_count_entries (contest_id, slot, entered_by, updated_at) VALUES (?, ?, ?, ?)");
    entry.run(otherContestId, "a", people.org!.id, now);
    expectRefused(() => entry.run(otherContestId, "b", people.org!.id, now), /UNIQUE constraint failed: poster_count_entries/);
  });
});

describe("voting codes", () => {
  let codes: string[] = [];
  let batchId = 0;

  it("are made in a batch of which only keyed hashes are stored", async () => {
    const batch = await generateCodeBatch({ actorUserId: people.org!.id, contestId: contest.id, label: "Brieven", size: 4, pepper: votingPepper(), now });
    codes = batch.codes;
    batchId = batch.batchId;
    expect(codes).toHaveLength(4);
    const stored = await many(db().select().from(votingCodes).where(eq(votingCodes.batchId, batchId)));
    expect(stored).toHaveLength(4);
    const dump = JSON.stringify(stored);
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace("-", ""));
    }
  });

  it("give one ballot each: the second use is refused, and so are other contests' and revoked codes", async () => {
    const turnoutBefore = await turnout(contest.id);
    const cast = (code: string) => castBallotWithCode({ contest, code, ballot: sticks(ideaIds[2]!, ideaIds[3]!), helper: null, pepper: votingPepper(), now });
    expect(await checkVotingCode({ contestId: contest.id, code: codes[0]!.toLowerCase(), pepper: votingPepper() })).toBe("ok");
    const first = await cast(codes[0]!);
    expect(first).toMatchObject({ ok: true });
    expect(await cast(codes[0]!)).toEqual({ ok: false, reason: "used" });
    expect(await cast("K7QM-3XPA")).toEqual({ ok: false, reason: "unknown" });
    const other = await generateCodeBatch({ actorUserId: people.org!.id, contestId: otherContestId, label: "Elders", size: 1, pepper: votingPepper(), now });
    expect(await cast(other.codes[0]!)).toEqual({ ok: false, reason: "other-contest" });
    expect(await revokeBatch({ actorUserId: people.org!.id, contestId: contest.id, batchId, now })).toBe(true);
    expect(await cast(codes[1]!)).toEqual({ ok: false, reason: "revoked" });
    // The code ballot has no pointer; turnout counts it as a code vote.
    const codeBallot = await many(db().select().from(ballots).where(eq(ballots.channel, "code")));
    expect(codeBallot.every((b) => b.voterPointer === null)).toBe(true);
    expect(await turnout(contest.id)).toMatchObject({ code: turnoutBefore.code + 1, total: turnoutBefore.total + 1 });
    expect((await listBatches(contest.id)).find((b) => b.id === batchId)).toMatchObject({ used: 1, size: 4 });
  });
});

describe("the check-in desk and the posters", () => {
  it("says 'heeft al gestemd' for an account that voted online and for a used code", async () => {
    expect(await registerByAccount({ contest, email: people.anna!.email, actorUserId: people.org!.id, now })).toEqual({
      ok: false,
      reason: "already-voted",
      how: "account",
    });
    const batch = await generateCodeBatch({ actorUserId: people.org!.id, contestId: contest.id, label: "Bijeenkomst", size: 2, pepper: votingPepper(), now });
    expect(await registerByCode({ contest, code: batch.codes[0]!, actorUserId: people.org!.id, pepper: votingPepper(), now })).toEqual({ ok: true });
    expect(await registerByCode({ contest, code: batch.codes[0]!, actorUserId: people.org!.id, pepper: votingPepper(), now })).toEqual({
      ok: false,
      reason: "already-voted",
      how: "poster",
    });
  });

  it("registers an attendee by name and postcode once, and then refuses that person online", async () => {
    expect(await registerByName({ contest, name: " Joke  Jansen ", postcode: "7416cd", actorUserId: people.org!.id, now })).toEqual({ ok: true });
    expect(await registerByName({ contest, name: "joke jansen", postcode: "7416 CD", actorUserId: people.org!.id, now })).toEqual({
      ok: false,
      reason: "already-voted",
      how: "poster",
    });
    expect(await lookupNameAtDesk({ contest, name: "Joke Jansen", postcode: "7416 CD" })).toMatchObject({
      inArea: true,
      sameName: true,
      voters: [{ name: "Joke Jansen", how: "poster" }],
    });
    expect(await registerByName({ contest, name: "Kees", postcode: "9401 AA", actorUserId: people.org!.id, now })).toEqual({
      ok: false,
      reason: "outside-area",
    });
    // Joke Jansen (jury@keizerslanden.nl, 7416 CD) got her stickers at the meeting: not online as well.
    const online = await castBallot({ contest, voter: people.chair!, ballot: sticks(ideaIds[0]!), ageDeclaration: undefined, pepper: votingPepper(), now });
    expect(online).toEqual({ ok: false, reason: "registered-at-meeting" });
    expect(
      await many(
        db()
          .select()
          .from(voterRegister)
          .where(and(eq(voterRegister.contestId, contest.id), eq(voterRegister.userId, people.chair!.id))),
      ),
    ).toHaveLength(0);
  });

  it("counts the posters twice, by two organisers, and counts them only once they agree", async () => {
    const [a, b, c, d, e] = ideaIds as [number, number, number, number, number];
    const counts = (x: number) => [
      { ideaId: a, count: 10 },
      { ideaId: b, count: 4 },
      { ideaId: c, count: x },
      { ideaId: d, count: 0 },
      { ideaId: e, count: 7 },
    ];
    expect(await savePosterCount({ contestId: contest.id, actorUserId: people.org!.id, counts: counts(3), now })).toEqual({ ok: true, slot: "a" });
    // Until the second count is in, nobody sees the first side by side.
    expect((await posterCountsFor({ contestId: contest.id, viewerId: people.org!.id, ideaIds })).comparison).toBeNull();
    expect(await savePosterCount({ contestId: contest.id, actorUserId: people.juror!.id, counts: counts(5), now })).toEqual({ ok: true, slot: "b" });
    expect(await savePosterCount({ contestId: contest.id, actorUserId: people.anna!.id, counts: counts(5), now })).toEqual({ ok: false, reason: "taken" });
    let view = await posterCountsFor({ contestId: contest.id, viewerId: people.org!.id, ideaIds });
    expect(view.comparison).toMatchObject({ reconciled: false, unresolved: [c] });
    expect(view.final).toBeNull();
    await resolvePosterDifference({ contestId: contest.id, actorUserId: people.org!.id, ideaId: c, count: 4, note: "Opnieuw geteld met z'n tweeën", now });
    view = await posterCountsFor({ contestId: contest.id, viewerId: people.org!.id, ideaIds });
    expect(view.comparison?.reconciled).toBe(true);
    expect(view.final?.find((l) => l.ideaId === c)).toEqual({ ideaId: c, count: 4 });
    expect(() =>
      sqlite()
        .prepare("INSERT INTO poster_count_resolutions (contest_id, idea_id, count, resolved_by, resolved_at, note) VALUES (?, ?, 1, ?, ?, 'x')")
        .run(contest.id, otherIdeaId, people.org!.id, now),
    ).toThrow(/poster count: idea not on this ballot/);
  });
});

describe("the count and the reveal", () => {
  it("hands the results one count per idea: digital and poster stickers, turnout by way of voting", async () => {
    const view = await posterCountsFor({ contestId: contest.id, viewerId: people.org!.id, ideaIds });
    const totals = combineVotes(await tallyInputOf({ contestId: contest.id, rules: contest.rules, posterCounts: view.final }));
    // (The register also holds a code row written by hand in a test above, without a ballot: count ballots.)
    const count = async (channel: string) =>
      (
        await many(
          db()
            .select()
            .from(ballots)
            .where(and(eq(ballots.contestId, contest.id), eq(ballots.channel, channel as "online"))),
        )
      ).length;
    expect(totals.turnout).toMatchObject({ online: await count("online"), code: await count("code"), poster: (await turnout(contest.id)).poster });
    const digital = (await many(db().select().from(ballots).where(eq(ballots.contestId, contest.id)))).reduce((n, b) => n + JSON.parse(b.stickers).length, 0);
    expect(totals.ideas.reduce((n, i) => n + i.digital, 0)).toBe(digital);
    expect(totals.ideas.reduce((n, i) => n + i.poster, 0)).toBe(10 + 4 + 4 + 0 + 7);
  });

  it("forgets the pointers at the reveal: after that no account finds its ballot again", async () => {
    expect(await forgetVoterPointers(contest.id)).toBeGreaterThan(0);
    expect((await many(db().select().from(ballots).where(eq(ballots.contestId, contest.id)))).every((b) => b.voterPointer === null)).toBe(true);
    expect(await ownVote({ contestId: contest.id, voter: people.anna!, pepper: votingPepper() })).toEqual({ state: "voted-unlinked" });
    // Nor can a second ballot be cast with that account.
    const again = await castBallot({ contest, voter: people.anna!, ballot: sticks(ideaIds[0]!), ageDeclaration: undefined, pepper: votingPepper(), now });
    expect(again).toEqual({ ok: false, reason: "already-voted" });
  });
});
