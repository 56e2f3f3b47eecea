import { run } from "~db/query.server";
import { and, isNotNull, lt } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { users } from "~db/schema";
import { keyedHash } from "~/lib/keyed-hash";
import { votingPepper } from "~/lib/secrets.server";

/**
 * The IP address an account was registered from, as a keyed hash: equal for equal addresses (so
 * organisers can see a burst of accounts from one place), useless without the server's secret.
 */
export function signupIpKey(ip: string): string {
  return keyedHash(votingPepper(), "signup-ip", ip);
}

/** Long enough to see a burst of new accounts in any round's vote; the privacy statement names it. */
export const SIGNUP_PLACE_DAYS = 90;

/** Clears the codes of registration IPs older than SIGNUP_PLACE_DAYS (the retention job, every minute). */
export async function forgetOldSignupPlaces(now: number): Promise<number> {
  const before = new Date(now - SIGNUP_PLACE_DAYS * 24 * 60 * 60 * 1000);
  return (
    await run(
      getDb()
        .update(users)
        .set({ signupIpKey: null })
        .where(and(isNotNull(users.signupIpKey), lt(users.createdAt, before))),
    )
  ).changes;
}
