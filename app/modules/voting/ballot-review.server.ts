import { statementOn, statementsPer } from "~db/statement.server";
import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ballots, users, voterRegister } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { Pepper } from "~/lib/keyed-hash";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { phaseAt } from "~/modules/contests/phases";
import { ballotPointer } from "./ballot-secrecy";
import { countInvalid, flaggedVoters, type InvalidCount, type InvalidReason, type ReviewedVoter } from "./ballot-review";

// The organiser's check of the register before the count is final (issue 15). It reads who voted,
// never what: the ballot of a voter declared invalid is deleted unseen, the register row stays
// (so the person cannot vote again) with the reason, and the audit log says who decided why.

export async function reviewBallots(input: { contestId: number; votingStartsAt: number }) {
  const db = getDb();
  const voters: ReviewedVoter[] = (
    await many(
      db
        .select({
          registerId: voterRegister.id,
          name: users.name,
          email: users.email,
          accountCreatedAt: users.createdAt,
          signupIpKey: users.signupIpKey,
          addressKey: voterRegister.addressKey,
        })
        .from(voterRegister)
        .innerJoin(users, eq(users.id, voterRegister.userId))
        .where(and(eq(voterRegister.contestId, input.contestId), eq(voterRegister.method, "account"), isNull(voterRegister.invalidatedAt))),
    )
  ).map((v) => ({ ...v, accountCreatedAt: v.accountCreatedAt.getTime() }));
  const ipKeys = [...new Set(voters.flatMap((v) => (v.signupIpKey ? [v.signupIpKey] : [])))];
  const accountsByIp = new Map<string, number[]>();
  if (ipKeys.length > 0) {
    for (const row of await many(db.select({ key: users.signupIpKey, at: users.createdAt }).from(users).where(inArray(users.signupIpKey, ipKeys)))) {
      const list = accountsByIp.get(row.key!) ?? [];
      list.push(row.at.getTime());
      accountsByIp.set(row.key!, list);
    }
  }
  const full = await fullAddressesOf(db).all([input.contestId]);
  const fullAddresses = new Set(full.map((row) => row.key));
  return {
    flagged: flaggedVoters(voters, { votingStartsAt: input.votingStartsAt, accountsByIp, fullAddresses }),
    invalid: await invalidBallots(input.contestId),
  };
}

export type InvalidateResult = { ok: true; name: string } | { ok: false; reason: "not-found" | "already-invalid" };

/**
 * Declares an account's ballot invalid. The caller checks that the count is not final yet (after that,
 * one ballot fewer would show in the totals). Only account ballots can be found: a code ballot is
 * linked to nothing by design (ADR 007), so a code is revoked before use instead.
 */
export async function declareBallotInvalid(input: {
  actorUserId: string;
  contestId: number;
  registerId: number;
  reason: InvalidReason;
  note: string;
  pepper: Pepper;
  now: number;
}): Promise<InvalidateResult> {
  const db = getDb();
  return transact(db, async (tx) => {
    const row = await one(
      tx
        .select({ userId: voterRegister.userId, invalidatedAt: voterRegister.invalidatedAt, name: users.name })
        .from(voterRegister)
        .innerJoin(users, eq(users.id, voterRegister.userId))
        .where(and(eq(voterRegister.id, input.registerId), eq(voterRegister.contestId, input.contestId), eq(voterRegister.method, "account"))),
    );
    if (!row || !row.userId) return { ok: false, reason: "not-found" } as const;
    if (row.invalidatedAt !== null) return { ok: false, reason: "already-invalid" } as const;
    await run(tx.delete(ballots).where(eq(ballots.voterPointer, ballotPointer(input.pepper, input.contestId, row.userId))));
    await run(
      tx
        .update(voterRegister)
        .set({ invalidatedAt: input.now, invalidatedBy: input.actorUserId, invalidReason: input.reason })
        .where(eq(voterRegister.id, input.registerId)),
    );
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "voting.ballot-invalidated",
      subject: String(input.registerId),
      after: { voter: row.name, reason: input.reason },
      reason: input.note,
      at: input.now,
    });
    return { ok: true, name: row.name };
  });
}

/** How many ballots of the round were declared invalid, and why, in general terms. */
export async function invalidBallots(contestId: number): Promise<InvalidCount> {
  const reasons = (
    await many(
      getDb()
        .select({ reason: voterRegister.invalidReason })
        .from(voterRegister)
        .where(and(eq(voterRegister.contestId, contestId), isNotNull(voterRegister.invalidatedAt))),
    )
  ).map((r) => r.reason!);
  return countInvalid(reasons);
}

export type ReviewSummary = { flagged: number; invalid: number };

/** When voting started, as the schedule stands after the organiser's changes. */
export function votingStartOf(details: ContestDetails): number {
  return (phaseAt(details.clock, 0).schedule ?? details.schedule)?.stemmen.start ?? 0;
}

/** The counts the Uitslag tab shows before the count is final. */
export async function reviewSummary(details: ContestDetails): Promise<ReviewSummary> {
  const review = await reviewBallots({ contestId: details.contest.id, votingStartsAt: votingStartOf(details) });
  return { flagged: review.flagged.length, invalid: review.invalid.total };
}
// Addresses whose residents have all voted; plain SQL, the same text on both databases.
const fullAddressesOf = statementsPer((db) =>
  statementOn<[number], { key: string }>(
    db,
    `SELECT a.address_key AS key FROM eligible_addresses AS a
      WHERE a.contest_id = ? AND a.voters <= (SELECT count(*) FROM voter_register AS r
            WHERE r.contest_id = a.contest_id AND r.address_key = a.address_key AND r.invalidated_at IS NULL)`,
  ),
);
