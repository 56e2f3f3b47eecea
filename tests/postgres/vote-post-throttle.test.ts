import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { one, run } from "~db/query.server";
import { openPostgres, type PostgresDatabase } from "~db/pg/client.server";
import { users, votePostWindows } from "~db/schema";
import { transact } from "~db/transact.server";
import { forgetVotePosts } from "~/modules/voting/personal-data.server";
import { resetVoteThrottleForTests, takeBallotPost, votePostPolicy } from "~/modules/voting/throttle.server";
import { usePostgresDatabase } from "./database";

// Two app servers on one PostgreSQL database (two pools): an account's ballot posts are limited as one,
// not once per server (ADR 027 §4). Each server's memory is emptied between its turns, as if the two
// were separate processes: a limit kept in memory would let the account through.
const server = usePostgresDatabase({ migrated: false });
let a: PostgresDatabase | undefined;
let b: PostgresDatabase | undefined;
const T = 1_800_000_000_000;

beforeAll(async () => {
  a = await openPostgres(server.url(), { connections: 4 });
  b = await openPostgres(server.url(), { connections: 4 });
  for (const id of ["voter-1", "voter-2", "voter-3"]) {
    await run(a.db.insert(users).values({ id, email: `${id}@voorbeeld.nl`, name: id, postcode: "7411 AB", passwordHash: "x", createdAt: new Date(0) }));
  }
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const post = (db: () => PostgresDatabase, userId: string, at: number, counted = false) => {
  resetVoteThrottleForTests();
  return takeBallotPost(userId, at, { counted }, db().db);
};

describe("the limit on ballot posts per account, on PostgreSQL with two servers", () => {
  it("counts both servers' posts together: maxPosts in all, then refused on either, and allowed again after the window", async () => {
    const half = votePostPolicy.maxPosts / 2;
    for (let i = 0; i < half; i++) expect(await post(() => a!, "voter-1", T + i)).toBe(true);
    for (let i = 0; i < half; i++) expect(await post(() => b!, "voter-1", T + half + i)).toBe(true);
    expect(await post(() => a!, "voter-1", T + 100)).toBe(false);
    expect(await post(() => b!, "voter-1", T + 101)).toBe(false);
    expect(await post(() => b!, "voter-2", T + 102)).toBe(true);
    expect(await post(() => a!, "voter-1", T + votePostPolicy.windowMs)).toBe(true);
    expect((await one(a!.db.select().from(votePostWindows).where(eq(votePostWindows.userId, "voter-1"))))?.posts).toBe(1);
  });

  it("lets exactly maxPosts through of many posts sent to both servers at once", async () => {
    const posts = Array.from({ length: votePostPolicy.maxPosts + 16 }, (_, i) => takeBallotPost("voter-3", T, {}, (i % 2 ? a! : b!).db));
    const allowed = (await Promise.all(posts)).filter(Boolean);
    expect(allowed).toHaveLength(votePostPolicy.maxPosts);
  });

  it("checks without counting again a post the fast vote path counted", async () => {
    await run(a!.db.delete(votePostWindows));
    for (let i = 0; i < votePostPolicy.maxPosts; i++) await post(() => a!, "voter-2", T);
    for (let i = 0; i < 5; i++) expect(await post(() => b!, "voter-2", T, true)).toBe(true);
    expect(await post(() => b!, "voter-2", T)).toBe(false);
    expect(await post(() => a!, "voter-2", T, true)).toBe(false);
  });

  it("forgets an account's count when the account is deleted (its tombstone stays, ADR 015)", async () => {
    await post(() => a!, "voter-2", T + votePostPolicy.windowMs);
    await post(() => a!, "voter-1", T + votePostPolicy.windowMs);
    await transact(a!.db, (tx) => forgetVotePosts(tx, "voter-2"));
    expect(await one(a!.db.select().from(votePostWindows).where(eq(votePostWindows.userId, "voter-2")))).toBeUndefined();
    expect(await one(a!.db.select().from(votePostWindows).where(eq(votePostWindows.userId, "voter-1")))).toBeDefined();
  });
});
