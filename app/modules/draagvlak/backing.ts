// Backing (draagvlak, issue 21.1, ADR 021): who may back an idea, and whether an idea has enough
// backers from the area to go to the jury. Pure.

import { normalizePostcode } from "~/lib/postcode";
import { isInAnyArea, type Area } from "~/modules/contests/postcode";

export type BackingProgress = {
  online: number;
  paper: number;
  total: number;
  /** 0 when the round asks no minimum. */
  minimum: number;
  /** Backers still needed; 0 once the minimum is reached (or when there is none). */
  missing: number;
  reached: boolean;
};

/**
 * Online backers and paper signatures count together towards the round's minimum. A round without
 * a minimum (0) lets every idea through.
 */
export function backingProgress(input: { online: number; paper: number; minimum: number }): BackingProgress {
  const online = Math.max(0, input.online);
  const paper = Math.max(0, input.paper);
  const minimum = Math.max(0, input.minimum);
  const total = online + paper;
  const missing = Math.max(0, minimum - total);
  return { online, paper, total, minimum, missing, reached: missing === 0 };
}

/** The ideas among `ideaIds` that may not go on the shortlist yet: below the round's minimum. */
export function belowMinimum(ideaIds: readonly number[], counts: ReadonlyMap<number, { online: number; paper: number }>, minimum: number): number[] {
  if (minimum <= 0) return [];
  return ideaIds.filter((id) => !backingProgress({ ...(counts.get(id) ?? { online: 0, paper: 0 }), minimum }).reached);
}

export type BackingRefusal = "not-logged-in" | "email-unconfirmed" | "postcode-outside-area" | "own-idea" | "idea-not-open";

/**
 * May this resident back this idea? As for voting by account (ADR 019): a confirmed email address,
 * and a postcode in one of the round's areas. Makers do not back their own idea. Only handed-in,
 * visible ideas of a round that still runs can be backed.
 */
export function mayBack(input: {
  user: { emailConfirmed: boolean; postcode: string | null } | null;
  isMaker: boolean;
  ideaOpen: boolean;
  areas: readonly Area[];
}): { ok: true } | { ok: false; reason: BackingRefusal } {
  if (!input.ideaOpen) return { ok: false, reason: "idea-not-open" };
  if (!input.user) return { ok: false, reason: "not-logged-in" };
  if (input.isMaker) return { ok: false, reason: "own-idea" };
  if (!input.user.emailConfirmed) return { ok: false, reason: "email-unconfirmed" };
  const postcode = input.user.postcode ? normalizePostcode(input.user.postcode) : null;
  if (postcode === null || !isInAnyArea(postcode, input.areas)) return { ok: false, reason: "postcode-outside-area" };
  return { ok: true };
}

/** Ideas can be backed while handed in and not hidden, from the hand-in until voting ends. */
export const BACKING_PHASES = ["indienen", "juryselectie", "uitwerken", "stemmen"] as const;
