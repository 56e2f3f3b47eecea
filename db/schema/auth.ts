import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { contests } from "./contests";
import { organisations } from "./places";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    // Stored lower-cased so that "Anna@X.nl" and "anna@x.nl" are one account.
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    postcode: text("postcode").notNull(),
    isBeheerder: integer("is_beheerder", { mode: "boolean" }).notNull().default(false),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** When the person used the link in the confirmation mail: until then the account cannot vote (issue 15). */
    emailConfirmedAt: integer("email_confirmed_at", { mode: "timestamp_ms" }),
    /**
     * keyedHash of the IP address the account was registered from, so organisers can see bursts of new
     * accounts from one place before the reveal; never the address itself. The retention job clears it
     * after 90 days.
     */
    signupIpKey: text("signup_ip_key"),
    /**
     * Set when the person deleted their account (AVG): the row stays as an anonymous tombstone, so the
     * ideas, jury scores and the voter register that point at it keep their meaning without a name.
     */
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), check("users_email_lowercase", sql`${t.email} = lower(${t.email})`)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

// Lucia v3 keeps sessions here; expires_at is in unix seconds (the adapter's convention).
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// Only the SHA-256 of a reset token is kept, so a leaked database cannot reset passwords.
export const passwordResetTokens = sqliteTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("password_reset_user_idx").on(t.userId)],
);

// Email confirmation links; only the SHA-256 of the token is kept, as for reset links. The address it
// confirms is stored with it, so a link mailed to an address the account no longer has confirms nothing.
export const emailConfirmations = sqliteTable(
  "email_confirmations",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    /** Where the person was going when they registered (a path on this site, checked by safeRedirect). */
    redirectTo: text("redirect_to"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("email_confirmations_user_idx").on(t.userId)],
);

// Failed log-ins per account and per IP, kept in the database so that every server process sees them.
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  blockedUntil: integer("blocked_until", { mode: "timestamp_ms" }),
});

export const roleNames = ["organisator", "jurylid"] as const;
export type RoleName = (typeof roleNames)[number];

// A role always has a scope: an organiser for an organisation or one contest, a juror for one contest.
export const roleAssignments = sqliteTable(
  "role_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: roleNames }).notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    contestId: integer("contest_id").references(() => contests.id, { onDelete: "cascade" }),
    isChair: integer("is_chair", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("role_assignments_user_idx").on(t.userId),
    // NULLs are distinct in a SQLite unique index, so each scope gets its own partial index.
    uniqueIndex("role_assignments_org_unique")
      .on(t.userId, t.role, t.organisationId)
      .where(sql`organisation_id IS NOT NULL`),
    uniqueIndex("role_assignments_contest_unique")
      .on(t.userId, t.role, t.contestId)
      .where(sql`contest_id IS NOT NULL`),
    check(
      "role_scope",
      sql`(${t.role} = 'organisator' AND ((${t.organisationId} IS NULL) <> (${t.contestId} IS NULL)))
       OR (${t.role} = 'jurylid' AND ${t.contestId} IS NOT NULL AND ${t.organisationId} IS NULL)`,
    ),
  ],
);
export type RoleAssignment = typeof roleAssignments.$inferSelect;
