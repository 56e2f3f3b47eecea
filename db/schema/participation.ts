import { sql } from "drizzle-orm";
import { check, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { PARTICIPATION_MOMENTS, PARTICIPATION_QUESTIONS, RESIDENT_FIGURE_KINDS } from "../../app/modules/participation/constants";
import { contests } from "./contests";

// Who takes part (issue 9, ADR 014). The answers to the optional questions after voting and after
// handing in are kept only as counts per contest, moment, question and answer: no row per person,
// no user, ballot or idea id, no time. Nothing here can be joined to voter_register or ballots.

/**
 * One counter per answer. `published` is what the organiser's page shows: it catches up with
 * `count` only in steps of 5 or more forms (ADR 014), so comparing the page before and after one
 * person answered shows nothing. All counters of a moment are created together, in a fixed order.
 */
export const participationCounts = sqliteTable(
  "participation_counts",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    moment: text("moment", { enum: PARTICIPATION_MOMENTS }).notNull(),
    question: text("question", { enum: PARTICIPATION_QUESTIONS }).notNull(),
    answer: text("answer").notNull(),
    count: integer("count").notNull().default(0),
    published: integer("published").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.contestId, t.moment, t.question, t.answer] }),
    check("participation_counts_moment", sql`${t.moment} IN ('stemmen', 'indienen')`),
    check("participation_counts_question", sql`${t.question} IN ('antwoorden', 'leeftijd', 'buurt', 'eerste-keer')`),
    check("participation_counts_answer", sql`length(${t.answer}) BETWEEN 1 AND 20`),
    check("participation_counts_range", sql`${t.published} BETWEEN 0 AND ${t.count}`),
  ],
);
export type ParticipationCount = typeof participationCounts.$inferSelect;

/** Keyed hashes of the one-time tokens that have answered: a token answers once. Nothing else. */
export const participationUsedTokens = sqliteTable(
  "participation_used_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
  },
  (t) => [check("participation_used_tokens_hash", sql`length(${t.tokenHash}) = 64`)],
);

/** The organiser's figures about the area (from the municipality or CBS): residents per buurt and per age band. */
export const participationResidents = sqliteTable(
  "participation_residents",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: RESIDENT_FIGURE_KINDS }).notNull(),
    key: text("key").notNull(),
    residents: integer("residents").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contestId, t.kind, t.key] }),
    check("participation_residents_kind", sql`${t.kind} IN ('buurt', 'leeftijd')`),
    check("participation_residents_range", sql`${t.residents} BETWEEN 0 AND 10000000`),
  ],
);
export type ParticipationResident = typeof participationResidents.$inferSelect;
