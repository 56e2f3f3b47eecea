import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq, inArray, max } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideas, realisationTracks, realisationUpdates } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { translator } from "~/lib/i18n";
import { notify } from "~/modules/notifications/notify.server";
import { userRecipients } from "~/modules/auth/users.server";
import { trackEditPath } from "~/modules/aftercare/paths";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { acceptedCoInitiatorIds } from "~/modules/ideas/ideas.server";
import { chosenIdeasOf, votingWindowOf } from "~/modules/results/results.server";
import { ideaTakesSignups } from "~/modules/taakgroepen/record";
import { contestTaakgroepen } from "~/modules/taakgroepen/taakgroepen.server";
import { isQuiet, isShortOfMembers, isUnanswered, lastSignOfLife, nextReminderAt, trackIsDone } from "~/modules/aftercare/followup";
import { contestReferrals, type ReferralView } from "~/modules/aftercare/referrals.server";
import type { TrackStatus } from "~/modules/aftercare/track";

// The organiser's follow-up dashboard (issue 8): every idea after the vote with its track, taakgroep
// and referrals, and the three lists that need attention: quiet ideas, taakgroepen short of members,
// referrals without an answer. Reminders mail the idea's makers, at most once a fortnight.

type TrackRow = { status: TrackStatus; remindedAt: number | null; lastUpdateAt: number | null };

async function tracksOf(ideaIds: readonly number[]): Promise<Map<number, TrackRow>> {
  if (ideaIds.length === 0) return new Map();
  const db = getDb();
  const last = new Map(
    (
      await many(
        db
          .select({ ideaId: realisationUpdates.ideaId, at: max(realisationUpdates.createdAt) })
          .from(realisationUpdates)
          .where(inArray(realisationUpdates.ideaId, [...ideaIds]))
          .groupBy(realisationUpdates.ideaId),
      )
    ).map((r) => [r.ideaId, r.at] as const),
  );
  const tracks = new Map(
    (
      await many(
        db
          .select()
          .from(realisationTracks)
          .where(inArray(realisationTracks.ideaId, [...ideaIds])),
      )
    ).map((t) => [t.ideaId, t] as const),
  );
  return new Map(
    ideaIds.map((id) => [
      id,
      { status: tracks.get(id)?.status ?? "nog-niet-begonnen", remindedAt: tracks.get(id)?.remindedAt ?? null, lastUpdateAt: last.get(id) ?? null },
    ]),
  );
}

/** The ideas that go on after the vote: handed in, not withdrawn or hidden. */
async function ideasAfterVote(contestId: number) {
  return (
    await many(
      getDb()
        .select({ id: ideas.id, title: ideas.title, status: ideas.status, hiddenAt: ideas.hiddenAt, ownerUserId: ideas.ownerUserId })
        .from(ideas)
        .where(and(eq(ideas.contestId, contestId), inArray(ideas.status, ["submitted", "shortlisted"]))),
    )
  ).filter(ideaTakesSignups);
}

/** Whether an idea of this contest goes on after the vote (the console's forms act only on those). */
export async function isAfterVoteIdea(contestId: number, ideaId: number): Promise<boolean> {
  return (await ideasAfterVote(contestId)).some((i) => i.id === ideaId);
}

async function makersOf(idea: { id: number; ownerUserId: string | null }) {
  return userRecipients([...(idea.ownerUserId ? [idea.ownerUserId] : []), ...(await acceptedCoInitiatorIds(idea.id))]);
}

export type FollowUpIdea = {
  ideaId: number;
  title: string;
  /** null before the results are revealed. */
  won: boolean | null;
  /** 1 for the first prize (or the first idea funded); null when not chosen or not revealed. */
  chosenAs: number | null;
  prizeName: string | null;
  track: TrackRow & { quiet: boolean; quietSince: number };
  taakgroep: Awaited<ReturnType<typeof contestTaakgroepen>>[number]["status"] | null;
  referrals: ReferralView[];
  reminder: { canMail: boolean; nextAt: number | null } | null;
};

export async function followUpOf(details: ContestDetails, now: number) {
  const contestId = details.contest.id;
  const list = await ideasAfterVote(contestId);
  const tracks = await tracksOf(list.map((i) => i.id));
  const chosen = await chosenIdeasOf(contestId);
  const groups = new Map((await contestTaakgroepen(contestId, details.contest.minTaakgroepSize)).map((g) => [g.ideaId, g.status]));
  const referrals = await contestReferrals(contestId);
  const trackStartedAt = votingWindowOf(details).end ?? now;
  const rows: FollowUpIdea[] = (
    await Promise.all(
      list.map(async (idea) => {
        const track = tracks.get(idea.id)!;
        return {
          ideaId: idea.id,
          title: idea.title,
          won: chosen ? chosen.has(idea.id) : null,
          chosenAs: chosen?.get(idea.id)?.chosenAs ?? null,
          prizeName: chosen?.get(idea.id)?.prizeName ?? null,
          track: {
            ...track,
            quiet: isQuiet({ ...track, trackStartedAt, now }),
            quietSince: lastSignOfLife({ lastUpdateAt: track.lastUpdateAt, trackStartedAt }),
          },
          taakgroep: groups.get(idea.id) ?? null,
          referrals: referrals.filter((r) => r.ideaId === idea.id),
          // A realised or stopped idea needs no more news, so no reminder is offered.
          reminder: trackIsDone(track.status) ? null : { canMail: (await makersOf(idea)).length > 0, nextAt: nextReminderAt(track.remindedAt, now) },
        };
      }),
    )
  )
    // Winners first in the order the outcome chose them (first prize first), then the others by title.
    .sort((a, b) => (a.chosenAs ?? Infinity) - (b.chosenAs ?? Infinity) || a.title.localeCompare(b.title, "nl"));
  return {
    revealed: chosen !== null,
    ideas: rows,
    quiet: rows.filter((r) => r.track.quiet),
    shortTaakgroepen: rows.filter((r) => isShortOfMembers({ taakgroep: r.taakgroep, won: r.won, trackStatus: r.track.status })),
    unanswered: referrals.filter((r) => isUnanswered(r, now)),
  };
}

export type ReminderResult = { ok: true; sent: number } | { ok: false; reason: "not-found" | "too-soon" | "no-address" };

/**
 * Mails the idea's makers (indiener and accepted co-initiators) to post news on the track. At most one
 * reminder a fortnight per idea, also when two organisers click at once: the check and the mark are one
 * transaction. The mail goes after the commit.
 */
export async function remindInitiators(input: {
  details: ContestDetails;
  ideaId: number;
  origin: string;
  userId: string;
  now: number;
}): Promise<ReminderResult> {
  const contestId = input.details.contest.id;
  const idea = (await ideasAfterVote(contestId)).find((i) => i.id === input.ideaId);
  if (!idea) return { ok: false, reason: "not-found" };
  const to = await makersOf(idea);
  if (to.length === 0) return { ok: false, reason: "no-address" };
  const refused = await transact(getDb(), async (tx) => {
    const track = await one(tx.select().from(realisationTracks).where(eq(realisationTracks.ideaId, idea.id)));
    if (nextReminderAt(track?.remindedAt ?? null, input.now) !== null) return true;
    if (track) await run(tx.update(realisationTracks).set({ remindedAt: input.now }).where(eq(realisationTracks.ideaId, idea.id)));
    else await run(tx.insert(realisationTracks).values({ ideaId: idea.id, contestId, updatedAt: input.now, remindedAt: input.now }));
    await writeAudit(tx, {
      userId: input.userId,
      contestId,
      action: "aftercare.remind",
      subject: `idea:${idea.id}`,
      after: { recipients: to.length },
      at: input.now,
    });
    return false;
  });
  if (refused) return { ok: false, reason: "too-soon" };
  const link = `${input.origin}${trackEditPath(input.details.contest.slug, idea.id)}`;
  let sent = 0;
  for (const person of to) {
    const t = translator(person.locale);
    const params = { title: idea.title, link, contest: input.details.contest.title };
    const mail = { subject: t("aftercare.mail.remindSubject", params), text: t("aftercare.mail.remindBody", params) };
    if (await notify({ kind: "reminders", to: person.email, locale: person.locale, ...mail, origin: input.origin })) sent++;
  }
  return { ok: true, sent };
}
