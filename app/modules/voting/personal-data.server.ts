import { many, run } from "~db/query.server";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { contests, votePostWindows, voterRegister } from "~db/schema";

// What the vote knows about an account: only THAT it voted, where and how (ADR 007: the register holds
// no ballot). What was voted is not personal data we can give: nothing links it to the person.

export async function votingPersonalData(db: Db, userId: string) {
  return (
    await many(
      db
        .select({
          contest: contests.title,
          method: voterRegister.method,
          registeredAt: voterRegister.registeredAt,
          emailKey: voterRegister.emailKey,
          addressKey: voterRegister.addressKey,
          invalidReason: voterRegister.invalidReason,
        })
        .from(voterRegister)
        .innerJoin(contests, eq(voterRegister.contestId, contests.id))
        .where(eq(voterRegister.userId, userId)),
    )
  ).map(({ emailKey, addressKey, invalidReason, ...row }) => ({
    ...row,
    // Issue 15: what the register keeps so that one person votes once, and until when.
    emailKeptAsCode: emailKey !== null ? "Een versleutelde code van je e-mailadres, tot de bewaartermijn van deze ronde voorbij is." : null,
    addressKeptAsCode: addressKey !== null ? "Een versleutelde code van je adres, tot de bewaartermijn van deze ronde voorbij is." : null,
    declaredInvalid: invalidReason,
  }));
}

/**
 * Retention (AVG, ADR 007): once the results are final and the retention period is over, WHO voted
 * (accounts, codes used, attendees at the desk) is deleted; the anonymous ballots stay counted.
 */
export async function forgetVoterRegister(tx: Tx, contestId: number): Promise<number> {
  return (await run(tx.delete(voterRegister).where(eq(voterRegister.contestId, contestId)))).changes;
}

/** Account deletion: the count of ballots this account posted lately (PostgreSQL's vote limit) goes with it. */
export async function forgetVotePosts(tx: Tx, userId: string): Promise<void> {
  await run(tx.delete(votePostWindows).where(eq(votePostWindows.userId, userId)));
}
