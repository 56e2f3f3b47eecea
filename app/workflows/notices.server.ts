// The mails the scheduler sends about a contest on its own (issue 9): voting has started, 2 days of
// voting left, the results are out. Who gets them:
// - voting has started: the makers of the contest's ideas (indieners and accepted co-initiators) and
//   the confirmed "houd me op de hoogte" subscribers;
// - 2 days left: makers who have not voted yet (we only know that of accounts);
// - results: makers, residents who voted with their account, and subscribers.
// Each address gets each notice once per contest: the claim in notice_deliveries is made before the
// mail goes, so two schedulers cannot both send, and is handed back when sending fails.

import { many, run } from "~db/query.server";
import { and, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contestPhases, contests, contestSubscriptions, ideaCoInitiators, ideas, noticeDeliveries, resultPublications, users, voterRegister } from "~db/schema";
import { publicOrigin } from "~/lib/env.server";
import { formatDateTime } from "~/lib/format";
import { translator, type Locale } from "~/lib/i18n";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { outcomeRecipients } from "~/modules/jury/shortlist";
import { phaseAt } from "~/modules/contests/phases";
import { resultsPath } from "~/modules/results/paths";
import { votePath } from "~/modules/voting/paths";
import { dueNotices, RESULTS_NOTICE_WITHIN_MS } from "~/modules/notifications/due-notices";
import type { NoticeEvent } from "~/modules/notifications/kinds";
import { notify } from "~/modules/notifications/notify.server";
import { addressKeyFor } from "~/modules/notifications/preferences.server";
import { log } from "~/lib/log.server";

type Recipient = { email: string; locale: Locale };
type Account = Recipient & { userId: string };

const DAY = 24 * 60 * 60_000;
/** Contests whose planned voting ended longer ago than this are not looked at (an extension is never this long). */
const VOTING_LOOKBACK_MS = 90 * DAY;

const HANDED_IN = ["submitted", "shortlisted"] as const;

async function makersOf(contestId: number): Promise<Account[]> {
  const db = getDb();
  const account = { userId: users.id, email: users.email, locale: users.locale };
  const owners = await many(
    db
      .select(account)
      .from(ideas)
      .innerJoin(users, eq(users.id, ideas.ownerUserId))
      .where(and(eq(ideas.contestId, contestId), inArray(ideas.status, HANDED_IN), isNull(users.deletedAt))),
  );
  const coInitiators = await many(
    db
      .select(account)
      .from(ideaCoInitiators)
      .innerJoin(ideas, eq(ideas.id, ideaCoInitiators.ideaId))
      .innerJoin(users, eq(users.id, ideaCoInitiators.userId))
      .where(and(eq(ideas.contestId, contestId), inArray(ideas.status, HANDED_IN), isNotNull(ideaCoInitiators.acceptedAt), isNull(users.deletedAt))),
  );
  return [...owners, ...coInitiators];
}

async function accountVotersOf(contestId: number): Promise<Account[]> {
  return many(
    getDb()
      .select({ userId: users.id, email: users.email, locale: users.locale })
      .from(voterRegister)
      .innerJoin(users, eq(users.id, voterRegister.userId))
      .where(and(eq(voterRegister.contestId, contestId), isNull(users.deletedAt))),
  );
}

async function subscribersOf(contestId: number): Promise<Recipient[]> {
  return (
    await many(
      getDb()
        .select({ email: contestSubscriptions.email })
        .from(contestSubscriptions)
        .where(and(eq(contestSubscriptions.contestId, contestId), isNotNull(contestSubscriptions.confirmedAt), isNull(contestSubscriptions.unsubscribedAt))),
    )
  ).map((s) => ({ email: s.email, locale: "nl" as const }));
}

/** Each address once (outcomeRecipients: the first entry wins, so an account's language beats a subscription's Dutch). */
async function recipientsOf(contestId: number, event: NoticeEvent): Promise<Recipient[]> {
  const makers = await makersOf(contestId);
  if (event === "voting-open") return outcomeRecipients([...makers, ...(await subscribersOf(contestId))]);
  const voters = await accountVotersOf(contestId);
  if (event === "voting-closing") {
    const voted = new Set(voters.map((v) => v.userId));
    return outcomeRecipients(makers.filter((m) => !voted.has(m.userId)));
  }
  return outcomeRecipients([...makers, ...voters, ...(await subscribersOf(contestId))]);
}

/**
 * The contests that may have a notice due, with the moment of their reveal when it is recent enough to
 * matter (an older reveal is past the results notice's week): voting planned not long ago or later,
 * or a recent reveal.
 */
async function candidates(now: number): Promise<Map<string, number | null>> {
  const db = getDb();
  const voting = await many(
    db
      .selectDistinct({ slug: contests.slug })
      .from(contests)
      .innerJoin(contestPhases, and(eq(contestPhases.contestId, contests.id), eq(contestPhases.phase, "stemmen")))
      .where(and(eq(contests.status, "gepubliceerd"), gte(contestPhases.endsAt, now - VOTING_LOOKBACK_MS))),
  );
  const revealed = await many(
    db
      .select({ slug: contests.slug, at: resultPublications.at })
      .from(resultPublications)
      .innerJoin(contests, eq(contests.id, resultPublications.contestId))
      .where(and(eq(resultPublications.kind, "reveal"), gte(resultPublications.at, now - RESULTS_NOTICE_WITHIN_MS))),
  );
  return new Map<string, number | null>([...voting.map((c) => [c.slug, null] as const), ...revealed.map((c) => [c.slug, c.at] as const)]);
}

const MAIL = {
  "voting-open": { kind: "voting", subject: "notifications.votingOpenSubject", body: "notifications.votingOpenBody" },
  "voting-closing": { kind: "voting", subject: "notifications.votingClosingSubject", body: "notifications.votingClosingBody" },
  results: { kind: "results", subject: "notifications.resultsSubject", body: "notifications.resultsBody" },
} as const;

/** Sends every notice that is due at `now` and not sent yet. Returns how many mails went out. */
export async function sendContestNotices(now: number, options: { origin?: string } = {}): Promise<number> {
  const db = getDb();
  const origin = (options.origin ?? publicOrigin()).replace(/\/$/, "");
  let sent = 0;
  for (const [slug, revealedAt] of await candidates(now)) {
    const details = await getContestBySlug(slug);
    if (!details) continue;
    const { contest } = details;
    const phase = phaseAt(details.clock, now);
    for (const event of dueNotices({ phase, revealedAt, now })) {
      const mail = MAIL[event];
      const link = `${origin}${event === "results" ? resultsPath(slug) : votePath(slug)}`;
      // Due every minute while voting runs: read who has it already, so only new recipients are written.
      const done = new Set(
        (
          await many(
            db
              .select({ key: noticeDeliveries.addressKey })
              .from(noticeDeliveries)
              .where(and(eq(noticeDeliveries.contestId, contest.id), eq(noticeDeliveries.event, event))),
          )
        ).map((d) => d.key),
      );
      for (const to of await recipientsOf(contest.id, event)) {
        const addressKey = addressKeyFor(to.email);
        if (done.has(addressKey)) continue;
        const claimed = await run(db.insert(noticeDeliveries).values({ contestId: contest.id, event, addressKey, sentAt: now }).onConflictDoNothing());
        if (claimed.changes !== 1) continue;
        const t = translator(to.locale);
        const params = { contest: contest.title, link, date: phase.until === null ? "-" : formatDateTime(phase.until, to.locale) };
        try {
          if (await notify({ kind: mail.kind, to: to.email, locale: to.locale, subject: t(mail.subject, params), text: t(mail.body, params), origin })) sent++;
        } catch (error) {
          await run(
            db
              .delete(noticeDeliveries)
              .where(and(eq(noticeDeliveries.contestId, contest.id), eq(noticeDeliveries.event, event), eq(noticeDeliveries.addressKey, addressKey))),
          );
          log.error({ job: "contest-notices", event, contestId: contest.id, err: error }, "notice not sent; the next run tries again");
        }
      }
    }
  }
  return sent;
}
