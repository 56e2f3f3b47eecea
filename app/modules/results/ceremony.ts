// The prize ceremony on the big screen (De Vonk's "uitreiking prijzen"): a
// welcome, the turnout, then the winners one by one, and a closing slide.
// Each winner takes two slides, so the room gets its moment of suspense:
// first what is at stake ("De tweede prijs … gaat naar"), then the idea.
//
// Order: prizes from the lowest to the first prize; for budget rules from the
// last idea funded to the first, so the idea with the most support comes last.
//
// The state machine is pure, so the same steps work with the keyboard (space
// or arrow right: next; arrow left: back; a presenter's clicker sends Page
// Down / Page Up), with the buttons, and without JavaScript through ?stap=N.

import type { ContestOutcome, OutcomePrize } from "./contest-outcome";

export interface RevealItem {
  readonly ideaId: number;
  /** Prizes: the prize position (1 = first prize). Budget rules: the place in funding order (1 = funded first). */
  readonly place: number;
  /** How many winners there are in all. */
  readonly of: number;
  readonly prize: OutcomePrize | null;
  readonly amount: number;
  /** greedy-partial: gets what was left, not its whole cost. */
  readonly partial: boolean;
  readonly stickers: number;
}

export type CeremonySlide =
  | { readonly kind: "welcome" }
  | { readonly kind: "turnout"; readonly voters: number }
  /** What is at stake; the idea is not shown yet. */
  | { readonly kind: "announce"; readonly item: RevealItem }
  | { readonly kind: "reveal"; readonly item: RevealItem }
  | { readonly kind: "finale"; readonly winners: readonly number[] };

/** Winners in the order they are revealed: the lowest prize, or the last funded idea, first. */
export function revealOrder(outcome: Pick<ContestOutcome, "rule" | "ideas" | "winners">): RevealItem[] {
  const byId = new Map(outcome.ideas.map((idea) => [idea.ideaId, idea]));
  const items = outcome.winners.map((ideaId, index): RevealItem => {
    const idea = byId.get(ideaId);
    if (!idea) throw new RangeError(`winner ${ideaId} is not among the ideas`);
    return {
      ideaId,
      place: outcome.rule === "prizes-by-rank" ? (idea.prize?.position ?? index + 1) : index + 1,
      of: outcome.winners.length,
      prize: idea.prize,
      amount: idea.amount,
      partial: idea.status === "partially-funded",
      stickers: idea.stickers,
    };
  });
  return items.sort((a, b) => b.place - a.place);
}

/** Every slide of the ceremony, in order. */
export function ceremonySlides(outcome: Pick<ContestOutcome, "rule" | "ideas" | "winners">, voters: number): CeremonySlide[] {
  const reveals = revealOrder(outcome).flatMap((item): CeremonySlide[] => [
    { kind: "announce", item },
    { kind: "reveal", item },
  ]);
  return [{ kind: "welcome" }, { kind: "turnout", voters }, ...reveals, { kind: "finale", winners: outcome.winners }];
}

export interface CeremonyState {
  /** 0-based slide. */
  readonly index: number;
  readonly count: number;
}

export type CeremonyAction =
  | { readonly type: "next" }
  | { readonly type: "back" }
  | { readonly type: "first" }
  | { readonly type: "last" }
  | { readonly type: "goto"; readonly index: number };

function clamp(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(Number.isFinite(index) ? Math.trunc(index) : 0, 0), count - 1);
}

export function startCeremony(count: number, index = 0): CeremonyState {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`a ceremony needs at least one slide, not ${count}`);
  return { index: clamp(index, count), count };
}

/** Next at the last slide and back at the first stay where they are: a double press never wraps around. */
export function ceremonyReducer(state: CeremonyState, action: CeremonyAction): CeremonyState {
  const target =
    action.type === "next"
      ? state.index + 1
      : action.type === "back"
        ? state.index - 1
        : action.type === "first"
          ? 0
          : action.type === "last"
            ? state.count - 1
            : action.index;
  const index = clamp(target, state.count);
  return index === state.index ? state : { ...state, index };
}

export interface KeyContext {
  /**
   * The key went to a button, link or field. Space and Enter then belong to
   * that control (it clicks itself), so we leave them alone; handling them too
   * would move two slides at once.
   */
  readonly onControl?: boolean;
  /** Ctrl, Alt or Meta held: a browser shortcut, not ours. */
  readonly modified?: boolean;
}

/** The action for a key (KeyboardEvent.key), or null when the key is not ours. */
export function ceremonyActionForKey(key: string, context: KeyContext = {}): CeremonyAction | null {
  if (context.modified) return null;
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
      return { type: "next" };
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return { type: "back" };
    case "Home":
      return { type: "first" };
    case "End":
      return { type: "last" };
    case " ":
    case "Spacebar":
    case "Enter":
      return context.onControl ? null : { type: "next" };
    default:
      return null;
  }
}

/** The ?stap= value for a slide (1-based, as people count). */
export function stepParam(index: number): string {
  return String(index + 1);
}

/** The slide index from ?stap=, clamped; anything unreadable is the first slide. */
export function indexFromStepParam(value: string | null, count: number): number {
  const step = value !== null && /^\d{1,4}$/.test(value) ? Number(value) : 1;
  return clamp(step - 1, count);
}
