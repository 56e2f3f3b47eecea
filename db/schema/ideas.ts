import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { contests } from "./contests";

// Ideas and everything that hangs off them. Hidden content is never deleted: hiding sets
// hidden_at with a reason, restoring clears it, and both are in the audit log.

/**
 * draft: only its makers see it. submitted: handed in before the deadline. withdrawn: the indiener
 * took it back (kept, not shown). shortlisted: set by the jury (a later feature), worked out in uitwerken.
 * Further jury outcomes are added by the jury feature; the column has no CHECK so that needs no table rebuild.
 */
export const ideaStatuses = ["draft", "submitted", "withdrawn", "shortlisted"] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

// Organiser-defined lists per contest: what kind of idea (categorie) and where in the wijk (buurt).
export const ideaCategories = sqliteTable(
  "idea_categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    /** Whole euros: this theme's part of the budget when the round divides it over categories (ADR 026). */
    budgetEuros: integer("budget_euros"),
  },
  (t) => [
    uniqueIndex("idea_categories_name_unique").on(t.contestId, t.name),
    check("idea_categories_name", sql`length(trim(${t.name})) BETWEEN 1 AND 60`),
    check("idea_categories_budget", sql`${t.budgetEuros} IS NULL OR ${t.budgetEuros} >= 0`),
  ],
);
export type IdeaCategory = typeof ideaCategories.$inferSelect;

export const ideaBuurten = sqliteTable(
  "idea_buurten",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    /** Whole euros: this sub-area's part of the budget when the round divides it over buurten (ADR 026). */
    budgetEuros: integer("budget_euros"),
  },
  (t) => [
    uniqueIndex("idea_buurten_name_unique").on(t.contestId, t.name),
    check("idea_buurten_name", sql`length(trim(${t.name})) BETWEEN 1 AND 60`),
    check("idea_buurten_budget", sql`${t.budgetEuros} IS NULL OR ${t.budgetEuros} >= 0`),
  ],
);
export type IdeaBuurt = typeof ideaBuurten.$inferSelect;

export const ideas = sqliteTable(
  "ideas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    status: text("status", { enum: ideaStatuses }).notNull().default("draft"),
    title: text("title").notNull(),
    /** One or two sentences: the poster's text. */
    summary: text("summary").notNull().default(""),
    description: text("description").notNull().default(""),
    /** Whole euros; null while a draft has no amount yet. */
    costEuros: integer("cost_euros"),
    categoryId: integer("category_id").references(() => ideaCategories.id, { onDelete: "restrict" }),
    buurtId: integer("buurt_id").references(() => ideaBuurten.id, { onDelete: "restrict" }),
    /** An address or a description of the place ("het grasveld achter de Zwolseweg"). */
    locationText: text("location_text"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    helpNeeded: text("help_needed").notNull().default(""),
    // The indiener. Null for a draft started without an account (then draft_token_hash is set) and for paper ideas.
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "restrict" }),
    // SHA-256 of the token in the anonymous drafter's cookie; cleared when an account claims the draft.
    draftTokenHash: text("draft_token_hash"),
    // An idea from an account made at the end of handing in shows publicly once its email is confirmed.
    contactConfirmedAt: integer("contact_confirmed_at", { mode: "timestamp_ms" }),
    confirmTokenHash: text("confirm_token_hash"),
    // Paper ideas: entered by an organiser on a resident's behalf, with the resident's consent.
    isPaper: integer("is_paper", { mode: "boolean" }).notNull().default(false),
    paperName: text("paper_name"),
    /** How to reach the resident (phone, email or address); never shown publicly. */
    paperContact: text("paper_contact"),
    paperConsentAt: integer("paper_consent_at", { mode: "timestamp_ms" }),
    paperConsentHow: text("paper_consent_how"),
    enteredByUserId: text("entered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // Working out (phase uitwerken), for shortlisted ideas.
    plan: text("plan"),
    planning: text("planning"),
    helpers: text("helpers"),
    workedOutAt: integer("worked_out_at", { mode: "timestamp_ms" }),
    // Moderation.
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
    hiddenReason: text("hidden_reason"),
    hiddenByUserId: text("hidden_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("ideas_contest_idx").on(t.contestId, t.status),
    index("ideas_owner_idx").on(t.ownerUserId),
    uniqueIndex("ideas_draft_token_unique").on(t.draftTokenHash),
    uniqueIndex("ideas_confirm_token_unique").on(t.confirmTokenHash),
    check("ideas_cost_not_negative", sql`${t.costEuros} IS NULL OR ${t.costEuros} >= 0`),
    check("ideas_title", sql`length(trim(${t.title})) > 0`),
    check("ideas_point", sql`(${t.latitude} IS NULL AND ${t.longitude} IS NULL) OR (${t.latitude} BETWEEN -90 AND 90 AND ${t.longitude} BETWEEN -180 AND 180)`),
    check("ideas_has_author", sql`${t.ownerUserId} IS NOT NULL OR ${t.draftTokenHash} IS NOT NULL OR ${t.isPaper} = 1`),
    check("ideas_paper_consent", sql`${t.isPaper} = 0 OR (${t.paperConsentAt} IS NOT NULL AND length(trim(coalesce(${t.paperName}, ''))) > 0)`),
    check("ideas_hidden_reason", sql`${t.hiddenAt} IS NULL OR length(trim(coalesce(${t.hiddenReason}, ''))) > 0`),
    check("ideas_handed_in", sql`${t.status} = 'draft' OR (${t.submittedAt} IS NOT NULL AND ${t.costEuros} IS NOT NULL)`),
  ],
);
export type Idea = typeof ideas.$inferSelect;
export type NewIdea = typeof ideas.$inferInsert;

// At most five photos per idea: checked in code for the message, and by a trigger in migration 0002.
export const ideaPhotos = sqliteTable(
  "idea_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    /** Random name of the stored files: <key>-1600.webp and <key>-480.webp under the uploads folder. */
    storageKey: text("storage_key").notNull(),
    altText: text("alt_text").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
    hiddenReason: text("hidden_reason"),
    hiddenByUserId: text("hidden_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("idea_photos_key_unique").on(t.storageKey),
    index("idea_photos_idea_idx").on(t.ideaId),
    check("idea_photos_alt", sql`length(trim(${t.altText})) > 0`),
    check("idea_photos_size", sql`${t.width} > 0 AND ${t.height} > 0`),
    check("idea_photos_hidden_reason", sql`${t.hiddenAt} IS NULL OR length(trim(coalesce(${t.hiddenReason}, ''))) > 0`),
  ],
);
export type IdeaPhoto = typeof ideaPhotos.$inferSelect;

// Optional breakdown of the cost: "Zaden en bollen € 350".
export const ideaCostLines = sqliteTable(
  "idea_cost_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    amountEuros: integer("amount_euros").notNull(),
  },
  (t) => [
    uniqueIndex("idea_cost_lines_position_unique").on(t.ideaId, t.position),
    check("idea_cost_lines_amount_not_negative", sql`${t.amountEuros} >= 0`),
    check("idea_cost_lines_description", sql`length(trim(${t.description})) > 0`),
  ],
);
export type IdeaCostLine = typeof ideaCostLines.$inferSelect;

// Co-initiators are invited by email and accept with the link (as a logged-in user).
export const ideaCoInitiators = sqliteTable(
  "idea_co_initiators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: text("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    invitedAt: integer("invited_at", { mode: "timestamp_ms" }).notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("idea_co_initiators_email_unique").on(t.ideaId, t.email),
    uniqueIndex("idea_co_initiators_user_unique")
      .on(t.ideaId, t.userId)
      .where(sql`user_id IS NOT NULL`),
    uniqueIndex("idea_co_initiators_token_unique").on(t.tokenHash),
    check("idea_co_initiators_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("idea_co_initiators_accepted", sql`(${t.acceptedAt} IS NULL) = (${t.userId} IS NULL)`),
  ],
);
export type IdeaCoInitiator = typeof ideaCoInitiators.$inferSelect;

export const reportReasons = ["offensive", "privacy", "spam", "incorrect", "other"] as const;
export type ReportReason = (typeof reportReasons)[number];

// A resident's report of an idea or one of its photos; organisers resolve it by hiding or dismissing.
export const ideaReports = sqliteTable(
  "idea_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    photoId: integer("photo_id").references(() => ideaPhotos.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: reportReasons }).notNull(),
    message: text("message"),
    reporterUserId: text("reporter_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedByUserId: text("resolved_by_user_id").references(() => users.id, { onDelete: "set null" }),
    resolution: text("resolution", { enum: ["hidden", "dismissed"] }),
  },
  (t) => [index("idea_reports_idea_idx").on(t.ideaId), check("idea_reports_resolution", sql`(${t.resolvedAt} IS NULL) = (${t.resolution} IS NULL)`)],
);
export type IdeaReport = typeof ideaReports.$inferSelect;
