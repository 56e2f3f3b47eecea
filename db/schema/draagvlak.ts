import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { contests } from "./contests";
import { ideas, reportReasons } from "./ideas";

// Draagvlak (issue 21, ADR 021): backing, paper signature lists, reactions and the answer clock.
// One row of settings per round; a round without a row has no minimum, open reactions and no promise.

export const draagvlakSettings = sqliteTable(
  "draagvlak_settings",
  {
    contestId: integer("contest_id")
      .primaryKey()
      .references(() => contests.id, { onDelete: "cascade" }),
    /** Backers from the area an idea needs before the jury may put it on the shortlist; 0 is no minimum. */
    minBackers: integer("min_backers").notNull().default(0),
    /** The organisation's promise: a first answer to every new idea within this many working days; null is no promise. */
    answerWorkingDays: integer("answer_working_days"),
    reactionsClosed: integer("reactions_closed", { mode: "boolean" }).notNull().default(false),
    /** Phases (comma-separated names) in which reactions are closed. */
    reactionsClosedPhases: text("reactions_closed_phases").notNull().default(""),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    check("draagvlak_settings_min_backers", sql`${t.minBackers} BETWEEN 0 AND 10000`),
    check("draagvlak_settings_answer_days", sql`${t.answerWorkingDays} IS NULL OR ${t.answerWorkingDays} BETWEEN 1 AND 60`),
  ],
);
export type DraagvlakSettingsRow = typeof draagvlakSettings.$inferSelect;

// "Ik steun dit": one row per resident per idea, held by the unique index.
export const ideaBackers = sqliteTable(
  "idea_backers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("idea_backers_one_per_resident").on(t.ideaId, t.userId), index("idea_backers_user_idx").on(t.userId)],
);

// Paper signature lists, entered by an organiser as a count with a note (where, when, who collected).
export const ideaPaperBackings = sqliteTable(
  "idea_paper_backings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    count: integer("count").notNull(),
    note: text("note").notNull(),
    enteredByUserId: text("entered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("idea_paper_backings_idea_idx").on(t.ideaId),
    check("idea_paper_backings_count", sql`${t.count} BETWEEN 1 AND 10000`),
    check("idea_paper_backings_note", sql`length(trim(${t.note})) BETWEEN 1 AND 500`),
  ],
);

export const answerKinds = ["reaction", "moderation", "jury"] as const;
export type AnswerKind = (typeof answerKinds)[number];

// The first answer to an idea stops the answer clock; later answers leave the row as it is.
export const ideaFirstAnswers = sqliteTable(
  "idea_first_answers",
  {
    ideaId: integer("idea_id")
      .primaryKey()
      .references(() => ideas.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: answerKinds }).notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [check("idea_first_answers_kind", sql`${t.kind} IN ('reaction', 'moderation', 'jury')`)],
);

export const reactionKinds = ["question", "suggestion", "help", "answer"] as const;
export type ReactionKind = (typeof reactionKinds)[number];
export const reactionRoles = ["resident", "initiator", "organiser"] as const;
export type ReactionRole = (typeof reactionRoles)[number];

// A reaction by a resident (question, suggestion, offer of help), or an answer to one by an
// initiator or organiser. Hidden reactions are kept, as hidden ideas are.
export const ideaReactions = sqliteTable(
  "idea_reactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => ideaReactions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: reactionKinds }).notNull(),
    role: text("role", { enum: reactionRoles }).notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
    hiddenReason: text("hidden_reason"),
    hiddenByUserId: text("hidden_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("idea_reactions_idea_idx").on(t.ideaId, t.createdAt),
    check("idea_reactions_kind", sql`${t.kind} IN ('question', 'suggestion', 'help', 'answer')`),
    check("idea_reactions_role", sql`${t.role} IN ('resident', 'initiator', 'organiser')`),
    check("idea_reactions_body", sql`length(trim(${t.body})) BETWEEN 1 AND 2000`),
    check("idea_reactions_answer_has_parent", sql`(${t.kind} = 'answer') = (${t.parentId} IS NOT NULL)`),
    check("idea_reactions_hidden_reason", sql`${t.hiddenAt} IS NULL OR length(trim(coalesce(${t.hiddenReason}, ''))) > 0`),
  ],
);
export type IdeaReaction = typeof ideaReactions.$inferSelect;

export const ideaReactionReports = sqliteTable(
  "idea_reaction_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reactionId: integer("reaction_id")
      .notNull()
      .references(() => ideaReactions.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: reportReasons }).notNull(),
    reporterUserId: text("reporter_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("idea_reaction_reports_reaction_idx").on(t.reactionId)],
);
