import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { referralEvents, referrals, supporters } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { checkReferralChange, type ReferralChange, type ReferralStatus } from "./referrals";

// Referrals of ideas to supporters (issue 8): organisers refer, and follow each referral through its
// statuses with notes. Every change is one transaction with its audit row; the history is kept as events.

export type ReferralView = {
  id: number;
  ideaId: number;
  supporter: { id: number; name: string; kind: string; contact: string };
  status: ReferralStatus;
  createdAt: number;
  updatedAt: number;
  events: { status: ReferralStatus; note: string | null; at: number }[];
};

export async function contestReferrals(contestId: number): Promise<ReferralView[]> {
  const db = getDb();
  const rows = await many(
    db
      .select({ referral: referrals, supporter: { id: supporters.id, name: supporters.name, kind: supporters.kind, contact: supporters.contact } })
      .from(referrals)
      .innerJoin(supporters, eq(referrals.supporterId, supporters.id))
      .where(eq(referrals.contestId, contestId))
      .orderBy(asc(referrals.createdAt), asc(referrals.id)),
  );
  if (rows.length === 0) return [];
  const events = await many(
    db
      .select()
      .from(referralEvents)
      .where(
        inArray(
          referralEvents.referralId,
          rows.map((r) => r.referral.id),
        ),
      )
      .orderBy(asc(referralEvents.createdAt), asc(referralEvents.id)),
  );
  return rows.map(({ referral, supporter }) => ({
    id: referral.id,
    ideaId: referral.ideaId,
    supporter,
    status: referral.status,
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
    events: events.filter((e) => e.referralId === referral.id).map((e) => ({ status: e.status, note: e.note, at: e.createdAt })),
  }));
}

/**
 * Refers an idea to one or more supporters. A supporter the idea was already referred to is skipped
 * (one referral per pair, also a unique index). Returns how many new referrals were made.
 */
export async function referIdea(input: {
  contestId: number;
  ideaId: number;
  supporterIds: readonly number[];
  note: string | null;
  userId: string;
  now: number;
}): Promise<number> {
  return transact(getDb(), async (tx) => {
    const existing = new Set(
      (await many(tx.select({ supporterId: referrals.supporterId }).from(referrals).where(eq(referrals.ideaId, input.ideaId)))).map((r) => r.supporterId),
    );
    const fresh = [...new Set(input.supporterIds)].filter((s) => !existing.has(s));
    for (const supporterId of fresh) {
      const referral = await one(
        tx
          .insert(referrals)
          .values({ contestId: input.contestId, ideaId: input.ideaId, supporterId, status: "verwezen", createdAt: input.now, updatedAt: input.now })
          .returning({ id: referrals.id }),
      );
      await run(
        tx.insert(referralEvents).values({ referralId: referral.id, status: "verwezen", note: input.note, userId: input.userId, createdAt: input.now }),
      );
    }
    if (fresh.length > 0) {
      await writeAudit(tx, {
        userId: input.userId,
        contestId: input.contestId,
        action: "aftercare.refer",
        subject: `idea:${input.ideaId}`,
        after: { supporterIds: fresh },
        at: input.now,
      });
    }
    return fresh.length;
  });
}

export type ReferralChangeResult = ReferralChange | { ok: false; reason: "not-found" };

/** Moves a referral of this contest to a new status (or adds a note to it), following referrals.ts. */
export async function changeReferral(input: {
  contestId: number;
  referralId: number;
  status: ReferralStatus;
  note: string | null;
  userId: string;
  now: number;
}): Promise<ReferralChangeResult> {
  return transact(getDb(), async (tx) => {
    const where = and(eq(referrals.id, input.referralId), eq(referrals.contestId, input.contestId));
    const before = await one(tx.select().from(referrals).where(where));
    if (!before) return { ok: false, reason: "not-found" } as const;
    const decision = checkReferralChange(before.status, input.status, input.note);
    if (!decision.ok) return decision;
    await run(tx.update(referrals).set({ status: input.status, updatedAt: input.now }).where(where));
    await run(tx.insert(referralEvents).values({ referralId: before.id, status: input.status, note: input.note, userId: input.userId, createdAt: input.now }));
    await writeAudit(tx, {
      userId: input.userId,
      contestId: input.contestId,
      action: "aftercare.referral",
      subject: `idea:${before.ideaId}`,
      before: { status: before.status },
      after: { status: input.status, supporterId: before.supporterId },
      at: input.now,
    });
    return decision;
  });
}
