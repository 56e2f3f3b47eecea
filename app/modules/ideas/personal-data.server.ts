import { many, run } from "~db/query.server";
import { and, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { contests, ideaCoInitiators, ideas, type Idea } from "~db/schema";

// What the ideas feature holds about one account, for the AVG export and for deleting the account.

export async function ideasPersonalData(db: Db, userId: string) {
  return {
    ideas: await many(
      db
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
        .where(eq(ideas.ownerUserId, userId)),
    ),
    coInitiatorOf: await many(
      db
        .select({ contest: contests.title, idea: ideas.title, acceptedAt: ideaCoInitiators.acceptedAt })
        .from(ideaCoInitiators)
        .innerJoin(ideas, eq(ideaCoInitiators.ideaId, ideas.id))
        .innerJoin(contests, eq(ideas.contestId, contests.id))
        .where(eq(ideaCoInitiators.userId, userId)),
    ),
  };
}

/** The account's drafts: nobody else has seen them, so deleting the account discards them (with their photos). */
export async function draftsOf(db: Db, userId: string): Promise<Idea[]> {
  return many(
    db
      .select()
      .from(ideas)
      .where(and(eq(ideas.ownerUserId, userId), eq(ideas.status, "draft"))),
  );
}

/**
 * Deleting an account: handed-in ideas stay with their contest and keep pointing at the anonymous
 * account (shown without a name); co-initiatorships and invitations to the account's address end.
 */
export async function forgetIdeasPersonalData(tx: Tx, input: { userId: string; email: string }): Promise<void> {
  await run(tx.delete(ideaCoInitiators).where(or(eq(ideaCoInitiators.userId, input.userId), eq(ideaCoInitiators.email, input.email))));
}

/** Retention (AVG): paper ideas lose how to reach their resident; open co-initiator invitations go. */
export async function forgetContestIdeaContacts(tx: Tx, contestId: number): Promise<number> {
  const ids = (await many(tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.contestId, contestId)))).map((i) => i.id);
  const contacts = (
    await run(
      tx
        .update(ideas)
        .set({ paperContact: null })
        .where(and(eq(ideas.contestId, contestId), isNotNull(ideas.paperContact))),
    )
  ).changes;
  const invitations =
    ids.length === 0
      ? 0
      : (await run(tx.delete(ideaCoInitiators).where(and(inArray(ideaCoInitiators.ideaId, ids), isNull(ideaCoInitiators.acceptedAt))))).changes;
  return contacts + invitations;
}
