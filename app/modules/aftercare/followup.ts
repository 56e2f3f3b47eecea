// Pure rules of the organiser's follow-up dashboard (issue 8, nazorg): which ideas have gone quiet,
// which referrals wait for an answer, and when initiators may be reminded again. No I/O.

import type { ReferralStatus } from "./referrals";
import type { TrackStatus } from "./track";

const DAY = 24 * 60 * 60 * 1000;

/** An idea with no news for six weeks has gone quiet (issue 8). */
export const QUIET_AFTER_MS = 42 * DAY;
/** A referral still at "verwezen" after two weeks has had no answer. */
export const REFERRAL_ANSWER_MS = 14 * DAY;
/** Initiators get at most one reminder a fortnight, however often an organiser clicks. */
export const REMINDER_GAP_MS = 14 * DAY;

/** A track that is realised or stopped needs no more news. */
export function trackIsDone(status: TrackStatus): boolean {
  return status === "gerealiseerd" || status === "gestopt";
}

/**
 * When an idea last showed signs of life: its latest update, or else the moment aftercare began
 * (the end of the vote), so a brand-new track is not "quiet" on its first day.
 */
export function lastSignOfLife(input: { lastUpdateAt: number | null; trackStartedAt: number }): number {
  return Math.max(input.lastUpdateAt ?? 0, input.trackStartedAt);
}

export function isQuiet(input: { status: TrackStatus; lastUpdateAt: number | null; trackStartedAt: number; now: number }): boolean {
  return !trackIsDone(input.status) && input.now - lastSignOfLife(input) >= QUIET_AFTER_MS;
}

export function isUnanswered(referral: { status: ReferralStatus; createdAt: number }, now: number): boolean {
  return referral.status === "verwezen" && now - referral.createdAt >= REFERRAL_ANSWER_MS;
}

/** null when a reminder may go now; otherwise the moment the next one may. */
export function nextReminderAt(remindedAt: number | null, now: number): number | null {
  if (remindedAt === null || now - remindedAt >= REMINDER_GAP_MS) return null;
  return remindedAt + REMINDER_GAP_MS;
}

/**
 * A taakgroep the organiser should help find people for: still short of its minimum, for an idea that
 * goes on (not realised or stopped), and either a winner (it must be carried out) or a group that has
 * begun to form. An idea nobody signed up for and that did not win is not yet a taakgroep.
 */
export function isShortOfMembers(input: { taakgroep: { kind: string; members: number } | null; won: boolean | null; trackStatus: TrackStatus }): boolean {
  if (!input.taakgroep || input.taakgroep.kind !== "zoekt" || trackIsDone(input.trackStatus)) return false;
  return input.won === true || input.taakgroep.members > 0;
}
