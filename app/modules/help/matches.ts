// The beursvloer's words and the life of a match (issue 21.4). Imports nothing: db/schema reads these
// lists for its CHECK constraints (eslint/layers.js, SCHEMA_CONSTANTS).

/** What someone offers, and what an idea needs: the same four kinds, so an offer and a need can meet. */
export const HELP_KINDS = ["hulp", "materiaal", "gereedschap", "ruimte"] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** Who offers: a resident, a local business, or a supporter from the municipality's directory (aftercare). */
export const OFFERER_KINDS = ["bewoner", "ondernemer", "ondersteuner"] as const;
export type OffererKind = (typeof OFFERER_KINDS)[number];

/**
 * A match joins one offer to one need. It starts as a proposal; both sides agree (afgesproken); the help
 * arrives (geleverd). Until it is delivered it can fall through (vervallen), and a match that fell
 * through can be proposed again, because at a beursvloer people often come back to an offer.
 */
export const MATCH_STATUSES = ["voorgesteld", "afgesproken", "geleverd", "vervallen"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

const NEXT: Record<MatchStatus, readonly MatchStatus[]> = {
  voorgesteld: ["afgesproken", "vervallen"],
  afgesproken: ["geleverd", "vervallen"],
  geleverd: [],
  vervallen: ["voorgesteld"],
};

/** The statuses a match may move to from `from`, in the order the buttons show them. */
export function nextMatchStatuses(from: MatchStatus): readonly MatchStatus[] {
  return NEXT[from];
}

export type MatchChange = { ok: true; status: MatchStatus } | { ok: false; reason: "same-status" | "not-allowed" };

/** Whether a match may move from `from` to `to`: the one rule the organiser's and the initiator's buttons share. */
export function changeMatchStatus(from: MatchStatus, to: MatchStatus): MatchChange {
  if (from === to) return { ok: false, reason: "same-status" };
  return NEXT[from].includes(to) ? { ok: true, status: to } : { ok: false, reason: "not-allowed" };
}

/** A need counts as met once one of its matches is delivered; it is "in progress" while one is proposed or agreed. */
export function needState(statuses: readonly MatchStatus[]): "open" | "bezig" | "voorzien" {
  if (statuses.includes("geleverd")) return "voorzien";
  if (statuses.some((s) => s === "voorgesteld" || s === "afgesproken")) return "bezig";
  return "open";
}

/** An offer is still available to match while it is not withdrawn; one offer may help more than one need. */
export function offerMatchable(offer: { withdrawnAt: number | null }): boolean {
  return offer.withdrawnAt === null;
}
