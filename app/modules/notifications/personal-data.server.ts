import { many, run } from "~db/query.server";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { noticeDeliveries, notificationOptOuts } from "~db/schema";
import { addressKeyFor } from "./preferences.server";

// What the notification tables hold about an address (AVG, ADR 015): the kinds it switched off, and
// which scheduled notices went to it. Both are keyed by the address's keyed hash.

export async function notificationsPersonalData(db: Db | Tx, email: string) {
  const addressKey = addressKeyFor(email);
  return {
    switchedOff: (
      await many(db.select({ kind: notificationOptOuts.kind }).from(notificationOptOuts).where(eq(notificationOptOuts.addressKey, addressKey)))
    ).map((r) => r.kind),
    noticesSent: (
      await many(
        db
          .select({ contestId: noticeDeliveries.contestId, notice: noticeDeliveries.event, at: noticeDeliveries.sentAt })
          .from(noticeDeliveries)
          .where(eq(noticeDeliveries.addressKey, addressKey)),
      )
    ).map((n) => ({ ...n, at: new Date(n.at).toISOString() })),
  };
}

/** A deleted account's preferences and notice log go with it. */
export async function forgetNotificationData(tx: Tx, email: string): Promise<void> {
  const addressKey = addressKeyFor(email);
  await run(tx.delete(notificationOptOuts).where(eq(notificationOptOuts.addressKey, addressKey)));
  await run(tx.delete(noticeDeliveries).where(eq(noticeDeliveries.addressKey, addressKey)));
}

/** The retention job: which notices went to whom in a finished contest is not kept. */
export async function forgetContestNotices(tx: Tx, contestId: number): Promise<number> {
  return (await run(tx.delete(noticeDeliveries).where(eq(noticeDeliveries.contestId, contestId)))).changes;
}
