// Work that happens because time passes, not because someone clicks. The server calls this every
// minute; each job is idempotent (running it twice, or late, does no harm), so a missed or doubled
// tick is fine.
import { forgetUnconfirmedSubscriptions, sendSubmissionOpenNotices } from "~/modules/contests/subscriptions.server";

export type JobReport = {
  /** Mails sent because indienen opened. */
  submissionOpenNotices: number;
  /** Unconfirmed sign-ups deleted after the confirmation period. */
  forgottenSubscriptions: number;
};

export async function runScheduledJobs(now: number = Date.now()): Promise<JobReport> {
  const submissionOpenNotices = await sendSubmissionOpenNotices(now);
  const forgottenSubscriptions = forgetUnconfirmedSubscriptions(now);
  return { submissionOpenNotices, forgottenSubscriptions };
}
