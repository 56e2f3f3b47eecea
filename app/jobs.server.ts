// Work that happens because time passes, not because someone clicks. Every server calls this every
// minute; each job runs on the one server that holds its lease (app/lib/job-lease.server.ts), and is
// idempotent besides (running it twice, or late, does no harm), so a missed or doubled tick is fine.
import { getDb, type Db } from "~db/client.server";
import { releaseJobLeases, serverId, takeJobLease } from "~/lib/job-lease.server";
import { removeExpiredPersonalData, type RetentionReport } from "~/workflows/retention.server";
import { forgetUnconfirmedSubscriptions, sendSubmissionOpenNotices } from "~/modules/contests/subscriptions.server";
import { sendContestNotices } from "~/workflows/notices.server";
import { forgetOldSignupPlaces } from "~/modules/auth/signup-ip.server";

type JobResults = {
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
export type JobName = keyof JobResults;

/** What each job this server ran did; the jobs another server holds are listed as skipped. */
export type JobReport = Partial<JobResults> & { skipped: JobName[] };

const jobs: { [Name in JobName]: (now: number) => Promise<JobResults[Name]> } = {
  submissionOpenNotices: sendSubmissionOpenNotices,
  contestNotices: sendContestNotices,
  forgottenSubscriptions: forgetUnconfirmedSubscriptions,
  retention: removeExpiredPersonalData,
  forgottenSignupPlaces: forgetOldSignupPlaces,
};

export async function runScheduledJobs(now: number = Date.now(), server: string = serverId(), db: Db = getDb()): Promise<JobReport> {
  const report: JobReport = { skipped: [] };
  for (const name of Object.keys(jobs) as JobName[]) {
    if (!(await takeJobLease(db, name, server, now))) {
      report.skipped.push(name);
      continue;
    }
    (report as Record<JobName, unknown>)[name] = await jobs[name](now);
  }
  return report;
}

/** At a graceful stop: this server's jobs go to another server at its next tick, not after the lease runs out. */
export async function giveUpJobLeases(db: Db = getDb()): Promise<void> {
  await releaseJobLeases(db, serverId());
}
