import { many, run } from "~db/query.server";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { contests, ideas, taakgroepSignups } from "~db/schema";
import { personKey } from "./record";
import { withdrawWithin } from "./taakgroepen.server";

// What the taakgroep record holds about one account, for the AVG export and for deleting the account.

export async function taakgroepPersonalData(db: Db, userId: string) {
  return many(
    db
      .select({
        contest: contests.title,
        idea: ideas.title,
        kind: taakgroepSignups.kind,
        name: taakgroepSignups.name,
        contact: taakgroepSignups.contact,
        skills: taakgroepSignups.skills,
        timeAvailable: taakgroepSignups.timeAvailable,
        sharesContact: taakgroepSignups.sharesContact,
        at: taakgroepSignups.createdAt,
      })
      .from(taakgroepSignups)
      .innerJoin(ideas, eq(taakgroepSignups.ideaId, ideas.id))
      .innerJoin(contests, eq(taakgroepSignups.contestId, contests.id))
      .where(eq(taakgroepSignups.userId, userId)),
  );
}

/**
 * Deleting an account: the record keeps that someone joined and left (counts stay true), but not who:
 * name, contact and what they wrote are wiped, and a person who was still in is withdrawn.
 */
export async function forgetTaakgroepPersonalData(tx: Tx, input: { userId: string; now: number }): Promise<void> {
  const groups = await many(
    tx
      .selectDistinct({ contestId: taakgroepSignups.contestId, ideaId: taakgroepSignups.ideaId })
      .from(taakgroepSignups)
      .where(eq(taakgroepSignups.userId, input.userId)),
  );
  for (const group of groups) await withdrawWithin(tx, { ...group, userId: input.userId, now: input.now });
  await run(
    tx
      .update(taakgroepSignups)
      .set({ name: "–", contact: "–", skills: null, timeAvailable: null, tags: null, sharesContact: false })
      .where(eq(taakgroepSignups.userId, input.userId)),
  );
}

/**
 * Retention (AVG): once a contest's data is due, the record keeps its counts but no names or contacts.
 * A person without an account is known in the record by their contact (record.ts, personKey), so each
 * person gets a random stand-in instead of one shared dash: groups keep their true size, and the
 * stand-in cannot be traced back the way a hash of a phone number could.
 */
export async function anonymiseContestSignups(tx: Tx, contestId: number): Promise<number> {
  const rows = await many(tx.select().from(taakgroepSignups).where(eq(taakgroepSignups.contestId, contestId)));
  const standIns = new Map<string, string>();
  for (const row of rows) {
    const key = personKey(row);
    if (!standIns.has(key)) standIns.set(key, `anoniem-${randomBytes(6).toString("hex")}`);
    await run(
      tx
        .update(taakgroepSignups)
        .set({ name: "–", contact: row.userId ? "–" : standIns.get(key)!, skills: null, timeAvailable: null, sharesContact: false })
        .where(eq(taakgroepSignups.id, row.id)),
    );
  }
  return rows.length;
}
