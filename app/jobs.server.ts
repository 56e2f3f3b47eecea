// Work that happens because time passes, not because someone clicks. The server calls this every
// minute; each job is idempotent (running it twice, or late, does no harm), so a missed or doubled
// tick is fine.
import { removeExpiredPersonalData, type RetentionReport } from "~/workflows/retention.server";
import { forgetUnconfirmedSubscriptions, sendSubmissionOpenNotices } from "~/modules/contests/subscriptions.server";
import { sendContestNotices } from "~/workflows/notices.server";
import { forgetOldSignupPlaces } from "~/modules/auth/signup-ip.server";

export type JobReport = {
  /** Mails sent because indienen opened. */
  submissionOpenNotices: number;
  /** Mails sent because voting opened or nearly closed, or the results came out. */
  contestNotices: number;
  /** Unconfirmed sign-ups deleted after the confirmation period. */
  forgottenSubscriptions: number;
  /** Archived contests whose personal data was removed after their retention period (AVG). */
  retention: RetentionReport;
  /** Accounts whose registration IP code was cleared after 90 days. */
  forgottenSignupPlaces: number;
};

export async function runScheduledJobs(now: number = Date.now()): Promise<JobReport> {
  const submissionOpenNotices = await sendSubmissionOpenNotices(now);
  const contestNotices = await sendContestNotices(now);
  const forgottenSubscriptions = await forgetUnconfirmedSubscriptions(now);
  const retention = await removeExpiredPersonalData(now);
  const forgottenSignupPlaces = await forgetOldSignupPlaces(now);
  return { submissionOpenNotices, contestNotices, forgottenSubscriptions, retention, forgottenSignupPlaces };
}
