import type { PhaseInfo } from "./phases";

// AVG retention (issue 9): personal data of a contest is kept for the organiser's chosen number of
// days after the archive starts (afgesloten), then removed or anonymised. Pure: the job asks this.

const DAY = 24 * 60 * 60 * 1000;

/** When the personal data of this contest is due for removal; null while the contest is not archived. */
export function retentionDueAt(info: PhaseInfo, retentionDays: number): number | null {
  if (info.phase !== "afgesloten" || info.since === null) return null;
  return info.since + retentionDays * DAY;
}

export function isRetentionDue(info: PhaseInfo, retentionDays: number, now: number): boolean {
  const due = retentionDueAt(info, retentionDays);
  return due !== null && now >= due;
}
