// Plain lists shared by the database schema and the pure rules. This file imports nothing, so the
// schema (read by drizzle-kit) and browser code can both use it without pulling in the other.

/** The seven phases of De Vonk, in order. */
export const PHASES = ["aankondiging", "indienen", "juryselectie", "uitwerken", "stemmen", "prijsuitreiking", "nazorg"] as const;

export const OUTCOME_RULES = ["prizes-by-rank", "greedy", "greedy-stop", "greedy-partial", "equal-shares"] as const;

/** How accounts show where they live (issue 15): a postcode in the area (the lowest threshold), or the municipality's address list. */
export const ACCOUNT_CHECKS = ["postcode", "address-list"] as const;

/**
 * How a round divides its budget into parts (issue 22, ADR 026): not at all, over its buurten (sub-areas,
 * Pabulib's budget_per_neighborhood) or over its categories (themes, budget_per_category).
 */
export const BUDGET_SPLITS = ["none", "buurt", "category"] as const;

/** What happens to what the parts leave (see results/budget-parts.ts). */
export const LEFTOVER_POLICIES = ["unspent", "fund-what-fits"] as const;

/** The outcome rules that run inside each part: greedy skips an idea that does not fit, greedy-stop stops there. */
export const PART_RULES = ["greedy", "greedy-stop"] as const;
