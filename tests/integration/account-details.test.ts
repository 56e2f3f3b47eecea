import { one, many } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ballots, sessions, users, voterRegister } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { changePassword, registerAccount, updateProfile, verifyLogin } from "~/modules/auth/accounts.server";
import { markEmailConfirmed } from "~/modules/auth/email-confirmation.server";
import { createSessionCookie, getAuth } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { ballotIdeaIds, castBallot, ownVote, votingContestOf, type Voter, type VotingContest } from "~/modules/voting/votes.server";
import * as changeRoute from "~/routes/account_.wijzigen";
import { callRoute, formOf, type RouteFn } from "../support/route-call";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// Mijn account › Gegevens wijzigen (issue 18.5): a resident changes name, postcode, language and
// password; a new postcode never moves, adds or undoes a ballot already cast (ADR 007, ADR 019).

const { db } = useTestDatabase();
const now = Date.now();
const origin = "http://localhost";
const password = "fietsen langs de ijssel";
let contest: VotingContest;
let ideaIds: number[] = [];
let ipCounter = 0;

async function newResident(email: string, postcode = "7416 BK"): Promise<string> {
  const result = await registerAccount({ name: "Lotte", email, password, postcode, locale: "nl", ip: `10.18.5.${++ipCounter}`, origin });
  if (!result.ok || !result.userId) throw new Error(`no account for ${email}`);
  await markEmailConfirmed(result.userId, now);
  return result.userId;
}
const userRow = async (id: string) => (await one(db().select().from(users).where(eq(users.id, id))))!;
const voterOf = async (id: string): Promise<Voter> => {
  const u = await userRow(id);
  return { id: u.id, name: u.name, email: u.email, postcode: u.postcode };
};
const sticks = (...ids: number[]) => ({ stickers: ids.map((ideaId) => ({ ideaId })), ikDoeMee: [] as number[] });
const vote = async (id: string, ids: number[]) =>
  castBallot({ contest, voter: await voterOf(id), ballot: sticks(...ids), ageDeclaration: undefined, pepper: votingPepper(), now });
const counts = async () => ({
  ballots: (await many(db().select().from(ballots).where(eq(ballots.contestId, contest.id)))).length,
  register: (await many(db().select().from(voterRegister).where(eq(voterRegister.contestId, contest.id)))).length,
});
const post = (cookie: string, fields: Record<string, string>) =>
  callRoute(changeRoute.action as RouteFn, { path: "/account/wijzigen", cookie: cookie.split(";")[0]!, body: formOf(fields) });

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
  ideaIds = await ballotIdeaIds(contest.id);
});

describe("changing name, postcode and language", () => {
  it("is only for someone logged in", async () => {
    const result = await callRoute(changeRoute.loader as RouteFn, { path: "/account/wijzigen" });
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toMatch(/^\/inloggen\?redirectTo=/);
  });

  it("saves a new name, a moved postcode (normalised) and the language for the site and the mails", async () => {
    const id = await newResident("verhuisd@voorbeeld.nl");
    const cookie = await createSessionCookie(id);
    const saved = await post(cookie, { intent: "details", name: "Lotte de Vries", postcode: "7411ab", locale: "en" });
    expect(statusOf(saved)).toBe(302);
    expect((saved as Response).headers.getSetCookie().some((c) => c.startsWith("wv_lang=en;"))).toBe(true);
    expect(await userRow(id)).toMatchObject({ name: "Lotte de Vries", postcode: "7411 AB", locale: "en", email: "verhuisd@voorbeeld.nl" });
  });

  it("refuses a postcode that is not one, an empty name and an unknown language, and changes nothing", async () => {
    const id = await newResident("fout@voorbeeld.nl");
    const cookie = await createSessionCookie(id);
    for (const fields of [
      { name: "Lotte", postcode: "12345", locale: "nl" },
      { name: " ", postcode: "7416 BK", locale: "nl" },
      { name: "Lotte", postcode: "7416 BK", locale: "de" },
      { name: "x".repeat(81), postcode: "7416 BK", locale: "nl" },
    ]) {
      expect(statusOf(await post(cookie, { intent: "details", ...fields }))).toBe(400);
    }
    expect(await userRow(id)).toMatchObject({ name: "Lotte", postcode: "7416 BK", locale: "nl" });
  });
});

describe("a new postcode and a ballot already cast", () => {
  it("leaves the ballot where it was cast, counted once, with its stickers", async () => {
    const id = await newResident("stemmer@voorbeeld.nl");
    expect(await vote(id, [ideaIds[0]!, ideaIds[1]!])).toMatchObject({ ok: true, kind: "first" });
    const before = await counts();
    await updateProfile({ userId: id, name: "Lotte", postcode: "9401 AA", locale: "nl" }); // moved to Assen
    expect(await counts()).toEqual(before);
    expect(await ownVote({ contestId: contest.id, voter: await voterOf(id), pepper: votingPepper() })).toMatchObject({
      state: "voted",
      ballot: { stickers: [{ ideaId: ideaIds[0] }, { ideaId: ideaIds[1] }] },
    });
  });

  it("cannot move the stickers from outside the area, and moving back into it gives no second ballot", async () => {
    const id = await newResident("weg@voorbeeld.nl");
    expect(await vote(id, [ideaIds[0]!])).toMatchObject({ ok: true, kind: "first" });
    const before = await counts();
    await updateProfile({ userId: id, name: "Lotte", postcode: "9401 AA", locale: "nl" });
    expect(await vote(id, [ideaIds[2]!])).toMatchObject({ ok: false, reason: "ineligible" });
    expect(await ownVote({ contestId: contest.id, voter: await voterOf(id), pepper: votingPepper() })).toMatchObject({
      ballot: { stickers: [{ ideaId: ideaIds[0] }] },
    });

    await updateProfile({ userId: id, name: "Lotte", postcode: "7416 BK", locale: "nl" });
    expect(await vote(id, [ideaIds[2]!])).toMatchObject({ ok: true, kind: "moved" });
    expect(await counts()).toEqual(before);
  });
});

describe("changing the password", () => {
  it("needs the current password, then logs out every other device and works at the next login", async () => {
    const id = await newResident("wachtwoord@voorbeeld.nl");
    const other = await createSessionCookie(id);
    const mine = await createSessionCookie(id);
    const wrong = await post(mine, { intent: "password", currentPassword: "niet mijn wachtwoord", password: "een nieuw lang wachtwoord" });
    expect(statusOf(wrong)).toBe(400);
    expect(await verifyLogin({ email: "wachtwoord@voorbeeld.nl", password, ip: undefined })).toMatchObject({ ok: true });

    const changed = await post(mine, { intent: "password", currentPassword: password, password: "een nieuw lang wachtwoord" });
    expect(statusOf(changed)).toBe(302);
    // The device that changed it gets a new session; every earlier one is gone.
    expect(await many(db().select().from(sessions).where(eq(sessions.userId, id)))).toHaveLength(1);
    expect((await getAuth(new Request(origin, { headers: { Cookie: other.split(";")[0]! } }))).user).toBeNull();
    const fresh = (changed as Response).headers.getSetCookie().find((c) => !c.startsWith("wv_flash"))!;
    expect((await getAuth(new Request(origin, { headers: { Cookie: fresh.split(";")[0]! } }))).user?.id).toBe(id);
    expect(await verifyLogin({ email: "wachtwoord@voorbeeld.nl", password: "een nieuw lang wachtwoord", ip: undefined })).toMatchObject({ ok: true });
    expect(await verifyLogin({ email: "wachtwoord@voorbeeld.nl", password, ip: undefined })).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("refuses a weak new password", async () => {
    const id = await newResident("zwak@voorbeeld.nl");
    expect(statusOf(await post(await createSessionCookie(id), { intent: "password", currentPassword: password, password: "kort" }))).toBe(400);
    expect(await verifyLogin({ email: "zwak@voorbeeld.nl", password, ip: undefined })).toMatchObject({ ok: true });
  });

  it("counts wrong guesses with the login's limit, before checking: after five, even the right one waits", async () => {
    const id = await newResident("raden@voorbeeld.nl");
    for (let i = 0; i < 5; i++) {
      expect(await changePassword({ userId: id, currentPassword: `gok ${i}`, newPassword: "een nieuw lang wachtwoord", now })).toEqual({
        ok: false,
        reason: "wrong-current",
      });
    }
    expect(await changePassword({ userId: id, currentPassword: password, newPassword: "een nieuw lang wachtwoord", now })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await verifyLogin({ email: "raden@voorbeeld.nl", password, ip: undefined, now })).toMatchObject({ ok: false, reason: "throttled" });
  });
});
