import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  ACCOUNT_CHECKS,
  BUDGET_SPLITS,
  LEFTOVER_POLICIES,
  OUTCOME_RULES as outcomeRules,
  PHASES as phaseNames,
} from "../../app/modules/contests/contest-constants";
import { areas, organisations } from "./places";

// Relative import: drizzle-kit reads this file without the app's path aliases.
export { OUTCOME_RULES as outcomeRules, PHASES as phaseNames } from "../../app/modules/contests/contest-constants";

export const contests = sqliteTable(
  "contests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
    // The storage key of the contest's picture (see ideas' photos.server.ts), and its alt text.
    imagePath: text("image_path"),
    imageAlt: text("image_alt"),
    // 'concept' is De Vonk's vliegende start: only organisers see it.
    status: text("status", { enum: ["concept", "gepubliceerd"] })
      .notNull()
      .default("concept"),
    budgetEuros: integer("budget_euros").notNull(),
    votesPerResident: integer("votes_per_resident").notNull().default(3),
    allowStacking: integer("allow_stacking", { mode: "boolean" }).notNull().default(false),
    minTaakgroepSize: integer("min_taakgroep_size").notNull().default(4),
    maxShortlist: integer("max_shortlist"),
    outcomeRule: text("outcome_rule", { enum: outcomeRules }).notNull().default("prizes-by-rank"),
    eligibleByAccount: integer("eligible_by_account", { mode: "boolean" }).notNull().default(true),
    eligibleByCode: integer("eligible_by_code", { mode: "boolean" }).notNull().default(false),
    eligibleByPoster: integer("eligible_by_poster", { mode: "boolean" }).notNull().default(false),
    minVoterAge: integer("min_voter_age"),
    /**
     * How an account shows it may vote (issue 15): a confirmed email and a postcode in the area (the lowest
     * threshold), or an address on the municipality's list (eligible_addresses), at most as many ballots
     * per address as eligible residents live there. Locked once voting starts.
     */
    accountCheck: text("account_check", { enum: ACCOUNT_CHECKS }).notNull().default("postcode"),
    /**
     * When an organiser made the count final (ADR 007): from then on per-idea totals may be seen, and
     * voting can no longer be reopened nor a ballot declared invalid, so two totals never differ by one ballot.
     */
    votingFinalAt: integer("voting_final_at"),
    /**
     * Days after the archive starts (afgesloten) that personal data of this contest is kept; then the
     * retention job removes or anonymises it (AVG). The range check (30 to 3650) is in migration 0012.
     */
    retentionDays: integer("retention_days").notNull().default(365),
    /**
     * Whether the round's amounts (budget, prizes, the ideas' costs) include VAT (issue 21.6); every page
     * that shows an amount says which. Most municipal rounds count what residents may spend, VAT included.
     */
    amountsIncludeVat: integer("amounts_include_vat", { mode: "boolean" }).notNull().default(true),
    /**
     * Whether the budget is divided into parts (ADR 026): over the round's buurten or its categories, each
     * with its amount (idea_buurten / idea_categories.budget_euros); every idea on the ballot then has one.
     */
    budgetSplit: text("budget_split", { enum: BUDGET_SPLITS }).notNull().default("none"),
    /** With parts: what the parts leave stays unspent, or funds the remaining ideas that fit, in score order. */
    leftoverPolicy: text("leftover_policy", { enum: LEFTOVER_POLICIES }).notNull().default("fund-what-fits"),
    /** The round this one was started as a copy of (the next edition); null for a round started fresh. */
    previousEditionId: integer("previous_edition_id").references((): AnySQLiteColumn => contests.id, { onDelete: "set null" }),
    /** When the retention job cleaned this contest; null until then. */
    personalDataRemovedAt: integer("personal_data_removed_at"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("contests_slug_unique").on(t.slug),
    index("contests_organisation_idx").on(t.organisationId),
    check("contests_budget_positive", sql`${t.budgetEuros} > 0`),
    check("contests_votes_range", sql`${t.votesPerResident} BETWEEN 1 AND 20`),
    check("contests_taakgroep_min", sql`${t.minTaakgroepSize} BETWEEN 1 AND 50`),
    check("contests_shortlist_positive", sql`${t.maxShortlist} IS NULL OR ${t.maxShortlist} > 0`),
    check("contests_min_age", sql`${t.minVoterAge} IS NULL OR ${t.minVoterAge} BETWEEN 0 AND 120`),
  ],
);
export type Contest = typeof contests.$inferSelect;
export type NewContest = typeof contests.$inferInsert;

export const contestAreas = sqliteTable(
  "contest_areas",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.areaId] })],
);

export const contestPrizes = sqliteTable(
  "contest_prizes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    amountEuros: integer("amount_euros").notNull(),
    description: text("description"),
  },
  (t) => [uniqueIndex("contest_prizes_position_unique").on(t.contestId, t.position), check("contest_prizes_amount", sql`${t.amountEuros} >= 0`)],
);
export type ContestPrize = typeof contestPrizes.$inferSelect;

// Instants in epoch milliseconds (UTC); organisers enter them in Europe/Amsterdam time.
export const contestPhases = sqliteTable(
  "contest_phases",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    phase: text("phase", { enum: phaseNames }).notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.phase] }), check("contest_phases_order", sql`${t.endsAt} > ${t.startsAt}`)],
);
export type ContestPhase = typeof contestPhases.$inferSelect;

export const contestPhaseOverrides = sqliteTable(
  "contest_phase_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["close-early", "extend", "reopen"] }).notNull(),
    phase: text("phase", { enum: phaseNames }).notNull(),
    at: integer("at").notNull(),
    newEnd: integer("new_end"),
    // close-early only: does the next phase start at once, or as planned (leaving a gap)?
    nextPhase: text("next_phase", { enum: ["now", "as-planned"] }),
    reason: text("reason").notNull(),
    userId: text("user_id"),
  },
  (t) => [index("contest_phase_overrides_contest_idx").on(t.contestId), check("override_reason", sql`length(trim(${t.reason})) > 0`)],
);

// "Laat me weten wanneer indienen opent": double opt-in, so nobody can sign up someone else.
export const contestSubscriptions = sqliteTable(
  "contest_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    // SHA-256 of the token in the confirm/unsubscribe links; the token itself is only in the email.
    tokenHash: text("token_hash").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    notifiedAt: integer("notified_at", { mode: "timestamp_ms" }),
    unsubscribedAt: integer("unsubscribed_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("contest_subscriptions_unique").on(t.contestId, t.email), uniqueIndex("contest_subscriptions_token").on(t.tokenHash)],
);
