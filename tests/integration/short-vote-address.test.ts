import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { codeGuessPolicy, resetVoteThrottleForTests } from "~/modules/voting/throttle.server";
import * as shortRoute from "~/routes/stem";
import * as codeRoute from "~/routes/rondes.$slug_.stemmen_.code";
import { useTestDatabase } from "../support/test-db";

// Issue 18.12: the short address on a voting letter (/stem) finds the code's round and fills the code
// in; a code nobody made is a guess like on the code page.

const { db } = useTestDatabase();
let code = "";

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  const organiser = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
  const contest = (await getContestBySlug(votingDemoSlug))!.contest;
  code = (await generateCodeBatch({ actorUserId: organiser, contestId: contest.id, label: "Brieven", size: 1, pepper: votingPepper(), now: Date.now() }))
    .codes[0]!;
  resetVoteThrottleForTests();
});

type Loader = (args: { request: Request; params: Record<string, string>; context: { clientIp?: string } }) => Promise<unknown>;
const open = (query: string, ip = "203.0.113.9") =>
  (shortRoute.loader as unknown as Loader)({ request: new Request(`http://localhost/stem${query}`), params: {}, context: { clientIp: ip } });

describe("/stem", () => {
  it("leads a known code, however typed, to its round's code page with the code filled in", async () => {
    const typed = code.toLowerCase().replace("-", " ");
    const answer = await open(`?code=${encodeURIComponent(typed)}`);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(302);
    expect((answer as Response).headers.get("Location")).toBe(`/rondes/${votingDemoSlug}/stemmen/code?code=${code}`);
  });

  it("fills the code in on the round's code page", async () => {
    const page = (await (codeRoute.loader as unknown as Loader)({
      request: new Request(`http://localhost/rondes/${votingDemoSlug}/stemmen/code?code=${code.toLowerCase()}`),
      params: { slug: votingDemoSlug },
      context: {},
    })) as { data: { prefill: string | null } };
    expect(page.data.prefill).toBe(code);
  });

  it("shows the form without a code, and says so for a malformed one", async () => {
    expect(await open("")).toEqual({ typed: "", message: null });
    expect(await open("?code=12")).toEqual({ typed: "12", message: { key: "voting.codeMalformed", params: {} } });
  });

  it("counts unknown codes as guesses and stops answering after too many", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < codeGuessPolicy.maxFailures; i++) {
      expect(await open("?code=AAAA-AAAA", ip)).toMatchObject({ message: { key: "voting.codeUnknown" } });
    }
    // Blocked now, even for a real code: the limit is checked before the code is looked up.
    expect(await open(`?code=${code}`, ip)).toMatchObject({ message: { key: "voting.throttled" } });
    expect(await open(`?code=${code}`)).toBeInstanceOf(Response);
  });
});
