// The sticker ballot (product.md, Voting rules): N stickers per resident, 3 by
// default, one per idea unless the contest allows stacking; fewer than N is
// fine; stickers move freely until voting closes.
//
// These functions run in the browser (the JavaScript sticker UI) as well as on
// the server (the real check before a ballot is stored), so they stay pure and
// never mutate their input.

export const DEFAULT_STICKERS_PER_VOTER = 3;

export interface Sticker {
  readonly ideaId: number;
}

export interface Ballot {
  /** One entry per sticker; stacking repeats an idea id. */
  readonly stickers: readonly Sticker[];
  /**
   * Ideas the voter ticked "ik doe mee" for. A list rather than a Set so that a
   * ballot survives JSON (loader data, hidden fields); normalised it is sorted
   * and without duplicates.
   */
  readonly ikDoeMee?: readonly number[];
}

export interface BallotRules {
  readonly stickersPerVoter: number;
  readonly allowStacking: boolean;
}

export type BallotProblem =
  | { readonly code: "empty" }
  | { readonly code: "too-many-stickers"; readonly placed: number; readonly allowed: number }
  | { readonly code: "stacking-not-allowed"; readonly ideaId: number }
  | { readonly code: "unknown-idea"; readonly ideaId: number }
  | { readonly code: "ik-doe-mee-without-sticker"; readonly ideaId: number }
  | { readonly code: "no-sticker-on-idea"; readonly ideaId: number };

export type BallotProblemCode = BallotProblem["code"];

export type BallotCheck = { ok: true; ballot: Ballot } | { ok: false; problems: BallotProblem[] };

export type StickerChange = { ok: true; ballot: Ballot } | { ok: false; problem: BallotProblem };

export const emptyBallot: Ballot = { stickers: [], ikDoeMee: [] };

/** The contest row's settings as ballot rules; a missing N means the product default of 3. */
export function ballotRules(contest: { votesPerResident?: number | null; allowStacking?: boolean | null }): BallotRules {
  const rules = {
    stickersPerVoter: contest.votesPerResident ?? DEFAULT_STICKERS_PER_VOTER,
    allowStacking: contest.allowStacking ?? false,
  };
  assertRules(rules);
  return rules;
}

/** How many stickers the voter may still place ("nog 1 sticker"). */
export function stickersLeft(ballot: Ballot, rules: BallotRules): number {
  assertRules(rules);
  return Math.max(0, rules.stickersPerVoter - ballot.stickers.length);
}

/** Stickers per idea, for "2 stickers op dit idee" and for storage as one row per idea. */
export function stickerCounts(ballot: Ballot): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { ideaId } of ballot.stickers) counts.set(ideaId, (counts.get(ideaId) ?? 0) + 1);
  return counts;
}

/**
 * Sorted stickers and "ik doe mee" ticks: the order in which a voter clicked
 * says nothing about their choice and must not end up in the database.
 */
export function normaliseBallot(ballot: Ballot): Ballot {
  return {
    stickers: ballot.stickers.map((s) => ({ ideaId: s.ideaId })).sort((a, b) => a.ideaId - b.ideaId),
    ikDoeMee: [...new Set(ballot.ikDoeMee ?? [])].sort((a, b) => a - b),
  };
}

export function placeSticker(ballot: Ballot, ideaId: number, rules: BallotRules, ideaIds: readonly number[]): StickerChange {
  assertRules(rules);
  if (!ideaIds.includes(ideaId)) return { ok: false, problem: { code: "unknown-idea", ideaId } };
  if (ballot.stickers.length >= rules.stickersPerVoter) {
    return { ok: false, problem: { code: "too-many-stickers", placed: ballot.stickers.length + 1, allowed: rules.stickersPerVoter } };
  }
  if (!rules.allowStacking && ballot.stickers.some((s) => s.ideaId === ideaId)) {
    return { ok: false, problem: { code: "stacking-not-allowed", ideaId } };
  }
  return { ok: true, ballot: normaliseBallot({ ...ballot, stickers: [...ballot.stickers, { ideaId }] }) };
}

/**
 * Takes one sticker off the idea; nothing happens when there is none, so a
 * double-clicked "haal weg" does no harm. When the idea loses its last
 * sticker its "ik doe mee" tick goes too: the tick sits beside a sticker.
 */
export function removeSticker(ballot: Ballot, ideaId: number): Ballot {
  const index = ballot.stickers.findIndex((s) => s.ideaId === ideaId);
  if (index < 0) return normaliseBallot(ballot);
  const stickers = ballot.stickers.filter((_, i) => i !== index);
  const stillStuck = stickers.some((s) => s.ideaId === ideaId);
  const ikDoeMee = stillStuck ? ballot.ikDoeMee : ballot.ikDoeMee?.filter((id) => id !== ideaId);
  return normaliseBallot({ stickers, ikDoeMee });
}

/**
 * Moves one sticker. The "ik doe mee" tick stays with the idea it was given
 * for (wanting to help with one idea says nothing about another), so it is
 * dropped when the first idea has no sticker left.
 */
export function moveSticker(ballot: Ballot, fromIdeaId: number, toIdeaId: number, rules: BallotRules, ideaIds: readonly number[]): StickerChange {
  assertRules(rules);
  if (!ballot.stickers.some((s) => s.ideaId === fromIdeaId)) {
    return { ok: false, problem: { code: "no-sticker-on-idea", ideaId: fromIdeaId } };
  }
  if (fromIdeaId === toIdeaId) return { ok: true, ballot: normaliseBallot(ballot) };
  // Taking the sticker off first means a full ballot can still move a sticker.
  return placeSticker(removeSticker(ballot, fromIdeaId), toIdeaId, rules, ideaIds);
}

/** Ticks or unticks "ik doe mee"; ticking needs a sticker on that idea (see checkBallot). */
export function tickIkDoeMee(ballot: Ballot, ideaId: number, ticked: boolean): StickerChange {
  if (!ticked) return { ok: true, ballot: normaliseBallot({ ...ballot, ikDoeMee: (ballot.ikDoeMee ?? []).filter((id) => id !== ideaId) }) };
  if (!ballot.stickers.some((s) => s.ideaId === ideaId)) {
    return { ok: false, problem: { code: "ik-doe-mee-without-sticker", ideaId } };
  }
  return { ok: true, ballot: normaliseBallot({ ...ballot, ikDoeMee: [...(ballot.ikDoeMee ?? []), ideaId] }) };
}

/**
 * The check before a ballot is stored. Every problem at once, so the voter can
 * fix the ballot in one go.
 *
 * - No stickers is no ballot (`empty`): a resident who votes places at least
 *   one sticker; fewer than N is fine.
 * - "Ik doe mee" needs a sticker on the same idea: the product puts the tick
 *   "beside each sticker". Signing up for any other idea stays possible on the
 *   taakgroep page, outside the ballot.
 */
export function checkBallot(ballot: Ballot, rules: BallotRules, ideaIds: readonly number[]): BallotCheck {
  assertRules(rules);
  const known = new Set(ideaIds);
  const problems: BallotProblem[] = [];
  const counts = stickerCounts(ballot);

  if (ballot.stickers.length === 0) problems.push({ code: "empty" });
  for (const [ideaId, count] of [...counts].sort(([a], [b]) => a - b)) {
    if (!known.has(ideaId)) problems.push({ code: "unknown-idea", ideaId });
    else if (count > 1 && !rules.allowStacking) problems.push({ code: "stacking-not-allowed", ideaId });
  }
  if (ballot.stickers.length > rules.stickersPerVoter) {
    problems.push({ code: "too-many-stickers", placed: ballot.stickers.length, allowed: rules.stickersPerVoter });
  }
  for (const ideaId of [...new Set(ballot.ikDoeMee ?? [])].sort((a, b) => a - b)) {
    if (!known.has(ideaId)) {
      if (!counts.has(ideaId)) problems.push({ code: "unknown-idea", ideaId });
    } else if (!counts.has(ideaId)) {
      problems.push({ code: "ik-doe-mee-without-sticker", ideaId });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ballot: normaliseBallot(ballot) };
}

/**
 * The stickers as the ballots table stores them: a JSON list of idea ids in
 * ascending order, one per sticker ("[11,11,13]"), which the database's
 * triggers check with json_each. "Ik doe mee" is not part of it: a sign-up
 * names a person, so it is stored as a taakgroep sign-up, never on the ballot.
 */
export function storedStickers(ballot: Ballot): string {
  return JSON.stringify(normaliseBallot(ballot).stickers.map((s) => s.ideaId));
}

/** A stored sticker list read back; anything else is a damaged row and fails loudly. */
export function ballotFromStored(stored: string): Ballot {
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed) || !parsed.every((id) => Number.isSafeInteger(id) && (id as number) > 0)) {
    throw new RangeError(`not a stored sticker list: ${stored.slice(0, 80)}`);
  }
  return normaliseBallot({ stickers: (parsed as number[]).map((ideaId) => ({ ideaId })) });
}

const problemMessages: Record<BallotProblemCode, string> = {
  empty: "voting.empty",
  "too-many-stickers": "voting.tooManyStickers",
  "stacking-not-allowed": "voting.stackingNotAllowed",
  "unknown-idea": "voting.unknownIdea",
  "ik-doe-mee-without-sticker": "voting.ikDoeMeeWithoutSticker",
  "no-sticker-on-idea": "voting.noStickerOnIdea",
};

/** The i18n key that explains a problem to the voter. */
export function ballotProblemMessage(problem: BallotProblem | BallotProblemCode): string {
  return problemMessages[typeof problem === "string" ? problem : problem.code];
}

// Wrong rules are a bug upstream (the contest settings already allow 1 to 20), not a voter's mistake.
function assertRules(rules: BallotRules): void {
  if (!Number.isSafeInteger(rules.stickersPerVoter) || rules.stickersPerVoter < 1) {
    throw new RangeError(`stickersPerVoter must be a whole number of at least 1, got ${rules.stickersPerVoter}`);
  }
}
