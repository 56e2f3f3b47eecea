import { many, run } from "~db/query.server";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { contests, contestSubscriptions } from "~db/schema";

// The "tell me when submission opens" sign-ups of one email address: for the AVG export and for deleting an account.

export async function subscriptionsPersonalData(db: Db, email: string) {
  return many(
    db
      .select({
        contest: contests.title,
        createdAt: contestSubscriptions.createdAt,
        confirmedAt: contestSubscriptions.confirmedAt,
        unsubscribedAt: contestSubscriptions.unsubscribedAt,
      })
      .from(contestSubscriptions)
      .innerJoin(contests, eq(contestSubscriptions.contestId, contests.id))
      .where(eq(contestSubscriptions.email, email)),
  );
}

export async function forgetSubscriptions(tx: Tx, email: string): Promise<void> {
  await run(tx.delete(contestSubscriptions).where(eq(contestSubscriptions.email, email)));
}

export async function forgetContestSubscriptions(tx: Tx, contestId: number): Promise<number> {
  return (await run(tx.delete(contestSubscriptions).where(eq(contestSubscriptions.contestId, contestId)))).changes;
}
