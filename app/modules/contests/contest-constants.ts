// Plain lists shared by the database schema and the pure rules. This file imports nothing, so the
// schema (read by drizzle-kit) and browser code can both use it without pulling in the other.

/** The seven phases of De Vonk, in order. */
export const PHASES = ["aankondiging", "indienen", "juryselectie", "uitwerken", "stemmen", "prijsuitreiking", "nazorg"] as const;

export const OUTCOME_RULES = ["prizes-by-rank", "greedy", "greedy-stop", "greedy-partial", "equal-shares"] as const;

/** How accounts show where they live (issue 15): a postcode in the area (the lowest threshold), or the municipality's address list. */
export const ACCOUNT_CHECKS = ["postcode", "address-list"] as const;
