import { many, run } from "~db/query.server";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { contests, helpOffers } from "~db/schema";

// What the beursvloer holds about one account, for the AVG export and for deleting the account.

export async function helpPersonalData(db: Db, userId: string) {
  return many(
    db
      .select({
        contest: contests.title,
        name: helpOffers.name,
        kind: helpOffers.kind,
        description: helpOffers.description,
        inReturn: helpOffers.inReturn,
        contact: helpOffers.contact,
        at: helpOffers.createdAt,
        withdrawnAt: helpOffers.withdrawnAt,
      })
      .from(helpOffers)
      .innerJoin(contests, eq(helpOffers.contestId, contests.id))
      .where(eq(helpOffers.userId, userId)),
  );
}

/** Deleting an account withdraws its offers of help and wipes who made them and how to reach them. */
export async function forgetHelpPersonalData(tx: Tx, input: { userId: string; now: number }): Promise<void> {
  await run(
    tx
      .update(helpOffers)
      .set({ withdrawnAt: input.now })
      .where(and(eq(helpOffers.userId, input.userId), isNull(helpOffers.withdrawnAt))),
  );
  await run(tx.update(helpOffers).set({ name: "–", contact: "–", description: "–", inReturn: null }).where(eq(helpOffers.userId, input.userId)));
}

/**
 * Retention (AVG): once a round's data is due, its offers of help keep what was offered, not how to reach
 * who offered it, nor a resident's name (a business or supporter is named as such, not as a person).
 */
export async function forgetContestHelpOffers(tx: Tx, contestId: number): Promise<number> {
  const contacts = (await run(tx.update(helpOffers).set({ contact: "–" }).where(eq(helpOffers.contestId, contestId)))).changes;
  await run(
    tx
      .update(helpOffers)
      .set({ name: "–" })
      .where(and(eq(helpOffers.contestId, contestId), eq(helpOffers.offererKind, "bewoner"), ne(helpOffers.name, "–"))),
  );
  return contacts;
}
