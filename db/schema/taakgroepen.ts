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
    // Issue 8: the idea page's "ik doe mee" form asks a little more than the ballot's tick.
    /** What I can do, free text. */
    skills: text("skills"),
    /** Comma-separated tags from modules/taakgroepen/record.ts (taakgroepTags). */
    tags: text("tags"),
    /** How much time, free text ("een paar uur per maand"). */
    timeAvailable: text("time_available"),
    /** Consent to show name and contact to the initiators and organisers; the ballot's tick is that consent. */
    sharesContact: integer("shares_contact", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    index("taakgroep_signups_idea_idx").on(t.ideaId, t.createdAt),
    index("taakgroep_signups_user_idx").on(t.userId),
    check("taakgroep_signups_name", sql`length(trim(${t.name})) BETWEEN 1 AND 80`),
    check("taakgroep_signups_contact", sql`length(trim(${t.contact})) BETWEEN 1 AND 200`),
    check("taakgroep_signups_skills", sql`${t.skills} IS NULL OR length(${t.skills}) <= 1000`),
    check("taakgroep_signups_time", sql`${t.timeAvailable} IS NULL OR length(${t.timeAvailable}) <= 200`),
  ],
);
export type TaakgroepSignup = typeof taakgroepSignups.$inferSelect;

export const taakgroepOrganiserStates = ["actief", "afgerond", "gestopt"] as const;

/**
 * One row per idea whose taakgroep has something beyond its sign-ups: the organiser's mark and when
 * the "your group is formed" mail went out (once per group, so a withdrawal and a rejoin do not mail again).
 */
export const taakgroepen = sqliteTable("taakgroepen", {
  ideaId: integer("idea_id")
    .primaryKey()
    .references(() => ideas.id, { onDelete: "restrict" }),
  contestId: integer("contest_id")
    .notNull()
    .references(() => contests.id, { onDelete: "restrict" }),
  state: text("state", { enum: taakgroepOrganiserStates }),
  formedMailAt: integer("formed_mail_at"),
  updatedAt: integer("updated_at").notNull(),
});
export type Taakgroep = typeof taakgroepen.$inferSelect;
