import { isUniqueViolation } from "~db/refusals.server";
import { transact } from "~db/transact.server";
import { one, many, run } from "~db/query.server";
import { and, asc, eq, or } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { users, voterRegister, votingCodes, type VoterMethod } from "~db/schema";
import { normalizePostcode } from "~/lib/postcode";
import { isInAnyArea } from "~/modules/contests/postcode";
import { attendeeNameKey } from "./ballot-secrecy";
import type { Pepper } from "~/lib/keyed-hash";
import { checkVotingCode, type CodeState, type VotingContest } from "./votes.server";
import { hashCode } from "./voting-codes";

// The check-in desk at the keuzebijeenkomst (issue 6, ADR 007): everyone who gets paper stickers is
// registered in voter_register (method poster) by voting code, by account or by name and postcode,
// so that one person gets one set of stickers whichever way they vote. The unique indexes refuse a
// second registration; for people without an account the desk sees who at that postcode already
// voted, and the organiser decides. The register is the record: no audit line per attendee.

/** How a person already voted: online with an account, with a code, or at the meeting. */
export type VotedHow = "account" | "code" | "poster";

export type DeskResult =
  | { ok: true }
  | { ok: false; reason: "already-voted"; how: VotedHow }
  | { ok: false; reason: "code"; state: Exclude<CodeState, "ok" | "used"> }
  | { ok: false; reason: "no-account" }
  | { ok: false; reason: "outside-area" };

function howOf(method: VoterMethod): VotedHow {
  return method;
}

/** The state of a code at the desk: a used code says how it was used. */
export async function lookupCodeAtDesk(input: { contest: VotingContest; code: string; pepper: Pepper }): Promise<{ state: CodeState; how: VotedHow | null }> {
  const state = await checkVotingCode({ contestId: input.contest.id, code: input.code, pepper: input.pepper });
  if (state !== "used") return { state, how: null };
  const row = await one(
    getDb()
      .select({ method: voterRegister.method })
      .from(voterRegister)
      .innerJoin(votingCodes, eq(voterRegister.votingCodeId, votingCodes.id))
      .where(eq(votingCodes.codeHash, hashCode(input.code, input.pepper))),
  );
  return { state, how: row ? howOf(row.method) : "code" };
}

export async function registerByCode(input: { contest: VotingContest; code: string; actorUserId: string; pepper: Pepper; now: number }): Promise<DeskResult> {
  const db = getDb();
  // The code's state is checked and the register written in one transaction: a revocation or another
  // desk must not come in between.
  return transact(db, async () => {
    const { state, how } = await lookupCodeAtDesk(input);
    if (state === "used") return { ok: false, reason: "already-voted", how: how ?? "code" };
    if (state !== "ok") return { ok: false, reason: "code", state };
    const code = (await one(
      db
        .select({ id: votingCodes.id })
        .from(votingCodes)
        .where(eq(votingCodes.codeHash, hashCode(input.code, input.pepper))),
    ))!;
    try {
      // A savepoint of its own, so a refused insert leaves the transaction usable (PostgreSQL ends it otherwise).
      await transact(db, () =>
        run(
          db
            .insert(voterRegister)
            .values({ contestId: input.contest.id, method: "poster", votingCodeId: code.id, registeredAt: input.now, registeredBy: input.actorUserId }),
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, reason: "already-voted", how: "code" };
      throw error;
    }
    return { ok: true };
  });
}

export type AccountAtDesk = { found: false } | { found: true; name: string; postcode: string; inArea: boolean; voted: VotedHow | null };

async function accountByEmail(email: string) {
  return one(getDb().select({ id: users.id, name: users.name, postcode: users.postcode }).from(users).where(eq(users.email, email.trim().toLowerCase())));
}

export async function lookupAccountAtDesk(input: { contest: VotingContest; email: string }): Promise<AccountAtDesk> {
  const user = await accountByEmail(input.email);
  if (!user) return { found: false };
  const row = await one(
    getDb()
      .select({ method: voterRegister.method })
      .from(voterRegister)
      .where(and(eq(voterRegister.contestId, input.contest.id), eq(voterRegister.userId, user.id))),
  );
  const postcode = normalizePostcode(user.postcode);
  return {
    found: true,
    name: user.name,
    postcode: user.postcode,
    inArea: postcode !== null && isInAnyArea(postcode, input.contest.areas),
    voted: row ? howOf(row.method) : null,
  };
}

export async function registerByAccount(input: { contest: VotingContest; email: string; actorUserId: string; now: number }): Promise<DeskResult> {
  const user = await accountByEmail(input.email);
  if (!user) return { ok: false, reason: "no-account" };
  const postcode = normalizePostcode(user.postcode);
  if (postcode === null || !isInAnyArea(postcode, input.contest.areas)) return { ok: false, reason: "outside-area" };
  try {
    await run(
      getDb()
        .insert(voterRegister)
        .values({ contestId: input.contest.id, method: "poster", userId: user.id, registeredAt: input.now, registeredBy: input.actorUserId }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await lookupAccountAtDesk(input);
    return { ok: false, reason: "already-voted", how: existing.found && existing.voted ? existing.voted : "account" };
  }
  return { ok: true };
}

export type VoterAtPostcode = { name: string; how: VotedHow };

/** Everyone at this postcode who already voted in the contest (attendees and account holders): the desk decides. */
export async function votersAtPostcode(input: { contestId: number; postcode: string }): Promise<VoterAtPostcode[]> {
  const db = getDb();
  const rows = await many(
    db
      .select({ method: voterRegister.method, attendeeName: voterRegister.attendeeName, userName: users.name })
      .from(voterRegister)
      .leftJoin(users, eq(voterRegister.userId, users.id))
      .where(and(eq(voterRegister.contestId, input.contestId), or(eq(voterRegister.attendeePostcode, input.postcode), eq(users.postcode, input.postcode))))
      .orderBy(asc(voterRegister.id)),
  );
  return rows.map((r) => ({ name: r.attendeeName ?? r.userName ?? "?", how: howOf(r.method) }));
}

export type NameAtDesk = { postcode: string | null; inArea: boolean; voters: VoterAtPostcode[]; sameName: boolean };

export async function lookupNameAtDesk(input: { contest: VotingContest; name: string; postcode: string }): Promise<NameAtDesk> {
  const postcode = normalizePostcode(input.postcode);
  if (postcode === null) return { postcode: null, inArea: false, voters: [], sameName: false };
  const voters = await votersAtPostcode({ contestId: input.contest.id, postcode });
  const key = attendeeNameKey(input.name);
  return { postcode, inArea: isInAnyArea(postcode, input.contest.areas), voters, sameName: voters.some((v) => attendeeNameKey(v.name) === key) };
}

export async function registerByName(input: { contest: VotingContest; name: string; postcode: string; actorUserId: string; now: number }): Promise<DeskResult> {
  const postcode = normalizePostcode(input.postcode);
  if (postcode === null || !isInAnyArea(postcode, input.contest.areas)) return { ok: false, reason: "outside-area" };
  const name = input.name.trim().replace(/\s+/g, " ");
  try {
    await run(
      getDb()
        .insert(voterRegister)
        .values({
          contestId: input.contest.id,
          method: "poster",
          attendeeName: name,
          attendeeNameKey: attendeeNameKey(name),
          attendeePostcode: postcode,
          registeredAt: input.now,
          registeredBy: input.actorUserId,
        }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already-voted", how: "poster" };
    throw error;
  }
  return { ok: true };
}
