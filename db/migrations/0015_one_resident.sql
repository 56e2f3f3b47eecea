CREATE TABLE `email_confirmations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`email` text NOT NULL,
	`redirect_to` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_confirmations_user_idx` ON `email_confirmations` (`user_id`);--> statement-breakpoint
CREATE TABLE `eligible_addresses` (
	`contest_id` integer NOT NULL,
	`address_key` text NOT NULL,
	`voters` integer NOT NULL,
	PRIMARY KEY(`contest_id`, `address_key`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "eligible_addresses_voters" CHECK("eligible_addresses"."voters" BETWEEN 1 AND 99),
	CONSTRAINT "eligible_addresses_key_length" CHECK(length("eligible_addresses"."address_key") = 64)
);
--> statement-breakpoint
CREATE TABLE `pending_ballots` (
	`voter_pointer` text PRIMARY KEY NOT NULL,
	`contest_id` integer NOT NULL,
	`stickers` text NOT NULL,
	`ik_doe_mee` text DEFAULT '[]' NOT NULL,
	`age_declared` integer,
	`address_key` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `users` ADD `email_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `signup_ip_key` text;--> statement-breakpoint
ALTER TABLE `contests` ADD `account_check` text DEFAULT 'postcode' NOT NULL;--> statement-breakpoint
ALTER TABLE `contests` ADD `voting_final_at` integer;--> statement-breakpoint
-- Hand-written instead of drizzle-kit's table copy (which selected the new columns from the old
-- table): the new register columns are added in place, their rules as column CHECKs.
ALTER TABLE `voter_register` ADD `email_key` text CONSTRAINT "voter_register_email_key" CHECK("email_key" IS NULL OR ("method" <> 'code' AND length("email_key") = 64));--> statement-breakpoint
ALTER TABLE `voter_register` ADD `address_key` text;--> statement-breakpoint
ALTER TABLE `voter_register` ADD `invalidated_at` integer;--> statement-breakpoint
ALTER TABLE `voter_register` ADD `invalidated_by` text REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null;--> statement-breakpoint
ALTER TABLE `voter_register` ADD `invalid_reason` text CONSTRAINT "voter_register_invalid" CHECK(("invalidated_at" IS NULL) = ("invalid_reason" IS NULL) AND ("invalid_reason" IS NULL OR "invalid_reason" IN ('fake-account', 'double-vote', 'not-eligible', 'other')));--> statement-breakpoint
CREATE UNIQUE INDEX `voter_register_email_unique` ON `voter_register` (`contest_id`,`email_key`);--> statement-breakpoint
CREATE INDEX `voter_register_address_idx` ON `voter_register` (`contest_id`,`address_key`);--> statement-breakpoint
ALTER TABLE `voting_codes` ADD `address_key` text;--> statement-breakpoint
-- One address, at most as many ballots as eligible residents live there, across accounts and letter
-- codes together (issue 15). A ballot declared invalid frees its place.
CREATE TRIGGER `voter_register_address_cap` BEFORE INSERT ON `voter_register` WHEN NEW.address_key IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'register: address not on the list')
    WHERE NOT EXISTS (SELECT 1 FROM eligible_addresses WHERE contest_id = NEW.contest_id AND address_key = NEW.address_key);
  SELECT RAISE(ABORT, 'register: address at its cap')
    WHERE (SELECT count(*) FROM voter_register WHERE contest_id = NEW.contest_id AND address_key = NEW.address_key AND invalidated_at IS NULL)
       >= (SELECT voters FROM eligible_addresses WHERE contest_id = NEW.contest_id AND address_key = NEW.address_key);
END;
--> statement-breakpoint
-- An account vote keeps the key of its confirmed address (no second ballot after deleting the account);
-- in a contest with an address list it names its address; a code made for an address votes as it.
CREATE TRIGGER `voter_register_identity_rules` BEFORE INSERT ON `voter_register`
BEGIN
  SELECT RAISE(ABORT, 'register: an account vote needs its email key')
    WHERE NEW.method = 'account' AND NEW.email_key IS NULL;
  SELECT RAISE(ABORT, 'register: this contest checks addresses')
    WHERE NEW.method = 'account' AND NEW.address_key IS NULL
      AND (SELECT account_check FROM contests WHERE id = NEW.contest_id) = 'address-list';
  SELECT RAISE(ABORT, 'register: a code votes for its own address')
    WHERE NEW.voting_code_id IS NOT NULL AND NEW.address_key IS NOT (SELECT address_key FROM voting_codes WHERE id = NEW.voting_code_id);
END;
--> statement-breakpoint
CREATE TRIGGER `voter_register_identity_fixed` BEFORE UPDATE OF contest_id, method, user_id, voting_code_id, email_key, address_key ON `voter_register`
BEGIN
  SELECT RAISE(ABORT, 'register: who voted does not change');
END;
