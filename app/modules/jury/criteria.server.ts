import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, eq, notInArray } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { juryCriteria, juryScores } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { translator } from "~/lib/i18n";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { phaseAt } from "~/modules/contests/phases";
import { criteriaLocked, criterionKey, defaultCriteria, MAX_CRITERIA, type Criterion } from "./criteria";
import type { CriteriaForm } from "./schemas";

const nl = translator("nl");

async function readCriteria(contestId: number): Promise<Criterion[]> {
  return many(getDb().select().from(juryCriteria).where(eq(juryCriteria.contestId, contestId)).orderBy(asc(juryCriteria.position), asc(juryCriteria.id)));
}

/**
 * The contest's criteria. A contest gets the default five (in Dutch, the contest's language) the
 * first time anyone needs them; the unique (contest, key) index makes two first uses at once harmless.
 */
export async function criteriaFor(contestId: number): Promise<Criterion[]> {
  const existing = await readCriteria(contestId);
  if (existing.length > 0) return existing;
  const defaults = defaultCriteria((key) => ({ name: nl(`jury.defaultCriteria.${key}.name`), description: nl(`jury.defaultCriteria.${key}.description`) }));
  await run(
    getDb()
      .insert(juryCriteria)
      .values(defaults.map((c) => ({ ...c, contestId })))
      .onConflictDoNothing(),
  );
  return readCriteria(contestId);
}

export type SaveCriteriaResult = { ok: true } | { ok: false; reason: "locked" | "too-many" };

/** Organisers set the criteria until the jury starts; the change is logged with before and after. */
export async function saveCriteria(input: {
  actor: { userId: string };
  details: ContestDetails;
  rows: CriteriaForm;
  now: number;
}): Promise<SaveCriteriaResult> {
  const contestId = input.details.contest.id;
  if (criteriaLocked(phaseAt(input.details.clock, input.now))) return { ok: false, reason: "locked" };
  if (input.rows.length > MAX_CRITERIA) return { ok: false, reason: "too-many" };
  const before = await criteriaFor(contestId);
  const byKey = new Map(before.map((c) => [c.key, c]));
  const taken = before.map((c) => c.key);
  const rows = input.rows.map((row, position) => {
    const key = row.key && byKey.has(row.key) ? row.key : criterionKey(row.name, taken);
    if (!taken.includes(key)) taken.push(key);
    return { key, name: row.name, description: row.description, weight: row.weight, position };
  });
  const summary = (list: readonly { key: string; name: string; weight: number }[]) => Object.fromEntries(list.map((c) => [c.name, c.weight]));
  await transact(getDb(), async (tx) => {
    const keep = rows.map((r) => r.key);
    // Scores only exist once the jury has started, and then criteria are locked: nothing to lose here.
    const dropped = before.filter((c) => !keep.includes(c.key)).map((c) => c.id);
    if (dropped.length > 0) {
      if (
        await one(
          tx
            .select({ id: juryScores.criterionId })
            .from(juryScores)
            .where(and(eq(juryScores.contestId, contestId)))
            .limit(1),
        )
      )
        throw new Error("criteria with scores cannot be removed");
      await run(tx.delete(juryCriteria).where(and(eq(juryCriteria.contestId, contestId), notInArray(juryCriteria.key, keep))));
    }
    for (const row of rows) {
      await run(
        tx
          .insert(juryCriteria)
          .values({ contestId, ...row })
          .onConflictDoUpdate({
            target: [juryCriteria.contestId, juryCriteria.key],
            set: { name: row.name, description: row.description, weight: row.weight, position: row.position },
          }),
      );
    }
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId,
      action: "jury.criteria-changed",
      before: summary(before),
      after: summary(rows),
      at: input.now,
    });
  });
  return { ok: true };
}
