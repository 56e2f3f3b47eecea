import { one, many, run } from "~db/query.server";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contestPhaseOverrides, contestSubscriptions, contests, devMailbox } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { runScheduledJobs } from "~/jobs.server";
import {
  CONFIRM_WITHIN_MS,
  RESEND_AFTER_MS,
  confirmSubscription,
  forgetUnconfirmedSubscriptions,
  sendSubmissionOpenNotices,
  subscribeToContest,
  subscriptionLinkState,
  unsubscribe,
  type SubscriptionContest,
} from "~/modules/contests/subscriptions.server";
import { useTestDatabase } from "../support/test-db";
import { refusedBy } from "../support/refused-by";

const { db } = useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
// The demo data is laid out around "now": Assen is 3 days into its 14-day announcement, so indienen
// opens on day 11; Vonk Keizerslanden is 3 days into its 28-day indienen.
const NOW = Date.UTC(2027, 0, 10, 12);
const TODAY = Math.floor(NOW / DAY) * DAY + 8 * HOUR;
const ASSEN_INDIENEN_OPENS = TODAY + 11 * DAY;
const VONK_INDIENEN_CLOSES = TODAY + 25 * DAY;
const origin = "https://wijkvonk.test";

let assen: SubscriptionContest;
let vonk: SubscriptionContest;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: NOW });
  const find = async (slug: string) => {
    const row = (await one(db().select().from(contests).where(eq(contests.slug, slug))))!;
    return { id: row.id, slug: row.slug, title: row.title };
  };
  assen = await find("assen-top-idee-2027");
  vonk = await find("vonk-keizerslanden-2027");
});

function sha256(value: string) {
  return createHash("sha256").update(value).digest("hex");
}

async function mailsTo(email: string) {
  return many(db().select().from(devMailbox).where(eq(devMailbox.to, email)).orderBy(devMailbox.id));
}

async function lastToken(email: string, page: "aanmelding" | "afmelden") {
  const mails = await mailsTo(email);
  const text = mails[mails.length - 1]?.text ?? "";
  const match = text.match(new RegExp(`/${page}\\?token=(\\S+)`));
  if (!match) throw new Error(`no ${page} link in the last mail to ${email}`);
  return decodeURIComponent(match[1]!);
}

async function rowsFor(contest: SubscriptionContest, email: string) {
  return many(
    db()
      .select()
      .from(contestSubscriptions)
      .where(and(eq(contestSubscriptions.contestId, contest.id), eq(contestSubscriptions.email, email))),
  );
}

async function subscribe(contest: SubscriptionContest, email: string, now = NOW, locale: "nl" | "en" = "nl") {
  return subscribeToContest({ contest, email, locale, origin, now });
}

async function subscribeAndConfirm(contest: SubscriptionContest, email: string, now = NOW) {
  await subscribe(contest, email, now);
  expect(await confirmSubscription({ slug: contest.slug, token: await lastToken(email, "aanmelding"), now })).toMatchObject({ ok: true });
}

describe("double opt-in", () => {
  it("mails a confirmation link, stores only the token's hash, and confirms only on the button", async () => {
    const email = "eerst-bevestigen@voorbeeld.nl";
    await subscribe(assen, email);

    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe("Bevestig je aanmelding voor Assen Top Idee 2027");
    expect(mail?.text).toContain(`${origin}/rondes/assen-top-idee-2027/aanmelding?token=`);
    expect(mail?.text).toContain(`${origin}/rondes/assen-top-idee-2027/afmelden?token=`);
    const token = await lastToken(email, "aanmelding");
    expect(await lastToken(email, "afmelden")).toBe(token);

    const [row] = await rowsFor(assen, email);
    expect(row).toMatchObject({ confirmedAt: null, notifiedAt: null, unsubscribedAt: null });
    expect(row!.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    // Opening the link (what a mail scanner does) only looks; it changes nothing.
    expect(await subscriptionLinkState({ slug: assen.slug, token, now: NOW })).toBe("pending");
    expect((await rowsFor(assen, email))[0]!.confirmedAt).toBeNull();

    expect(await confirmSubscription({ slug: assen.slug, token, now: NOW + HOUR })).toEqual({ ok: true, contestTitle: "Assen Top Idee 2027" });
    expect((await rowsFor(assen, email))[0]!.confirmedAt?.getTime()).toBe(NOW + HOUR);
    expect(await subscriptionLinkState({ slug: assen.slug, token, now: NOW + HOUR })).toBe("confirmed");
    // Pressing the button twice is fine and keeps the first moment.
    expect(await confirmSubscription({ slug: assen.slug, token, now: NOW + 2 * HOUR })).toMatchObject({ ok: true });
    expect((await rowsFor(assen, email))[0]!.confirmedAt?.getTime()).toBe(NOW + HOUR);
  });

  it("refuses a wrong token, a token for another contest, and a link after the confirmation period", async () => {
    const email = "te-laat@voorbeeld.nl";
    await subscribe(assen, email);
    const token = await lastToken(email, "aanmelding");
    expect(await confirmSubscription({ slug: assen.slug, token: token.slice(1) + "x", now: NOW })).toEqual({ ok: false });
    expect(await confirmSubscription({ slug: vonk.slug, token, now: NOW })).toEqual({ ok: false });
    expect(await subscriptionLinkState({ slug: vonk.slug, token, now: NOW })).toBe("invalid");
    const late = NOW + CONFIRM_WITHIN_MS + 1;
    expect(await subscriptionLinkState({ slug: assen.slug, token, now: late })).toBe("invalid");
    expect(await confirmSubscription({ slug: assen.slug, token, now: late })).toEqual({ ok: false });
    expect((await rowsFor(assen, email))[0]!.confirmedAt).toBeNull();
  });

  it("writes the confirmation mail in the language of the request", async () => {
    const email = "english@voorbeeld.nl";
    await subscribe(assen, email, NOW, "en");
    expect((await mailsTo(email))[0]?.subject).toBe("Confirm your sign-up for Assen Top Idee 2027");
  });
});

describe("signing up again", () => {
  it("never adds a row and always answers the same, whatever the state", async () => {
    const email = "nog-eens@voorbeeld.nl";
    const answers: unknown[] = [];
    answers.push(await subscribe(assen, email, NOW));
    // Pending: a new confirmation link replaces the old one.
    const firstToken = await lastToken(email, "aanmelding");
    answers.push(await subscribe(assen, email, NOW + RESEND_AFTER_MS));
    const secondToken = await lastToken(email, "aanmelding");
    expect(secondToken).not.toBe(firstToken);
    expect(await confirmSubscription({ slug: assen.slug, token: firstToken, now: NOW + RESEND_AFTER_MS })).toEqual({ ok: false });
    expect(await confirmSubscription({ slug: assen.slug, token: secondToken, now: NOW + RESEND_AFTER_MS })).toMatchObject({ ok: true });

    // Confirmed: the mailbox hears "je staat al op de lijst", and the subscription stays confirmed.
    answers.push(await subscribe(assen, email, NOW + 2 * RESEND_AFTER_MS));
    expect((await mailsTo(email)).at(-1)?.subject).toBe("Je staat al op de lijst voor Assen Top Idee 2027");
    expect((await rowsFor(assen, email))[0]!.confirmedAt).not.toBeNull();

    expect(answers).toEqual([undefined, undefined, undefined]);
    expect(await rowsFor(assen, email)).toHaveLength(1);
    expect(await mailsTo(email)).toHaveLength(3);
  });

  it("sends at most one mail per address in a few minutes", async () => {
    const email = "druk@voorbeeld.nl";
    for (let i = 0; i < 5; i++) await subscribe(assen, email, NOW + i * 1000);
    expect(await mailsTo(email)).toHaveLength(1);
    expect(await rowsFor(assen, email)).toHaveLength(1);
  });

  it("after unsubscribing, needs a new confirmation", async () => {
    const email = "terug@voorbeeld.nl";
    await subscribeAndConfirm(assen, email);
    expect(await unsubscribe({ slug: assen.slug, token: await lastToken(email, "afmelden"), now: NOW })).toMatchObject({ ok: true });
    await subscribe(assen, email, NOW + RESEND_AFTER_MS);
    expect((await mailsTo(email)).at(-1)?.subject).toBe("Bevestig je aanmelding voor Assen Top Idee 2027");
    expect(await rowsFor(assen, email)).toMatchObject([{ confirmedAt: null, unsubscribedAt: null }]);
  });

  it("the database itself refuses a second row for one address and contest", async () => {
    const row = { contestId: assen.id, email: "uniek-abonnement@voorbeeld.nl", createdAt: new Date(NOW) };
    await run(
      db()
        .insert(contestSubscriptions)
        .values({ ...row, tokenHash: "a".repeat(64) }),
    );
    await expect(async () =>
      run(
        db()
          .insert(contestSubscriptions)
          .values({ ...row, tokenHash: "b".repeat(64) }),
      ),
    ).rejects.toThrow(refusedBy("unique"));
  });
});

describe("unsubscribe", () => {
  it("works with the link in the mail, once and for good", async () => {
    const email = "afmelden@voorbeeld.nl";
    await subscribeAndConfirm(assen, email);
    const token = await lastToken(email, "afmelden");
    expect(await subscriptionLinkState({ slug: assen.slug, token, now: NOW })).toBe("confirmed");
    expect(await unsubscribe({ slug: assen.slug, token, now: NOW + HOUR })).toEqual({ ok: true, contestTitle: "Assen Top Idee 2027" });
    expect((await rowsFor(assen, email))[0]!.unsubscribedAt?.getTime()).toBe(NOW + HOUR);
    expect(await subscriptionLinkState({ slug: assen.slug, token, now: NOW + HOUR })).toBe("unsubscribed");
    // Twice is harmless; the confirm link of the same mail no longer signs up.
    expect(await unsubscribe({ slug: assen.slug, token, now: NOW + 2 * HOUR })).toMatchObject({ ok: true });
    expect((await rowsFor(assen, email))[0]!.unsubscribedAt?.getTime()).toBe(NOW + HOUR);
    expect(await confirmSubscription({ slug: assen.slug, token, now: NOW + 2 * HOUR })).toEqual({ ok: false });
  });

  it("refuses an unknown token", async () => {
    expect(await unsubscribe({ slug: assen.slug, token: "x".repeat(43), now: NOW })).toEqual({ ok: false });
  });
});

describe("sendSubmissionOpenNotices", () => {
  it("tells confirmed subscribers once when indienen opens, and nobody else", async () => {
    const confirmed = ["assen-a@voorbeeld.nl", "assen-b@voorbeeld.nl"];
    for (const email of confirmed) await subscribeAndConfirm(assen, email);
    await subscribe(assen, "assen-onbevestigd@voorbeeld.nl");
    await subscribeAndConfirm(assen, "assen-afgemeld@voorbeeld.nl");
    await unsubscribe({ slug: assen.slug, token: await lastToken("assen-afgemeld@voorbeeld.nl", "afmelden"), now: NOW });
    const others = ["assen-onbevestigd@voorbeeld.nl", "assen-afgemeld@voorbeeld.nl"];
    const mailsBefore = new Map(await Promise.all([...confirmed, ...others].map(async (e) => [e, (await mailsTo(e)).length] as const)));

    // During the announcement nothing goes out for Assen. (Earlier tests left confirmed Assen subscribers too.)
    const assenNoticesBefore = async () =>
      (await many(db().select().from(devMailbox))).filter((m) => m.subject.includes("Assen") && m.subject.startsWith("Je kunt nu"));
    await sendSubmissionOpenNotices(ASSEN_INDIENEN_OPENS - 1);
    expect(await assenNoticesBefore()).toHaveLength(0);

    const opened = ASSEN_INDIENEN_OPENS + HOUR;
    const waitingAssen = (await many(db().select().from(contestSubscriptions).where(eq(contestSubscriptions.contestId, assen.id)))).filter(
      (s) => s.confirmedAt && !s.unsubscribedAt && !s.notifiedAt,
    ).length;
    // Two runs at once: each subscriber is claimed by one of them before its mail goes.
    const sent = await Promise.all([sendSubmissionOpenNotices(opened, { origin }), sendSubmissionOpenNotices(opened, { origin })]);
    expect(sent[0] + sent[1]).toBe(waitingAssen);
    for (const email of confirmed) {
      const mails = await mailsTo(email);
      expect(mails).toHaveLength(mailsBefore.get(email)! + 1);
      const notice = mails.at(-1)!;
      expect(notice.subject).toBe("Je kunt nu je idee indienen voor Assen Top Idee 2027");
      expect(notice.text).toContain(`${origin}/rondes/assen-top-idee-2027\n`);
      // Every mail has a working unsubscribe link.
      expect(await subscriptionLinkState({ slug: assen.slug, token: await lastToken(email, "afmelden"), now: opened })).toBe("confirmed");
      expect((await rowsFor(assen, email))[0]!.notifiedAt?.getTime()).toBe(opened);
    }
    for (const email of others) expect(await mailsTo(email)).toHaveLength(mailsBefore.get(email)!);

    // A second run, or a later one, sends nothing more.
    expect(await sendSubmissionOpenNotices(opened)).toBe(0);
    expect(await sendSubmissionOpenNotices(opened + DAY)).toBe(0);
    for (const email of confirmed) expect(await mailsTo(email)).toHaveLength(mailsBefore.get(email)! + 1);

    // Someone who confirms later, while indienen still runs, is told at the next run.
    const late = "assen-laat@voorbeeld.nl";
    await subscribeAndConfirm(assen, late, opened);
    expect(await sendSubmissionOpenNotices(opened + 60_000)).toBe(1);
    expect((await mailsTo(late)).at(-1)?.subject).toBe("Je kunt nu je idee indienen voor Assen Top Idee 2027");
  });

  it("sends nothing once indienen has ended", async () => {
    const email = "vonk-te-laat@voorbeeld.nl";
    await subscribeAndConfirm(vonk, email);
    expect(await sendSubmissionOpenNotices(VONK_INDIENEN_CLOSES + HOUR)).toBe(0);
    expect(await mailsTo(email)).toHaveLength(1);
    expect((await rowsFor(vonk, email))[0]!.notifiedAt).toBeNull();
  });

  it("follows the effective schedule: an announcement closed early opens indienen at once", async () => {
    // A fresh contest, so that the override touches nothing the other tests use.
    const base = (await one(db().select().from(contests).where(eq(contests.id, assen.id))))!;
    const { id: _id, ...copy } = base;
    const contest = await one(
      db()
        .insert(contests)
        .values({ ...copy, slug: "assen-kopie", title: "Assen Kopie" })
        .returning(),
    );
    const phases = db().$client.prepare("SELECT phase, starts_at AS startsAt, ends_at AS endsAt FROM contest_phases WHERE contest_id = ?").all(assen.id);
    const insert = db().$client.prepare("INSERT INTO contest_phases (contest_id, phase, starts_at, ends_at) VALUES (?, ?, ?, ?)");
    for (const p of phases as { phase: string; startsAt: number; endsAt: number }[]) insert.run(contest.id, p.phase, p.startsAt, p.endsAt);
    const kopie = { id: contest.id, slug: contest.slug, title: contest.title };

    const email = "vroeg-open@voorbeeld.nl";
    await subscribeAndConfirm(kopie, email);
    const closedAt = NOW + DAY;
    await sendSubmissionOpenNotices(closedAt + HOUR);
    expect(await mailsTo(email)).toHaveLength(1);
    await run(
      db()
        .insert(contestPhaseOverrides)
        .values({ contestId: contest.id, kind: "close-early", phase: "aankondiging", at: closedAt, reason: "Iedereen is op de hoogte" }),
    );
    await sendSubmissionOpenNotices(closedAt + HOUR);
    expect(await mailsTo(email)).toHaveLength(2);
    expect((await mailsTo(email)).at(-1)?.subject).toBe("Je kunt nu je idee indienen voor Assen Kopie");
  });

  it("runScheduledJobs sends the notices and forgets sign-ups nobody confirmed", async () => {
    const email = "vonk-bevestigd@voorbeeld.nl";
    await subscribeAndConfirm(vonk, email);
    const stale = "nooit-bevestigd@voorbeeld.nl";
    await subscribe(vonk, stale, NOW - CONFIRM_WITHIN_MS - DAY);
    const report = await runScheduledJobs(NOW);
    expect(report.submissionOpenNotices).toBeGreaterThanOrEqual(1);
    expect(report.forgottenSubscriptions).toBeGreaterThanOrEqual(1);
    expect((await mailsTo(email)).at(-1)?.subject).toBe("Je kunt nu je idee indienen voor Vonk Keizerslanden 2027");
    expect(await rowsFor(vonk, stale)).toHaveLength(0);
    expect(await runScheduledJobs(NOW)).toEqual({
      skipped: [],
      submissionOpenNotices: 0,
      contestNotices: 0,
      forgottenSubscriptions: 0,
      retention: { contests: 0, rows: 0 },
      forgottenSignupPlaces: 0,
    });
  });

  it("forgetUnconfirmedSubscriptions keeps confirmed and recent sign-ups", async () => {
    await subscribe(assen, "recent@voorbeeld.nl", NOW);
    await subscribeAndConfirm(assen, "oud-maar-bevestigd@voorbeeld.nl", NOW - 30 * DAY);
    expect(await forgetUnconfirmedSubscriptions(NOW)).toBe(0);
    expect(await rowsFor(assen, "recent@voorbeeld.nl")).toHaveLength(1);
    expect(await rowsFor(assen, "oud-maar-bevestigd@voorbeeld.nl")).toHaveLength(1);
  });
});
