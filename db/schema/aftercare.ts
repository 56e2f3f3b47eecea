import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { contests } from "./contests";
import { ideas } from "./ideas";
import { municipalities } from "./places";
// Relative import: drizzle-kit reads this file without the app's path aliases.
import { referralStatuses, supporterKinds } from "../../app/modules/aftercare/referrals";

// Realisation track per idea after the vote (issue 8, nazorg): a status, milestones with dates, public
// updates by initiators or organisers, and money granted and spent, so residents see what happens to
// the budget.
export const realisationStatuses = ["nog-niet-begonnen", "in-voorbereiding", "in-uitvoering", "gerealiseerd", "gestopt"] as const;

export const realisationTracks = sqliteTable(
  "realisation_tracks",
  {
    ideaId: integer("idea_id")
      .primaryKey()
      .references(() => ideas.id, { onDelete: "restrict" }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    status: text("status", { enum: realisationStatuses }).notNull().default("nog-niet-begonnen"),
    /** Whole euros granted to the idea; null until an organiser sets it. */
    grantedEuros: integer("granted_euros"),
    updatedAt: integer("updated_at").notNull(),
    /** When the initiators were last reminded to post news (follow-up dashboard); one reminder per fortnight. */
    remindedAt: integer("reminded_at"),
    /** The initiative's dashboard (issue 21.5): what the municipality does, what helps, what hinders. Public text. */
    municipalityRole: text("municipality_role").notNull().default(""),
    helps: text("helps").notNull().default(""),
    hinders: text("hinders").notNull().default(""),
  },
  (t) => [
    check("realisation_tracks_granted", sql`${t.grantedEuros} IS NULL OR ${t.grantedEuros} >= 0`),
    check("realisation_tracks_dashboard", sql`length(${t.municipalityRole}) <= 1000 AND length(${t.helps}) <= 1000 AND length(${t.hinders}) <= 1000`),
  ],
);
export type RealisationTrack = typeof realisationTracks.$inferSelect;

export const realisationMilestones = sqliteTable(
  "realisation_milestones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    /** The planned date, as YYYY-MM-DD (a day in Europe/Amsterdam, not an instant). */
    dueOn: text("due_on").notNull(),
    doneAt: integer("done_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("realisation_milestones_idea_idx").on(t.ideaId, t.dueOn),
    check("realisation_milestones_title", sql`length(trim(${t.title})) BETWEEN 1 AND 120`),
    check("realisation_milestones_due", sql`${t.dueOn} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
  ],
);
export type RealisationMilestone = typeof realisationMilestones.$inferSelect;

export const realisationUpdates = sqliteTable(
  "realisation_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "restrict" }),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    createdAt: integer("created_at").notNull(),
    /** One optional photo per update, stored like idea photos (re-encoded, no metadata), with its alt text. */
    photoKey: text("photo_key"),
    photoAlt: text("photo_alt"),
    photoWidth: integer("photo_width"),
    photoHeight: integer("photo_height"),
  },
  (t) => [
    index("realisation_updates_idea_idx").on(t.ideaId, t.createdAt),
    check("realisation_updates_text", sql`length(trim(${t.text})) BETWEEN 1 AND 4000`),
    check(
      "realisation_updates_photo",
      sql`${t.photoKey} IS NULL OR (length(trim(coalesce(${t.photoAlt}, ''))) BETWEEN 1 AND 200 AND ${t.photoWidth} > 0 AND ${t.photoHeight} > 0)`,
    ),
    uniqueIndex("realisation_updates_photo_key_unique").on(t.photoKey),
  ],
);
export type RealisationUpdate = typeof realisationUpdates.$inferSelect;

export const realisationSpending = sqliteTable(
  "realisation_spending",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "restrict" }),
    description: text("description").notNull(),
    amountEuros: integer("amount_euros").notNull(),
    spentOn: text("spent_on").notNull(),
    /** Set when an organiser knowingly went over the grant (also in the audit log). */
    overrideByUserId: text("override_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("realisation_spending_idea_idx").on(t.ideaId),
    check("realisation_spending_amount", sql`${t.amountEuros} > 0`),
    check("realisation_spending_description", sql`length(trim(${t.description})) BETWEEN 1 AND 120`),
  ],
);
export type RealisationSpending = typeof realisationSpending.$inferSelect;

/**
 * The partners of an initiative and their role (issue 21.5): a school, a housing corporation, a shop.
 * Public, like the rest of the dashboard: names of organisations or groups, never contact details. A
 * partner that leaves is marked (left_at), so the story keeps who took part.
 */
export const realisationPartners = sqliteTable(
  "realisation_partners",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    role: text("role").notNull(),
    createdAt: integer("created_at").notNull(),
    leftAt: integer("left_at"),
  },
  (t) => [
    index("realisation_partners_idea_idx").on(t.ideaId, t.createdAt),
    check("realisation_partners_name", sql`length(trim(${t.name})) BETWEEN 1 AND 120`),
    check("realisation_partners_role", sql`length(trim(${t.role})) BETWEEN 1 AND 300`),
  ],
);
export type RealisationPartner = typeof realisationPartners.$inferSelect;

// Issue 8, nazorg: ideas that did not win are referred to supporters, informal networks and
// professionals, kept per municipality so every organisation there shares one directory.

export const supporters = sqliteTable(
  "supporters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: supporterKinds }).notNull(),
    /** What they help with, free text ("groen, spelen, ouderen"). */
    topics: text("topics").notNull().default(""),
    /** Email address, phone number or both, as the supporter wants to be reached. */
    contact: text("contact").notNull(),
    website: text("website"),
    /** Archived supporters stay on old referrals but are not offered for new ones. */
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("supporters_municipality_idx").on(t.municipalityId, t.name),
    check("supporters_name", sql`length(trim(${t.name})) BETWEEN 1 AND 120`),
    check("supporters_contact", sql`length(trim(${t.contact})) BETWEEN 1 AND 200`),
    check("supporters_topics", sql`length(${t.topics}) <= 300`),
    check("supporters_website", sql`${t.website} IS NULL OR (length(${t.website}) <= 300 AND ${t.website} LIKE 'http%://%')`),
  ],
);
export type Supporter = typeof supporters.$inferSelect;

/** One idea sent to one supporter; its history (status changes with notes) is in referral_events. */
export const referrals = sqliteTable(
  "referrals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "restrict" }),
    supporterId: integer("supporter_id")
      .notNull()
      .references(() => supporters.id, { onDelete: "restrict" }),
    status: text("status", { enum: referralStatuses }).notNull().default("verwezen"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("referrals_idea_supporter_unique").on(t.ideaId, t.supporterId), index("referrals_contest_idx").on(t.contestId)],
);
export type Referral = typeof referrals.$inferSelect;

export const referralEvents = sqliteTable(
  "referral_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    referralId: integer("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "restrict" }),
    status: text("status", { enum: referralStatuses }).notNull(),
    note: text("note"),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("referral_events_referral_idx").on(t.referralId, t.createdAt),
    check("referral_events_note", sql`${t.note} IS NULL OR length(${t.note}) <= 2000`),
  ],
);
export type ReferralEvent = typeof referralEvents.$inferSelect;
