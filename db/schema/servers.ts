import { check, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

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
