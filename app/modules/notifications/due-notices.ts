// When the scheduler mails about a contest on its own (issue 9). Pure: the caller passes the phase
// and the time. Each notice goes once per contest and address (notice_deliveries); this only says
// which ones are due now.

import type { PhaseInfo } from "~/modules/contests/phases";
import type { NoticeEvent } from "./kinds";

const HOUR = 60 * 60_000;

/** "Nog 2 dagen stemmen": this long before voting closes. */
export const CLOSING_NOTICE_BEFORE_MS = 48 * HOUR;
/** Shorter voting gets no closing notice: it would follow "voting has started" almost at once. */
export const MIN_VOTING_FOR_CLOSING_NOTICE_MS = 2 * CLOSING_NOTICE_BEFORE_MS;
/** The results mail goes only this soon after the reveal, so old rounds are never mailed about. */
export const RESULTS_NOTICE_WITHIN_MS = 7 * 24 * HOUR;

export function dueNotices(input: { phase: Pick<PhaseInfo, "phase" | "inGap" | "since" | "until">; revealedAt: number | null; now: number }): NoticeEvent[] {
  const { phase, revealedAt, now } = input;
  const due: NoticeEvent[] = [];
  const voting = phase.phase === "stemmen" && !phase.inGap;
  if (voting) due.push("voting-open");
  if (
    voting &&
    phase.since !== null &&
    phase.until !== null &&
    phase.until - phase.since >= MIN_VOTING_FOR_CLOSING_NOTICE_MS &&
    phase.until - now <= CLOSING_NOTICE_BEFORE_MS
  ) {
    due.push("voting-closing");
  }
  if (revealedAt !== null && revealedAt <= now && now - revealedAt < RESULTS_NOTICE_WITHIN_MS) due.push("results");
  return due;
}
