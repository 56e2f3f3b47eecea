import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { contests, contestSubscriptions } from "~db/schema";

// The "tell me when submission opens" sign-ups of one email address: for the AVG export and for deleting an account.

export function subscriptionsPersonalData(db: Db, email: string) {
  return db
    .select({
      contest: contests.title,
      createdAt: contestSubscriptions.createdAt,
      confirmedAt: contestSubscriptions.confirmedAt,
      unsubscribedAt: contestSubscriptions.unsubscribedAt,
    })
    .from(contestSubscriptions)
    .innerJoin(contests, eq(contestSubscriptions.contestId, contests.id))
    .where(eq(contestSubscriptions.email, email))
    .all();
}

export function forgetSubscriptions(tx: Tx, email: string): void {
  tx.delete(contestSubscriptions).where(eq(contestSubscriptions.email, email)).run();
}

export function forgetContestSubscriptions(tx: Tx, contestId: number): number {
  return tx.delete(contestSubscriptions).where(eq(contestSubscriptions.contestId, contestId)).run().changes;
}
