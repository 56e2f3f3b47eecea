import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
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

export async function getDraagvlakSettings(contestId: number): Promise<DraagvlakSettings> {
  const row = await one(getDb().select().from(draagvlakSettings).where(eq(draagvlakSettings.contestId, contestId)));
  if (!row) return NO_SETTINGS;
  return {
    minBackers: row.minBackers,
    answerWorkingDays: row.answerWorkingDays,
    reactionsClosed: row.reactionsClosed,
    reactionsClosedPhases: row.reactionsClosedPhases.split(",").filter(isPhase),
  };
}

export async function saveDraagvlakSettings(input: { contestId: number; settings: DraagvlakSettings; actorUserId: string; now: number }): Promise<void> {
  const before = await getDraagvlakSettings(input.contestId);
  const row = {
    minBackers: input.settings.minBackers,
    answerWorkingDays: input.settings.answerWorkingDays,
    reactionsClosed: input.settings.reactionsClosed,
    reactionsClosedPhases: input.settings.reactionsClosedPhases.join(","),
    updatedAt: new Date(input.now),
  };
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .insert(draagvlakSettings)
        .values({ contestId: input.contestId, ...row })
        .onConflictDoUpdate({ target: draagvlakSettings.contestId, set: row }),
    );
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "draagvlak.settings-saved",
      before,
      after: input.settings,
      at: input.now,
    });
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
export async function backingCounts(ideaIds: readonly number[]): Promise<BackingCounts> {
  const counts: BackingCounts = new Map(ideaIds.map((id) => [id, { online: 0, paper: 0 }]));
  if (ideaIds.length === 0) return counts;
  const db = getDb();
  for (const row of await many(
    db
      .select({ ideaId: ideaBackers.ideaId, n: count() })
      .from(ideaBackers)
      .where(inArray(ideaBackers.ideaId, [...ideaIds]))
      .groupBy(ideaBackers.ideaId),
  ))
    counts.get(row.ideaId)!.online = row.n;
  for (const row of await many(
    db
      .select({ ideaId: ideaPaperBackings.ideaId, n: sum(ideaPaperBackings.count).mapWith(Number) })
      .from(ideaPaperBackings)
      .where(inArray(ideaPaperBackings.ideaId, [...ideaIds]))
      .groupBy(ideaPaperBackings.ideaId),
  ))
    counts.get(row.ideaId)!.paper = row.n;
  return counts;
}

export async function hasBacked(ideaId: number, userId: string): Promise<boolean> {
  return !!(await one(
    getDb()
      .select({ id: ideaBackers.id })
      .from(ideaBackers)
      .where(and(eq(ideaBackers.ideaId, ideaId), eq(ideaBackers.userId, userId))),
  ));
}

export type BackResult = "backed" | "already" | "email-unconfirmed";

/**
 * "Ik steun dit". The caller has checked the area and the idea (mayBack); the confirmed email is
 * checked again inside the write, as the vote does (ADR 019), and the unique index keeps it to one
 * per resident per idea even when two requests race.
 */
export async function backIdea(input: { contestId: number; ideaId: number; userId: string; now: number }): Promise<BackResult> {
  return transact(getDb(), async (tx) => {
    const confirmed = await one(
      tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.userId), sql`${users.emailConfirmedAt} IS NOT NULL`, sql`${users.deletedAt} IS NULL`)),
    );
    if (!confirmed) return "email-unconfirmed";
    const inserted = await one(
      tx
        .insert(ideaBackers)
        .values({ ideaId: input.ideaId, userId: input.userId, createdAt: new Date(input.now) })
        .onConflictDoNothing()
        .returning({ id: ideaBackers.id }),
    );
    return inserted ? "backed" : "already";
  });
}

/** Taking one's backing back, while the idea can still be backed. */
export async function withdrawBacking(input: { ideaId: number; userId: string }): Promise<boolean> {
  const removed = await many(
    getDb()
      .delete(ideaBackers)
      .where(and(eq(ideaBackers.ideaId, input.ideaId), eq(ideaBackers.userId, input.userId)))
      .returning({ id: ideaBackers.id }),
  );
  return removed.length > 0;
}

/** A paper signature list: a count with a note, entered by an organiser, in the audit log. */
export async function addPaperBacking(input: {
  contestId: number;
  ideaId: number;
  ideaTitle: string;
  count: number;
  note: string;
  actorUserId: string;
  now: number;
}): Promise<void> {
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .insert(ideaPaperBackings)
        .values({ ideaId: input.ideaId, count: input.count, note: input.note.trim(), enteredByUserId: input.actorUserId, createdAt: new Date(input.now) }),
    );
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "draagvlak.paper-signatures",
      subject: input.ideaTitle,
      after: { count: input.count, note: input.note.trim() },
      at: input.now,
    });
  });
}

export async function listPaperBackings(ideaId: number) {
  return (
    await many(
      getDb()
        .select({
          id: ideaPaperBackings.id,
          count: ideaPaperBackings.count,
          note: ideaPaperBackings.note,
          createdAt: ideaPaperBackings.createdAt,
          by: users.name,
        })
        .from(ideaPaperBackings)
        .leftJoin(users, eq(ideaPaperBackings.enteredByUserId, users.id))
        .where(eq(ideaPaperBackings.ideaId, ideaId))
        .orderBy(asc(ideaPaperBackings.createdAt), asc(ideaPaperBackings.id)),
    )
  ).map((r) => ({ id: r.id, count: r.count, note: r.note, createdAt: r.createdAt.getTime(), by: r.by ?? "—" }));
}

/**
 * The first answer to an idea stops its answer clock; called inside the transaction of the answer
 * itself (a reaction by an initiator-facing person, a moderation decision, a jury message). Later
 * answers leave the first one as it was.
 */
export async function recordFirstAnswer(tx: Tx | Db, input: { ideaId: number; kind: AnswerKind; at: number }): Promise<void> {
  await run(
    tx
      .insert(ideaFirstAnswers)
      .values({ ideaId: input.ideaId, kind: input.kind, answeredAt: new Date(input.at) })
      .onConflictDoNothing(),
  );
}

export async function firstAnswers(ideaIds: readonly number[]): Promise<Map<number, { kind: AnswerKind; at: number }>> {
  if (ideaIds.length === 0) return new Map();
  return new Map(
    (
      await many(
        getDb()
          .select()
          .from(ideaFirstAnswers)
          .where(inArray(ideaFirstAnswers.ideaId, [...ideaIds])),
      )
    ).map((r) => [r.ideaId, { kind: r.kind, at: r.answeredAt.getTime() }]),
  );
}
