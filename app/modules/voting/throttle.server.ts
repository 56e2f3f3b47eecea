import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { votingThrottle } from "~db/schema";
import { blockedFor, recordFailure, type ThrottlePolicy, type ThrottleState } from "~/modules/auth/throttle";

// Rate limits of the vote (issue 6: "voting and code entry are rate-limited against guessing"),
// on the pattern of the login throttle (app/modules/auth/throttle.ts):
//
// - Wrong voting codes and wrong receipts are counted per IP address in the database, so every
//   server process sees them. 30^8 codes with 15,000 in use: one guess in 4 × 10^7 hits, and 20 wrong
//   guesses per 15 minutes per address make guessing hopeless. An IP can be a library or a community
//   centre where a whole street types codes off letters, so the limit leaves room for typing errors.
// - Ballots posted by one account are counted in memory, per server process: a resident moves
//   stickers a few times, a script hammering the vote does not get to. Kept out of the database on
//   purpose: it would add a write to every vote, the one path that has to be fast.

const minute = 60_000;
export const codeGuessPolicy: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * minute, blockMs: 15 * minute };
export const votePostPolicy = { maxPosts: 20, windowMs: 10 * minute };

export type GuessKind = "code" | "receipt";

function key(kind: GuessKind, ip: string | undefined): string {
  return `${kind}:ip:${ip ?? "unknown"}`;
}

async function load(k: string): Promise<ThrottleState | undefined> {
  const row = await one(getDb().select().from(votingThrottle).where(eq(votingThrottle.key, k)));
  return row ? { failures: row.failures, windowStartedAt: row.windowStartedAt, blockedUntil: row.blockedUntil } : undefined;
}

/** Milliseconds until this address may try a code (or receipt) again; 0 when it may try now. */
export async function guessBlockedFor(kind: GuessKind, ip: string | undefined, now: number): Promise<number> {
  return blockedFor(await load(key(kind, ip)), now);
}

export async function recordWrongGuess(kind: GuessKind, ip: string | undefined, now: number): Promise<void> {
  const k = key(kind, ip);
  await transact(getDb(), async (tx) => {
    const next = recordFailure(await load(k), now, codeGuessPolicy);
    const row = { key: k, failures: next.failures, windowStartedAt: next.windowStartedAt, blockedUntil: next.blockedUntil };
    await run(tx.insert(votingThrottle).values(row).onConflictDoUpdate({ target: votingThrottle.key, set: row }));
  });
}

/** Whole minutes to wait, for the message. */
export function minutesToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / minute));
}

const posts = new Map<string, number[]>();
let lastSweep = 0;

function recentPosts(userId: string, now: number): number[] {
  const since = now - votePostPolicy.windowMs;
  if (now - lastSweep > votePostPolicy.windowMs) {
    // Forget accounts that have been quiet for a whole window, so the map stays small.
    for (const [id, times] of posts) if ((times[times.length - 1] ?? 0) <= since) posts.delete(id);
    lastSweep = now;
  }
  const recent = (posts.get(userId) ?? []).filter((t) => t > since);
  posts.set(userId, recent);
  return recent;
}

/** May this account post a ballot now? (It has not posted too often lately.) */
export function ballotPostAllowed(userId: string, now: number): boolean {
  return recentPosts(userId, now).length < votePostPolicy.maxPosts;
}

/** Counts a ballot post by this account. */
export function recordBallotPost(userId: string, now: number): void {
  recentPosts(userId, now).push(now);
}

export function resetVoteThrottleForTests(): void {
  posts.clear();
  lastSweep = 0;
}
