import { check, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";

// What several app servers on one database share instead of keeping it in their own process
// (issue 20, ADR 027 §4).

/**
 * Who runs a scheduled job (app/lib/job-lease.server.ts): the server `holder` until `until` (ms). A
 * server takes the row in one conditional write when it has run out or is its own; the others skip
 * the job. A server that died leaves a row that runs out.
 */
export const jobLeases = sqliteTable(
  "job_leases",
  {
    job: text("job").primaryKey(),
    holder: text("holder").notNull(),
    until: integer("until").notNull(),
  },
  (t) => [check("job_leases_holder_length", sql`length(${t.holder}) BETWEEN 1 AND 64`)],
);

/**
 * Ballots posted per account in the current window, on PostgreSQL only (app/modules/voting/throttle.server.ts):
 * several servers must count one account's posts together. SQLite counts them in the one process's
 * memory, without a write on the vote path (ADR 001), and leaves this table empty. No ballot id and no
 * more time than the register already holds (ADR 007).
 */
export const votePostWindows = sqliteTable(
  "vote_post_windows",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    windowStartedAt: integer("window_started_at").notNull(),
    posts: integer("posts").notNull(),
  },
  (t) => [check("vote_post_windows_posts", sql`${t.posts} >= 1`)],
);
