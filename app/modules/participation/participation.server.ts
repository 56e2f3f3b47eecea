import { and, eq, sql } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { participationCounts, participationResidents, participationUsedTokens } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { votingPepper } from "~/lib/secrets.server";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { getIdeaLists } from "~/modules/ideas/ideas.server";
import type { Pepper } from "~/lib/keyed-hash";
import { MIN_GROUP_SIZE } from "./disclosure";
import type { CountRow, ResidentFigure } from "./figures";
import { buurtOptions, counterKeys, countersFor, RESPONSES, type Answers, type BuurtOption, type Moment, type QuestionsForm } from "./questions";
import { handInToken, readToken, usedTokenHash, voteToken } from "./token";

// Who takes part (issue 9, ADR 014): the optional questions after voting and handing in, stored as
// counts only, and the organiser's figures about the area.

/** The buurten the questions offer for this contest. */
export function contestBuurten(details: Pick<ContestDetails, "contest" | "areas">): BuurtOption[] {
  return buurtOptions({ ideaBuurten: getIdeaLists(details.contest.id).buurten, areas: details.areas });
}

/** The form after a vote whose receipt the page has just found on a ballot of this contest. */
export function questionsAfterVote(details: Pick<ContestDetails, "contest" | "areas">, receipt: string, pepper: Pepper = votingPepper()): QuestionsForm {
  return {
    slug: details.contest.slug,
    token: voteToken({ contestId: details.contest.id, receipt, pepper }),
    moment: "stemmen",
    buurten: contestBuurten(details),
  };
}

/** The form after a hand-in: the token came through the flash cookie, so it is checked before it is shown. */
export function questionsAfterHandIn(
  details: Pick<ContestDetails, "contest" | "areas">,
  token: string | undefined,
  pepper: Pepper = votingPepper(),
): QuestionsForm | null {
  if (!token || readToken(token, { contestId: details.contest.id, pepper })?.moment !== "indienen") return null;
  return { slug: details.contest.slug, token, moment: "indienen", buurten: contestBuurten(details) };
}

/** The flash parameter that takes a fresh hand-in token to the idea page. */
export function handInFlashParams(contestId: number, pepper: Pepper = votingPepper()): { deelname: string } {
  return { deelname: handInToken({ contestId, pepper }) };
}

export type RecordResult = { ok: true; moment: Moment } | { ok: false; reason: "invalid" | "used" | "empty" };

/**
 * Adds one resident's answers to the counts. The token answers once (its keyed hash is kept, nothing
 * else); every counter of the moment exists before the first is raised, created in a fixed order; and
 * the organiser's figures move on only once 5 or more forms have come in since they last did.
 */
export function recordAnswers(input: { contestId: number; token: string; answers: Answers; buurten: readonly BuurtOption[]; pepper?: Pepper }): RecordResult {
  const pepper = input.pepper ?? votingPepper();
  const read = readToken(input.token, { contestId: input.contestId, pepper });
  if (!read) return { ok: false, reason: "invalid" };
  const counters = countersFor(input.answers);
  if (counters.length === 0) return { ok: false, reason: "empty" };
  const { moment } = read;
  const db = getDb();
  return db.transaction(
    (tx) => {
      const used = tx
        .insert(participationUsedTokens)
        .values({ tokenHash: usedTokenHash(read.nonce, pepper), contestId: input.contestId })
        .onConflictDoNothing()
        .run();
      if (used.changes === 0) return { ok: false, reason: "used" } as const;
      tx.insert(participationCounts)
        .values(counterKeys(input.buurten).map((k) => ({ contestId: input.contestId, moment, question: k.question, answer: k.answer })))
        .onConflictDoNothing()
        .run();
      const ofMoment = and(eq(participationCounts.contestId, input.contestId), eq(participationCounts.moment, moment));
      for (const c of counters) {
        tx.update(participationCounts)
          .set({ count: sql`${participationCounts.count} + 1` })
          .where(and(ofMoment, eq(participationCounts.question, c.question), eq(participationCounts.answer, c.answer)))
          .run();
      }
      const forms = tx
        .select({ count: participationCounts.count, published: participationCounts.published })
        .from(participationCounts)
        .where(and(ofMoment, eq(participationCounts.question, RESPONSES.question), eq(participationCounts.answer, RESPONSES.answer)))
        .get()!;
      if (forms.count - forms.published >= MIN_GROUP_SIZE) {
        tx.update(participationCounts)
          .set({ published: sql`${participationCounts.count}` })
          .where(ofMoment)
          .run();
      }
      return { ok: true, moment } as const;
    },
    { behavior: "immediate" },
  );
}

/** The published counts (never the running ones) and the organiser's figures, for the console page. */
export function participationFigures(contestId: number): { counts: CountRow[]; residents: ResidentFigure[] } {
  const db = getDb();
  const counts = db
    .select({
      moment: participationCounts.moment,
      question: participationCounts.question,
      answer: participationCounts.answer,
      n: participationCounts.published,
    })
    .from(participationCounts)
    .where(eq(participationCounts.contestId, contestId))
    .all();
  return { counts, residents: residentFigures(contestId) };
}

export function residentFigures(contestId: number): ResidentFigure[] {
  return getDb()
    .select({ kind: participationResidents.kind, key: participationResidents.key, residents: participationResidents.residents })
    .from(participationResidents)
    .where(eq(participationResidents.contestId, contestId))
    .all();
}

/** Replaces the organiser's figures about the area; logged. A figure left empty is removed. */
export function saveResidentFigures(input: { contestId: number; figures: readonly ResidentFigure[]; userId: string; now: number }): void {
  const db = getDb();
  db.transaction((tx) => {
    const before = tx
      .select({ kind: participationResidents.kind, key: participationResidents.key, residents: participationResidents.residents })
      .from(participationResidents)
      .where(eq(participationResidents.contestId, input.contestId))
      .all();
    tx.delete(participationResidents).where(eq(participationResidents.contestId, input.contestId)).run();
    if (input.figures.length > 0) {
      tx.insert(participationResidents)
        .values(input.figures.map((f) => ({ contestId: input.contestId, kind: f.kind, key: f.key, residents: f.residents })))
        .run();
    }
    const asRecord = (rows: readonly ResidentFigure[]) => Object.fromEntries(rows.map((r) => [`${r.kind} ${r.key}`, r.residents]));
    writeAudit(tx, {
      userId: input.userId,
      contestId: input.contestId,
      action: "participation.residents-saved",
      before: asRecord(before),
      after: asRecord(input.figures),
      at: input.now,
    });
  });
}
