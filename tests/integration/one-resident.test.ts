import { one, many, run } from "~db/query.server";
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, ballots, contests, devMailbox, pendingBallots, users, voterRegister } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { backgroundMailSent } from "~/lib/mail.server";
import { votingPepper } from "~/lib/secrets.server";
import { registerAccount } from "~/modules/auth/accounts.server";
import { confirmEmail } from "~/modules/auth/email-confirmation.server";
import { hashPassword } from "~/modules/auth/password.server";
import { deleteAccount, exportPersonalData } from "~/workflows/personal-data.server";
import { forgetOldSignupPlaces } from "~/modules/auth/signup-ip.server";
import { addPhaseOverride, finaliseVoting } from "~/modules/contests/console.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { resultsForOrganiser } from "~/modules/results/results.server";
import { saveAddressList } from "~/modules/voting/address-list.server";
import { declareBallotInvalid, invalidBallots, reviewBallots } from "~/modules/voting/ballot-review.server";
import { addressKey, normalizeAddress, voterEmailKey } from "~/modules/voting/voter-identity";
import {
  ballotIdeaIds,
  castBallot,
  castBallotWithCode,
  castPendingBallots,
  ownVote,
  pendingBallot,
  turnout,
  votingContestOf,
  type Voter,
  type VotingContest,
} from "~/modules/voting/votes.server";
import { useTestDatabase } from "../support/test-db";
import { refusedBy } from "../support/refused-by";

// "One resident, one set of stickers" under attack (issue 15): what someone with a script, ten email
// addresses or an organiser's console would try, each refused by the use cases and by the database.

const { db } = useTestDatabase();
const now = Date.now();
const password = "fietsen langs de ijssel";
const origin = "http://localhost";
let contest: VotingContest;
let ideaIds: number[] = [];
let organiser = "";
let ipCounter = 0;

const sticks = (...ids: number[]) => ({ stickers: ids.map((ideaId) => ({ ideaId })), ikDoeMee: [] as number[] });
const ballotCount = async () => (await many(db().select().from(ballots).where(eq(ballots.contestId, contest.id)))).length;
const voterOf = async (id: string): Promise<Voter> => {
  const u = (await one(db().select().from(users).where(eq(users.id, id))))!;
  return { id: u.id, name: u.name, email: u.email, postcode: u.postcode };
};
const vote = (voter: Voter, ids: number[], extra: { addressKey?: string | null; at?: number } = {}) =>
  castBallot({ contest, voter, ballot: sticks(...ids), ageDeclaration: undefined, addressKey: extra.addressKey, pepper: votingPepper(), now: extra.at ?? now });

/** A new account as the registration form makes it, from its own IP unless one is given; confirmed through the mailed link if asked. */
async function newAccount(email: string, options: { confirm: boolean; ip?: string; postcode?: string }): Promise<string> {
  const result = await registerAccount({
    name: email.split("@")[0]!,
    email,
    password,
    postcode: options.postcode ?? "7416 BK",
    locale: "nl",
    ip: options.ip ?? `10.15.0.${++ipCounter}`,
    origin,
  });
  if (!result.ok || !result.userId) throw new Error(`no account for ${email}`);
  if (options.confirm) {
    await backgroundMailSent();
    const mail = (await many(db().select().from(devMailbox).where(eq(devMailbox.to, email)))).at(-1)!;
    const token = decodeURIComponent(mail.text.match(/token=(\S+)/)![1]!);
    expect(await confirmEmail({ token, now })).toMatchObject({ userId: result.userId });
  }
  return result.userId;
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
  ideaIds = await ballotIdeaIds(contest.id);
  organiser = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
});

describe("accounts with made-up addresses", () => {
  it("count no ballot until the address is confirmed (three fake accounts left the count at 2, issue 15)", async () => {
    const before = { ballots: await ballotCount(), turnout: await turnout(contest.id) };
    for (let i = 0; i < 3; i++) {
      const id = await newAccount(`verzonnen${i}@nergens.example`, { confirm: false });
      expect(await vote(await voterOf(id), [ideaIds[0]!])).toEqual({ ok: false, reason: "unconfirmed" });
    }
    expect(await ballotCount()).toBe(before.ballots);
    expect(await turnout(contest.id)).toEqual(before.turnout);
    // The database refuses an account vote that carries no confirmed address's key.
    await expect(async () =>
      db()
        .$client.prepare("INSERT INTO voter_register (contest_id, method, user_id, registered_at) VALUES (?, 'account', ?, ?)")
        .run(contest.id, (await voterOf(organiser)).id, now),
    ).rejects.toThrow(refusedBy(/an account vote needs its email key/));
  });

  it("keep the stickers an unconfirmed resident chose, and store exactly those once the mailed link is used", async () => {
    const id = await newAccount("later@voorbeeld.nl", { confirm: false });
    const voter = await voterOf(id);
    expect(await vote(voter, [ideaIds[1]!, ideaIds[2]!])).toEqual({ ok: false, reason: "unconfirmed" });
    expect((await pendingBallot({ contestId: contest.id, userId: id, pepper: votingPepper() }))?.stickers).toEqual([
      { ideaId: ideaIds[1] },
      { ideaId: ideaIds[2] },
    ]);
    // Nothing in the kept choice names the resident: only the pepper leads to it, as for a ballot.
    expect(JSON.stringify(await many(db().select().from(pendingBallots)))).not.toContain(id);

    await backgroundMailSent();
    const mail = (await one(db().select().from(devMailbox).where(eq(devMailbox.to, "later@voorbeeld.nl"))))!;
    expect(await confirmEmail({ token: decodeURIComponent(mail.text.match(/token=(\S+)/)![1]!), now })).toMatchObject({ userId: id });
    const before = await ballotCount();
    const cast = await castPendingBallots({ voter, pepper: votingPepper(), now, contestOpen: async (slug) => (slug === contest.slug ? contest : null) });
    expect(cast).toHaveLength(1);
    expect(cast[0]!.result).toMatchObject({ ok: true, kind: "first" });
    expect(await ballotCount()).toBe(before + 1);
    expect(await ownVote({ contestId: contest.id, voter, pepper: votingPepper() })).toMatchObject({
      state: "voted",
      ballot: { stickers: [{ ideaId: ideaIds[1] }, { ideaId: ideaIds[2] }] },
    });
    expect(await pendingBallot({ contestId: contest.id, userId: id, pepper: votingPepper() })).toBeNull();
    // The three fake accounts' choices wait still, unconfirmed and uncounted.
    expect(await many(db().select().from(pendingBallots))).toHaveLength(3);
  });

  it("cast a kept choice only as the first ballot: a vote cast while the confirm page runs is not overwritten by the older choice", async () => {
    const id = await newAccount("tweemaal@voorbeeld.nl", { confirm: false });
    const voter = await voterOf(id);
    expect(await vote(voter, [ideaIds[1]!, ideaIds[2]!])).toEqual({ ok: false, reason: "unconfirmed" });
    await backgroundMailSent();
    const mail = (await one(db().select().from(devMailbox).where(eq(devMailbox.to, "tweemaal@voorbeeld.nl"))))!;
    expect(await confirmEmail({ token: decodeURIComponent(mail.text.match(/token=(\S+)/)![1]!), now })).toMatchObject({ userId: id });
    const before = await ballotCount();
    // castPendingBallots has read the kept choice when it asks whether voting is open: the resident's
    // other tab votes in that moment, with other stickers.
    const cast = await castPendingBallots({
      voter,
      pepper: votingPepper(),
      now,
      contestOpen: async (slug) => {
        expect(await vote(voter, [ideaIds[0]!])).toMatchObject({ ok: true, kind: "first" });
        return slug === contest.slug ? contest : null;
      },
    });
    expect(cast.map((c) => c.result)).toEqual([{ ok: false, reason: "already-voted" }]);
    expect(await ballotCount()).toBe(before + 1);
    expect(await ownVote({ contestId: contest.id, voter, pepper: votingPepper() })).toMatchObject({
      state: "voted",
      ballot: { stickers: [{ ideaId: ideaIds[0] }] },
    });
    expect(await pendingBallot({ contestId: contest.id, userId: id, pepper: votingPepper() })).toBeNull();
  });
});

describe("deleting an account", () => {
  it("does not give a second ballot to the same address registered again (two ballots counted before, issue 15)", async () => {
    const email = "opnieuw@voorbeeld.nl";
    const first = await newAccount(email, { confirm: true });
    expect(await vote(await voterOf(first), [ideaIds[0]!, ideaIds[1]!])).toMatchObject({ ok: true, kind: "first" });
    const before = await ballotCount();
    await run(
      db()
        .update(users)
        .set({ passwordHash: await hashPassword(password) })
        .where(eq(users.id, first)),
    );
    expect(await deleteAccount({ userId: first, password, now })).toEqual({ ok: true });

    const second = await newAccount(email, { confirm: true });
    expect(second).not.toBe(first);
    expect(await vote(await voterOf(second), [ideaIds[4]!])).toEqual({ ok: false, reason: "already-voted" });
    expect(await ballotCount()).toBe(before);
    const keyed = await many(
      db()
        .select()
        .from(voterRegister)
        .where(and(eq(voterRegister.contestId, contest.id), eq(voterRegister.emailKey, voterEmailKey(votingPepper(), email)))),
    );
    expect(keyed).toHaveLength(1);
    // The register keeps a keyed hash, never the address itself.
    expect(JSON.stringify(keyed)).not.toContain(email);
    // The database refuses a second register row with the same key, whatever the code missed.
    await expect(async () =>
      run(
        db()
          .insert(voterRegister)
          .values({ contestId: contest.id, method: "account", userId: second, emailKey: voterEmailKey(votingPepper(), email), registeredAt: now }),
      ),
    ).rejects.toThrow(refusedBy("unique", { table: "voter_register", column: "email_key" }));
  });
});

describe("what is kept, and for how long", () => {
  it("says in the data download what the register keeps, and forgets the registration place after 90 days", async () => {
    const id = await newAccount("inzage@voorbeeld.nl", { confirm: true });
    await vote(await voterOf(id), [ideaIds[0]!]);
    const exported = (await exportPersonalData(id, now))!;
    expect(exported.account.emailConfirmedAt).not.toBeNull();
    expect(exported.account.signupPlaceKeptAsCode).toMatch(/90 dagen/);
    expect(exported.votedIn).toEqual([
      expect.objectContaining({ method: "account", emailKeptAsCode: expect.stringMatching(/bewaartermijn/), addressKeptAsCode: null }),
    ]);
    expect(JSON.stringify(exported)).not.toContain(voterEmailKey(votingPepper(), "inzage@voorbeeld.nl"));

    expect(await forgetOldSignupPlaces(now + 89 * 24 * 3600_000)).toBe(0);
    expect(await forgetOldSignupPlaces(now + 91 * 24 * 3600_000)).toBeGreaterThan(0);
    expect((await one(db().select().from(users).where(eq(users.id, id))))!.signupIpKey).toBeNull();
  });
});

describe("declaring a ballot invalid", () => {
  it("deletes it unseen, logs who decided why, keeps it out of the count and says how many and why", async () => {
    const id = await newAccount("nep@mailinator.com", { confirm: true });
    expect(await vote(await voterOf(id), [ideaIds[3]!])).toMatchObject({ ok: true });
    const review = await reviewBallots({ contestId: contest.id, votingStartsAt: now - 1000 });
    const flagged = review.flagged.find((v) => v.email === "nep@mailinator.com")!;
    expect(flagged.signals).toEqual(["new-during-voting", "throwaway-domain"]);
    const before = { ballots: await ballotCount(), online: (await turnout(contest.id)).online };

    const done = await declareBallotInvalid({
      actorUserId: organiser,
      contestId: contest.id,
      registerId: flagged.registerId,
      reason: "fake-account",
      note: "Wegwerpadres, geen bewoner bekend",
      pepper: votingPepper(),
      now,
    });
    expect(done).toEqual({ ok: true, name: "nep" });
    expect(await ballotCount()).toBe(before.ballots - 1);
    expect((await turnout(contest.id)).online).toBe(before.online - 1);
    expect(await invalidBallots(contest.id)).toEqual({ total: 1, byReason: { "fake-account": 1 } });
    const logged = await many(db().select().from(auditLog).where(eq(auditLog.action, "voting.ballot-invalidated")));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ userId: organiser, reason: "Wegwerpadres, geen bewoner bekend" });
    expect(logged[0]!.after).not.toContain(String(ideaIds[3]));
    expect(await ownVote({ contestId: contest.id, voter: await voterOf(id), pepper: votingPepper() })).toEqual({ state: "invalidated" });
    expect(await vote(await voterOf(id), [ideaIds[0]!])).toEqual({ ok: false, reason: "already-voted" });
    expect(
      await declareBallotInvalid({
        actorUserId: organiser,
        contestId: contest.id,
        registerId: flagged.registerId,
        reason: "other",
        note: "nog eens",
        pepper: votingPepper(),
        now,
      }),
    ).toEqual({ ok: false, reason: "already-invalid" });
  });

  it("shows a burst of accounts from one place as a signal", async () => {
    for (let i = 0; i < 3; i++) {
      const id = await newAccount(`golf${i}@voorbeeld.nl`, { confirm: true, ip: "10.99.0.1" });
      expect(await vote(await voterOf(id), [ideaIds[0]!])).toMatchObject({ ok: true });
    }
    const review = await reviewBallots({ contestId: contest.id, votingStartsAt: now + 60 * 60_000 });
    const burst = review.flagged.filter((v) => v.signals.includes("burst")).map((v) => v.email);
    expect(burst.sort()).toEqual(["golf0@voorbeeld.nl", "golf1@voorbeeld.nl", "golf2@voorbeeld.nl"]);
  });
});

describe("a round with the municipality's address list", () => {
  it("gives an address at most as many ballots as residents, across accounts and letter codes together", async () => {
    await run(db().update(contests).set({ accountCheck: "address-list" }).where(eq(contests.id, contest.id)));
    contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
    const home = normalizeAddress({ postcode: "7416 BK", houseNumber: "12", addition: "a" })!;
    const saved = await saveAddressList({
      actorUserId: organiser,
      contestId: contest.id,
      addresses: [
        { address: home, voters: 2 },
        { address: normalizeAddress({ postcode: "7416 BK", houseNumber: "14" })!, voters: 1 },
      ],
      letters: { label: "Brieven adressen" },
      pepper: votingPepper(),
      now,
    });
    expect(saved).toMatchObject({ addresses: 2, voters: 3 });
    const homeCodes = saved.letters.filter((l) => l.address === home).map((l) => l.code);
    expect(homeCodes).toHaveLength(2);
    const key = addressKey(votingPepper(), home);

    expect(await castBallotWithCode({ contest, code: homeCodes[0]!, ballot: sticks(ideaIds[0]!), helper: null, pepper: votingPepper(), now })).toMatchObject({
      ok: true,
    });
    const resident = await voterOf(await newAccount("thuis@voorbeeld.nl", { confirm: true }));
    expect(await vote(resident, [ideaIds[1]!])).toEqual({ ok: false, reason: "ineligible", ineligibility: "address-missing" });
    expect(
      await vote(resident, [ideaIds[1]!], { addressKey: addressKey(votingPepper(), normalizeAddress({ postcode: "7416 BK", houseNumber: "99" })!) }),
    ).toEqual({
      ok: false,
      reason: "ineligible",
      ineligibility: "address-not-listed",
    });
    expect(await vote(resident, [ideaIds[1]!], { addressKey: key })).toMatchObject({ ok: true, kind: "first" });
    // Two residents, two ballots: the second letter and a third account at the address are refused.
    expect(await castBallotWithCode({ contest, code: homeCodes[1]!, ballot: sticks(ideaIds[2]!), helper: null, pepper: votingPepper(), now })).toEqual({
      ok: false,
      reason: "address-full",
    });
    const third = await voterOf(await newAccount("huisgenoot@voorbeeld.nl", { confirm: true }));
    expect(await vote(third, [ideaIds[2]!], { addressKey: key })).toEqual({ ok: false, reason: "ineligible", ineligibility: "address-full" });
    // The database holds the cap by itself.
    await expect(async () =>
      run(
        db()
          .insert(voterRegister)
          .values({ contestId: contest.id, method: "account", userId: third.id, emailKey: "f".repeat(64), addressKey: key, registeredAt: now }),
      ),
    ).rejects.toThrow(refusedBy(/register: address at its cap/));
    // The list holds keyed hashes only, never an address.
    expect(JSON.stringify(db().$client.prepare("SELECT * FROM eligible_addresses").all())).not.toMatch(/7416 ?BK/);
    expect(
      await many(
        db()
          .select()
          .from(voterRegister)
          .where(and(eq(voterRegister.contestId, contest.id), isNotNull(voterRegister.addressKey))),
      ),
    ).toHaveLength(2);

    await run(db().update(contests).set({ accountCheck: "postcode" }).where(eq(contests.id, contest.id)));
    contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
  });
});

describe("totals and reopening (issue 15: an organiser could difference two totals)", () => {
  it("shows no totals until the count is final, and after that never reopens voting", async () => {
    const actor = { userId: organiser };
    const closedAt = now + 1000;
    // The steps: close voting early, read the totals, reopen, let one resident vote, read again.
    expect(
      await addPhaseOverride({
        actor,
        details: (await getContestBySlug(votingDemoSlug))!,
        override: { kind: "close-early", phase: "stemmen", nextPhase: "now", reason: "Vroeg dicht" },
        now: closedAt,
      }),
    ).toEqual({ ok: true });
    expect((await resultsForOrganiser((await getContestBySlug(votingDemoSlug))!, closedAt + 1)).state).toBe("not-final");
    // To see totals the organiser makes the count final; from then on voting stays closed.
    expect(await finaliseVoting({ actor, details: (await getContestBySlug(votingDemoSlug))!, now: closedAt + 2 })).toEqual({ ok: true });
    expect((await resultsForOrganiser((await getContestBySlug(votingDemoSlug))!, closedAt + 3)).state).toBe("ready");
    const reopen = await addPhaseOverride({
      actor,
      details: (await getContestBySlug(votingDemoSlug))!,
      override: { kind: "reopen", phase: "stemmen", newEnd: closedAt + 24 * 3600_000, reason: "Nog één stem" },
      now: closedAt + 4,
    });
    expect(reopen).toMatchObject({ ok: false });
    expect((await getContestBySlug(votingDemoSlug))!.overrides.filter((o) => o.kind === "reopen")).toHaveLength(0);
    // Later phases still move: the ceremony can be extended.
    expect(
      await addPhaseOverride({
        actor,
        details: (await getContestBySlug(votingDemoSlug))!,
        override: { kind: "extend", phase: "prijsuitreiking", newEnd: closedAt + 90 * 24 * 3600_000, reason: "Later feest" },
        now: closedAt + 5,
      }),
    ).toEqual({ ok: true });
  });
});
