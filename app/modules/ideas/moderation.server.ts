import { and, asc, count, desc, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideaPhotos, ideaReports, ideas, users, type Idea, type ReportReason } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { recordFirstAnswer } from "~/modules/draagvlak/draagvlak.server";

// Reports by residents, and hiding and restoring by organisers. Nothing is ever deleted here:
// hiding sets hidden_at with a reason, restoring clears it, and every step has its audit line.

export function reportIdea(input: {
  idea: Idea;
  photoId: number | null;
  reason: ReportReason;
  message: string | null;
  reporterUserId: string | null;
  now: number;
}): boolean {
  const db = getDb();
  if (input.photoId !== null) {
    const photo = db
      .select({ id: ideaPhotos.id })
      .from(ideaPhotos)
      .where(and(eq(ideaPhotos.id, input.photoId), eq(ideaPhotos.ideaId, input.idea.id)))
      .get();
    if (!photo) return false;
  }
  db.transaction((tx) => {
    const report = tx
      .insert(ideaReports)
      .values({
        ideaId: input.idea.id,
        photoId: input.photoId,
        reason: input.reason,
        message: input.message,
        reporterUserId: input.reporterUserId,
        createdAt: new Date(input.now),
      })
      .returning({ id: ideaReports.id })
      .get();
    writeAudit(tx, {
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

function resolveReports(
  tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0],
  ideaId: number,
  photoId: number | null,
  actorUserId: string,
  now: number,
) {
  tx.update(ideaReports)
    .set({ resolvedAt: new Date(now), resolvedByUserId: actorUserId, resolution: "hidden" })
    .where(
      and(eq(ideaReports.ideaId, ideaId), photoId === null ? isNull(ideaReports.photoId) : eq(ideaReports.photoId, photoId), isNull(ideaReports.resolvedAt)),
    )
    .run();
}

export function hideIdea(input: { idea: Idea; reason: string; actorUserId: string; now: number }): boolean {
  if (input.idea.hiddenAt) return false;
  getDb().transaction((tx) => {
    tx.update(ideas)
      .set({ hiddenAt: new Date(input.now), hiddenReason: input.reason, hiddenByUserId: input.actorUserId })
      .where(eq(ideas.id, input.idea.id))
      .run();
    resolveReports(tx, input.idea.id, null, input.actorUserId, input.now);
    // A moderation decision is an answer: it stops the answer clock (issue 21.3).
    recordFirstAnswer(tx, { ideaId: input.idea.id, kind: "moderation", at: input.now });
    writeAudit(tx, {
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

export function restoreIdea(input: { idea: Idea; actorUserId: string; now: number }): boolean {
  if (!input.idea.hiddenAt) return false;
  getDb().transaction((tx) => {
    tx.update(ideas).set({ hiddenAt: null, hiddenReason: null, hiddenByUserId: null }).where(eq(ideas.id, input.idea.id)).run();
    recordFirstAnswer(tx, { ideaId: input.idea.id, kind: "moderation", at: input.now });
    writeAudit(tx, {
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

export function hidePhoto(input: { idea: Idea; photoId: number; reason: string; actorUserId: string; now: number }): boolean {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(ideaPhotos)
      .set({ hiddenAt: new Date(input.now), hiddenReason: input.reason, hiddenByUserId: input.actorUserId })
      .where(and(eq(ideaPhotos.id, input.photoId), eq(ideaPhotos.ideaId, input.idea.id), isNull(ideaPhotos.hiddenAt)))
      .run();
    if (changed.changes !== 1) return false;
    resolveReports(tx, input.idea.id, input.photoId, input.actorUserId, input.now);
    writeAudit(tx, {
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

export function restorePhoto(input: { idea: Idea; photoId: number; actorUserId: string; now: number }): boolean {
  return getDb().transaction((tx) => {
    const before = tx
      .select()
      .from(ideaPhotos)
      .where(and(eq(ideaPhotos.id, input.photoId), eq(ideaPhotos.ideaId, input.idea.id)))
      .get();
    if (!before?.hiddenAt) return false;
    tx.update(ideaPhotos).set({ hiddenAt: null, hiddenReason: null, hiddenByUserId: null }).where(eq(ideaPhotos.id, input.photoId)).run();
    writeAudit(tx, {
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

export function dismissReport(input: { idea: Idea; reportId: number; actorUserId: string; now: number }): boolean {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(ideaReports)
      .set({ resolvedAt: new Date(input.now), resolvedByUserId: input.actorUserId, resolution: "dismissed" })
      .where(and(eq(ideaReports.id, input.reportId), eq(ideaReports.ideaId, input.idea.id), isNull(ideaReports.resolvedAt)))
      .run();
    if (changed.changes !== 1) return false;
    recordFirstAnswer(tx, { ideaId: input.idea.id, kind: "moderation", at: input.now });
    writeAudit(tx, {
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
export function listForModeration(contestId: number): { rows: ModerationRow[]; drafts: number } {
  const db = getDb();
  const rows = db
    .select({ idea: ideas, ownerName: users.name })
    .from(ideas)
    .leftJoin(users, eq(ideas.ownerUserId, users.id))
    .where(and(eq(ideas.contestId, contestId), ne(ideas.status, "draft")))
    .orderBy(asc(ideas.title))
    .all();
  const open = db
    .select({ ideaId: ideaReports.ideaId, n: count() })
    .from(ideaReports)
    .innerJoin(ideas, eq(ideaReports.ideaId, ideas.id))
    .where(and(eq(ideas.contestId, contestId), isNull(ideaReports.resolvedAt)))
    .groupBy(ideaReports.ideaId)
    .all();
  const openBy = new Map(open.map((o) => [o.ideaId, o.n]));
  const drafts =
    db
      .select({ n: count() })
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), eq(ideas.status, "draft")))
      .get()?.n ?? 0;
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

export function listReports(ideaId: number) {
  return getDb()
    .select()
    .from(ideaReports)
    .where(eq(ideaReports.ideaId, ideaId))
    .orderBy(desc(ideaReports.id))
    .all()
    .map((r) => ({
      id: r.id,
      photoId: r.photoId,
      reason: r.reason,
      message: r.message,
      createdAt: r.createdAt.getTime(),
      resolution: r.resolution,
      resolvedAt: r.resolvedAt?.getTime() ?? null,
    }));
}
