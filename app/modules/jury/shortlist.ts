// The jury's decision: which ideas go on to be worked out (the shortlist), each with a motivation
// either way, up to the contest's maximum. Pure: plain data in, plain data out.

import type { JurorProgress } from "./scoring";

export const OUTCOMES = ["shortlisted", "not-shortlisted"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const MOTIVATION_MIN = 10;
export const MOTIVATION_MAX = 2000;

export type DecisionInput = { ideaId: number; outcome: Outcome; motivation: string };

export type ShortlistProblem =
  | { kind: "unknown-idea"; ideaIds: number[] }
  | { kind: "no-motivation"; ideaIds: number[] }
  | { kind: "too-many"; max: number; count: number }
  | { kind: "undecided"; ideaIds: number[] }
  | { kind: "too-little-backing"; ideaIds: number[] };

/**
 * Checks a set of decisions. While the jury is deciding (`complete: false`) ideas may still be
 * undecided; to close the decision (`complete: true`) every idea needs an outcome, because every
 * indiener gets an answer. Always: a motivation for every decided idea, "no" as much as "yes",
 * and no more shortlisted ideas than the contest's maximum (null: no maximum).
 */
export function checkShortlist(input: {
  ideaIds: readonly number[];
  decisions: readonly DecisionInput[];
  maxShortlist: number | null;
  complete: boolean;
  /** Ideas below the round's minimum number of backers (issue 21.1): they may be decided, but not shortlisted. */
  belowBacking?: readonly number[];
}): ShortlistProblem[] {
  const problems: ShortlistProblem[] = [];
  const known = new Set(input.ideaIds);
  const unknown = input.decisions.filter((d) => !known.has(d.ideaId)).map((d) => d.ideaId);
  if (unknown.length > 0) problems.push({ kind: "unknown-idea", ideaIds: unknown });
  const unmotivated = input.decisions.filter((d) => !isMotivation(d.motivation)).map((d) => d.ideaId);
  if (unmotivated.length > 0) problems.push({ kind: "no-motivation", ideaIds: unmotivated });
  const count = new Set(input.decisions.filter((d) => d.outcome === "shortlisted" && known.has(d.ideaId)).map((d) => d.ideaId)).size;
  if (input.maxShortlist !== null && count > input.maxShortlist) problems.push({ kind: "too-many", max: input.maxShortlist, count });
  const below = new Set(input.belowBacking ?? []);
  const unbacked = input.decisions.filter((d) => d.outcome === "shortlisted" && below.has(d.ideaId)).map((d) => d.ideaId);
  if (unbacked.length > 0) problems.push({ kind: "too-little-backing", ideaIds: unbacked });
  if (input.complete) {
    const decided = new Set(input.decisions.map((d) => d.ideaId));
    const undecided = input.ideaIds.filter((id) => !decided.has(id));
    if (undecided.length > 0) problems.push({ kind: "undecided", ideaIds: undecided });
  }
  return problems;
}

export function isMotivation(text: string): boolean {
  const length = text.trim().length;
  return length >= MOTIVATION_MIN && length <= MOTIVATION_MAX;
}

/** The decisions that differ from the ones stored: the audit log keeps these, before and after. */
export function changedDecisions(
  before: readonly DecisionInput[],
  after: readonly DecisionInput[],
): { ideaId: number; before: Omit<DecisionInput, "ideaId"> | null; after: Omit<DecisionInput, "ideaId"> }[] {
  const old = new Map(before.map((d) => [d.ideaId, d]));
  return after.flatMap((d) => {
    const was = old.get(d.ideaId);
    if (was && was.outcome === d.outcome && was.motivation.trim() === d.motivation.trim()) return [];
    return [
      { ideaId: d.ideaId, before: was ? { outcome: was.outcome, motivation: was.motivation } : null, after: { outcome: d.outcome, motivation: d.motivation } },
    ];
  });
}

export type DeciderRole = { isOrganiser: boolean; isChair: boolean };

/**
 * The chair or an organiser decides. A chair who declared a conflict of interest for an idea does
 * not decide on that idea: an organiser does. An organiser who is also a juror with a conflict
 * decides as organiser (organisers answer for the whole contest and every change is logged).
 */
export function mayDecideIdea(role: DeciderRole, input: { conflicted: boolean }): boolean {
  if (role.isOrganiser) return true;
  return role.isChair && !input.conflicted;
}

/**
 * The overview with every juror's scores is for organisers, and for the chair once the chair has
 * finished scoring: a chair is a juror too, and jurors see others' scores only after their own.
 */
export function mayOpenOverview(role: DeciderRole, chairProgress: JurorProgress | null): boolean {
  if (role.isOrganiser) return true;
  return role.isChair && chairProgress !== null && chairProgress.finished;
}

/** Who gets the outcome mail: the indiener and the co-initiators who accepted, each address once. */
export function outcomeRecipients<T extends { email: string }>(people: readonly (T | null | undefined)[]): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const person of people) {
    if (!person) continue;
    const key = person.email.trim().toLowerCase();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    result.push(person);
  }
  return result;
}
