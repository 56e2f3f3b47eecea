// A ballot being filled in survives a look at an idea's page (issue 18: a letter-code voter lost their
// stickers, an account voter a move). The browser keeps it in the tab's sessionStorage until it is
// posted; these pure rules decide what may come back. Only the tab keeps it, and posting forgets it,
// so the next person on a shared device never finds someone else's stickers.

import { checkBallot, normaliseBallot, type Ballot, type BallotRules } from "./ballot";

/** One kept ballot per round and way of voting, e.g. "wv-ballot:groen-2026:code". */
export function keptBallotKey(slug: string, way: "account" | "code"): string {
  return `wv-ballot:${slug}:${way}`;
}

export function keptBallotText(ballot: Ballot): string {
  return JSON.stringify(normaliseBallot(ballot));
}

const same = (a: Ballot, b: Ballot) => keptBallotText(a) === keptBallotText(b);

/**
 * The kept ballot to show instead of the page's own, or null: only when it differs from what the page
 * brings (the stored ballot, or an empty one) and still holds up against the round's rules and ideas
 * (an idea may have been hidden meanwhile; a tampered value is ignored).
 */
export function keptBallotFrom(raw: string | null, initial: Ballot, rules: BallotRules, ideaIds: readonly number[]): Ballot | null {
  if (!raw || raw.length > 10_000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isBallotShape(parsed)) return null;
  const checked = checkBallot(parsed, rules, ideaIds);
  if (!checked.ok || same(checked.ballot, initial)) return null;
  return checked.ballot;
}

function isBallotShape(value: unknown): value is Ballot {
  if (typeof value !== "object" || value === null) return false;
  const { stickers, ikDoeMee } = value as { stickers?: unknown; ikDoeMee?: unknown };
  const ids = (list: unknown) => Array.isArray(list) && list.every((id) => Number.isSafeInteger(id) && (id as number) > 0);
  return Array.isArray(stickers) && ids(stickers.map((s: { ideaId?: unknown } | null) => s?.ideaId)) && (ikDoeMee === undefined || ids(ikDoeMee));
}
