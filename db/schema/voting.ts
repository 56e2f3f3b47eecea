import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { contests } from "./contests";
import { ideas } from "./ideas";
// Relative import: drizzle-kit reads this file without the app's path aliases.
import { INVALID_REASONS } from "../../app/modules/voting/ballot-review";

// The sticker vote, as docs/decisions/007-ballot-secrecy.md designs it: who voted (voter_register)
// and what was voted (ballots) are two tables that do not point at each other. The ballot rules
// (N stickers, no stacking unless allowed, only shortlisted ideas of the contest) are guarded by
// triggers in the hand-written migration voting_rules. Times are epoch milliseconds.

export const votingCodeBatches = sqliteTable(
  "voting_code_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    /** "Brieven Keizerslanden", "Bijeenkomst 12 maart" */
    label: text("label").notNull(),
    size: integer("size").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    /** A lost or leaked batch stops working. */
    revokedAt: integer("revoked_at"),
  },
  (t) => [check("voting_code_batches_size", sql`${t.size} BETWEEN 1 AND 50000`)],
);
export type VotingCodeBatch = typeof votingCodeBatches.$inferSelect;

// No "used" column: a code is used when voter_register has a row for it.
export const votingCodes = sqliteTable(
  "voting_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    batchId: integer("batch_id")
      .notNull()
      .references(() => votingCodeBatches.id, { onDelete: "restrict" }),
    /** hashCode(code, pepper): HMAC-SHA256, hex. */
    codeHash: text("code_hash").notNull(),
    /** For letters made from an address list: the address's key, so the code shares the address's cap. */
    addressKey: text("address_key"),
  },
  (t) => [
    // Across contests, so that a code of another contest is recognised as such.
    uniqueIndex("voting_codes_hash_unique").on(t.codeHash),
    // The target of voter_register's composite foreign key.
    uniqueIndex("voting_codes_id_contest").on(t.id, t.contestId),
    index("voting_codes_batch_idx").on(t.batchId),
    check("voting_codes_hash_length", sql`length(${t.codeHash}) = 64`),
  ],
);
export type VotingCode = typeof votingCodes.$inferSelect;

export const voterMethods = ["account", "code", "poster"] as const;
export type VoterMethod = (typeof voterMethods)[number];

/** WHO voted: one row per resident per contest. It holds no ballot id and nothing about stickers. */
export const voterRegister = sqliteTable(
  "voter_register",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    method: text("method", { enum: voterMethods }).notNull(),
    // RESTRICT: an account that voted in an open contest is deleted once the contest's results are final.
    userId: text("user_id").references(() => users.id, { onDelete: "restrict" }),
    votingCodeId: integer("voting_code_id"),
    /** As typed at the desk. */
    attendeeName: text("attendee_name"),
    /** attendeeNameKey(name) */
    attendeeNameKey: text("attendee_name_key"),
    /** normalizePostcode */
    attendeePostcode: text("attendee_postcode"),
    registeredAt: integer("registered_at").notNull(),
    /** The desk organiser. */
    registeredBy: text("registered_by").references(() => users.id, { onDelete: "set null" }),
    /**
     * voterEmailKey(email) of an account vote: kept until the contest's retention ends, so deleting the
     * account and registering again with the same address does not give a second ballot (issue 15).
     */
    emailKey: text("email_key"),
    /** addressKey of the address this vote counts against, in a contest with an address list. */
    addressKey: text("address_key"),
    /** Declared invalid by an organiser before the count was final: the ballot is deleted, this row stays. */
    invalidatedAt: integer("invalidated_at"),
    invalidatedBy: text("invalidated_by").references(() => users.id, { onDelete: "set null" }),
    invalidReason: text("invalid_reason", { enum: INVALID_REASONS }),
  },
  (t) => [
    foreignKey({ columns: [t.votingCodeId, t.contestId], foreignColumns: [votingCodes.id, votingCodes.contestId] }).onDelete("restrict"),
    // The one-ballot-per-resident guarantee.
    uniqueIndex("voter_register_user_unique").on(t.contestId, t.userId),
    uniqueIndex("voter_register_code_unique").on(t.votingCodeId),
    uniqueIndex("voter_register_attendee_unique").on(t.contestId, t.attendeePostcode, t.attendeeNameKey),
    uniqueIndex("voter_register_email_unique").on(t.contestId, t.emailKey),
    index("voter_register_address_idx").on(t.contestId, t.addressKey),
    index("voter_register_turnout_idx").on(t.contestId, t.method),
    check("voter_register_one_identity", sql`(${t.userId} IS NOT NULL) + (${t.votingCodeId} IS NOT NULL) + (${t.attendeeNameKey} IS NOT NULL) = 1`),
    check("voter_register_account", sql`${t.method} <> 'account' OR ${t.userId} IS NOT NULL`),
    check("voter_register_code", sql`${t.method} <> 'code' OR ${t.votingCodeId} IS NOT NULL`),
    check("voter_register_attendee_poster", sql`${t.attendeeNameKey} IS NULL OR ${t.method} = 'poster'`),
    check(
      "voter_register_attendee_complete",
      sql`(${t.attendeeName} IS NULL) = (${t.attendeeNameKey} IS NULL) AND (${t.attendeePostcode} IS NULL) = (${t.attendeeNameKey} IS NULL)`,
    ),
    check("voter_register_attendee_key", sql`${t.attendeeNameKey} IS NULL OR length(${t.attendeeNameKey}) > 0`),
    check("voter_register_desk", sql`${t.method} <> 'poster' OR ${t.registeredBy} IS NOT NULL`),
    check("voter_register_email_key", sql`${t.emailKey} IS NULL OR (${t.method} <> 'code' AND length(${t.emailKey}) = 64)`),
    check("voter_register_invalid", sql`(${t.invalidatedAt} IS NULL) = (${t.invalidReason} IS NULL)`),
  ],
);
export type VoterRegisterRow = typeof voterRegister.$inferSelect;

/**
 * How many counted voters (not declared invalid) a contest has per method, kept by triggers on
 * voter_register in the same transaction as every insert, invalidation and deletion of a register
 * row (issue 19: the contest page counted every register row on every view). Counts only, like the
 * turnout it replaces: nothing here says who or when.
 */
export const contestTurnout = sqliteTable(
  "contest_turnout",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    method: text("method", { enum: voterMethods }).notNull(),
    voters: integer("voters").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.method] }), check("contest_turnout_voters", sql`${t.voters} >= 0`)],
);

export const ballotChannels = ["online", "code"] as const;
export type BallotChannel = (typeof ballotChannels)[number];

/**
 * WHAT was voted; nothing here names a voter. No timestamps, and a random id (newBallotId) instead of
 * a counting rowid, so ballots cannot be lined up with the register in the order people voted.
 */
export const ballots = sqliteTable(
  "ballots",
  {
    // newBallotId(): random, never AUTOINCREMENT.
    id: integer("id").primaryKey(),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    channel: text("channel", { enum: ballotChannels }).notNull(),
    /** storedStickers(ballot): "[11,11,13]"; read back with ballotFromStored. */
    stickers: text("stickers").notNull(),
    /** ballotPointer(); NULL after the reveal. */
    voterPointer: text("voter_pointer"),
    /** hashReceipt() */
    receiptHash: text("receipt_hash").notNull(),
  },
  (t) => [
    uniqueIndex("ballots_voter_pointer_unique").on(t.voterPointer),
    uniqueIndex("ballots_receipt_unique").on(t.receiptHash),
    index("ballots_contest_idx").on(t.contestId),
    check("ballots_voter_pointer_length", sql`${t.voterPointer} IS NULL OR length(${t.voterPointer}) = 64`),
    check("ballots_receipt_hash_length", sql`length(${t.receiptHash}) = 64`),
    check("ballots_pointer_online", sql`${t.channel} = 'online' OR ${t.voterPointer} IS NULL`),
  ],
);
export type BallotRow = typeof ballots.$inferSelect;

export const posterSlots = ["a", "b"] as const;
export type PosterSlot = (typeof posterSlots)[number];

// Two organisers count the posters independently: one entry each, never both by one person.
export const posterCountEntries = sqliteTable(
  "poster_count_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    slot: text("slot", { enum: posterSlots }).notNull(),
    enteredBy: text("entered_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("poster_count_entries_slot_unique").on(t.contestId, t.slot),
    uniqueIndex("poster_count_entries_organiser_unique").on(t.contestId, t.enteredBy),
  ],
);

/** A missing row is "not counted yet"; 0 is a count. */
export const posterCountLines = sqliteTable(
  "poster_count_lines",
  {
    entryId: integer("entry_id")
      .notNull()
      .references(() => posterCountEntries.id, { onDelete: "cascade" }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "restrict" }),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.ideaId] }), check("poster_count_lines_count", sql`${t.count} BETWEEN 0 AND 99999`)],
);

export const posterCountResolutions = sqliteTable(
  "poster_count_resolutions",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "restrict" }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "restrict" }),
    count: integer("count").notNull(),
    resolvedBy: text("resolved_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    resolvedAt: integer("resolved_at").notNull(),
    /** "opnieuw geteld" */
    note: text("note").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contestId, t.ideaId] }),
    check("poster_count_resolutions_count", sql`${t.count} BETWEEN 0 AND 99999`),
    check("poster_count_resolutions_note", sql`length(trim(${t.note})) > 0`),
  ],
);

// Wrong voting codes and receipts per IP address, kept in the database so that every server process
// sees them (the pattern of login_throttle, with its own keys and policies: app/modules/voting/throttle.server.ts).
export const votingThrottle = sqliteTable("voting_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: integer("window_started_at").notNull(),
  blockedUntil: integer("blocked_until"),
});

/**
 * The municipality's list of eligible addresses for a contest with accountCheck 'address-list' (issue 15):
 * only addressKey(postcode, number, addition) and how many residents of voting age live there, never the
 * uploaded file. The trigger in migration 0015 keeps the register at most `voters` rows per address.
 */
export const eligibleAddresses = sqliteTable(
  "eligible_addresses",
  {
    contestId: integer("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    addressKey: text("address_key").notNull(),
    voters: integer("voters").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contestId, t.addressKey] }),
    check("eligible_addresses_voters", sql`${t.voters} BETWEEN 1 AND 99`),
    check("eligible_addresses_key_length", sql`length(${t.addressKey}) = 64`),
  ],
);

/**
 * A ballot chosen by an account whose email is not confirmed yet: stored as it will be cast when the
 * person uses the confirmation link, so they need not choose again. Keyed by the ballot pointer, like a
 * ballot, so the database alone does not say whose choice it is; deleted once cast or when voting ends.
 */
export const pendingBallots = sqliteTable("pending_ballots", {
  voterPointer: text("voter_pointer").primaryKey(),
  contestId: integer("contest_id")
    .notNull()
    .references(() => contests.id, { onDelete: "cascade" }),
  /** storedStickers(ballot) */
  stickers: text("stickers").notNull(),
  /** The "ik doe mee" ticks, a JSON list of idea ids. */
  ikDoeMee: text("ik_doe_mee").notNull().default("[]"),
  ageDeclared: integer("age_declared", { mode: "boolean" }),
  addressKey: text("address_key"),
  createdAt: integer("created_at").notNull(),
});
