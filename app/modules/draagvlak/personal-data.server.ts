import { many, run } from "~db/query.server";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { contests, ideaBackers, ideaReactions, ideas } from "~db/schema";

// What draagvlak holds about one account, for the AVG export and for deleting the account.

export async function draagvlakPersonalData(db: Db, userId: string) {
  const backed = await many(
    db
      .select({ contest: contests.title, idea: ideas.title, at: ideaBackers.createdAt })
      .from(ideaBackers)
      .innerJoin(ideas, eq(ideaBackers.ideaId, ideas.id))
      .innerJoin(contests, eq(ideas.contestId, contests.id))
      .where(eq(ideaBackers.userId, userId)),
  );
  const reactions = await many(
    db
      .select({
        contest: contests.title,
        idea: ideas.title,
        kind: ideaReactions.kind,
        text: ideaReactions.body,
        at: ideaReactions.createdAt,
        hiddenAt: ideaReactions.hiddenAt,
      })
      .from(ideaReactions)
      .innerJoin(ideas, eq(ideaReactions.ideaId, ideas.id))
      .innerJoin(contests, eq(ideas.contestId, contests.id))
      .where(eq(ideaReactions.userId, userId)),
  );
  return { backed, reactions };
}

/**
 * Deleting an account: its backings go (a signature of nobody counts for nothing); its reactions keep
 * their place in a conversation that others answered, without what they said.
 */
export async function forgetDraagvlakPersonalData(tx: Tx, userId: string): Promise<void> {
  await run(tx.delete(ideaBackers).where(eq(ideaBackers.userId, userId)));
  await run(tx.update(ideaReactions).set({ body: "–" }).where(eq(ideaReactions.userId, userId)));
}
