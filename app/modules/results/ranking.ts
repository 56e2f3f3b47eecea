// Ranking by score with a written tie-break rule: the contest page shows the
// rule, so it must be a rule a person can state in one sentence, and the same
// input must always give the same ranking.

export type ProjectId = string;

/** An idea as the outcome rules see it: an id and a cost in whole euros. */
export interface CostedProject {
  readonly id: ProjectId;
  readonly cost: number;
}

/** Scores (stickers, votes, points) per project id; a missing project scores 0. */
export type ScoreTable = ReadonlyMap<ProjectId, number> | Readonly<Record<ProjectId, number>>;

export interface TieCandidate {
  readonly id: ProjectId;
  readonly cost: number;
  readonly score: number;
}

/**
 * How to order projects with equal scores: either a comparator (negative when
 * `a` goes first) or an explicit order of ids, e.g. the result of a draw by
 * lot. Ids missing from an explicit order come after the listed ones, ordered
 * by the default rule.
 */
export type TieBreak = ((a: TieCandidate, b: TieCandidate) => number) | readonly ProjectId[];

export interface RankedProject {
  readonly id: ProjectId;
  readonly cost: number;
  readonly score: number;
  /** 1-based position after the tie-break; every position is unique. */
  readonly rank: number;
  /** Other projects with exactly the same score, whom the tie-break placed before or after this one. */
  readonly tiedWith: readonly ProjectId[];
}

export function scoreOf(scores: ScoreTable, id: ProjectId): number {
  if (scores instanceof Map) return scores.get(id) ?? 0;
  const record = scores as Readonly<Record<ProjectId, number>>;
  return Object.prototype.hasOwnProperty.call(record, id) ? (record[id] ?? 0) : 0;
}

/**
 * Numeric ids (as in Pabulib and our database) compare as numbers, so "9"
 * comes before "10", and come before all other ids; those compare by UTF-16
 * code units, which unlike localeCompare gives the same answer on every
 * machine. (Mixing the two orders per pair would not be transitive.)
 */
export function compareProjectIds(a: ProjectId, b: ProjectId): number {
  const numeric = /^\d+$/;
  const aNumeric = numeric.test(a);
  const bNumeric = numeric.test(b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  if (aNumeric) {
    const x = BigInt(a);
    const y = BigInt(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Default tie-break: the cheaper project first (with equal support it leaves
 * more money for the next idea), then the lower id (the idea handed in first).
 * This reproduces every official Amsterdam outcome in tests/fixtures/pabulib;
 * see official-outcomes.test.ts for the ties that occur there.
 */
export function lowerCostThenId(a: TieCandidate, b: TieCandidate): number {
  return a.cost - b.cost || compareProjectIds(a.id, b.id);
}

export function tieComparator(tieBreak: TieBreak = lowerCostThenId): (a: TieCandidate, b: TieCandidate) => number {
  if (typeof tieBreak === "function") return tieBreak;
  const position = new Map<ProjectId, number>();
  tieBreak.forEach((id, index) => {
    if (!position.has(id)) position.set(id, index);
  });
  return (a, b) => {
    const pa = position.get(a.id) ?? Number.POSITIVE_INFINITY;
    const pb = position.get(b.id) ?? Number.POSITIVE_INFINITY;
    if (pa !== pb) return pa < pb ? -1 : 1;
    return lowerCostThenId(a, b);
  };
}

/** Highest score first; equal scores ordered by the tie-break. */
export function rankByScore(projects: readonly CostedProject[], scores: ScoreTable, tieBreak: TieBreak = lowerCostThenId): RankedProject[] {
  const seen = new Set<ProjectId>();
  for (const project of projects) {
    if (seen.has(project.id)) throw new RangeError(`project ${project.id} is listed twice`);
    seen.add(project.id);
  }
  const compareTies = tieComparator(tieBreak);
  const candidates: TieCandidate[] = projects.map((p) => ({ id: p.id, cost: p.cost, score: scoreOf(scores, p.id) }));
  for (const candidate of candidates) {
    if (!Number.isFinite(candidate.score)) throw new RangeError(`project ${candidate.id} has score ${candidate.score}`);
  }
  const ordered = [...candidates].sort((a, b) => b.score - a.score || compareTies(a, b) || compareProjectIds(a.id, b.id));
  const byScore = new Map<number, ProjectId[]>();
  for (const c of ordered) byScore.set(c.score, [...(byScore.get(c.score) ?? []), c.id]);
  return ordered.map((c, index) => ({
    id: c.id,
    cost: c.cost,
    score: c.score,
    rank: index + 1,
    tiedWith: (byScore.get(c.score) ?? []).filter((id) => id !== c.id),
  }));
}
