import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { contests } from "./contests";
import { ideas } from "./ideas";

// The jury's first selection (issue 5). Jurors themselves are role_assignments rows (role 'jurylid',
// optionally chair); these tables hold what they do. The rules the database guarantees beside the
// code (docs/decisions/008-jury-scoring.md):
// - a score is a whole number from 1 to 5 (CHECK);
// - no score for an idea the juror declared a conflict of interest for, none from someone who is
//   not a juror of that contest, none for an idea or criterion of another contest, and none once the
//   decision is closed (triggers in the custom migration jury_rules);
// - declaring a conflict deletes the juror's scores for that idea (trigger);
// - decisions change only while the decision is open, and never put more ideas on the shortlist than
//   the contest's max_shortlist (triggers).

/** Criteria per contest with integer weights; defaults are written when a contest first needs them. */
export const juryCriteria = sqliteTable(
  "jury_criteria",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    weight: integer("weight").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("jury_criteria_key_unique").on(t.contestId, t.key),
    check("jury_criteria_weight", sql`${t.weight} BETWEEN 1 AND 100`),
    check("jury_criteria_name", sql`length(trim(${t.name})) BETWEEN 1 AND 60`),
  ],
);
export type JuryCriterion = typeof juryCriteria.$inferSelect;
export type NewJuryCriterion = typeof juryCriteria.$inferInsert;

/** Invitations by email; accepting (logged in with that address) creates the jurylid role. Only the token's SHA-256 is kept. */
export const juryInvitations = sqliteTable(
  "jury_invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    isChair: integer("is_chair", { mode: "boolean" }).notNull().default(false),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: text("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    invitedAt: integer("invited_at", { mode: "timestamp_ms" }).notNull(),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
    acceptedUserId: text("accepted_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("jury_invitations_email_unique").on(t.contestId, t.email),
    uniqueIndex("jury_invitations_token_unique").on(t.tokenHash),
    check("jury_invitations_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("jury_invitations_token", sql`length(${t.tokenHash}) = 64`),
  ],
);
export type JuryInvitation = typeof juryInvitations.$inferSelect;

/** One juror's score for one idea on one criterion. */
export const juryScores = sqliteTable(
  "jury_scores",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    jurorUserId: text("juror_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    criterionId: integer("criterion_id")
      .notNull()
      .references(() => juryCriteria.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ideaId, t.jurorUserId, t.criterionId] }),
    index("jury_scores_contest_idx").on(t.contestId),
    check("jury_scores_range", sql`${t.score} BETWEEN 1 AND 5 AND typeof(${t.score}) = 'integer'`),
  ],
);
export type JuryScore = typeof juryScores.$inferSelect;

/** A juror's optional comment on an idea: read by the jury and the organisers only. */
export const juryComments = sqliteTable(
  "jury_comments",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    jurorUserId: text("juror_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    comment: text("comment").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.jurorUserId] }), check("jury_comments_length", sql`length(${t.comment}) BETWEEN 1 AND 2000`)],
);

/** A declared conflict of interest: final (the juror cannot take it back; see the ADR). */
export const juryConflicts = sqliteTable(
  "jury_conflicts",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    jurorUserId: text("juror_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason"),
    declaredAt: integer("declared_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.jurorUserId] }), index("jury_conflicts_contest_idx").on(t.contestId)],
);
export type JuryConflict = typeof juryConflicts.$inferSelect;

export const juryOutcomes = ["shortlisted", "not-shortlisted"] as const;

/** The decision per idea, with its motivation either way. */
export const juryDecisions = sqliteTable(
  "jury_decisions",
  {
    ideaId: integer("idea_id")
      .primaryKey()
      .references(() => ideas.id, { onDelete: "cascade" }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: juryOutcomes }).notNull(),
    motivation: text("motivation").notNull(),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
    /** When the indiener was sent this outcome and motivation; null until the decision is closed (or after a change). */
    notifiedAt: integer("notified_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("jury_decisions_contest_idx").on(t.contestId, t.outcome),
    check("jury_decisions_outcome", sql`${t.outcome} IN ('shortlisted', 'not-shortlisted')`),
    check("jury_decisions_motivation", sql`length(trim(${t.motivation})) BETWEEN 10 AND 2000`),
  ],
);
export type JuryDecision = typeof juryDecisions.$inferSelect;

/** Per contest: whether the decision is closed, and whether aggregates are public after it. */
export const juryRounds = sqliteTable("jury_rounds", {
  contestId: integer("contest_id")
    .primaryKey()
    .references(() => contests.id, { onDelete: "cascade" }),
  /** Publish each idea's jury average (never individual scores) once the decision is closed. */
  publishAggregates: integer("publish_aggregates", { mode: "boolean" }).notNull().default(false),
  decisionClosedAt: integer("decision_closed_at", { mode: "timestamp_ms" }),
  decisionClosedByUserId: text("decision_closed_by_user_id").references(() => users.id, { onDelete: "set null" }),
});
export type JuryRound = typeof juryRounds.$inferSelect;

/** Feedback from the jury or an organiser on a worked-out plan (phase uitwerken). */
export const juryFeedback = sqliteTable(
  "jury_feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("jury_feedback_idea_idx").on(t.ideaId), check("jury_feedback_length", sql`length(trim(${t.body})) BETWEEN 10 AND 3000`)],
);
export type JuryFeedback = typeof juryFeedback.$inferSelect;
