import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "~db/client.server";
import { loginThrottle } from "~db/schema";
import {
  accountPolicy,
  countAttempt,
  forgiveAttempt,
  ipPolicy,
  mailAddressPolicy,
  registrationIpPolicy,
  resetIpPolicy,
  type ThrottlePolicy,
  type ThrottleState,
} from "./throttle";

// Attempts are counted in the database, so every server process sees them, and counted BEFORE the
// slow part (a password hash, a mail) in one IMMEDIATE transaction: a hundred parallel guesses can
// no longer all pass the check before the first one is counted (issue 16).

export type Limit = { key: string; policy: ThrottlePolicy };
type Tx = Db;

async function load(tx: Pick<Db, "select">, key: string): Promise<ThrottleState | undefined> {
  const row = await one(tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)));
  return row ? { failures: row.failures, windowStartedAt: row.windowStartedAt.getTime(), blockedUntil: row.blockedUntil?.getTime() ?? null } : undefined;
}

async function store(tx: Tx, key: string, state: ThrottleState): Promise<void> {
  const row = {
    key,
    failures: state.failures,
    windowStartedAt: new Date(state.windowStartedAt),
    blockedUntil: state.blockedUntil ? new Date(state.blockedUntil) : null,
  };
  await run(tx.insert(loginThrottle).values(row).onConflictDoUpdate({ target: loginThrottle.key, set: row }));
}

/** Counts one attempt against every limit; milliseconds the caller must wait, 0 when it may go ahead. */
export async function takeAttempt(limits: readonly Limit[], now: number): Promise<number> {
  return transact(getDb(), async (tx) => {
    let wait = 0;
    for (const { key, policy } of limits) {
      const { next, waitMs } = countAttempt(await load(tx, key), now, policy);
      await store(tx, key, next);
      wait = Math.max(wait, waitMs);
    }
    return wait;
  });
}

/** Takes back one counted attempt that turned out fine. */
export async function giveBackAttempt(limit: Limit): Promise<void> {
  await transact(getDb(), async (tx) => {
    const state = await load(tx, limit.key);
    if (state) await store(tx, limit.key, forgiveAttempt(state, limit.policy));
  });
}

export async function clearAttempts(key: string): Promise<void> {
  await run(getDb().delete(loginThrottle).where(eq(loginThrottle.key, key)));
}

export function loginLimits(email: string, ip: string | undefined): { account: Limit; ip: Limit | null } {
  return { account: { key: `account:${email}`, policy: accountPolicy }, ip: ip ? { key: `ip:${ip}`, policy: ipPolicy } : null };
}

/** The limits of a request that mails an address (a registration, a reset link): per address, and per IP when known. */
export function mailingLimits(kind: "register" | "reset", email: string, ip: string | undefined): Limit[] {
  const perIp = kind === "register" ? registrationIpPolicy : resetIpPolicy;
  return [{ key: `${kind}:email:${email}`, policy: mailAddressPolicy }, ...(ip ? [{ key: `${kind}:ip:${ip}`, policy: perIp }] : [])];
}
