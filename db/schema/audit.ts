import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Every organiser change that matters: who, when, what, and the state before and after (JSON).
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    userId: text("user_id"),
    contestId: integer("contest_id"),
    action: text("action").notNull(),
    subject: text("subject"),
    before: text("before"),
    after: text("after"),
    reason: text("reason"),
  },
  (t) => [index("audit_log_contest_idx").on(t.contestId, t.at)],
);
export type AuditEntry = typeof auditLog.$inferSelect;
