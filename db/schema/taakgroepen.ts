import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { contests } from "./contests";
import { ideas } from "./ideas";

// A minimal taakgroep record, made by "ik doe mee" on the ballot (issue 6) until the taakgroepen
// feature grows around it: who signed up for which idea, when, how to reach them, with their consent
// to share that with the initiator and the organiser. Withdrawing adds a row, it never deletes one,
// so the record keeps who joined and who left. Deliberately no ballot id and no "came from the
// ballot" flag (ADR 007): a sign-up names a person, a ballot must not.
export const taakgroepSignupKinds = ["signup", "withdrawal"] as const;

export const taakgroepSignups = sqliteTable(
  "taakgroep_signups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "restrict" }),
    /** The account, when there is one; a resident who voted with a code has only name and contact. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    /** Email address or phone number. */
    contact: text("contact").notNull(),
    /** When the resident agreed that the initiator and the organiser see their name and contact. */
    consentAt: integer("consent_at").notNull(),
    kind: text("kind", { enum: taakgroepSignupKinds }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("taakgroep_signups_idea_idx").on(t.ideaId, t.createdAt),
    index("taakgroep_signups_user_idx").on(t.userId),
    check("taakgroep_signups_name", sql`length(trim(${t.name})) BETWEEN 1 AND 80`),
    check("taakgroep_signups_contact", sql`length(trim(${t.contact})) BETWEEN 1 AND 200`),
  ],
);
export type TaakgroepSignup = typeof taakgroepSignups.$inferSelect;
