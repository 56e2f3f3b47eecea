// Sticker counts from the paper posters at the keuzebijeenkomst (issue 6).
// Two organisers count and enter independently; the counts count only when
// both entries are complete and agree, or when every difference has been
// resolved explicitly (usually by counting that poster again). A count is
// never taken from one entry alone: that is the point of counting twice.

import { z } from "zod";

export interface PosterCount {
  readonly ideaId: number;
  /** Stickers on the poster: a whole number, 0 or more. */
  readonly count: number;
}

export interface PosterCountEntry {
  /** The organiser who entered it (user id): the same person twice is not an independent count. */
  readonly enteredBy: string;
  /** Ideas not counted yet are left out; 0 is a count. */
  readonly counts: readonly PosterCount[];
}

/** The count decided for an idea on which the two entries differ. */
export type PosterResolution = PosterCount;

export type PosterLineStatus = "equal" | "different" | "missing";

export interface PosterCountLine {
  readonly ideaId: number;
  readonly a: number | null;
  readonly b: number | null;
  readonly status: PosterLineStatus;
  /** The resolution for a difference, when there is one. */
  readonly resolved: number | null;
  /** The count that will count: the agreed or the resolved number; null while open. */
  readonly final: number | null;
}

export interface PosterCountComparison {
  readonly lines: readonly PosterCountLine[];
  /** Both entries by one organiser: shown as a problem, never reconciled. */
  readonly sameOrganiser: boolean;
  /** Ideas that one or both entries have not counted yet. */
  readonly missing: readonly number[];
  /** Ideas on which the entries differ and no resolution was given. */
  readonly unresolved: readonly number[];
  readonly reconciled: boolean;
}

/** The largest count an entry accepts; a poster with a million stickers is a typing mistake. */
export const MAX_POSTER_COUNT = 99_999;

/**
 * Lines up two entries, one line per idea of the ballot. A resolution only
 * settles a difference: one given for an idea on which the entries agree is
 * ignored (the agreed count stands), and a missing count must be entered, not
 * resolved.
 */
export function compareCounts(
  entryA: PosterCountEntry | null,
  entryB: PosterCountEntry | null,
  ideaIds: readonly number[],
  resolutions: readonly PosterResolution[] = [],
): PosterCountComparison {
  const a = entryA ? countsByIdea(entryA.counts, ideaIds, "entry A") : new Map<number, number>();
  const b = entryB ? countsByIdea(entryB.counts, ideaIds, "entry B") : new Map<number, number>();
  const resolved = countsByIdea(resolutions, ideaIds, "resolutions");

  const lines = [...new Set(ideaIds)]
    .sort((x, y) => x - y)
    .map((ideaId): PosterCountLine => {
      const countA = a.get(ideaId) ?? null;
      const countB = b.get(ideaId) ?? null;
      if (countA === null || countB === null) return { ideaId, a: countA, b: countB, status: "missing", resolved: null, final: null };
      if (countA === countB) return { ideaId, a: countA, b: countB, status: "equal", resolved: null, final: countA };
      const resolution = resolved.get(ideaId) ?? null;
      return { ideaId, a: countA, b: countB, status: "different", resolved: resolution, final: resolution };
    });
  const sameOrganiser = entryA !== null && entryB !== null && entryA.enteredBy === entryB.enteredBy;
  const missing = lines.filter((l) => l.status === "missing").map((l) => l.ideaId);
  const unresolved = lines.filter((l) => l.status === "different" && l.resolved === null).map((l) => l.ideaId);
  const reconciled = entryA !== null && entryB !== null && !sameOrganiser && missing.length === 0 && unresolved.length === 0;
  return { lines, sameOrganiser, missing, unresolved, reconciled };
}

/** The counts that go into the tally, or null while the comparison is not reconciled. */
export function finalPosterCounts(comparison: PosterCountComparison): PosterCount[] | null {
  if (!comparison.reconciled) return null;
  return comparison.lines.map((line) => {
    if (line.final === null) throw new Error(`reconciled comparison without a count for idea ${line.ideaId}`);
    return { ideaId: line.ideaId, count: line.final };
  });
}

/**
 * The entry form (and the resolution form, which has the same fields for the
 * ideas in dispute): `count.<ideaId>` per poster, as a number input. An empty
 * field is "not counted yet", so an organiser can save halfway; 0 must be typed.
 */
export function posterCountsFormSchema(ideaIds: readonly number[]) {
  const known = new Set(ideaIds);
  return z.object({ count: z.record(z.string(), z.unknown()).optional() }).transform((form, ctx): PosterCount[] => {
    const counts: PosterCount[] = [];
    for (const [key, value] of Object.entries(form.count ?? {})) {
      const ideaId = /^[1-9]\d{0,14}$/.test(key) ? Number(key) : null;
      if (ideaId === null || !known.has(ideaId)) {
        ctx.addIssue({ code: "custom", path: ["count", key], message: "voting.unknownIdea" });
        continue;
      }
      if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) continue;
      const count = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
      if (count === null || count > MAX_POSTER_COUNT) {
        ctx.addIssue({ code: "custom", path: ["count", key], message: "voting.posterCountInvalid", params: { max: MAX_POSTER_COUNT } });
        continue;
      }
      counts.push({ ideaId, count });
    }
    return counts.sort((x, y) => x.ideaId - y.ideaId);
  });
}

// Counts that break these rules come from code, not from an organiser (the form refuses them): fail loudly.
function countsByIdea(counts: readonly PosterCount[], ideaIds: readonly number[], what: string): Map<number, number> {
  const known = new Set(ideaIds);
  const byIdea = new Map<number, number>();
  for (const { ideaId, count } of counts) {
    if (!known.has(ideaId)) throw new RangeError(`${what} counts idea ${ideaId}, which is not on the ballot`);
    if (byIdea.has(ideaId)) throw new RangeError(`${what} counts idea ${ideaId} twice`);
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${what} has ${count} stickers for idea ${ideaId}`);
    byIdea.set(ideaId, count);
  }
  return byIdea;
}
