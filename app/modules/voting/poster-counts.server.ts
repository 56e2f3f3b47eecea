import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { posterCountEntries, posterCountLines, posterCountResolutions, users, type PosterSlot } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { compareCounts, finalPosterCounts, type PosterCount, type PosterCountComparison } from "./poster-counts";

// The sticker counts of the paper posters (issue 6): two organisers enter them independently, one
// entry each (the unique indexes make sure one person cannot fill both), and the counts count only
// once both agree or every difference is resolved with a note. An organiser sees the other entry
// only after entering their own, so the second count stays independent.

export type PosterEntryView = { slot: PosterSlot; enteredBy: string; enteredByName: string; counts: PosterCount[]; updatedAt: number };

export type PosterCountsView = {
  /** The organiser's own entry, if any. */
  own: PosterEntryView | null;
  /** How many entries exist (0, 1 or 2). */
  entries: number;
  /** Both entries side by side, once both are in. */
  comparison: PosterCountComparison | null;
  resolutions: PosterCount[];
  /** The counts that go into the tally, once reconciled. */
  final: PosterCount[] | null;
};

async function loadEntries(contestId: number): Promise<PosterEntryView[]> {
  const db = getDb();
  const entries = await many(
    db
      .select({
        id: posterCountEntries.id,
        slot: posterCountEntries.slot,
        enteredBy: posterCountEntries.enteredBy,
        name: users.name,
        updatedAt: posterCountEntries.updatedAt,
      })
      .from(posterCountEntries)
      .innerJoin(users, eq(posterCountEntries.enteredBy, users.id))
      .where(eq(posterCountEntries.contestId, contestId)),
  );
  return (
    await Promise.all(
      entries.map(async (e) => ({
        slot: e.slot,
        enteredBy: e.enteredBy,
        enteredByName: e.name,
        updatedAt: e.updatedAt,
        counts: await many(
          db.select({ ideaId: posterCountLines.ideaId, count: posterCountLines.count }).from(posterCountLines).where(eq(posterCountLines.entryId, e.id)),
        ),
      })),
    )
  ).sort((x, y) => x.slot.localeCompare(y.slot));
}

export async function posterCountsFor(input: { contestId: number; viewerId: string; ideaIds: readonly number[] }): Promise<PosterCountsView> {
  const entries = await loadEntries(input.contestId);
  // Counts of ideas no longer on the ballot (hidden since) are left out of the comparison.
  const onBallot = new Set(input.ideaIds);
  const only = (counts: PosterCount[]) => counts.filter((c) => onBallot.has(c.ideaId));
  const resolutions = only(
    await many(
      getDb()
        .select({ ideaId: posterCountResolutions.ideaId, count: posterCountResolutions.count })
        .from(posterCountResolutions)
        .where(eq(posterCountResolutions.contestId, input.contestId)),
    ),
  );
  const own = entries.find((e) => e.enteredBy === input.viewerId) ?? null;
  const a = entries.find((e) => e.slot === "a");
  const b = entries.find((e) => e.slot === "b");
  // Side by side only once both are in: until then nobody can copy the other count.
  const comparison =
    entries.length === 2
      ? compareCounts(
          a ? { enteredBy: a.enteredBy, counts: only(a.counts) } : null,
          b ? { enteredBy: b.enteredBy, counts: only(b.counts) } : null,
          input.ideaIds,
          resolutions,
        )
      : null;
  return { own, entries: entries.length, comparison, resolutions, final: comparison ? finalPosterCounts(comparison) : null };
}

/** Saves the organiser's own count (a new entry takes the first free slot); the lines are replaced as a whole. */
export async function savePosterCount(input: {
  contestId: number;
  actorUserId: string;
  counts: readonly PosterCount[];
  now: number;
}): Promise<{ ok: true; slot: PosterSlot } | { ok: false; reason: "taken" }> {
  return transact(getDb(), async (tx) => {
    let entry = await one(
      tx
        .select({ id: posterCountEntries.id, slot: posterCountEntries.slot })
        .from(posterCountEntries)
        .where(and(eq(posterCountEntries.contestId, input.contestId), eq(posterCountEntries.enteredBy, input.actorUserId))),
    );
    if (!entry) {
      const taken = new Set(
        (await many(tx.select({ slot: posterCountEntries.slot }).from(posterCountEntries).where(eq(posterCountEntries.contestId, input.contestId)))).map(
          (r) => r.slot,
        ),
      );
      const slot = (["a", "b"] as const).find((s) => !taken.has(s));
      if (!slot) return { ok: false, reason: "taken" } as const;
      entry = await one(
        tx
          .insert(posterCountEntries)
          .values({ contestId: input.contestId, slot, enteredBy: input.actorUserId, updatedAt: input.now })
          .returning({ id: posterCountEntries.id, slot: posterCountEntries.slot }),
      );
    } else {
      await run(tx.update(posterCountEntries).set({ updatedAt: input.now }).where(eq(posterCountEntries.id, entry.id)));
    }
    await run(tx.delete(posterCountLines).where(eq(posterCountLines.entryId, entry.id)));
    if (input.counts.length > 0)
      await run(tx.insert(posterCountLines).values(input.counts.map((c) => ({ entryId: entry.id, ideaId: c.ideaId, count: c.count }))));
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "voting.poster-count-saved",
      subject: entry.slot,
      after: Object.fromEntries(input.counts.map((c) => [c.ideaId, c.count])),
      at: input.now,
    });
    return { ok: true, slot: entry.slot } as const;
  });
}

/** Settles a difference between the two counts for one idea, with the reason. */
export async function resolvePosterDifference(input: {
  contestId: number;
  actorUserId: string;
  ideaId: number;
  count: number;
  note: string;
  now: number;
}): Promise<void> {
  await transact(getDb(), async (tx) => {
    const row = {
      contestId: input.contestId,
      ideaId: input.ideaId,
      count: input.count,
      resolvedBy: input.actorUserId,
      resolvedAt: input.now,
      note: input.note.trim(),
    };
    await run(
      tx
        .insert(posterCountResolutions)
        .values(row)
        .onConflictDoUpdate({ target: [posterCountResolutions.contestId, posterCountResolutions.ideaId], set: row }),
    );
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "voting.poster-count-resolved",
      subject: String(input.ideaId),
      after: { count: input.count },
      reason: input.note.trim(),
      at: input.now,
    });
  });
}
