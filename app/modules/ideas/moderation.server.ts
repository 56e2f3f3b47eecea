import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, count, desc, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideaPhotos, ideaReports, ideas, users, type Idea, type ReportReason } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { recordFirstAnswer } from "~/modules/draagvlak/draagvlak.server";

// Reports by residents, and hiding and restoring by organisers. Nothing is ever deleted here:
// hiding sets hidden_at with a reason, restoring clears it, and every step has its audit line.

export async function reportIdea(input: {
  idea: Idea;
  photoId: number | null;
  reason: ReportReason;
  message: string | null;
  reporterUserId: string | null;
  now: number;
}): Promise<boolean> {
  const db = getDb();
  if (input.photoId !== null) {
    const photo = await one(
      db
        .select({ id: ideaPhotos.id })
        .from(ideaPhotos)
        .where(and(eq(ideaPhotos.id, input.photoId), eq(ideaPhotos.ideaId, input.idea.id))),
    );
    if (!photo) return false;
  }
  await transact(db, async (tx) => {
    const report = await one(
      tx
        .insert(ideaReports)
        .values({
          ideaId: input.idea.id,
          photoId: input.photoId,
          reason: input.reason,
          message: input.message,
          reporterUserId: input.reporterUserId,
          createdAt: new Date(input.now),
        })
        .returning({ id: ideaReports.id }),
    );
    await writeAudit(tx, {
      userId: input.reporterUserId,
      contestId: input.idea.contestId,
      action: "idea.reported",
      subject: `idea:${input.idea.id}`,
      after: { reportId: report.id, photoId: input.photoId, reason: input.reason },
      at: input.now,
    });
  });
  return true;
}

async function resolveReports(tx: ReturnType<typeof getDb>, ideaId: number, photoId: number | null, actorUserId: string, now: number) {
  await run(
    tx
      .update(ideaReports)
      .set({ resolvedAt: new Date(now), resolvedByUserId: actorUserId, resolution: "hidden" })
      .where(
        and(eq(ideaReports.ideaId, ideaId), photoId === null ? isNull(ideaReports.photoId) : eq(ideaReports.photoId, photoId), isNull(ideaReports.resolvedAt)),
      ),
  );
}

export async function hideIdea(input: { idea: Idea; reason: string; actorUserId: string; now: number }): Promise<boolean> {
  if (input.idea.hiddenAt) return false;
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .update(ideas)
        .set({ hiddenAt: new Date(input.now), hiddenReason: input.reason, hiddenByUserId: input.actorUserId })
        .where(eq(ideas.id, input.idea.id)),
    );
    await resolveReports(tx, input.idea.id, null, input.actorUserId, input.now);
    // A moderation decision is an answer: it stops the answer clock (issue 21.3).
    await recordFirstAnswer(tx, { ideaId: input.idea.id, kind: "moderation", at: input.now });
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.idea.contestId,
      action: "idea.hidden",
      subject: `idea:${input.idea.id}`,
      reason: input.reason,
      at: input.now,
    });
  });
  return true;
}

export async function restoreIdea(input: { idea: Idea; actorUserId: string; now: number }): Promise<boolean> {
  if (!input.idea.hiddenAt) return false;
  await transact(getDb(), async (tx) => {
    await run(tx.update(ideas).set({ hiddenAt: null, hiddenReason: null, hiddenByUserId: null }).where(eq(ideas.id, input.idea.id)));
    await recordFirstAnswer(tx, { ideaId: input.idea.id, kind: "moderation", at: input.now });
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.idea.contestId,
      action: "idea.restored",
      subject: `idea:${input.idea.id}`,
      before: { hiddenReason: input.idea.hiddenReason },
      at: input.now,
    });
  });
  return true;
}

export async function hidePhoto(input: { idea: Idea; photoId: number; reason: string; actorUserId: string; now: number }): Promise<boolean> {
  return transact(getDb(), async (tx) => {
    const changed = await run(
      tx
        .update(ideaPhotos)
        .set({ hiddenAt: new Date(input.now), hiddenReason: input.reason, hiddenByUserId: input.actorUserId })
        .where(and(eq(ideaPhotos.id, input.photoId), eq(ideaPhotos.ideaId, input.idea.id), isNull(ideaPhotos.hiddenAt))),
    );
    if (changed.changes !== 1) return false;
    await resolveReports(tx, input.idea.id, input.photoId, input.actorUserId, input.now);
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.idea.contestId,
      action: "idea.photo-hidden",
      subject: `idea:${input.idea.id}`,
      after: { photoId: input.photoId },
      reason: input.reason,
      at: input.now,
    });
    return true;
  });
}

export async function restorePhoto(input: { idea: Idea; photoId: number; actorUserId: string; now: number }): Promise<boolean> {
  return transact(getDb(), async (tx) => {
    const before = await one(
      tx
        .select()
        .from(ideaPhotos)
        .where(and(eq(ideaPhotos.id, input.photoId), eq(ideaPhotos.ideaId, input.idea.id))),
    );
    if (!before?.hiddenAt) return false;
    await run(tx.update(ideaPhotos).set({ hiddenAt: null, hiddenReason: null, hiddenByUserId: null }).where(eq(ideaPhotos.id, input.photoId)));
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.idea.contestId,
      action: "idea.photo-restored",
      subject: `idea:${input.idea.id}`,
      before: { photoId: input.photoId, hiddenReason: before.hiddenReason },
      at: input.now,
    });
    return true;
  });
}

export async function dismissReport(input: { idea: Idea; reportId: number; actorUserId: string; now: number }): Promise<boolean> {
  return transact(getDb(), async (tx) => {
    const changed = await run(
      tx
        .update(ideaReports)
        .set({ resolvedAt: new Date(input.now), resolvedByUserId: input.actorUserId, resolution: "dismissed" })
        .where(and(eq(ideaReports.id, input.reportId), eq(ideaReports.ideaId, input.idea.id), isNull(ideaReports.resolvedAt))),
    );
    if (changed.changes !== 1) return false;
    await recordFirstAnswer(tx, { ideaId: input.idea.id, kind: "moderation", at: input.now });
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.idea.contestId,
      action: "idea.report-dismissed",
      subject: `idea:${input.idea.id}`,
      after: { reportId: input.reportId },
      at: input.now,
    });
    return true;
  });
}

export type ModerationRow = {
  id: number;
  title: string;
  status: Idea["status"];
  isPaper: boolean;
  hidden: boolean;
  unconfirmed: boolean;
  ownerName: string | null;
  paperName: string | null;
  openReports: number;
  /** When it was handed in (null for an idea never handed in): the answer clock starts here (issue 21.3). */
  submittedAt: number | null;
};

/** Every handed-in idea of the contest (drafts are private and only counted), those with open reports first. */
export async function listForModeration(contestId: number): Promise<{ rows: ModerationRow[]; drafts: number }> {
  const db = getDb();
  const rows = await many(
    db
      .select({ idea: ideas, ownerName: users.name })
      .from(ideas)
      .leftJoin(users, eq(ideas.ownerUserId, users.id))
      .where(and(eq(ideas.contestId, contestId), ne(ideas.status, "draft")))
      .orderBy(asc(ideas.title)),
  );
  const open = await many(
    db
      .select({ ideaId: ideaReports.ideaId, n: count() })
      .from(ideaReports)
      .innerJoin(ideas, eq(ideaReports.ideaId, ideas.id))
      .where(and(eq(ideas.contestId, contestId), isNull(ideaReports.resolvedAt)))
      .groupBy(ideaReports.ideaId),
  );
  const openBy = new Map(open.map((o) => [o.ideaId, o.n]));
  const drafts =
    (
      await one(
        db
          .select({ n: count() })
          .from(ideas)
          .where(and(eq(ideas.contestId, contestId), eq(ideas.status, "draft"))),
      )
    )?.n ?? 0;
  const result = rows.map(({ idea, ownerName }) => ({
    id: idea.id,
    title: idea.title,
    status: idea.status,
    isPaper: idea.isPaper,
    hidden: Boolean(idea.hiddenAt),
    unconfirmed: !idea.contactConfirmedAt,
    ownerName,
    paperName: idea.paperName,
    openReports: openBy.get(idea.id) ?? 0,
    submittedAt: idea.submittedAt?.getTime() ?? null,
  }));
  result.sort((a, b) => b.openReports - a.openReports);
  return { rows: result, drafts };
}

export async function listReports(ideaId: number) {
  return (await many(getDb().select().from(ideaReports).where(eq(ideaReports.ideaId, ideaId)).orderBy(desc(ideaReports.id)))).map((r) => ({
    id: r.id,
    photoId: r.photoId,
    reason: r.reason,
    message: r.message,
    createdAt: r.createdAt.getTime(),
    resolution: r.resolution,
    resolvedAt: r.resolvedAt?.getTime() ?? null,
  }));
}
