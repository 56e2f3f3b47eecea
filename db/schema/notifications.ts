import { sql } from "drizzle-orm";
import { check, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { NOTICE_EVENTS, NOTIFICATION_KINDS } from "../../app/modules/notifications/kinds";
import { contests } from "./contests";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * Kinds of email a person switched off. Keyed by a keyed hash of the address (not the account), so
 * the unsubscribe link works for everyone we mail, also the contact of a paper idea, and the table
 * holds no address in the clear. No row means the kind is on.
 */
export const notificationOptOuts = sqliteTable(
  "notification_opt_outs",
  {
    addressKey: text("address_key").notNull(),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.addressKey, t.kind] }),
    check("notification_opt_outs_kind", sql`${t.kind} IN (${inList(NOTIFICATION_KINDS)})`),
    check("notification_opt_outs_key_length", sql`length(${t.addressKey}) = 43`),
  ],
);

/**
 * Which scheduled notice went to which address (its keyed hash, as above): the claim that makes each
 * notice go once per contest and address, also when two schedulers run at once or someone is both a
 * maker and a subscriber. Removed with the contest's personal data (retention) and with a deleted account.
 */
export const noticeDeliveries = sqliteTable(
  "notice_deliveries",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    event: text("event", { enum: NOTICE_EVENTS }).notNull(),
    addressKey: text("address_key").notNull(),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contestId, t.event, t.addressKey] }),
    check("notice_deliveries_event", sql`${t.event} IN (${inList(NOTICE_EVENTS)})`),
    check("notice_deliveries_key_length", sql`length(${t.addressKey}) = 43`),
  ],
);
