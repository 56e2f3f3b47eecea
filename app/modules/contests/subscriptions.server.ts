// "Houd me op de hoogte": residents leave an email address, from the announcement until voting ends
// (subscription-phases.ts), and get an email when indienen opens (or, signed up during indienen, with
// its last day); the notices of app/workflows/notices.server.ts (voting starts, results) go
// to confirmed subscribers too.
//
// Decisions:
// - Double opt-in: nothing is sent to an address except the confirmation mail until its owner presses
//   the button behind the link. The link opens a page with a button (GET), the button confirms (POST):
//   mail scanners follow links, and a followed link must never sign anyone up.
// - Only the SHA-256 of a token is stored. Every mail carries a fresh token for its links (we cannot
//   put an old one in a new mail), so a new mail replaces the links of the mails before it.
// - Signing up again with the same address never adds a row and answers the same as the first time;
//   what differs goes only to the mailbox (a new confirmation link, or "je staat al op de lijst").
//   At most one mail per address per contest in RESEND_AFTER_MS, so the form cannot flood a mailbox.
// - `createdAt` is the moment of the latest sign-up request: the confirmation link works for
//   CONFIRM_WITHIN_MS after it, and unconfirmed rows older than that are forgotten (privacy).
// - The language of a mail is the locale of the request that caused it; the notice, sent by the
//   scheduler, is in Dutch, because we store no language with a subscription.

import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contestSubscriptions, contests } from "~db/schema";
import { publicOrigin } from "~/lib/env.server";
import { formatDateTime } from "~/lib/format";
import { translator, type Locale } from "~/lib/i18n";
import { sendMail } from "~/lib/mail.server";
import { getContestBySlug } from "./contests.server";
import { phaseAt } from "./phases";
import { log } from "~/lib/log.server";

export const RESEND_AFTER_MS = 5 * 60_000;
export const CONFIRM_WITHIN_MS = 7 * 24 * 60 * 60_000;

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

function linksFor(origin: string, slug: string, token: string) {
  const contestLink = `${origin.replace(/\/$/, "")}/rondes/${encodeURIComponent(slug)}`;
  const query = `token=${encodeURIComponent(token)}`;
  return { contestLink, confirmLink: `${contestLink}/aanmelding?${query}`, unsubscribeLink: `${contestLink}/afmelden?${query}` };
}

export type SubscriptionContest = { id: number; slug: string; title: string };

/**
 * Signs an address up for the "indienen is open" mail, pending its owner's confirmation. Always
 * resolves the same way, whether the address was new, pending, confirmed or unsubscribed: the caller
 * shows one message, so the form never tells whether someone is on the list.
 */
export async function subscribeToContest(input: {
  contest: SubscriptionContest;
  email: string;
  locale: Locale;
  /** Where the links in the mail point to, e.g. "https://wijkvonk.nl". */
  origin: string;
  now?: number;
}): Promise<void> {
  const db = getDb();
  const now = input.now ?? Date.now();
  const token = newToken();
  const tokenHash = sha256(token);
  const { contest, email } = input;

  const outcome = await transact(db, async (tx) => {
    const existing = await one(
      tx
        .select()
        .from(contestSubscriptions)
        .where(and(eq(contestSubscriptions.contestId, contest.id), eq(contestSubscriptions.email, email))),
    );
    if (!existing) {
      const inserted = await one(
        tx
          .insert(contestSubscriptions)
          .values({ contestId: contest.id, email, tokenHash, createdAt: new Date(now) })
          .returning(),
      );
      return { mail: "confirm" as const, id: inserted.id, restore: null };
    }
    const sinceLast = now - existing.createdAt.getTime();
    if (sinceLast >= 0 && sinceLast < RESEND_AFTER_MS) return { mail: null, id: existing.id, restore: null };
    const active = existing.confirmedAt !== null && existing.unsubscribedAt === null;
    // Signing up again after unsubscribing starts over: confirmed again only by the owner.
    await run(
      tx
        .update(contestSubscriptions)
        .set(active ? { tokenHash, createdAt: new Date(now) } : { tokenHash, createdAt: new Date(now), confirmedAt: null, unsubscribedAt: null })
        .where(eq(contestSubscriptions.id, existing.id)),
    );
    return { mail: active ? ("already" as const) : ("confirm" as const), id: existing.id, restore: existing };
  });
  if (!outcome.mail) return;

  const t = translator(input.locale);
  const params = { contest: contest.title, ...linksFor(input.origin, contest.slug, token) };
  const mail =
    outcome.mail === "confirm"
      ? { subject: t("rounds.mailConfirmSubject", params), text: t("rounds.mailConfirmBody", params) }
      : { subject: t("rounds.mailAlreadySubject", params), text: t("rounds.mailAlreadyBody", params) };
  try {
    await sendMail({ to: email, ...mail });
  } catch (error) {
    // Not sent: undo, so that trying again in a minute sends it instead of being held back as a repeat.
    // Only while the row still holds this mail's token: a notice claimed it while the mail was on its
    // way (a new token, in a mail that did go), and undoing that would break the notice's links.
    const stillOurs = and(eq(contestSubscriptions.id, outcome.id), eq(contestSubscriptions.tokenHash, tokenHash));
    if (outcome.restore) {
      const { tokenHash: oldHash, createdAt, confirmedAt, unsubscribedAt } = outcome.restore;
      await run(db.update(contestSubscriptions).set({ tokenHash: oldHash, createdAt, confirmedAt, unsubscribedAt }).where(stillOurs));
    } else {
      await run(db.delete(contestSubscriptions).where(stillOurs));
    }
    throw error;
  }
}

async function findByToken(slug: string, token: string) {
  return one(
    getDb()
      .select({ subscription: contestSubscriptions, title: contests.title })
      .from(contestSubscriptions)
      .innerJoin(contests, eq(contests.id, contestSubscriptions.contestId))
      .where(and(eq(contestSubscriptions.tokenHash, sha256(token)), eq(contests.slug, slug))),
  );
}

export type SubscriptionLinkState = "pending" | "confirmed" | "unsubscribed" | "invalid";

/** What a link from a mail can still do, for the page behind it (which itself changes nothing). */
export async function subscriptionLinkState(input: { slug: string; token: string; now?: number }): Promise<SubscriptionLinkState> {
  const row = (await findByToken(input.slug, input.token))?.subscription;
  if (!row) return "invalid";
  if (row.unsubscribedAt) return "unsubscribed";
  if (row.confirmedAt) return "confirmed";
  return (input.now ?? Date.now()) - row.createdAt.getTime() > CONFIRM_WITHIN_MS ? "invalid" : "pending";
}

/** The owner presses "Ja, houd me op de hoogte". Confirming twice is fine; a link after unsubscribing is not. */
export async function confirmSubscription(input: { slug: string; token: string; now?: number }): Promise<{ ok: true; contestTitle: string } | { ok: false }> {
  const now = input.now ?? Date.now();
  const found = await findByToken(input.slug, input.token);
  if (!found || found.subscription.unsubscribedAt) return { ok: false };
  const row = found.subscription;
  if (row.confirmedAt) return { ok: true, contestTitle: found.title };
  if (now - row.createdAt.getTime() > CONFIRM_WITHIN_MS) return { ok: false };
  await run(
    getDb()
      .update(contestSubscriptions)
      .set({ confirmedAt: new Date(now) })
      .where(and(eq(contestSubscriptions.id, row.id), isNull(contestSubscriptions.confirmedAt), isNull(contestSubscriptions.unsubscribedAt))),
  );
  return { ok: true, contestTitle: found.title };
}

/** The owner presses "Ja, meld me af". Works with the link of any mail that is still the latest, confirmed or not. */
export async function unsubscribe(input: { slug: string; token: string; now?: number }): Promise<{ ok: true; contestTitle: string } | { ok: false }> {
  const found = await findByToken(input.slug, input.token);
  if (!found) return { ok: false };
  await run(
    getDb()
      .update(contestSubscriptions)
      .set({ unsubscribedAt: new Date(input.now ?? Date.now()) })
      .where(and(eq(contestSubscriptions.id, found.subscription.id), isNull(contestSubscriptions.unsubscribedAt))),
  );
  return { ok: true, contestTitle: found.title };
}

/** Confirmed, still subscribed and not yet told. */
function waitingForNotice() {
  return and(isNotNull(contestSubscriptions.confirmedAt), isNull(contestSubscriptions.unsubscribedAt), isNull(contestSubscriptions.notifiedAt));
}

/**
 * Emails every confirmed subscriber of every contest whose indienen phase runs at `now` (by the
 * effective schedule, so an organiser's change counts), once. Each subscriber is claimed (marked
 * notified) before the mail goes out, so two runs at the same time cannot both send; a mail that fails
 * is handed back to the next run. Returns how many mails went out.
 */
export async function sendSubmissionOpenNotices(now: number, options: { origin?: string } = {}): Promise<number> {
  const db = getDb();
  const origin = options.origin ?? publicOrigin();
  const t = translator("nl");
  const withSubscribers = await many(
    db
      .selectDistinct({ slug: contests.slug })
      .from(contestSubscriptions)
      .innerJoin(contests, eq(contests.id, contestSubscriptions.contestId))
      .where(waitingForNotice()),
  );

  let sent = 0;
  for (const { slug } of withSubscribers) {
    const details = await getContestBySlug(slug);
    if (!details) continue;
    const info = phaseAt(details.clock, now);
    if (info.phase !== "indienen" || info.inGap || info.until === null) continue;
    const closes = formatDateTime(info.until, "nl");
    const subscribers = await many(
      db
        .select({ id: contestSubscriptions.id, email: contestSubscriptions.email, tokenHash: contestSubscriptions.tokenHash })
        .from(contestSubscriptions)
        .where(and(eq(contestSubscriptions.contestId, details.contest.id), waitingForNotice()))
        .orderBy(contestSubscriptions.id),
    );
    for (const subscriber of subscribers) {
      const token = newToken();
      const notifiedAt = new Date(now);
      const claimed = await run(
        db
          .update(contestSubscriptions)
          .set({ notifiedAt, tokenHash: sha256(token) })
          .where(and(eq(contestSubscriptions.id, subscriber.id), waitingForNotice())),
      );
      if (claimed.changes !== 1) continue;
      const params = { contest: details.contest.title, date: closes, ...linksFor(origin, slug, token) };
      try {
        await sendMail({ to: subscriber.email, subject: t("rounds.mailOpenSubject", params), text: t("rounds.mailOpenBody", params) });
        sent++;
      } catch (error) {
        // Handed back to the next run. The old token comes back only if the row still holds this notice's:
        // signing up again while the notice was on its way mailed a newer one, whose links must keep working.
        const claimedHash = sha256(token);
        await run(
          db
            .update(contestSubscriptions)
            .set({
              notifiedAt: null,
              tokenHash: sql`CASE WHEN ${contestSubscriptions.tokenHash} = ${claimedHash} THEN ${subscriber.tokenHash} ELSE ${contestSubscriptions.tokenHash} END`,
            })
            .where(and(eq(contestSubscriptions.id, subscriber.id), eq(contestSubscriptions.notifiedAt, notifiedAt))),
        );
        log.error({ job: "submission-open-notices", subscriptionId: subscriber.id, err: error }, "notice not sent; the next run tries again");
      }
    }
  }
  return sent;
}

/** Deletes sign-ups nobody confirmed within CONFIRM_WITHIN_MS: we keep no address its owner did not confirm. */
export async function forgetUnconfirmedSubscriptions(now: number): Promise<number> {
  return (
    await run(
      getDb()
        .delete(contestSubscriptions)
        .where(and(isNull(contestSubscriptions.confirmedAt), lt(contestSubscriptions.createdAt, new Date(now - CONFIRM_WITHIN_MS)))),
    )
  ).changes;
}
