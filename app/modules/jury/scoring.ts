// The jury's scores: the weighted aggregate per idea, the spread between jurors, outliers, the
// ranking with ties, and each juror's progress. Pure: plain data in, plain data out.
// The choices below are also written down in docs/decisions/008-jury-scoring.md.
//
// - A juror's score for an idea is the weighted average of their criterion scores (1 to 5), so it
//   is on the same 1 to 5 scale. It exists only when the juror scored EVERY criterion: a half-filled
//   sheet is work in progress ("bezig") and does not count. Averaging only the criteria filled in
//   would silently change the weights for that one juror.
// - An idea's score is the plain average of the scores of the jurors who finished it. A juror who
//   declared a conflict of interest for the idea never counts, whatever is stored.
// - Everything is computed exactly, as fractions of integers: two ideas with the same average are a
//   real tie, never one that floating-point rounding created or broke.
// - Spread: the highest minus the lowest juror score (0 with one juror; none without scores).
// - Outlier: with three or more jurors, a juror whose score lies 1.5 points or more from the median
//   of the jury's scores for that idea. The median, not the average: one extreme score cannot pull
//   it towards itself, so with scores 1, 1 and 5 only the 5 stands out (compared with the average
//   of the others, every juror in that example would be 2 points off).

import { SCORE_MAX, SCORE_MIN, totalWeight } from "./criteria";

/** Exact rational number: num / den, den > 0. */
export type Fraction = { num: number; den: number };

export function toNumber(f: Fraction): number {
  return f.num / f.den;
}

export function compareFractions(a: Fraction, b: Fraction): number {
  return a.num * b.den - b.num * a.den;
}

/** One juror's scores for one idea, criterion id → 1..5. */
export type Sheet = { ideaId: number; jurorId: string; scores: Readonly<Record<number, number>> };
export type Conflict = { ideaId: number; jurorId: string };
export type WeightedCriterion = { id: number; weight: number };

export function isValidScore(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX;
}

export type SheetState = "empty" | "partial" | "complete";

/** How far a sheet is: only scores for the contest's criteria, and only valid ones, count. */
export function sheetState(sheet: Pick<Sheet, "scores"> | undefined, criteria: readonly WeightedCriterion[]): SheetState {
  if (!sheet) return "empty";
  const filled = criteria.filter((c) => isValidScore(sheet.scores[c.id])).length;
  if (filled === 0) return "empty";
  return filled === criteria.length ? "complete" : "partial";
}

/** The weighted score of a complete sheet as a fraction Σ(w·x) / Σw; null for an incomplete sheet. */
export function jurorScore(sheet: Pick<Sheet, "scores">, criteria: readonly WeightedCriterion[]): Fraction | null {
  if (criteria.length === 0 || sheetState(sheet, criteria) !== "complete") return null;
  const num = criteria.reduce((sum, c) => sum + c.weight * sheet.scores[c.id]!, 0);
  return { num, den: totalWeight(criteria) };
}

const pairKey = (ideaId: number, jurorId: string) => `${ideaId}\u0000${jurorId}`;

export function conflictSet(conflicts: readonly Conflict[]): Set<string> {
  return new Set(conflicts.map((c) => pairKey(c.ideaId, c.jurorId)));
}

export function isConflicted(conflicts: ReadonlySet<string>, ideaId: number, jurorId: string): boolean {
  return conflicts.has(pairKey(ideaId, jurorId));
}

export const OUTLIER_DISTANCE = 1.5;
export const OUTLIER_MIN_JURORS = 3;

export type JurorResult = { jurorId: string; score: number };
export type Outlier = { jurorId: string; score: number; median: number };

export type IdeaAggregate = {
  ideaId: number;
  /** Exact average, null when no juror finished the idea. */
  exact: Fraction | null;
  average: number | null;
  /** Jurors whose complete sheet counts. */
  count: number;
  /** Jurors who started but did not finish (their scores do not count yet). */
  partial: number;
  /** Jurors who declared a conflict of interest for this idea. */
  conflicts: number;
  spread: number | null;
  min: number | null;
  max: number | null;
  /** Per juror, for the chair and organisers only: never public. */
  jurors: JurorResult[];
  outliers: Outlier[];
};

/** The aggregate of every idea given, in the order given. Sheets of other ideas are ignored. */
export function aggregateIdeas(input: {
  ideaIds: readonly number[];
  criteria: readonly WeightedCriterion[];
  sheets: readonly Sheet[];
  conflicts: readonly Conflict[];
}): IdeaAggregate[] {
  const conflicts = conflictSet(input.conflicts);
  const byIdea = new Map<number, Sheet[]>();
  for (const sheet of input.sheets) {
    const list = byIdea.get(sheet.ideaId);
    if (list) list.push(sheet);
    else byIdea.set(sheet.ideaId, [sheet]);
  }
  return input.ideaIds.map((ideaId) => {
    const counted: { jurorId: string; score: Fraction }[] = [];
    let partial = 0;
    const seen = new Set<string>();
    for (const sheet of byIdea.get(ideaId) ?? []) {
      // One sheet per juror and idea; should a caller pass two, the first counts.
      if (seen.has(sheet.jurorId) || isConflicted(conflicts, ideaId, sheet.jurorId)) continue;
      seen.add(sheet.jurorId);
      const score = jurorScore(sheet, input.criteria);
      if (score) counted.push({ jurorId: sheet.jurorId, score });
      else if (sheetState(sheet, input.criteria) === "partial") partial++;
    }
    const conflictCount = input.conflicts.filter((c) => c.ideaId === ideaId).length;
    return summarise(ideaId, counted, partial, conflictCount);
  });
}

function summarise(ideaId: number, counted: { jurorId: string; score: Fraction }[], partial: number, conflicts: number): IdeaAggregate {
  const n = counted.length;
  if (n === 0) {
    return { ideaId, exact: null, average: null, count: 0, partial, conflicts, spread: null, min: null, max: null, jurors: [], outliers: [] };
  }
  // Every juror score has the same denominator (the total weight), so sums of numerators are exact.
  const den = counted[0]!.score.den;
  const total = counted.reduce((sum, c) => sum + c.score.num, 0);
  const exact = { num: total, den: den * n };
  const nums = counted.map((c) => c.score.num);
  const min = Math.min(...nums) / den;
  const max = Math.max(...nums) / den;
  const outliers: Outlier[] = [];
  if (n >= OUTLIER_MIN_JURORS) {
    // Twice the median's numerator, so an even count's median (half-way between two) stays an integer.
    const sorted = [...nums].sort((a, b) => a - b);
    const median2 = n % 2 === 1 ? 2 * sorted[(n - 1) / 2]! : sorted[n / 2 - 1]! + sorted[n / 2]!;
    for (const c of counted) {
      // |a/W − m| ≥ 1.5  ⇔  |2a − 2mW| ≥ 3W, in integers.
      if (Math.abs(2 * c.score.num - median2) >= 3 * den) {
        outliers.push({ jurorId: c.jurorId, score: c.score.num / den, median: median2 / (2 * den) });
      }
    }
  }
  return {
    ideaId,
    exact,
    average: toNumber(exact),
    count: n,
    partial,
    conflicts,
    spread: max - min,
    min,
    max,
    jurors: counted.map((c) => ({ jurorId: c.jurorId, score: c.score.num / den })),
    outliers,
  };
}

// ---------------------------------------------------------------------------
// Ranking and sorting

export type Ranked<T> = T & { rank: number | null; tied: boolean };

/**
 * Ranks by average, highest first. Ideas with exactly the same average share a rank ("1, 2, 2, 4")
 * and are marked as tied: the jury breaks a tie itself, with arguments, not the software. Within a
 * tie, and among unscored ideas (last, without a rank), the order is by idea id, the order of
 * handing in, so the list stays the same on every load.
 */
export function rankByAverage<T extends { ideaId: number; exact: Fraction | null }>(rows: readonly T[]): Ranked<T>[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.exact && b.exact) return compareFractions(b.exact, a.exact) || a.ideaId - b.ideaId;
    if (a.exact) return -1;
    if (b.exact) return 1;
    return a.ideaId - b.ideaId;
  });
  return sorted.map((row, i) => {
    if (!row.exact) return { ...row, rank: null, tied: false };
    const equal = (other: T | undefined) => other?.exact !== undefined && other.exact !== null && compareFractions(other.exact, row.exact!) === 0;
    const firstEqual = sorted.findIndex((other) => equal(other));
    const tied = equal(sorted[i - 1]) || equal(sorted[i + 1]);
    return { ...row, rank: firstEqual + 1, tied };
  });
}

export const SORT_KEYS = ["rank", "title", "spread", "count"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === "string" && (SORT_KEYS as readonly string[]).includes(value);
}

/** The direction a column sorts in when first chosen: best first, biggest disagreement first, most jurors first, A to Z. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === "rank" || key === "title" ? "asc" : "desc";
}

/**
 * The overview, sorted by a column. Rows without a value (no scores) always go last, in either
 * direction; equal values fall back to the ranking, then the idea id.
 */
export function sortOverview<T extends { ideaId: number; title: string; rank: number | null; spread: number | null; count: number }>(
  rows: readonly T[],
  key: SortKey,
  direction: SortDirection = defaultDirection(key),
): T[] {
  const sign = direction === "asc" ? 1 : -1;
  const byRank = (a: T, b: T) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.ideaId - b.ideaId;
  const value = (row: T): number | string | null => (key === "rank" ? row.rank : key === "title" ? row.title : key === "spread" ? row.spread : row.count);
  const collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byRank(a, b) : va === null ? 1 : -1;
    const diff = typeof va === "string" ? collator.compare(va, vb as string) : (va as number) - (vb as number);
    return sign * diff || byRank(a, b);
  });
}

// ---------------------------------------------------------------------------
// One juror

export type JurorProgress = {
  /** Ideas this juror must score: all ideas except those with a declared conflict. */
  total: number;
  done: number;
  partial: number;
  open: number;
  conflicted: number;
  finished: boolean;
  /** Whole percent done, rounded down so 100 means really done. */
  percent: number;
};

export function jurorProgress(input: {
  jurorId: string;
  ideaIds: readonly number[];
  criteria: readonly WeightedCriterion[];
  sheets: readonly Sheet[];
  conflicts: readonly Conflict[];
}): JurorProgress {
  const conflicts = conflictSet(input.conflicts);
  const mine = new Map(input.sheets.filter((s) => s.jurorId === input.jurorId).map((s) => [s.ideaId, s]));
  let done = 0;
  let partial = 0;
  let conflicted = 0;
  for (const ideaId of input.ideaIds) {
    if (isConflicted(conflicts, ideaId, input.jurorId)) {
      conflicted++;
      continue;
    }
    const state = sheetState(mine.get(ideaId), input.criteria);
    if (state === "complete") done++;
    else if (state === "partial") partial++;
  }
  const total = input.ideaIds.length - conflicted;
  return {
    total,
    done,
    partial,
    open: total - done - partial,
    conflicted,
    finished: done === total,
    percent: total === 0 ? 100 : Math.floor((done * 100) / total),
  };
}

/**
 * Jurors do not see each other's scores until they have finished their own (issue 5): every idea
 * they have no conflict with has a complete sheet. Even then, never for an idea they declared a
 * conflict for. With no ideas there is nothing to see.
 */
export function mayViewOthersScores(progress: JurorProgress, input: { conflicted: boolean }): boolean {
  return progress.total > 0 && progress.finished && !input.conflicted;
}
