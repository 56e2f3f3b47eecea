import { eq, inArray } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { loginThrottle } from "~db/schema";
import { accountPolicy, blockedFor, ipPolicy, recordFailure, type ThrottleState } from "./throttle";

function keys(email: string, ip: string | undefined) {
  return { account: `account:${email}`, ip: ip ? `ip:${ip}` : undefined };
}

function load(key: string): ThrottleState | undefined {
  const row = getDb().select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  return row
    ? { failures: row.failures, windowStartedAt: row.windowStartedAt.getTime(), blockedUntil: row.blockedUntil?.getTime() ?? null }
    : undefined;
}

/** Milliseconds until this account or IP may try again; 0 when it may try now. */
export function loginBlockedFor(email: string, ip: string | undefined, now: number): number {
  const k = keys(email, ip);
  return Math.max(blockedFor(load(k.account), now), k.ip ? blockedFor(load(k.ip), now) : 0);
}

export function recordLoginFailure(email: string, ip: string | undefined, now: number): void {
  const k = keys(email, ip);
  const db = getDb();
  db.transaction((tx) => {
    for (const [key, policy] of [
      [k.account, accountPolicy],
      [k.ip, ipPolicy],
    ] as const) {
      if (!key) continue;
      const next = recordFailure(load(key), now, policy);
      const row = {
        key,
        failures: next.failures,
        windowStartedAt: new Date(next.windowStartedAt),
        blockedUntil: next.blockedUntil ? new Date(next.blockedUntil) : null,
      };
      tx.insert(loginThrottle).values(row).onConflictDoUpdate({ target: loginThrottle.key, set: row }).run();
    }
  });
}

/** A correct password clears the account's count; the IP's count stays, so one good log-in cannot unlock guessing. */
export function clearLoginFailures(email: string): void {
  getDb()
    .delete(loginThrottle)
    .where(inArray(loginThrottle.key, [keys(email, undefined).account]))
    .run();
}
