import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
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
export async function contestBuurten(details: Pick<ContestDetails, "contest" | "areas">): Promise<BuurtOption[]> {
  return buurtOptions({ ideaBuurten: (await getIdeaLists(details.contest.id)).buurten, areas: details.areas });
}

/** The form after a vote whose receipt the page has just found on a ballot of this contest. */
export async function questionsAfterVote(
  details: Pick<ContestDetails, "contest" | "areas">,
  receipt: string,
  pepper: Pepper = votingPepper(),
): Promise<QuestionsForm> {
  return {
    slug: details.contest.slug,
    token: voteToken({ contestId: details.contest.id, receipt, pepper }),
    moment: "stemmen",
    buurten: await contestBuurten(details),
  };
}

/** The form after a hand-in: the token came through the flash cookie, so it is checked before it is shown. */
export async function questionsAfterHandIn(
  details: Pick<ContestDetails, "contest" | "areas">,
  token: string | undefined,
  pepper: Pepper = votingPepper(),
): Promise<QuestionsForm | null> {
  if (!token || readToken(token, { contestId: details.contest.id, pepper })?.moment !== "indienen") return null;
  return { slug: details.contest.slug, token, moment: "indienen", buurten: await contestBuurten(details) };
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
export async function recordAnswers(input: {
  contestId: number;
  token: string;
  answers: Answers;
  buurten: readonly BuurtOption[];
  pepper?: Pepper;
}): Promise<RecordResult> {
  const pepper = input.pepper ?? votingPepper();
  const read = readToken(input.token, { contestId: input.contestId, pepper });
  if (!read) return { ok: false, reason: "invalid" };
  const counters = countersFor(input.answers);
  if (counters.length === 0) return { ok: false, reason: "empty" };
  const { moment } = read;
  const db = getDb();
  return transact(db, async (tx) => {
    const used = await run(
      tx
        .insert(participationUsedTokens)
        .values({ tokenHash: usedTokenHash(read.nonce, pepper), contestId: input.contestId })
        .onConflictDoNothing(),
    );
    if (used.changes === 0) return { ok: false, reason: "used" } as const;
    await run(
      tx
        .insert(participationCounts)
        .values(counterKeys(input.buurten).map((k) => ({ contestId: input.contestId, moment, question: k.question, answer: k.answer })))
        .onConflictDoNothing(),
    );
    const ofMoment = and(eq(participationCounts.contestId, input.contestId), eq(participationCounts.moment, moment));
    for (const c of counters) {
      await run(
        tx
          .update(participationCounts)
          .set({ count: sql`${participationCounts.count} + 1` })
          .where(and(ofMoment, eq(participationCounts.question, c.question), eq(participationCounts.answer, c.answer))),
      );
    }
    const forms = (await one(
      tx
        .select({ count: participationCounts.count, published: participationCounts.published })
        .from(participationCounts)
        .where(and(ofMoment, eq(participationCounts.question, RESPONSES.question), eq(participationCounts.answer, RESPONSES.answer))),
    ))!;
    if (forms.count - forms.published >= MIN_GROUP_SIZE) {
      await run(
        tx
          .update(participationCounts)
          .set({ published: sql`${participationCounts.count}` })
          .where(ofMoment),
      );
    }
    return { ok: true, moment } as const;
  });
}

/** The published counts (never the running ones) and the organiser's figures, for the console page. */
export async function participationFigures(contestId: number): Promise<{ counts: CountRow[]; residents: ResidentFigure[] }> {
  const db = getDb();
  const counts = await many(
    db
      .select({
        moment: participationCounts.moment,
        question: participationCounts.question,
        answer: participationCounts.answer,
        n: participationCounts.published,
      })
      .from(participationCounts)
      .where(eq(participationCounts.contestId, contestId)),
  );
  return { counts, residents: await residentFigures(contestId) };
}

export async function residentFigures(contestId: number): Promise<ResidentFigure[]> {
  return many(
    getDb()
      .select({ kind: participationResidents.kind, key: participationResidents.key, residents: participationResidents.residents })
      .from(participationResidents)
      .where(eq(participationResidents.contestId, contestId)),
  );
}

/** Replaces the organiser's figures about the area; logged. A figure left empty is removed. */
export async function saveResidentFigures(input: { contestId: number; figures: readonly ResidentFigure[]; userId: string; now: number }): Promise<void> {
  const db = getDb();
  await transact(db, async (tx) => {
    const before = await many(
      tx
        .select({ kind: participationResidents.kind, key: participationResidents.key, residents: participationResidents.residents })
        .from(participationResidents)
        .where(eq(participationResidents.contestId, input.contestId)),
    );
    await run(tx.delete(participationResidents).where(eq(participationResidents.contestId, input.contestId)));
    if (input.figures.length > 0) {
      await run(
        tx.insert(participationResidents).values(input.figures.map((f) => ({ contestId: input.contestId, kind: f.kind, key: f.key, residents: f.residents }))),
      );
    }
    const asRecord = (rows: readonly ResidentFigure[]) => Object.fromEntries(rows.map((r) => [`${r.kind} ${r.key}`, r.residents]));
    await writeAudit(tx, {
      userId: input.userId,
      contestId: input.contestId,
      action: "participation.residents-saved",
      before: asRecord(before),
      after: asRecord(input.figures),
      at: input.now,
    });
  });
}
