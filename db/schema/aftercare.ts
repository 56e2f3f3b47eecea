import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { contests } from "./contests";
import { ideas } from "./ideas";

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
  },
  (t) => [check("realisation_tracks_granted", sql`${t.grantedEuros} IS NULL OR ${t.grantedEuros} >= 0`)],
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
  },
  (t) => [index("realisation_updates_idea_idx").on(t.ideaId, t.createdAt), check("realisation_updates_text", sql`length(trim(${t.text})) BETWEEN 1 AND 4000`)],
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
