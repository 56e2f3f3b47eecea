import { and, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { contests, ideaCoInitiators, ideas, type Idea } from "~db/schema";

// What the ideas feature holds about one account, for the AVG export and for deleting the account.

export function ideasPersonalData(db: Db, userId: string) {
  return {
    ideas: db
      .select({
        contest: contests.title,
        title: ideas.title,
        status: ideas.status,
        summary: ideas.summary,
        description: ideas.description,
        costEuros: ideas.costEuros,
        createdAt: ideas.createdAt,
        submittedAt: ideas.submittedAt,
      })
      .from(ideas)
      .innerJoin(contests, eq(ideas.contestId, contests.id))
      .where(eq(ideas.ownerUserId, userId))
      .all(),
    coInitiatorOf: db
      .select({ contest: contests.title, idea: ideas.title, acceptedAt: ideaCoInitiators.acceptedAt })
      .from(ideaCoInitiators)
      .innerJoin(ideas, eq(ideaCoInitiators.ideaId, ideas.id))
      .innerJoin(contests, eq(ideas.contestId, contests.id))
      .where(eq(ideaCoInitiators.userId, userId))
      .all(),
  };
}

/** The account's drafts: nobody else has seen them, so deleting the account discards them (with their photos). */
export function draftsOf(db: Db, userId: string): Idea[] {
  return db
    .select()
    .from(ideas)
    .where(and(eq(ideas.ownerUserId, userId), eq(ideas.status, "draft")))
    .all();
}

/**
 * Deleting an account: handed-in ideas stay with their contest and keep pointing at the anonymous
 * account (shown without a name); co-initiatorships and invitations to the account's address end.
 */
export function forgetIdeasPersonalData(tx: Tx, input: { userId: string; email: string }): void {
  tx.delete(ideaCoInitiators)
    .where(or(eq(ideaCoInitiators.userId, input.userId), eq(ideaCoInitiators.email, input.email)))
    .run();
}

/** Retention (AVG): paper ideas lose how to reach their resident; open co-initiator invitations go. */
export function forgetContestIdeaContacts(tx: Tx, contestId: number): number {
  const ids = tx
    .select({ id: ideas.id })
    .from(ideas)
    .where(eq(ideas.contestId, contestId))
    .all()
    .map((i) => i.id);
  const contacts = tx
    .update(ideas)
    .set({ paperContact: null })
    .where(and(eq(ideas.contestId, contestId), isNotNull(ideas.paperContact)))
    .run().changes;
  const invitations =
    ids.length === 0
      ? 0
      : tx
          .delete(ideaCoInitiators)
          .where(and(inArray(ideaCoInitiators.ideaId, ids), isNull(ideaCoInitiators.acceptedAt)))
          .run().changes;
  return contacts + invitations;
}
