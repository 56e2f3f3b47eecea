import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { supporters } from "./aftercare";
import { users } from "./auth";
import { contests } from "./contests";
import { ideas } from "./ideas";
// Relative import: drizzle-kit reads this file without the app's path aliases.
import { HELP_KINDS, MATCH_STATUSES, OFFERER_KINDS } from "../../app/modules/help/matches";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

// The beursvloer (issue 21.4, ADR 022): offers of help per round, needs per idea, and the matches between
// them. Offers carry a name and a way to reach someone: personal data, kept and removed with the round.

export const helpOffers = sqliteTable(
  "help_offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    offererKind: text("offerer_kind", { enum: OFFERER_KINDS }).notNull(),
    /** The resident who offered it themselves; null for an offer an organiser entered (a supporter, a business on paper). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The directory entry, for an offer by one of the municipality's supporters. */
    supporterId: integer("supporter_id").references(() => supporters.id, { onDelete: "restrict" }),
    /** The name shown with the offer: a resident's name, a business, a supporter. */
    name: text("name").notNull(),
    kind: text("kind", { enum: HELP_KINDS }).notNull(),
    description: text("description").notNull(),
    /** What they ask in return, if anything ("een bedankje in de wijkkrant", "de materiaalkosten"). */
    inReturn: text("in_return"),
    /** An email address or phone number; shown to organisers and to the initiators of a matched idea only. */
    contact: text("contact").notNull(),
    createdAt: integer("created_at").notNull(),
    withdrawnAt: integer("withdrawn_at"),
  },
  (t) => [
    index("help_offers_contest_idx").on(t.contestId, t.createdAt),
    check("help_offers_offerer_kind", sql`${t.offererKind} IN (${inList(OFFERER_KINDS)})`),
    check("help_offers_kind", sql`${t.kind} IN (${inList(HELP_KINDS)})`),
    check("help_offers_name", sql`length(trim(${t.name})) BETWEEN 1 AND 120`),
    check("help_offers_description", sql`length(trim(${t.description})) BETWEEN 1 AND 1000`),
    check("help_offers_in_return", sql`${t.inReturn} IS NULL OR length(${t.inReturn}) <= 300`),
    check("help_offers_contact", sql`length(trim(${t.contact})) BETWEEN 1 AND 200`),
    check("help_offers_supporter", sql`(${t.offererKind} = 'ondersteuner') = (${t.supporterId} IS NOT NULL)`),
  ],
);
export type HelpOffer = typeof helpOffers.$inferSelect;

export const ideaNeeds = sqliteTable(
  "idea_needs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: HELP_KINDS }).notNull(),
    description: text("description").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("idea_needs_idea_idx").on(t.ideaId),
    check("idea_needs_kind", sql`${t.kind} IN (${inList(HELP_KINDS)})`),
    check("idea_needs_description", sql`length(trim(${t.description})) BETWEEN 1 AND 300`),
  ],
);
export type IdeaNeed = typeof ideaNeeds.$inferSelect;

/** One offer put to one need; its status moves as matches.ts allows, and each change is in the audit log. */
export const helpMatches = sqliteTable(
  "help_matches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    needId: integer("need_id")
      .notNull()
      .references(() => ideaNeeds.id, { onDelete: "cascade" }),
    offerId: integer("offer_id")
      .notNull()
      .references(() => helpOffers.id, { onDelete: "cascade" }),
    status: text("status", { enum: MATCH_STATUSES }).notNull().default("voorgesteld"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("help_matches_unique").on(t.needId, t.offerId),
    index("help_matches_offer_idx").on(t.offerId),
    check("help_matches_status", sql`${t.status} IN (${inList(MATCH_STATUSES)})`),
  ],
);
export type HelpMatch = typeof helpMatches.$inferSelect;
