CREATE TABLE `taakgroep_signups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` text,
	`name` text NOT NULL,
	`contact` text NOT NULL,
	`consent_at` integer NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "taakgroep_signups_name" CHECK(length(trim("taakgroep_signups"."name")) BETWEEN 1 AND 80),
	CONSTRAINT "taakgroep_signups_contact" CHECK(length(trim("taakgroep_signups"."contact")) BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE INDEX `taakgroep_signups_idea_idx` ON `taakgroep_signups` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `taakgroep_signups_user_idx` ON `taakgroep_signups` (`user_id`);--> statement-breakpoint
CREATE TABLE `ballots` (
	`id` integer PRIMARY KEY NOT NULL,
	`contest_id` integer NOT NULL,
	`channel` text NOT NULL,
	`stickers` text NOT NULL,
	`voter_pointer` text,
	`receipt_hash` text NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "ballots_voter_pointer_length" CHECK("ballots"."voter_pointer" IS NULL OR length("ballots"."voter_pointer") = 64),
	CONSTRAINT "ballots_receipt_hash_length" CHECK(length("ballots"."receipt_hash") = 64),
	CONSTRAINT "ballots_pointer_online" CHECK("ballots"."channel" = 'online' OR "ballots"."voter_pointer" IS NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_voter_pointer_unique` ON `ballots` (`voter_pointer`);--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_receipt_unique` ON `ballots` (`receipt_hash`);--> statement-breakpoint
CREATE INDEX `ballots_contest_idx` ON `ballots` (`contest_id`);--> statement-breakpoint
CREATE TABLE `poster_count_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`slot` text NOT NULL,
	`entered_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `poster_count_entries_slot_unique` ON `poster_count_entries` (`contest_id`,`slot`);--> statement-breakpoint
CREATE UNIQUE INDEX `poster_count_entries_organiser_unique` ON `poster_count_entries` (`contest_id`,`entered_by`);--> statement-breakpoint
CREATE TABLE `poster_count_lines` (
	`entry_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`entry_id`, `idea_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `poster_count_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "poster_count_lines_count" CHECK("poster_count_lines"."count" BETWEEN 0 AND 99999)
);
--> statement-breakpoint
CREATE TABLE `poster_count_resolutions` (
	`contest_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`count` integer NOT NULL,
	`resolved_by` text NOT NULL,
	`resolved_at` integer NOT NULL,
	`note` text NOT NULL,
	PRIMARY KEY(`contest_id`, `idea_id`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "poster_count_resolutions_count" CHECK("poster_count_resolutions"."count" BETWEEN 0 AND 99999),
	CONSTRAINT "poster_count_resolutions_note" CHECK(length(trim("poster_count_resolutions"."note")) > 0)
);
--> statement-breakpoint
CREATE TABLE `voter_register` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`method` text NOT NULL,
	`user_id` text,
	`voting_code_id` integer,
	`attendee_name` text,
	`attendee_name_key` text,
	`attendee_postcode` text,
	`registered_at` integer NOT NULL,
	`registered_by` text,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`voting_code_id`,`contest_id`) REFERENCES `voting_codes`(`id`,`contest_id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "voter_register_one_identity" CHECK(("voter_register"."user_id" IS NOT NULL) + ("voter_register"."voting_code_id" IS NOT NULL) + ("voter_register"."attendee_name_key" IS NOT NULL) = 1),
	CONSTRAINT "voter_register_account" CHECK("voter_register"."method" <> 'account' OR "voter_register"."user_id" IS NOT NULL),
	CONSTRAINT "voter_register_code" CHECK("voter_register"."method" <> 'code' OR "voter_register"."voting_code_id" IS NOT NULL),
	CONSTRAINT "voter_register_attendee_poster" CHECK("voter_register"."attendee_name_key" IS NULL OR "voter_register"."method" = 'poster'),
	CONSTRAINT "voter_register_attendee_complete" CHECK(("voter_register"."attendee_name" IS NULL) = ("voter_register"."attendee_name_key" IS NULL) AND ("voter_register"."attendee_postcode" IS NULL) = ("voter_register"."attendee_name_key" IS NULL)),
	CONSTRAINT "voter_register_attendee_key" CHECK("voter_register"."attendee_name_key" IS NULL OR length("voter_register"."attendee_name_key") > 0),
	CONSTRAINT "voter_register_desk" CHECK("voter_register"."method" <> 'poster' OR "voter_register"."registered_by" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voter_register_user_unique` ON `voter_register` (`contest_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `voter_register_code_unique` ON `voter_register` (`voting_code_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `voter_register_attendee_unique` ON `voter_register` (`contest_id`,`attendee_postcode`,`attendee_name_key`);--> statement-breakpoint
CREATE INDEX `voter_register_turnout_idx` ON `voter_register` (`contest_id`,`method`);--> statement-breakpoint
CREATE TABLE `voting_code_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`label` text NOT NULL,
	`size` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "voting_code_batches_size" CHECK("voting_code_batches"."size" BETWEEN 1 AND 50000)
);
--> statement-breakpoint
CREATE TABLE `voting_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`batch_id`) REFERENCES `voting_code_batches`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "voting_codes_hash_length" CHECK(length("voting_codes"."code_hash") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voting_codes_hash_unique` ON `voting_codes` (`code_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `voting_codes_id_contest` ON `voting_codes` (`id`,`contest_id`);--> statement-breakpoint
CREATE INDEX `voting_codes_batch_idx` ON `voting_codes` (`batch_id`);--> statement-breakpoint
CREATE TABLE `voting_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`blocked_until` integer
);
