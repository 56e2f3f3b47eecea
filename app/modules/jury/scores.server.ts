import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideas, juryComments, juryConflicts, juryRounds, juryScores } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { requirePhase } from "~/modules/contests/phase-guard.server";
import { listJurors } from "~/modules/auth/roles.server";
import { criteriaFor } from "./criteria.server";
import { listJuryIdeas } from "./ideas.server";
import { aggregateIdeas, isConflicted, conflictSet, jurorProgress, rankByAverage, sheetState, type Conflict, type Sheet } from "./scoring";

// Scoring (phase juryselectie): jurors save their sheet per idea as they go, and declare conflicts
// of interest. The database refuses what the code refuses too (migration jury_rules).

export const SCORING_PHASES = ["juryselectie"] as const;

export async function juryRound(contestId: number) {
  return (
    (await one(getDb().select().from(juryRounds).where(eq(juryRounds.contestId, contestId)))) ?? {
      contestId,
      publishAggregates: false,
      decisionClosedAt: null,
      decisionClosedByUserId: null,
    }
  );
}

export async function isDecisionClosed(contestId: number): Promise<boolean> {
  return (await juryRound(contestId)).decisionClosedAt !== null;
}

/** Every stored score of a contest as sheets (one per juror and idea), and its declared conflicts. */
export async function loadScoring(contestId: number): Promise<{
  sheets: Sheet[];
  conflicts: (Conflict & { reason: string | null; declaredAt: number })[];
  comments: Map<string, string>;
}> {
  const db = getDb();
  const sheets = new Map<string, Sheet>();
  for (const row of await many(db.select().from(juryScores).where(eq(juryScores.contestId, contestId)))) {
    const key = `${row.ideaId}:${row.jurorUserId}`;
    let sheet = sheets.get(key);
    if (!sheet) {
      sheet = { ideaId: row.ideaId, jurorId: row.jurorUserId, scores: {} };
      sheets.set(key, sheet);
    }
    (sheet.scores as Record<number, number>)[row.criterionId] = row.score;
  }
  const conflicts = (await many(db.select().from(juryConflicts).where(eq(juryConflicts.contestId, contestId)))).map((c) => ({
    ideaId: c.ideaId,
    jurorId: c.jurorUserId,
    reason: c.reason,
    declaredAt: c.declaredAt.getTime(),
  }));
  const comments = new Map<string, string>();
  const rows = await many(
    db
      .select({ ideaId: juryComments.ideaId, jurorUserId: juryComments.jurorUserId, comment: juryComments.comment })
      .from(juryComments)
      .innerJoin(ideas, eq(juryComments.ideaId, ideas.id))
      .where(eq(ideas.contestId, contestId)),
  );
  for (const c of rows) comments.set(`${c.ideaId}:${c.jurorUserId}`, c.comment);
  return { sheets: [...sheets.values()], conflicts, comments };
}

export type SaveScoresResult = { ok: true; state: "empty" | "partial" | "complete" } | { ok: false; reason: "conflicted" | "closed" | "not-an-idea" };

/**
 * Saves one juror's sheet for one idea: the scores posted (others stay as they were) and the
 * comment. Outside juryselectie this stops with OutsidePhase (requirePhase).
 */
export async function saveScores(input: {
  details: ContestDetails;
  jurorUserId: string;
  ideaId: number;
  scores: Readonly<Record<number, number>>;
  comment: string | undefined;
  now: number;
}): Promise<SaveScoresResult> {
  requirePhase(input.details, SCORING_PHASES, input.now);
  const contestId = input.details.contest.id;
  if (!(await listJuryIdeas(contestId)).some((i) => i.id === input.ideaId)) return { ok: false, reason: "not-an-idea" };
  const criteria = await criteriaFor(contestId);
  const db = getDb();
  return transact(db, async (tx): Promise<SaveScoresResult> => {
    if (
      await one(
        tx
          .select()
          .from(juryConflicts)
          .where(and(eq(juryConflicts.ideaId, input.ideaId), eq(juryConflicts.jurorUserId, input.jurorUserId))),
      )
    ) {
      return { ok: false, reason: "conflicted" };
    }
    if ((await one(tx.select().from(juryRounds).where(eq(juryRounds.contestId, contestId))))?.decisionClosedAt) return { ok: false, reason: "closed" };
    const at = new Date(input.now);
    for (const criterion of criteria) {
      const score = input.scores[criterion.id];
      if (score === undefined) continue;
      await run(
        tx
          .insert(juryScores)
          .values({ contestId, ideaId: input.ideaId, jurorUserId: input.jurorUserId, criterionId: criterion.id, score, updatedAt: at })
          .onConflictDoUpdate({ target: [juryScores.ideaId, juryScores.jurorUserId, juryScores.criterionId], set: { score, updatedAt: at } }),
      );
    }
    if (input.comment) {
      await run(
        tx
          .insert(juryComments)
          .values({ ideaId: input.ideaId, jurorUserId: input.jurorUserId, comment: input.comment, updatedAt: at })
          .onConflictDoUpdate({ target: [juryComments.ideaId, juryComments.jurorUserId], set: { comment: input.comment, updatedAt: at } }),
      );
    } else {
      await run(tx.delete(juryComments).where(and(eq(juryComments.ideaId, input.ideaId), eq(juryComments.jurorUserId, input.jurorUserId))));
    }
    const stored = await many(
      tx
        .select({ criterionId: juryScores.criterionId, score: juryScores.score })
        .from(juryScores)
        .where(and(eq(juryScores.ideaId, input.ideaId), eq(juryScores.jurorUserId, input.jurorUserId))),
    );
    return { ok: true, state: sheetState({ scores: Object.fromEntries(stored.map((s) => [s.criterionId, s.score])) }, criteria) };
  });
}

export type ConflictResult = { ok: true } | { ok: false; reason: "already" | "closed" | "not-an-idea" };

/**
 * A juror declares a conflict of interest for an idea: from then on they do not score it and any
 * scores they gave it are deleted (the trigger does the same). Final; logged for the organisers.
 */
export async function declareConflict(input: {
  details: ContestDetails;
  jurorUserId: string;
  ideaId: number;
  reason: string | undefined;
  now: number;
}): Promise<ConflictResult> {
  requirePhase(input.details, SCORING_PHASES, input.now);
  const contestId = input.details.contest.id;
  const idea = (await listJuryIdeas(contestId)).find((i) => i.id === input.ideaId);
  if (!idea) return { ok: false, reason: "not-an-idea" };
  return transact(getDb(), async (tx): Promise<ConflictResult> => {
    if ((await one(tx.select().from(juryRounds).where(eq(juryRounds.contestId, contestId))))?.decisionClosedAt) return { ok: false, reason: "closed" };
    const inserted = await run(
      tx
        .insert(juryConflicts)
        .values({ contestId, ideaId: input.ideaId, jurorUserId: input.jurorUserId, reason: input.reason ?? null, declaredAt: new Date(input.now) })
        .onConflictDoNothing(),
    );
    if (inserted.changes === 0) return { ok: false, reason: "already" };
    await run(tx.delete(juryScores).where(and(eq(juryScores.ideaId, input.ideaId), eq(juryScores.jurorUserId, input.jurorUserId))));
    await run(tx.delete(juryComments).where(and(eq(juryComments.ideaId, input.ideaId), eq(juryComments.jurorUserId, input.jurorUserId))));
    await writeAudit(tx, {
      userId: input.jurorUserId,
      contestId,
      action: "jury.conflict-declared",
      subject: idea.title,
      reason: input.reason,
      at: input.now,
    });
    return { ok: true };
  });
}

/** One juror's page: their ideas with the state of their sheet, their progress, and (once finished) the jury's averages. */
export async function jurorOverview(contestId: number, jurorUserId: string) {
  const juryIdeas = await listJuryIdeas(contestId);
  const criteria = await criteriaFor(contestId);
  const { sheets, conflicts } = await loadScoring(contestId);
  const ideaIds = juryIdeas.map((i) => i.id);
  const progress = jurorProgress({ jurorId: jurorUserId, ideaIds, criteria, sheets, conflicts });
  const conflictKeys = conflictSet(conflicts);
  const aggregates = new Map(aggregateIdeas({ ideaIds, criteria, sheets, conflicts }).map((a) => [a.ideaId, a]));
  const mine = new Map(sheets.filter((s) => s.jurorId === jurorUserId).map((s) => [s.ideaId, s]));
  return {
    criteria,
    progress,
    ideas: juryIdeas.map((idea) => {
      const conflicted = isConflicted(conflictKeys, idea.id, jurorUserId);
      const aggregate = aggregates.get(idea.id)!;
      const own = mine.get(idea.id);
      return {
        ...idea,
        conflicted,
        state: conflicted ? ("conflict" as const) : sheetState(own, criteria),
        sheet: own?.scores ?? {},
        // Jurors see the jury's average only after finishing their own work, never for a conflicted idea.
        jury:
          progress.finished && progress.total > 0 && !conflicted && aggregate.average !== null ? { average: aggregate.average, count: aggregate.count } : null,
      };
    }),
  };
}

/** The overview for the chair and the organisers: per idea the aggregate and its rank, and the jury's progress. */
export async function juryOverview(contestId: number) {
  const juryIdeas = await listJuryIdeas(contestId);
  const criteria = await criteriaFor(contestId);
  const { sheets, conflicts } = await loadScoring(contestId);
  const ideaIds = juryIdeas.map((i) => i.id);
  const jurors = await listJurors(contestId);
  const names = new Map(jurors.map((j) => [j.userId, j.name]));
  const titles = new Map(juryIdeas.map((i) => [i.id, i.title]));
  const ranked = rankByAverage(aggregateIdeas({ ideaIds, criteria, sheets, conflicts }));
  return {
    criteria,
    rows: ranked.map((r) => ({
      ideaId: r.ideaId,
      title: titles.get(r.ideaId) ?? "",
      rank: r.rank,
      tied: r.tied,
      average: r.average,
      spread: r.spread,
      count: r.count,
      partial: r.partial,
      conflicts: r.conflicts,
      outliers: r.outliers.map((o) => ({ juror: names.get(o.jurorId) ?? "?", score: o.score, median: o.median })),
    })),
    jurors: jurors.map((j) => ({ ...j, progress: jurorProgress({ jurorId: j.userId, ideaIds, criteria, sheets, conflicts }) })),
  };
}

/** The juror's own saved sheet and comment for one idea. */
export async function ownSheet(contestId: number, ideaId: number, jurorUserId: string) {
  const { sheets, conflicts, comments } = await loadScoring(contestId);
  return {
    scores: sheets.find((s) => s.ideaId === ideaId && s.jurorId === jurorUserId)?.scores ?? {},
    comment: comments.get(`${ideaId}:${jurorUserId}`) ?? "",
    conflict: conflicts.find((c) => c.ideaId === ideaId && c.jurorId === jurorUserId) ?? null,
  };
}

/** The jury's figures for the console overview: how many jurors finished, and whether the decision is closed. */
export async function juryCounts(contestId: number): Promise<{ jurors: number; finished: number; decisionClosed: boolean }> {
  const jurors = await listJurors(contestId);
  if (jurors.length === 0) return { jurors: 0, finished: 0, decisionClosed: await isDecisionClosed(contestId) };
  const ideaIds = (await listJuryIdeas(contestId)).map((i) => i.id);
  const criteria = await criteriaFor(contestId);
  const { sheets, conflicts } = await loadScoring(contestId);
  const finished = jurors.filter((j) => ideaIds.length > 0 && jurorProgress({ jurorId: j.userId, ideaIds, criteria, sheets, conflicts }).finished).length;
  return { jurors: jurors.length, finished, decisionClosed: await isDecisionClosed(contestId) };
}
