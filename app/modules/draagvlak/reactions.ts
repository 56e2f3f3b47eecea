// Reactions on an idea (issue 21.2, ADR 021): who may react, who may answer, and when. Pure.

import type { ContestPhase } from "~/modules/contests/phases";

/** Reactions are read and written from the hand-in until the round is archived, unless the organisers close them. */
export const REACTION_PHASES = ["indienen", "juryselectie", "uitwerken", "stemmen", "prijsuitreiking", "nazorg"] as const;

export function reactionsOpen(input: { phase: ContestPhase; reactionsClosed: boolean; closedPhases: readonly string[] }): boolean {
  if (input.reactionsClosed) return false;
  if (!(REACTION_PHASES as readonly string[]).includes(input.phase)) return false;
  return !input.closedPhases.includes(input.phase);
}

export type ReactorRole = "resident" | "initiator" | "organiser";

/** An initiator or organiser answers a resident's reaction; residents react, they do not answer. */
export function mayAnswer(role: ReactorRole): boolean {
  return role === "initiator" || role === "organiser";
}

/**
 * Only the organisation's own reaction is an answer that stops the answer clock (issue 21.3):
 * the promise is the organisation's, an initiator answering a neighbour does not keep it.
 */
export function stopsAnswerClock(role: ReactorRole): boolean {
  return role === "organiser";
}

/** Reactions per person per hour: counted before the check, in the database (auth's throttle). */
export const REACTIONS_PER_HOUR = 10;
