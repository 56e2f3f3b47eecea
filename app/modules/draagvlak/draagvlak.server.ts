import { and, asc, count, eq, inArray, sql, sum } from "drizzle-orm";
import { getDb, type Db, type Tx } from "~db/client.server";
import { draagvlakSettings, ideaBackers, ideaFirstAnswers, ideaPaperBackings, users, type AnswerKind } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { parseAreaPostcodes, type Area } from "~/modules/contests/postcode";
import { isPhase, type Phase } from "~/modules/contests/phases";

// Backing, paper signature lists, the round's draagvlak settings and the answer clock's stop
// (issue 21, ADR 021). This feature sits just below ideas: it is handed the idea the caller loaded
// and authorised, and ideas' moderation and the jury record their first answer here.

export type DraagvlakSettings = {
  minBackers: number;
  answerWorkingDays: number | null;
  reactionsClosed: boolean;
  reactionsClosedPhases: Phase[];
};

export const NO_SETTINGS: DraagvlakSettings = { minBackers: 0, answerWorkingDays: null, reactionsClosed: false, reactionsClosedPhases: [] };

export function getDraagvlakSettings(contestId: number): DraagvlakSettings {
  const row = getDb().select().from(draagvlakSettings).where(eq(draagvlakSettings.contestId, contestId)).get();
  if (!row) return NO_SETTINGS;
  return {
    minBackers: row.minBackers,
    answerWorkingDays: row.answerWorkingDays,
    reactionsClosed: row.reactionsClosed,
    reactionsClosedPhases: row.reactionsClosedPhases.split(",").filter(isPhase),
  };
}

export function saveDraagvlakSettings(input: { contestId: number; settings: DraagvlakSettings; actorUserId: string; now: number }): void {
  const before = getDraagvlakSettings(input.contestId);
  const row = {
    minBackers: input.settings.minBackers,
    answerWorkingDays: input.settings.answerWorkingDays,
    reactionsClosed: input.settings.reactionsClosed,
    reactionsClosedPhases: input.settings.reactionsClosedPhases.join(","),
    updatedAt: new Date(input.now),
  };
  getDb().transaction((tx) => {
    tx.insert(draagvlakSettings)
      .values({ contestId: input.contestId, ...row })
      .onConflictDoUpdate({ target: draagvlakSettings.contestId, set: row })
      .run();
    writeAudit(tx, { userId: input.actorUserId, contestId: input.contestId, action: "draagvlak.settings-saved", before, after: input.settings, at: input.now });
  });
}

/** The round's areas as the backing check reads them (an area that no longer parses counts as none, as for voting). */
export function areasOf(details: ContestDetails): Area[] {
  return details.areas.flatMap((a) => {
    const parsed = parseAreaPostcodes(a.postcodes);
    return parsed.ok ? [parsed.area] : [];
  });
}

export type BackingCounts = Map<number, { online: number; paper: number }>;

/** Online backers and paper signatures per idea. */
export function backingCounts(ideaIds: readonly number[]): BackingCounts {
  const counts: BackingCounts = new Map(ideaIds.map((id) => [id, { online: 0, paper: 0 }]));
  if (ideaIds.length === 0) return counts;
  const db = getDb();
  for (const row of db
    .select({ ideaId: ideaBackers.ideaId, n: count() })
    .from(ideaBackers)
    .where(inArray(ideaBackers.ideaId, [...ideaIds]))
    .groupBy(ideaBackers.ideaId)
    .all())
    counts.get(row.ideaId)!.online = row.n;
  for (const row of db
    .select({ ideaId: ideaPaperBackings.ideaId, n: sum(ideaPaperBackings.count).mapWith(Number) })
    .from(ideaPaperBackings)
    .where(inArray(ideaPaperBackings.ideaId, [...ideaIds]))
    .groupBy(ideaPaperBackings.ideaId)
    .all())
    counts.get(row.ideaId)!.paper = row.n;
  return counts;
}

export function hasBacked(ideaId: number, userId: string): boolean {
  return !!getDb()
    .select({ id: ideaBackers.id })
    .from(ideaBackers)
    .where(and(eq(ideaBackers.ideaId, ideaId), eq(ideaBackers.userId, userId)))
    .get();
}

export type BackResult = "backed" | "already" | "email-unconfirmed";

/**
 * "Ik steun dit". The caller has checked the area and the idea (mayBack); the confirmed email is
 * checked again inside the write, as the vote does (ADR 019), and the unique index keeps it to one
 * per resident per idea even when two requests race.
 */
export function backIdea(input: { contestId: number; ideaId: number; userId: string; now: number }): BackResult {
  return getDb().transaction(
    (tx) => {
      const confirmed = tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.userId), sql`${users.emailConfirmedAt} IS NOT NULL`, sql`${users.deletedAt} IS NULL`))
        .get();
      if (!confirmed) return "email-unconfirmed";
      const inserted = tx
        .insert(ideaBackers)
        .values({ ideaId: input.ideaId, userId: input.userId, createdAt: new Date(input.now) })
        .onConflictDoNothing()
        .returning({ id: ideaBackers.id })
        .get();
      return inserted ? "backed" : "already";
    },
    { behavior: "immediate" },
  );
}

/** Taking one's backing back, while the idea can still be backed. */
export function withdrawBacking(input: { ideaId: number; userId: string }): boolean {
  const removed = getDb()
    .delete(ideaBackers)
    .where(and(eq(ideaBackers.ideaId, input.ideaId), eq(ideaBackers.userId, input.userId)))
    .returning({ id: ideaBackers.id })
    .all();
  return removed.length > 0;
}

/** A paper signature list: a count with a note, entered by an organiser, in the audit log. */
export function addPaperBacking(input: {
  contestId: number;
  ideaId: number;
  ideaTitle: string;
  count: number;
  note: string;
  actorUserId: string;
  now: number;
}): void {
  getDb().transaction((tx) => {
    tx.insert(ideaPaperBackings)
      .values({ ideaId: input.ideaId, count: input.count, note: input.note.trim(), enteredByUserId: input.actorUserId, createdAt: new Date(input.now) })
      .run();
    writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "draagvlak.paper-signatures",
      subject: input.ideaTitle,
      after: { count: input.count, note: input.note.trim() },
      at: input.now,
    });
  });
}

export function listPaperBackings(ideaId: number) {
  return getDb()
    .select({ id: ideaPaperBackings.id, count: ideaPaperBackings.count, note: ideaPaperBackings.note, createdAt: ideaPaperBackings.createdAt, by: users.name })
    .from(ideaPaperBackings)
    .leftJoin(users, eq(ideaPaperBackings.enteredByUserId, users.id))
    .where(eq(ideaPaperBackings.ideaId, ideaId))
    .orderBy(asc(ideaPaperBackings.createdAt), asc(ideaPaperBackings.id))
    .all()
    .map((r) => ({ id: r.id, count: r.count, note: r.note, createdAt: r.createdAt.getTime(), by: r.by ?? "—" }));
}

/**
 * The first answer to an idea stops its answer clock; called inside the transaction of the answer
 * itself (a reaction by an initiator-facing person, a moderation decision, a jury message). Later
 * answers leave the first one as it was.
 */
export function recordFirstAnswer(tx: Tx | Db, input: { ideaId: number; kind: AnswerKind; at: number }): void {
  tx.insert(ideaFirstAnswers)
    .values({ ideaId: input.ideaId, kind: input.kind, answeredAt: new Date(input.at) })
    .onConflictDoNothing()
    .run();
}

export function firstAnswers(ideaIds: readonly number[]): Map<number, { kind: AnswerKind; at: number }> {
  if (ideaIds.length === 0) return new Map();
  return new Map(
    getDb()
      .select()
      .from(ideaFirstAnswers)
      .where(inArray(ideaFirstAnswers.ideaId, [...ideaIds]))
      .all()
      .map((r) => [r.ideaId, { kind: r.kind, at: r.answeredAt.getTime() }]),
  );
}
