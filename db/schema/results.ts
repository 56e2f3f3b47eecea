import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { contests } from "./contests";
import { ideaBuurten, ideaCategories } from "./ideas";

// Results (issue 7, docs/decisions/011-contest-outcome-reveal-and-open-data.md). The count itself is
// never stored as counters: it is computed from the ballots and the final poster counts whenever it
// matters. What is stored is what must not change afterwards: the seed of the public draw, and what
// was made public (at the reveal, and with every logged correction after it). Times are epoch ms.

/** The seed of the public draw: recorded once, before anyone sees a tie, and never changed. */
export const resultDraws = sqliteTable(
  "result_draws",
  {
    contestId: integer("contest_id")
      .primaryKey()
      .references(() => contests.id, { onDelete: "cascade" }),
    seed: text("seed").notNull(),
    recordedAt: integer("recorded_at").notNull(),
  },
  (t) => [check("result_draws_seed", sql`length(${t.seed}) BETWEEN 4 AND 64 AND instr(${t.seed}, ':') = 0 AND instr(${t.seed}, ' ') = 0`)],
);

export const publicationKinds = ["reveal", "correction"] as const;
export type PublicationKind = (typeof publicationKinds)[number];

/**
 * What the public sees: one row at the reveal, one per correction after it. The latest row is the
 * published results; the corrections are listed publicly with their reason.
 */
export const resultPublications = sqliteTable(
  "result_publications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: publicationKinds }).notNull(),
    at: integer("at").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** Why the results changed after the reveal; shown publicly. */
    reason: text("reason"),
    /** SHA-256 of everything the count was computed from, to notice a change since. */
    inputsHash: text("inputs_hash").notNull(),
    /** The published results as JSON (ContestOutcome and what the page shows with it). */
    snapshot: text("snapshot").notNull(),
  },
  (t) => [
    index("result_publications_contest_idx").on(t.contestId, t.id),
    // One reveal per contest, guaranteed by the database as well.
    uniqueIndex("result_publications_one_reveal")
      .on(t.contestId)
      .where(sql`${t.kind} = 'reveal'`),
    check("result_publications_kind", sql`${t.kind} IN ('reveal', 'correction')`),
    check("result_publications_reason", sql`${t.kind} = 'reveal' OR length(trim(coalesce(${t.reason}, ''))) >= 5`),
    check("result_publications_hash", sql`length(${t.inputsHash}) = 64`),
  ],
);
export type ResultPublication = typeof resultPublications.$inferSelect;

/** A round from before Wijkvonk, imported from a Pabulib .pb file: where it came from. */
export const archivedContests = sqliteTable("archived_contests", {
  contestId: integer("contest_id")
    .primaryKey()
    .references(() => contests.id, { onDelete: "cascade" }),
  /** The file's META as JSON (country, unit, instance, dates, rule, ...). */
  source: text("source").notNull(),
  fileName: text("file_name"),
  voteType: text("vote_type").notNull(),
  voters: integer("voters").notNull(),
  /** The file gave the official outcome (a selected column). */
  officialOutcome: integer("official_outcome", { mode: "boolean" }).notNull(),
  importedAt: integer("imported_at").notNull(),
  importedBy: text("imported_by").references(() => users.id, { onDelete: "set null" }),
});

/** The projects of an archived round, with their votes and the official outcome. */
export const archivedIdeas = sqliteTable(
  "archived_ideas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => archivedContests.contestId, { onDelete: "cascade" }),
    /** project_id in the file. */
    sourceId: text("source_id").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    costEuros: integer("cost_euros").notNull(),
    votes: integer("votes").notNull(),
    /** 1 funded, 2 partially funded (or with extra money), 0 not. */
    selected: integer("selected").notNull(),
    /**
     * A budget in parts (ADR 026): the project's part, on the round's own lists as a live round's ideas
     * (contests.budget_split says which of the two); null in a round without parts.
     */
    buurtId: integer("buurt_id").references(() => ideaBuurten.id),
    categoryId: integer("category_id").references(() => ideaCategories.id),
  },
  (t) => [
    uniqueIndex("archived_ideas_source_unique").on(t.contestId, t.sourceId),
    check("archived_ideas_cost", sql`${t.costEuros} >= 0`),
    check("archived_ideas_votes", sql`${t.votes} >= 0`),
    check("archived_ideas_selected", sql`${t.selected} IN (0, 1, 2)`),
    check("archived_ideas_title", sql`length(trim(${t.title})) > 0`),
  ],
);
export type ArchivedIdeaRow = typeof archivedIdeas.$inferSelect;
