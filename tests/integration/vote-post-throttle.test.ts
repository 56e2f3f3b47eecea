import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { many, one } from "~db/query.server";
import { users, votePostWindows } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { resetVoteThrottleForTests, takeBallotPost, votePostPolicy } from "~/modules/voting/throttle.server";
import { ballotIdeaIds } from "~/modules/voting/votes.server";
import * as voteRoute from "~/routes/rondes.$slug_.stemmen";
import { callRoute, type RouteFn } from "../support/route-call";
import { useTestDatabase } from "../support/test-db";

// The per-account limit on ballot posts on SQLite: counted in the one process's memory, with no write
// on the vote path (ADR 001, ADR 027 §4). tests/postgres/vote-post-throttle.test.ts holds PostgreSQL's.
const database = useTestDatabase();
const T = 1_800_000_000_000;

describe("the limit on ballot posts per account, on SQLite", () => {
  it("lets an account post maxPosts ballots in a window, refuses the next, and lets it post again once the window has passed", async () => {
    resetVoteThrottleForTests();
    for (let i = 0; i < votePostPolicy.maxPosts; i++) expect(await takeBallotPost("u-1", T + i)).toBe(true);
    expect(await takeBallotPost("u-1", T + 100)).toBe(false);
    expect(await takeBallotPost("u-2", T + 100)).toBe(true);
    expect(await takeBallotPost("u-1", T + votePostPolicy.windowMs + 1)).toBe(true);
  });

  it("does not count a post again that the fast vote path counted already", async () => {
    resetVoteThrottleForTests();
    for (let i = 0; i < votePostPolicy.maxPosts - 1; i++) await takeBallotPost("u-3", T);
    expect(await takeBallotPost("u-3", T)).toBe(true);
    expect(await takeBallotPost("u-3", T, { counted: true })).toBe(false);
    resetVoteThrottleForTests();
    await takeBallotPost("u-4", T);
    for (let i = 0; i < 50; i++) expect(await takeBallotPost("u-4", T, { counted: true })).toBe(true);
  });

  it("answers the vote route's post past the limit with 429, before the ballot is checked", async () => {
    resetVoteThrottleForTests();
    const now = Date.now();
    process.env.TEST_CLOCK = "1";
    await seedDemo(database.db(), { hashPassword: async () => "not-a-real-hash", now });
    const anna = (await one(database.db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!;
    const cookie = (await createSessionCookie(anna.id)).split(";")[0]!;
    const ideaIds = await ballotIdeaIds((await getContestBySlug(votingDemoSlug))!.contest.id);
    const vote = () =>
      callRoute(voteRoute.action as RouteFn, {
        path: `/rondes/${votingDemoSlug}/stemmen`,
        params: { slug: votingDemoSlug },
        cookie,
        at: now,
        body: new URLSearchParams([["sticker", String(ideaIds[0])]]),
      });
    for (let i = 0; i < votePostPolicy.maxPosts; i++) expect((await vote()) as Response).toMatchObject({ status: 302 });
    expect(await vote()).toMatchObject({ init: { status: 429 }, data: { problems: [{ key: "voting.tooFast" }] } });
  });

  it("writes nothing to the database", async () => {
    expect(await many(database.db().select().from(votePostWindows))).toEqual([]);
  });
});
