import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { getDb } from "~db/client.server";
import { notificationOptOuts } from "~db/schema";
import { derivedKey } from "~/lib/secrets.server";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import { addressKeyOf, readUnsubscribeToken, unsubscribeToken } from "./mail-links";

// Which kinds of email an address gets. Kept per address, not per account (see the schema), so the
// preferences page of an account and the link in a mail change the same rows.

/** The keyed hash an address is known by in the notification tables. */
export const addressKeyFor = (email: string) => addressKeyOf(derivedKey("mail-links"), email);

export function linkTokenFor(email: string, kind: NotificationKind): string {
  return unsubscribeToken(derivedKey("mail-links"), email, kind);
}

export async function isMuted(email: string, kind: NotificationKind): Promise<boolean> {
  const row = await one(
    getDb()
      .select({ kind: notificationOptOuts.kind })
      .from(notificationOptOuts)
      .where(and(eq(notificationOptOuts.addressKey, addressKeyFor(email)), eq(notificationOptOuts.kind, kind))),
  );
  return row !== undefined;
}

async function mutedOf(db: Db | Tx, addressKey: string): Promise<Set<NotificationKind>> {
  return new Set(
    (await many(db.select({ kind: notificationOptOuts.kind }).from(notificationOptOuts).where(eq(notificationOptOuts.addressKey, addressKey)))).map(
      (r) => r.kind,
    ),
  );
}

/** Every kind with whether it is on, in the order of NOTIFICATION_KINDS. */
export async function preferencesOf(email: string): Promise<{ kind: NotificationKind; on: boolean }[]> {
  const muted = await mutedOf(getDb(), addressKeyFor(email));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, on: !muted.has(kind) }));
}

async function setMuted(tx: Db | Tx, addressKey: string, kind: NotificationKind, muted: boolean, now: number): Promise<void> {
  if (muted) await run(tx.insert(notificationOptOuts).values({ addressKey, kind, createdAt: now }).onConflictDoNothing());
  else await run(tx.delete(notificationOptOuts).where(and(eq(notificationOptOuts.addressKey, addressKey), eq(notificationOptOuts.kind, kind))));
}

/** The preferences page: the kinds left on are on, every other kind is off. */
export async function savePreferences(email: string, on: readonly NotificationKind[], now: number): Promise<void> {
  const addressKey = addressKeyFor(email);
  await transact(getDb(), async (tx) => {
    for (const kind of NOTIFICATION_KINDS) await setMuted(tx, addressKey, kind, !on.includes(kind), now);
  });
}

/** The link in a mail: switches its kind off (or on again). Returns the kind, or null for a link that is not ours. */
export async function setMutedByToken(token: string, muted: boolean, now: number): Promise<NotificationKind | null> {
  const link = readUnsubscribeToken(derivedKey("mail-links"), token);
  if (!link) return null;
  await setMuted(getDb(), link.addressKey, link.kind, muted, now);
  return link.kind;
}

/** The state a link's kind is in, for the page behind the link. */
export async function linkState(token: string): Promise<{ kind: NotificationKind; muted: boolean } | null> {
  const link = readUnsubscribeToken(derivedKey("mail-links"), token);
  if (!link) return null;
  return { kind: link.kind, muted: (await mutedOf(getDb(), link.addressKey)).has(link.kind) };
}
