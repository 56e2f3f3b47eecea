// The jury's criteria and their weights. Pure: plain data in, plain data out.
//
// A contest starts with the five criteria of issue 5. Organisers may rename them, change their
// weights, drop one or add their own until the jury starts (juryselectie): after that the scale
// that the jurors score against stays as it is, so that every score means the same thing.

import { hasPhaseStarted, type PhaseInfo } from "~/modules/contests/phases";
import { freeSlug } from "~/lib/slug";

export const DEFAULT_CRITERION_KEYS = ["wijk", "creativiteit", "samenwerking", "draagvlak", "haalbaarheid"] as const;
export type DefaultCriterionKey = (typeof DEFAULT_CRITERION_KEYS)[number];

/**
 * The default weights add up to 100, so each reads as a percentage. What an idea adds to the wijk
 * counts most (De Vonk: ideas "for the wijk"); support among residents and cooperation between them
 * come next, because a plan needs a taakgroep of residents to be carried out; creativity and
 * feasibility within the budget weigh least (organisers check costs as well).
 */
export const DEFAULT_WEIGHTS: Readonly<Record<DefaultCriterionKey, number>> = {
  wijk: 30,
  creativiteit: 15,
  samenwerking: 20,
  draagvlak: 20,
  haalbaarheid: 15,
};

export const MIN_WEIGHT = 1;
export const MAX_WEIGHT = 100;
export const MAX_CRITERIA = 8;
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;

/**
 * A criterion as the rules see it. Its name and description are the contest's own text, like its
 * title and prizes: the defaults are written in Dutch when a contest gets them, and organisers may
 * reword them for their wijk.
 */
export type Criterion = { id: number; key: string; name: string; description: string; weight: number; position: number };
export type CriterionDraft = Omit<Criterion, "id">;

/** The default set; `text` gives each default's name and description (the Dutch catalogue's jury.defaultCriteria). */
export function defaultCriteria(text: (key: DefaultCriterionKey) => { name: string; description: string }): CriterionDraft[] {
  return DEFAULT_CRITERION_KEYS.map((key, position) => ({ key, ...text(key), weight: DEFAULT_WEIGHTS[key], position }));
}

export function isDefaultKey(key: string): key is DefaultCriterionKey {
  return (DEFAULT_CRITERION_KEYS as readonly string[]).includes(key);
}

export function totalWeight(criteria: readonly { weight: number }[]): number {
  return criteria.reduce((sum, c) => sum + c.weight, 0);
}

/** Each criterion's share of the total in whole percents, largest remainders first, so the shares always add up to 100. */
export function weightShares(criteria: readonly { weight: number }[]): number[] {
  const total = totalWeight(criteria);
  if (total <= 0) return criteria.map(() => 0);
  const exact = criteria.map((c) => (c.weight * 100) / total);
  const shares = exact.map(Math.floor);
  let left = 100 - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

/** Criteria are fixed once the jury has started: a weight changed halfway would change the meaning of scores already given. */
export function criteriaLocked(info: PhaseInfo): boolean {
  return hasPhaseStarted(info, "juryselectie");
}

/** A key for a criterion an organiser adds: from its name, unique among the keys given. */
export function criterionKey(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 30) || "criterium";
  return freeSlug(base, new Set(taken));
}
