import { many, run } from "~db/query.server";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { ideas, juryComments, juryInvitations, juryScores } from "~db/schema";

// A juror's scores and comments, for the AVG export. They stay with the jury's decision after the
// account is deleted (the record of how the shortlist came about), under the anonymous account.

export async function juryPersonalData(db: Db, userId: string) {
  return {
    scores: await many(
      db
        .select({ idea: ideas.title, criterionId: juryScores.criterionId, score: juryScores.score })
        .from(juryScores)
        .innerJoin(ideas, eq(juryScores.ideaId, ideas.id))
        .where(eq(juryScores.jurorUserId, userId)),
    ),
    comments: await many(
      db
        .select({ idea: ideas.title, comment: juryComments.comment })
        .from(juryComments)
        .innerJoin(ideas, eq(juryComments.ideaId, ideas.id))
        .where(eq(juryComments.jurorUserId, userId)),
    ),
  };
}

/** Retention (AVG): invitations nobody accepted only hold an email address. */
export async function forgetOpenJuryInvitations(tx: Tx, contestId: number): Promise<number> {
  return (await run(tx.delete(juryInvitations).where(and(eq(juryInvitations.contestId, contestId), isNull(juryInvitations.acceptedAt))))).changes;
}
