import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { noticeDeliveries, notificationOptOuts } from "~db/schema";
import { addressKeyFor } from "./preferences.server";

// What the notification tables hold about an address (AVG, ADR 015): the kinds it switched off, and
// which scheduled notices went to it. Both are keyed by the address's keyed hash.

export function notificationsPersonalData(db: Db | Tx, email: string) {
  const addressKey = addressKeyFor(email);
  return {
    switchedOff: db
      .select({ kind: notificationOptOuts.kind })
      .from(notificationOptOuts)
      .where(eq(notificationOptOuts.addressKey, addressKey))
      .all()
      .map((r) => r.kind),
    noticesSent: db
      .select({ contestId: noticeDeliveries.contestId, notice: noticeDeliveries.event, at: noticeDeliveries.sentAt })
      .from(noticeDeliveries)
      .where(eq(noticeDeliveries.addressKey, addressKey))
      .all()
      .map((n) => ({ ...n, at: new Date(n.at).toISOString() })),
  };
}

/** A deleted account's preferences and notice log go with it. */
export function forgetNotificationData(tx: Tx, email: string): void {
  const addressKey = addressKeyFor(email);
  tx.delete(notificationOptOuts).where(eq(notificationOptOuts.addressKey, addressKey)).run();
  tx.delete(noticeDeliveries).where(eq(noticeDeliveries.addressKey, addressKey)).run();
}

/** The retention job: which notices went to whom in a finished contest is not kept. */
export function forgetContestNotices(tx: Tx, contestId: number): number {
  return tx.delete(noticeDeliveries).where(eq(noticeDeliveries.contestId, contestId)).run().changes;
}
