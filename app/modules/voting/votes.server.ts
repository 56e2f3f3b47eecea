import { isUniqueViolation, ruleMessageOf } from "~db/refusals.server";
import { statementOn, statementsPer } from "~db/statement.server";
import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db } from "~db/client.server";
import { ballots, contests, ideas, pendingBallots, voterRegister, votingCodeBatches, votingCodes } from "~db/schema";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { normalizePostcode } from "~/lib/postcode";
import { parseAreaPostcodes, type Area } from "~/modules/contests/postcode";
import { replaceBallotSignups, currentSignups, recordSignups } from "~/modules/taakgroepen/signups.server";
import { ballotFromStored, ballotRules, storedStickers, type Ballot, type BallotProblem, type BallotRules } from "./ballot";
import { attendeeNameKey, ballotPointer, newBallotId } from "./ballot-secrecy";
import { canVoteByAccount, type AccountCheck, type AccountIneligibility } from "./eligibility";
import { voterEmailKey } from "./voter-identity";
import type { Pepper } from "~/lib/keyed-hash";
import { hashReceipt, newReceiptCode } from "./receipt";
import type { TallyInput, Turnout } from "./tally-input";
import { inVoteTransaction, type VoteTx } from "./vote-writer.server";
import { hashCode } from "./voting-codes";

// Casting and moving stickers (issue 6), as docs/decisions/007-ballot-secrecy.md lays out the vote
// step by step: the register row (who) and the ballot (what) are written in one transaction, the
// ballot found again only through the keyed pointer. The route has already checked the phase and
// the form (ballotFormSchema); the triggers check the ballot rules once more.

/** What the vote needs to know about a contest, from its details. */
export type VotingContest = {
  id: number;
  slug: string;
  title: string;
  rules: BallotRules;
  areas: Area[];
  minVoterAge: number | null;
  eligibleByAccount: boolean;
  eligibleByCode: boolean;
  eligibleByPoster: boolean;
  accountCheck: AccountCheck;
};

export function votingContestOf(details: ContestDetails): VotingContest {
  const c = details.contest;
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    rules: ballotRules(c),
    // An area's postcodes were checked when it was saved; one that no longer parses counts as no area.
    areas: details.areas.flatMap((a) => {
      const parsed = parseAreaPostcodes(a.postcodes);
      return parsed.ok ? [parsed.area] : [];
    }),
    minVoterAge: c.minVoterAge,
    eligibleByAccount: c.eligibleByAccount,
    eligibleByCode: c.eligibleByCode,
    eligibleByPoster: c.eligibleByPoster,
    accountCheck: c.accountCheck,
  };
}

// The vote's statements, prepared once per connection, in plain SQL (the same text on PostgreSQL,
// db/statement.server.ts): compiling SQL and mapping rows
// through the query builder cost more than running it, on the one path that has to be fast (ADR 010).
// The column names are those of db/schema/voting.ts and db/schema/ideas.ts.
const statementsOf = statementsPer((db) => {
  const prepare = <Params extends Record<string, unknown>, Row = unknown>(source: string) => statementOn<Params, Row>(db, source);
  return {
    ballotIdeaIds: prepare<{ contestId: number }, { id: number }>(
      "SELECT id FROM ideas WHERE contest_id = @contestId AND status = 'shortlisted' AND hidden_at IS NULL ORDER BY id",
    ),
    ideaTitles: prepare<{ contestId: number }, { id: number; title: string }>("SELECT id, title FROM ideas WHERE contest_id = @contestId"),
    turnout: prepare<{ contestId: number }, { method: "account" | "code" | "poster"; voters: number }>(
      "SELECT method, voters FROM contest_turnout WHERE contest_id = @contestId",
    ),
    ballotByPointer: prepare<{ pointer: string }, { id: number; stickers: string }>("SELECT id, stickers FROM ballots WHERE voter_pointer = @pointer"),
    registered: prepare<
      { contestId: number; userId: string; postcode: string | null; nameKey: string },
      { method: "account" | "code" | "poster"; invalid: 0 | 1 }
    >(
      "SELECT method, CASE WHEN invalidated_at IS NOT NULL THEN 1 ELSE 0 END AS invalid FROM voter_register WHERE contest_id = @contestId AND (user_id = @userId OR (attendee_postcode = @postcode AND attendee_name_key = @nameKey)) LIMIT 1",
    ),
    // The address the session knows must still be the account's, confirmed, and the account not deleted.
    confirmed: prepare<{ userId: string; email: string }, { ok: 1 }>(
      "SELECT 1 AS ok FROM users WHERE id = @userId AND email = @email AND email_confirmed_at IS NOT NULL AND deleted_at IS NULL",
    ),
    emailVoted: prepare<{ contestId: number; emailKey: string }, { ok: 1 }>(
      "SELECT 1 AS ok FROM voter_register WHERE contest_id = @contestId AND email_key = @emailKey",
    ),
    addressRoom: prepare<{ contestId: number; addressKey: string }, { voters: number; used: number }>(
      `SELECT a.voters AS voters,
              (SELECT count(*) FROM voter_register AS r WHERE r.contest_id = a.contest_id AND r.address_key = a.address_key AND r.invalidated_at IS NULL) AS used
         FROM eligible_addresses AS a WHERE a.contest_id = @contestId AND a.address_key = @addressKey`,
    ),
    keepPending: prepare<{
      pointer: string;
      contestId: number;
      stickers: string;
      ikDoeMee: string;
      ageDeclared: number | null;
      addressKey: string | null;
      at: number;
    }>(
      `INSERT INTO pending_ballots (voter_pointer, contest_id, stickers, ik_doe_mee, age_declared, address_key, created_at)
       VALUES (@pointer, @contestId, @stickers, @ikDoeMee, @ageDeclared, @addressKey, @at)
       ON CONFLICT (voter_pointer) DO UPDATE SET stickers = excluded.stickers, ik_doe_mee = excluded.ik_doe_mee,
         age_declared = excluded.age_declared, address_key = excluded.address_key, created_at = excluded.created_at`,
    ),
    dropPending: prepare<{ pointer: string }>("DELETE FROM pending_ballots WHERE voter_pointer = @pointer"),
    moveStickers: prepare<{ stickers: string; id: number }>("UPDATE ballots SET stickers = @stickers WHERE id = @id"),
    registerAccount: prepare<{ contestId: number; userId: string; emailKey: string; addressKey: string | null; at: number }>(
      "INSERT INTO voter_register (contest_id, method, user_id, email_key, address_key, registered_at) VALUES (@contestId, 'account', @userId, @emailKey, @addressKey, @at)",
    ),
    registerCode: prepare<{ contestId: number; codeId: number; addressKey: string | null; at: number }>(
      "INSERT INTO voter_register (contest_id, method, voting_code_id, address_key, registered_at) VALUES (@contestId, 'code', @codeId, @addressKey, @at)",
    ),
    insertBallot: prepare<{ id: number; contestId: number; channel: "online" | "code"; stickers: string; pointer: string | null; receiptHash: string }>(
      // A clash of the random id writes nothing (and ends no transaction on PostgreSQL): another id is drawn.
      "INSERT INTO ballots (id, contest_id, channel, stickers, voter_pointer, receipt_hash) VALUES (@id, @contestId, @channel, @stickers, @pointer, @receiptHash) ON CONFLICT (id) DO NOTHING",
    ),
  };
});

function statements(db: Db = getDb()) {
  return statementsOf(db);
}

/**
 * The ideas on the ballot: the shortlist, without ideas that moderation hid. The triggers accept
 * every shortlisted idea of the contest; hiding one during the vote takes it off the form.
 */
export async function ballotIdeaIds(contestId: number): Promise<number[]> {
  return (await statements().ballotIdeaIds.all({ contestId })).map((r) => r.id);
}

export type Voter = { id: string; name: string; email: string; postcode: string };

export type CastResult =
  | { ok: true; kind: "first"; receipt: string; ballot: Ballot }
  | { ok: true; kind: "moved"; ballot: Ballot }
  | { ok: false; reason: "ineligible"; ineligibility: AccountIneligibility }
  /** The account's address is not confirmed: the choice is kept and cast when it is (issue 15). */
  | { ok: false; reason: "unconfirmed" }
  /** Checked in at the keuzebijeenkomst, with this account or by name and postcode. */
  | { ok: false; reason: "registered-at-meeting" }
  /**
   * Voted already: with this account (its pointer cleared at the reveal), with an earlier account of
   * the same email address, or the ballot was declared invalid.
   */
  | { ok: false; reason: "already-voted" }
  | { ok: false; reason: "refused"; problems: BallotProblem[] };

const triggerProblems: [string, (ballot: Ballot, rules: BallotRules) => BallotProblem][] = [
  ["ballot: empty", () => ({ code: "empty" })],
  ["ballot: too many stickers", (b, r) => ({ code: "too-many-stickers", placed: b.stickers.length, allowed: r.stickersPerVoter })],
  ["ballot: stacking not allowed", (b) => ({ code: "stacking-not-allowed", ideaId: b.stickers[0]?.ideaId ?? 0 })],
  ["ballot: idea not on this ballot", (b) => ({ code: "unknown-idea", ideaId: b.stickers[0]?.ideaId ?? 0 })],
];

const registerRefusals: [string, AccountIneligibility][] = [
  ["register: address at its cap", "address-full"],
  ["register: address not on the list", "address-not-listed"],
];

/** A trigger's refusal as a ballot problem; anything else is not the voter's doing and is rethrown. */
function refusedByDatabase(error: unknown, ballot: Ballot, rules: BallotRules): { ok: false; reason: "refused"; problems: BallotProblem[] } {
  const message = ruleMessageOf(error) ?? "";
  const match = triggerProblems.find(([text]) => message.includes(text));
  if (!match) throw error;
  return { ok: false, reason: "refused", problems: [match[1](ballot, rules)] };
}

/** The address cap, as the register's trigger guards it, for a refusal in another process's race. */
function addressRefusal(error: unknown): AccountIneligibility | null {
  const message = ruleMessageOf(error);
  return registerRefusals.find(([text]) => message?.includes(text))?.[1] ?? null;
}

/**
 * Inserts the anonymous ballot row; a clash of the random id (about 1 in 10^8) writes nothing
 * (ON CONFLICT DO NOTHING, which on PostgreSQL also leaves the transaction usable) and draws another.
 */
async function insertBallot(
  tx: VoteTx,
  row: { contestId: number; channel: "online" | "code"; stickers: string; pointer: string | null; receiptHash: string },
): Promise<void> {
  const insert = statements(tx.db).insertBallot;
  for (let attempt = 0; attempt < 4; attempt++) {
    if ((await insert.run({ ...row, id: newBallotId() })).changes === 1) return;
  }
  throw new Error("insertBallot: four random ballot ids in a row were taken");
}

/** Room left at an address, as the register counts it: null when the address is not on the list. */
async function addressCheck(tx: VoteTx, contestId: number, addressKey: string | null): Promise<AccountIneligibility | null> {
  if (addressKey === null) return null;
  const room = await statements(tx.db).addressRoom.get({ contestId, addressKey });
  if (!room) return "address-not-listed";
  return room.used >= room.voters ? "address-full" : null;
}

/**
 * An account holder's vote: the first one stores the register row and the ballot together and
 * returns the receipt (shown once, never stored); a later one moves the stickers. Phase and form
 * are checked by the caller; eligibility, a confirmed address, "not voted in another way already"
 * and the address's cap here, inside the write.
 */
export async function castBallot(input: {
  contest: VotingContest;
  voter: Voter;
  ballot: Ballot;
  ageDeclaration: boolean | undefined;
  /** addressKey of the home address given on the ballot, in a contest with an address list. */
  addressKey?: string | null;
  /**
   * A choice kept before the address was confirmed (castPendingBallots): it counts only as the first
   * ballot, never as a move, so a kept choice read before a vote was cast meanwhile cannot overwrite it.
   */
  kept?: boolean;
  pepper: Pepper;
  now: number;
}): Promise<CastResult> {
  const { contest, voter, ballot, now } = input;
  const addressKey = contest.accountCheck === "address-list" ? (input.addressKey ?? null) : null;
  const eligibility = canVoteByAccount({ postcode: voter.postcode, ageDeclaration: input.ageDeclaration, hasAddress: addressKey !== null, contest });
  if (!eligibility.ok) return { ok: false, reason: "ineligible", ineligibility: eligibility.reason };
  // The keyed hashes are computed before the write: the write lock is held as briefly as possible.
  const pointer = ballotPointer(input.pepper, contest.id, voter.id);
  const emailKey = voterEmailKey(input.pepper, voter.email);
  const receipt = newReceiptCode();
  const receiptHash = hashReceipt(receipt, input.pepper);
  const stickers = storedStickers(ballot);
  const postcode = normalizePostcode(voter.postcode);
  const nameKey = attendeeNameKey(voter.name);
  const person = { userId: voter.id, name: voter.name, contact: voter.email };

  try {
    return await inVoteTransaction(async (tx): Promise<CastResult> => {
      const q = statements(tx.db);
      const existing = await q.ballotByPointer.get({ pointer });
      if (existing && input.kept) {
        await q.dropPending.run({ pointer });
        return { ok: false, reason: "already-voted" };
      }
      if (existing) {
        // Moving stickers: only the ballot changes; the register is untouched.
        await q.moveStickers.run({ stickers, id: existing.id });
        await replaceBallotSignups(tx.db, { contestId: contest.id, person, ideaIds: ballot.ikDoeMee ?? [], now });
        return { ok: true, kind: "moved", ballot };
      }
      if (!(await q.confirmed.get({ userId: voter.id, email: voter.email }))) {
        const ageDeclared = input.ageDeclaration === undefined ? null : Number(input.ageDeclaration);
        await q.keepPending.run({
          pointer,
          contestId: contest.id,
          stickers,
          ikDoeMee: JSON.stringify(ballot.ikDoeMee ?? []),
          ageDeclared,
          addressKey,
          at: now,
        });
        return { ok: false, reason: "unconfirmed" };
      }
      // An account checked in at the desk, or an attendee with this name at this postcode; an account
      // vote whose pointer was cleared at the reveal or that was declared invalid; an earlier account
      // of this email address.
      const registered = await q.registered.get({ contestId: contest.id, userId: voter.id, postcode, nameKey });
      if (registered) return { ok: false, reason: registered.method === "account" || registered.invalid ? "already-voted" : "registered-at-meeting" };
      if (await q.emailVoted.get({ contestId: contest.id, emailKey })) return { ok: false, reason: "already-voted" };
      const address = await addressCheck(tx, contest.id, addressKey);
      if (address) return { ok: false, reason: "ineligible", ineligibility: address };
      await q.registerAccount.run({ contestId: contest.id, userId: voter.id, emailKey, addressKey, at: now });
      await insertBallot(tx, { contestId: contest.id, channel: "online", stickers, pointer, receiptHash });
      await recordSignups(tx.db, { contestId: contest.id, person, ideaIds: ballot.ikDoeMee ?? [], now });
      await q.dropPending.run({ pointer });
      return { ok: true, kind: "first", receipt, ballot };
    });
  } catch (error) {
    // Another server process registered this account or address in the meantime: the database has the last word.
    if (isUniqueViolation(error, { table: "voter_register", column: "email_key" })) return { ok: false, reason: "already-voted" };
    if (isUniqueViolation(error, { table: "voter_register" })) return { ok: false, reason: "registered-at-meeting" };
    const address = addressRefusal(error);
    if (address) return { ok: false, reason: "ineligible", ineligibility: address };
    return refusedByDatabase(error, ballot, contest.rules);
  }
}

export type CodeState = "ok" | "unknown" | "other-contest" | "revoked" | "used";

async function codeState(
  tx: Pick<Db, "select">,
  codeHash: string,
  contestId: number,
): Promise<{ state: CodeState; codeId: number | null; addressKey: string | null }> {
  const row = await one(
    tx
      .select({ id: votingCodes.id, contestId: votingCodes.contestId, revokedAt: votingCodeBatches.revokedAt, addressKey: votingCodes.addressKey })
      .from(votingCodes)
      .innerJoin(votingCodeBatches, eq(votingCodes.batchId, votingCodeBatches.id))
      .where(eq(votingCodes.codeHash, codeHash)),
  );
  if (!row) return { state: "unknown", codeId: null, addressKey: null };
  if (row.contestId !== contestId) return { state: "other-contest", codeId: null, addressKey: null };
  if (row.revokedAt !== null) return { state: "revoked", codeId: row.id, addressKey: null };
  const used = await one(tx.select({ id: voterRegister.id }).from(voterRegister).where(eq(voterRegister.votingCodeId, row.id)));
  return { state: used ? "used" : "ok", codeId: row.id, addressKey: row.addressKey };
}

/**
 * The round a letter's code belongs to, for the short address on the letter (/stem): codes are unique
 * across rounds, so the code alone leads to its round. Null for a code nobody made.
 */
export async function contestSlugOfCode(input: { code: string; pepper: Pepper }): Promise<string | null> {
  return (
    (
      await one(
        getDb()
          .select({ slug: contests.slug })
          .from(votingCodes)
          .innerJoin(contests, eq(votingCodes.contestId, contests.id))
          .where(eq(votingCodes.codeHash, hashCode(input.code, input.pepper))),
      )
    )?.slug ?? null
  );
}

/** What a typed (well-formed) voting code is worth in this contest, before the voter places stickers. */
export async function checkVotingCode(input: { contestId: number; code: string; pepper: Pepper }): Promise<CodeState> {
  return (await codeState(getDb(), hashCode(input.code, input.pepper), input.contestId)).state;
}

export type CodeCastResult =
  | { ok: true; receipt: string; ballot: Ballot }
  | { ok: false; reason: Exclude<CodeState, "ok"> | "address-full" }
  | { ok: false; reason: "refused"; problems: BallotProblem[] };

/**
 * A vote with a one-time code: the register row names the code, the ballot has no pointer, so the
 * ballot is final from here on. A used code, a revoked batch or a code of another contest is refused
 * and nothing is written.
 */
export async function castBallotWithCode(input: {
  contest: VotingContest;
  code: string;
  ballot: Ballot;
  /** Name and contact for "ik doe mee"; needed only when an idea is ticked. */
  helper: { name: string; contact: string } | null;
  pepper: Pepper;
  now: number;
}): Promise<CodeCastResult> {
  const { contest, ballot, now } = input;
  const codeHash = hashCode(input.code, input.pepper);
  const receipt = newReceiptCode();
  const receiptHash = hashReceipt(receipt, input.pepper);
  const stickers = storedStickers(ballot);
  try {
    return await inVoteTransaction(async (tx): Promise<CodeCastResult> => {
      const { state, codeId, addressKey } = await codeState(tx.db, codeHash, contest.id);
      if (state !== "ok" || codeId === null) return { ok: false, reason: state === "ok" ? "unknown" : state };
      // A letter made for an address shares the address's ballots with the accounts living there.
      if (await addressCheck(tx, contest.id, addressKey)) return { ok: false, reason: "address-full" };
      await statements(tx.db).registerCode.run({ contestId: contest.id, codeId, addressKey, at: now });
      await insertBallot(tx, { contestId: contest.id, channel: "code", stickers, pointer: null, receiptHash });
      if (input.helper && (ballot.ikDoeMee ?? []).length > 0) {
        await recordSignups(tx.db, { contestId: contest.id, person: { userId: null, ...input.helper }, ideaIds: ballot.ikDoeMee ?? [], now });
      }
      return { ok: true, receipt, ballot };
    });
  } catch (error) {
    if (isUniqueViolation(error, { table: "voter_register" })) return { ok: false, reason: "used" };
    if (addressRefusal(error)) return { ok: false, reason: "address-full" };
    return refusedByDatabase(error, ballot, contest.rules);
  }
}

export type OwnVote =
  | { state: "none" }
  | { state: "voted"; ballot: Ballot }
  /** Registered at the keuzebijeenkomst: stickers there, not here. */
  | { state: "at-meeting" }
  /** Voted with this account; after the reveal the ballot is no longer linked to it. */
  | { state: "voted-unlinked" }
  /** An organiser declared the ballot invalid (issue 15). */
  | { state: "invalidated" };

/** The account holder's own ballot (to move stickers) with their "ik doe mee" ticks. */
export async function ownVote(input: { contestId: number; voter: Pick<Voter, "id" | "name" | "postcode">; pepper: Pepper }): Promise<OwnVote> {
  const db = getDb();
  const pointer = ballotPointer(input.pepper, input.contestId, input.voter.id);
  const row = await one(db.select({ stickers: ballots.stickers }).from(ballots).where(eq(ballots.voterPointer, pointer)));
  if (row) {
    const stored = ballotFromStored(row.stickers);
    const stuck = new Set(stored.stickers.map((s) => s.ideaId));
    const ticks = (await currentSignups({ contestId: input.contestId, userId: input.voter.id })).filter((id) => stuck.has(id));
    return { state: "voted", ballot: { ...stored, ikDoeMee: ticks } };
  }
  const registered = await statements(db).registered.get({
    contestId: input.contestId,
    userId: input.voter.id,
    postcode: normalizePostcode(input.voter.postcode),
    nameKey: attendeeNameKey(input.voter.name),
  });
  if (!registered) return { state: "none" };
  if (registered.invalid) return { state: "invalidated" };
  return registered.method === "account" ? { state: "voted-unlinked" } : { state: "at-meeting" };
}

/** The choice an account with an unconfirmed address made, kept until the address is confirmed. */
export async function pendingBallot(input: { contestId: number; userId: string; pepper: Pepper }): Promise<Ballot | null> {
  const row = await one(
    getDb()
      .select({ stickers: pendingBallots.stickers, ikDoeMee: pendingBallots.ikDoeMee })
      .from(pendingBallots)
      .where(and(eq(pendingBallots.voterPointer, ballotPointer(input.pepper, input.contestId, input.userId)), eq(pendingBallots.contestId, input.contestId))),
  );
  return row ? { ...ballotFromStored(row.stickers), ikDoeMee: JSON.parse(row.ikDoeMee) as number[] } : null;
}

/**
 * Casts the choices this account made before its address was confirmed, in the contests where
 * voting is still open (`contestOpen` says which, and gives the contest); a choice for a contest
 * that closed in the meantime is dropped. The results, for the page the person lands on.
 */
export async function castPendingBallots(input: {
  voter: Voter;
  pepper: Pepper;
  now: number;
  contestOpen: (slug: string) => Promise<VotingContest | null>;
}): Promise<{ contest: VotingContest; result: CastResult }[]> {
  const db = getDb();
  // Only the rounds that have kept choices at all; in each, the one this voter's pointer finds.
  const rounds = await many(
    db.selectDistinct({ id: contests.id, slug: contests.slug }).from(pendingBallots).innerJoin(contests, eq(contests.id, pendingBallots.contestId)),
  );
  const outcomes: { contest: VotingContest; result: CastResult }[] = [];
  for (const round of rounds) {
    const row = await one(
      db
        .select()
        .from(pendingBallots)
        .where(eq(pendingBallots.voterPointer, ballotPointer(input.pepper, round.id, input.voter.id))),
    );
    if (!row) continue;
    const contest = await input.contestOpen(round.slug);
    if (!contest) {
      await run(db.delete(pendingBallots).where(eq(pendingBallots.voterPointer, row.voterPointer)));
      continue;
    }
    const ballot = { ...ballotFromStored(row.stickers), ikDoeMee: JSON.parse(row.ikDoeMee) as number[] };
    const ageDeclaration = row.ageDeclared === null ? undefined : row.ageDeclared;
    outcomes.push({
      contest,
      result: await castBallot({
        contest,
        voter: input.voter,
        ballot,
        ageDeclaration,
        addressKey: row.addressKey,
        kept: true,
        pepper: input.pepper,
        now: input.now,
      }),
    });
  }
  return outcomes;
}

/** The stickers on the ballot behind a receipt, in this contest; null when there is none. */
export async function checkReceipt(input: { contestId: number; receipt: string; pepper: Pepper }): Promise<Ballot | null> {
  const row = await one(
    getDb()
      .select({ stickers: ballots.stickers })
      .from(ballots)
      .where(and(eq(ballots.receiptHash, hashReceipt(input.receipt, input.pepper)), eq(ballots.contestId, input.contestId))),
  );
  return row ? ballotFromStored(row.stickers) : null;
}

/**
 * How many residents voted, and how: counts only, never who or what. Ballots declared invalid do not
 * count. Read from the counts the register's triggers keep (migration 0019), not counted per view:
 * the contest page shows this on every view, and a city round has tens of thousands of voters.
 */
export async function turnout(contestId: number): Promise<Turnout> {
  const rows = await statements().turnout.all({ contestId });
  const of = (method: string) => rows.find((r) => r.method === method)?.voters ?? 0;
  const online = of("account");
  const code = of("code");
  const poster = of("poster");
  return { online, code, poster, total: online + code + poster };
}

/**
 * When each counted voter was registered, for the console's turnout over time. The register says who
 * voted and when, never what (ADR 007): these moments cannot be matched with a ballot.
 */
export async function voteTimes(contestId: number): Promise<number[]> {
  return (
    await many(
      getDb()
        .select({ at: voterRegister.registeredAt })
        .from(voterRegister)
        .where(and(eq(voterRegister.contestId, contestId), isNull(voterRegister.invalidatedAt))),
    )
  ).map((r) => r.at);
}

/** Titles of a contest's ideas, for receipts and mails. */
export async function contestIdeaTitles(contestId: number): Promise<Map<number, string>> {
  return new Map((await statements().ideaTitles.all({ contestId })).map((r) => [r.id, r.title]));
}

/** Titles of ideas, for receipts and mails. */
export async function ideaTitles(ideaIds: readonly number[]): Promise<Map<number, string>> {
  if (ideaIds.length === 0) return new Map();
  return new Map(
    (
      await many(
        getDb()
          .select({ id: ideas.id, title: ideas.title })
          .from(ideas)
          .where(inArray(ideas.id, [...new Set(ideaIds)])),
      )
    ).map((r) => [r.id, r.title]),
  );
}

/**
 * Everything the count needs (combineVotes in results/vote-totals.ts): the digital ballots by channel, and
 * the reconciled poster counts with the attendance of the meeting. For the results, after voting closes.
 */
export async function tallyInputOf(input: {
  contestId: number;
  rules: BallotRules;
  posterCounts: readonly { ideaId: number; count: number }[] | null;
}): Promise<TallyInput> {
  const db = getDb();
  const rows = await many(db.select({ channel: ballots.channel, stickers: ballots.stickers }).from(ballots).where(eq(ballots.contestId, input.contestId)));
  // Sorted by content, never by id or storage order (ADR 007).
  const of = (channel: "online" | "code") =>
    rows
      .filter((r) => r.channel === channel)
      .map((r) => r.stickers)
      .sort()
      .map((stored) => ballotFromStored(stored));
  const attendance = (await turnout(input.contestId)).poster;
  return {
    ideaIds: await ballotIdeaIds(input.contestId),
    rules: input.rules,
    onlineBallots: of("online"),
    codeBallots: of("code"),
    poster: input.posterCounts ? { counts: input.posterCounts, attendance } : null,
  };
}

/**
 * At the reveal (ADR 007): the keyed pointers go, and from then on nobody, not even someone holding
 * the pepper, can link an account to its ballot. For the results feature to call when it reveals.
 */
export async function forgetVoterPointers(contestId: number): Promise<number> {
  // Both or neither (a savepoint inside the reveal's transaction): the pointers are forgotten as one step.
  return transact(getDb(), async (tx) => {
    // Choices never confirmed go too: they are keyed by the same pointers, and voting is over.
    await run(tx.delete(pendingBallots).where(eq(pendingBallots.contestId, contestId)));
    return (await run(tx.update(ballots).set({ voterPointer: null }).where(eq(ballots.contestId, contestId)))).changes;
  });
}
