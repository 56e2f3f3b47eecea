import { many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contests } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { forgetContestIdeaContacts } from "~/modules/ideas/personal-data.server";
import { forgetOpenJuryInvitations } from "~/modules/jury/personal-data.server";
import { forgetContestHelpOffers } from "~/modules/help/personal-data.server";
import { forgetContestNotices } from "~/modules/notifications/personal-data.server";
import { anonymiseContestSignups } from "~/modules/taakgroepen/personal-data.server";
import { forgetVoterRegister } from "~/modules/voting/personal-data.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { forgetContestSubscriptions } from "~/modules/contests/personal-data.server";
import { phaseAt } from "~/modules/contests/phases";
import { isRetentionDue } from "~/modules/contests/retention";

// The retention job (issue 9, AVG): for every archived contest whose retention period is over, remove
// or anonymise its personal data in one transaction, with one audit row saying what was done. What
// stays is what the public record needs: ideas (names as published), anonymous ballots, results, counts.

export type RetentionReport = { contests: number; rows: number };

export async function removeExpiredPersonalData(now: number): Promise<RetentionReport> {
  const db = getDb();
  const candidates = await many(
    db
      .select({ slug: contests.slug, retentionDays: contests.retentionDays })
      .from(contests)
      .where(and(eq(contests.status, "gepubliceerd"), isNull(contests.personalDataRemovedAt))),
  );
  const report: RetentionReport = { contests: 0, rows: 0 };
  for (const candidate of candidates) {
    const details = await getContestBySlug(candidate.slug);
    if (!details || !isRetentionDue(phaseAt(details.clock, now), candidate.retentionDays, now)) continue;
    const contestId = details.contest.id;
    const removed = await transact(db, async (tx) => {
      // Claimed first, on the condition read above: two runs at once (two processes, or a slow minute)
      // both found the contest due, and only one may remove its data and write its audit row.
      const claimed = await run(
        tx
          .update(contests)
          .set({ personalDataRemovedAt: now })
          .where(and(eq(contests.id, contestId), isNull(contests.personalDataRemovedAt))),
      );
      if (claimed.changes !== 1) return null;
      const counts = {
        taakgroepSignups: await anonymiseContestSignups(tx, contestId),
        ideaContacts: await forgetContestIdeaContacts(tx, contestId),
        voterRegister: await forgetVoterRegister(tx, contestId),
        subscriptions: await forgetContestSubscriptions(tx, contestId),
        juryInvitations: await forgetOpenJuryInvitations(tx, contestId),
        notices: await forgetContestNotices(tx, contestId),
        helpOffers: await forgetContestHelpOffers(tx, contestId),
      };
      await writeAudit(tx, { userId: null, contestId, action: "privacy.retention", after: { retentionDays: candidate.retentionDays, ...counts }, at: now });
      return Object.values(counts).reduce((a, b) => a + b, 0);
    });
    if (removed === null) continue;
    report.contests += 1;
    report.rows += removed;
  }
  return report;
}
