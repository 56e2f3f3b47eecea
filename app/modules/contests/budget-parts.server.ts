import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contests, ideaBuurten, ideaCategories, ideas } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { BEFORE_VOTING, type BudgetPartsValue, type BudgetSplit, type LeftoverPolicy, type PartItem, type PartKind } from "./budget-parts-form";
import type { ContestDetails } from "./contests.server";
import { requirePhase } from "./phase-guard.server";

// The round's budget in parts (ADR 026), stored on the lists it already has: the amount per buurt or per
// category, and on the contest which of the two lists divides the budget and what happens to the rest.

type Actor = { userId: string };

const tables = { buurt: ideaBuurten, category: ideaCategories } as const;
const ideaColumn = { buurt: ideas.buurtId, category: ideas.categoryId } as const;

export interface BudgetParts {
  readonly split: BudgetSplit;
  readonly leftover: LeftoverPolicy;
  readonly lists: { readonly [K in PartKind]: readonly PartItem[] };
}

async function listOf(kind: PartKind, contestId: number): Promise<PartItem[]> {
  const table = tables[kind];
  return many(
    getDb()
      .select({ id: table.id, name: table.name, budgetEuros: table.budgetEuros })
      .from(table)
      .where(eq(table.contestId, contestId))
      .orderBy(asc(table.position), asc(table.name)),
  );
}

export async function budgetPartsOf(contest: { id: number; budgetSplit: BudgetSplit; leftoverPolicy: LeftoverPolicy }): Promise<BudgetParts> {
  return {
    split: contest.budgetSplit,
    leftover: contest.leftoverPolicy,
    lists: { buurt: await listOf("buurt", contest.id), category: await listOf("category", contest.id) },
  };
}

/** The parts in their order with their money; empty for a round without parts. */
export function partsOf(parts: BudgetParts): { id: number; name: string; budget: number }[] {
  if (parts.split === "none") return [];
  // An item added to the list after the amounts were set has no amount: it is a part with nothing to share.
  return parts.lists[parts.split].map((item) => ({ id: item.id, name: item.name, budget: item.budgetEuros ?? 0 }));
}

/** Saves the split, the leftover policy and the amounts; only before voting starts (the ballot must not change under voters). */
export async function saveBudgetParts(input: { actor: Actor; details: ContestDetails; value: BudgetPartsValue; now: number }): Promise<void> {
  const { details, value } = input;
  requirePhase(details, BEFORE_VOTING, input.now);
  const contestId = details.contest.id;
  const before = await budgetPartsOf(details.contest);
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .update(contests)
        .set({ budgetSplit: value.split, leftoverPolicy: value.leftover, updatedAt: new Date(input.now) })
        .where(eq(contests.id, contestId)),
    );
    for (const amount of value.amounts) {
      const table = tables[amount.kind];
      await run(
        tx
          .update(table)
          .set({ budgetEuros: amount.euros })
          .where(and(eq(table.id, amount.id), eq(table.contestId, contestId))),
      );
    }
    const summary = (parts: { split: BudgetSplit; leftover: LeftoverPolicy }, items: readonly { name: string; euros: number | null }[]) => ({
      split: parts.split,
      leftover: parts.leftover,
      amounts: Object.fromEntries(items.map((i) => [i.name, i.euros])),
    });
    const names = new Map([
      ...before.lists.buurt.map((i) => [`buurt-${i.id}`, i.name] as const),
      ...before.lists.category.map((i) => [`category-${i.id}`, i.name] as const),
    ]);
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId,
      action: "contest.budget-parts-changed",
      before: summary(before, before.split === "none" ? [] : before.lists[before.split].map((i) => ({ name: i.name, euros: i.budgetEuros }))),
      after: summary(
        value,
        value.amounts.filter((a) => a.kind === value.split).map((a) => ({ name: names.get(`${a.kind}-${a.id}`) ?? String(a.id), euros: a.euros })),
      ),
      at: input.now,
    });
  });
}

/** How many ideas that can still reach the ballot (handed in or shortlisted, not hidden) have no part yet. */
export async function ideasWithoutPart(contest: { id: number; budgetSplit: BudgetSplit }): Promise<number> {
  if (contest.budgetSplit === "none") return 0;
  return (
    await many(
      getDb()
        .select({ id: ideas.id })
        .from(ideas)
        .where(
          and(
            eq(ideas.contestId, contest.id),
            inArray(ideas.status, ["submitted", "shortlisted"]),
            isNull(ideas.hiddenAt),
            isNull(ideaColumn[contest.budgetSplit]),
          ),
        ),
    )
  ).length;
}

/** The round's parts as the outcome needs them: per part its money, per idea its part. Null without parts. */
export async function outcomePartsOf(
  contest: { id: number; budgetSplit: BudgetSplit; leftoverPolicy: LeftoverPolicy },
  ideaIds: readonly number[],
): Promise<{ kind: PartKind; parts: { name: string; budget: number }[]; partOf: Map<number, string>; leftover: LeftoverPolicy } | null> {
  const split = contest.budgetSplit;
  if (split === "none") return null;
  const parts = partsOf(await budgetPartsOf(contest));
  const names = new Map(parts.map((p) => [p.id, p.name]));
  const partOf = new Map<number, string>();
  if (ideaIds.length > 0) {
    const rows = await many(
      getDb()
        .select({ id: ideas.id, part: ideaColumn[split] })
        .from(ideas)
        .where(and(eq(ideas.contestId, contest.id), inArray(ideas.id, [...ideaIds]))),
    );
    for (const row of rows) {
      const name = row.part === null ? undefined : names.get(row.part);
      if (name !== undefined) partOf.set(row.id, name);
    }
  }
  return { kind: split, parts: parts.map((p) => ({ name: p.name, budget: p.budget })), partOf, leftover: contest.leftoverPolicy };
}

export type SetPartResult = { ok: true } | { ok: false; reason: "no-parts" | "unknown-part" | "not-found" };

/** The organiser puts an idea (a paper idea too) in a part of the budget; only before voting starts. */
export async function setIdeaPart(input: { actor: Actor; details: ContestDetails; ideaId: number; partId: number; now: number }): Promise<SetPartResult> {
  const { details } = input;
  requirePhase(details, BEFORE_VOTING, input.now);
  const split = details.contest.budgetSplit;
  if (split === "none") return { ok: false, reason: "no-parts" };
  const contestId = details.contest.id;
  const part = (await listOf(split, contestId)).find((item) => item.id === input.partId);
  if (!part) return { ok: false, reason: "unknown-part" };
  const db = getDb();
  const idea = await one(
    db
      .select({ id: ideas.id, buurtId: ideas.buurtId, categoryId: ideas.categoryId })
      .from(ideas)
      .where(and(eq(ideas.id, input.ideaId), eq(ideas.contestId, contestId))),
  );
  if (!idea) return { ok: false, reason: "not-found" };
  const field = split === "buurt" ? "buurtId" : "categoryId";
  if (idea[field] === part.id) return { ok: true };
  await transact(db, async (tx) => {
    await run(
      tx
        .update(ideas)
        .set({ [field]: part.id, updatedAt: new Date(input.now) })
        .where(eq(ideas.id, idea.id)),
    );
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId,
      action: "idea.budget-part-set",
      subject: `idea:${idea.id}`,
      before: { [field]: idea[field] },
      after: { [field]: part.id, part: part.name },
      at: input.now,
    });
  });
  return { ok: true };
}

/** A list item of the list that divides the budget is a part of the ballot: it stays once voting starts. */
export function requireListOpen(details: ContestDetails, kind: PartKind, now: number): void {
  if (details.contest.budgetSplit === kind) requirePhase(details, BEFORE_VOTING, now);
}
