import { isUniqueViolation } from "~db/refusals.server";
import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, count, eq, max } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideaBuurten, ideaCategories, ideas } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";

// The organiser-defined lists of a contest: categories (what kind of idea) and buurten (where in the wijk).

export type ListKind = "category" | "buurt";

const tables = { category: ideaCategories, buurt: ideaBuurten } as const;

export async function addListItem(input: {
  kind: ListKind;
  contestId: number;
  name: string;
  actorUserId: string;
  now: number;
}): Promise<{ ok: true } | { ok: false; reason: "duplicate" }> {
  const table = tables[input.kind];
  const db = getDb();
  try {
    await transact(db, async (tx) => {
      const last =
        (
          await one(
            tx
              .select({ p: max(table.position) })
              .from(table)
              .where(eq(table.contestId, input.contestId)),
          )
        )?.p ?? 0;
      await run(tx.insert(table).values({ contestId: input.contestId, name: input.name, position: last + 1 }));
      await writeAudit(tx, {
        userId: input.actorUserId,
        contestId: input.contestId,
        action: `idea.${input.kind}-added`,
        after: { name: input.name },
        at: input.now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate" };
    throw error;
  }
  return { ok: true };
}

/** Only a name no idea uses can go (the foreign key would refuse it anyway). */
export async function removeListItem(input: {
  kind: ListKind;
  contestId: number;
  id: number;
  actorUserId: string;
  now: number;
}): Promise<{ ok: true } | { ok: false; reason: "in-use" | "not-found" }> {
  const table = tables[input.kind];
  const column = input.kind === "category" ? ideas.categoryId : ideas.buurtId;
  const db = getDb();
  const used = (await one(db.select({ n: count() }).from(ideas).where(eq(column, input.id))))?.n ?? 0;
  if (used > 0) return { ok: false, reason: "in-use" };
  return transact(db, async (tx) => {
    const removed = await one(
      tx
        .delete(table)
        .where(and(eq(table.id, input.id), eq(table.contestId, input.contestId)))
        .returning(),
    );
    if (!removed) return { ok: false, reason: "not-found" } as const;
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: `idea.${input.kind}-removed`,
      before: { name: removed.name },
      at: input.now,
    });
    return { ok: true } as const;
  });
}
