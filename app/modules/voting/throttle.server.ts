import { one, run } from "~db/query.server";
import { dialectOf, transact } from "~db/transact.server";
import { eq, sql } from "drizzle-orm";
import { getDb, type Db } from "~db/client.server";
import { votePostWindows, votingThrottle } from "~db/schema";
import { blockedFor, recordFailure, type ThrottlePolicy, type ThrottleState } from "~/modules/auth/throttle";

// Rate limits of the vote (issue 6: "voting and code entry are rate-limited against guessing"),
// on the pattern of the login throttle (app/modules/auth/throttle.ts):
//
// - Wrong voting codes and wrong receipts are counted per IP address in the database, so every
//   server process sees them. 30^8 codes with 15,000 in use: one guess in 4 × 10^7 hits, and 20 wrong
//   guesses per 15 minutes per address make guessing hopeless. An IP can be a library or a community
//   centre where a whole street types codes off letters, so the limit leaves room for typing errors.
// - Ballots posted by one account are limited: a resident moves stickers a few times, a script
//   hammering the vote does not get to. On SQLite they are counted in memory: SQLite is one process
//   (ADR 001), and a write on every vote, the one path that has to be fast, is kept out on purpose.
//   On PostgreSQL several servers share the database, and each server's memory would let an account
//   post the limit once per server: there they are counted in the database (takeBallotPost below).

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

/**
 * Counts a ballot post by this account and says whether it may go on (it has not posted too often
 * lately). `counted`: the fast vote path counted this same post already, and Remix now runs the action
 * again to render its answer (ADR 010): checked, not counted twice.
 */
export async function takeBallotPost(userId: string, now: number, { counted = false } = {}, db: Db = getDb()): Promise<boolean> {
  if (dialectOf(db) === "postgres") return counted ? ballotPostWithinLimit(db, userId, now) : countBallotPost(db, userId, now);
  // SQLite: the limit in this process's memory, as before; a refused post is not counted.
  if (recentPosts(userId, now).length >= votePostPolicy.maxPosts) return false;
  if (!counted) recentPosts(userId, now).push(now);
  return true;
}

/**
 * PostgreSQL: one upsert on the account's window row, counted before checking, so posts that several
 * servers take at once are counted one after the other (the row is locked by the upsert for the rest of
 * its statement). A fixed window of `windowMs` from the first post in it, not a sliding one: at a
 * window's edge an account may post up to twice the limit in a short time, still far from a script's pace.
 */
async function countBallotPost(db: Db, userId: string, now: number): Promise<boolean> {
  const over = sql`${votePostWindows.windowStartedAt} <= ${now - votePostPolicy.windowMs}`;
  const row = await one(
    db
      .insert(votePostWindows)
      .values({ userId, windowStartedAt: now, posts: 1 })
      .onConflictDoUpdate({
        target: votePostWindows.userId,
        set: {
          posts: sql`CASE WHEN ${over} THEN 1 ELSE ${votePostWindows.posts} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${over} THEN ${now} ELSE ${votePostWindows.windowStartedAt} END`,
        },
      })
      .returning({ posts: votePostWindows.posts }),
  );
  return row !== undefined && row.posts <= votePostPolicy.maxPosts;
}

async function ballotPostWithinLimit(db: Db, userId: string, now: number): Promise<boolean> {
  const row = await one(db.select().from(votePostWindows).where(eq(votePostWindows.userId, userId)));
  return !row || row.windowStartedAt <= now - votePostPolicy.windowMs || row.posts <= votePostPolicy.maxPosts;
}

export function resetVoteThrottleForTests(): void {
  posts.clear();
  lastSweep = 0;
}
