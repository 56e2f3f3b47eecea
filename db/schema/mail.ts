import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// The development mailbox: without SMTP_URL, mail lands here and shows at /dev/mail.
export const devMailbox = sqliteTable("dev_mailbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  /** Extra headers as JSON (List-Unsubscribe), so tests and /dev/mail see what a mail client gets. */
  headers: text("headers"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});
