CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`contest_id` integer,
	`action` text NOT NULL,
	`subject` text,
	`before` text,
	`after` text,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_contest_idx` ON `audit_log` (`contest_id`,`at`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`blocked_until` integer
);
--> statement-breakpoint
CREATE TABLE `password_reset_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `password_reset_user_idx` ON `password_reset_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `role_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` integer,
	`contest_id` integer,
	`is_chair` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "role_scope" CHECK(("role_assignments"."role" = 'organisator' AND (("role_assignments"."organisation_id" IS NULL) <> ("role_assignments"."contest_id" IS NULL)))
       OR ("role_assignments"."role" = 'jurylid' AND "role_assignments"."contest_id" IS NOT NULL AND "role_assignments"."organisation_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `role_assignments_user_idx` ON `role_assignments` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_org_unique` ON `role_assignments` (`user_id`,`role`,`organisation_id`) WHERE organisation_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_contest_unique` ON `role_assignments` (`user_id`,`role`,`contest_id`) WHERE contest_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`postcode` text NOT NULL,
	`is_beheerder` integer DEFAULT false NOT NULL,
	`locale` text DEFAULT 'nl' NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `contest_areas` (
	`contest_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	PRIMARY KEY(`contest_id`, `area_id`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `contest_phase_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`kind` text NOT NULL,
	`phase` text NOT NULL,
	`at` integer NOT NULL,
	`new_end` integer,
	`reason` text NOT NULL,
	`user_id` text,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "override_reason" CHECK(length(trim("contest_phase_overrides"."reason")) > 0)
);
--> statement-breakpoint
CREATE INDEX `contest_phase_overrides_contest_idx` ON `contest_phase_overrides` (`contest_id`);--> statement-breakpoint
CREATE TABLE `contest_phases` (
	`contest_id` integer NOT NULL,
	`phase` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	PRIMARY KEY(`contest_id`, `phase`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "contest_phases_order" CHECK("contest_phases"."ends_at" > "contest_phases"."starts_at")
);
--> statement-breakpoint
CREATE TABLE `contest_prizes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`amount_euros` integer NOT NULL,
	`description` text,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "contest_prizes_amount" CHECK("contest_prizes"."amount_euros" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_prizes_position_unique` ON `contest_prizes` (`contest_id`,`position`);--> statement-breakpoint
CREATE TABLE `contests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`image_path` text,
	`status` text DEFAULT 'concept' NOT NULL,
	`budget_euros` integer NOT NULL,
	`votes_per_resident` integer DEFAULT 3 NOT NULL,
	`allow_stacking` integer DEFAULT false NOT NULL,
	`min_taakgroep_size` integer DEFAULT 4 NOT NULL,
	`max_shortlist` integer,
	`outcome_rule` text DEFAULT 'prizes-by-rank' NOT NULL,
	`eligible_by_account` integer DEFAULT true NOT NULL,
	`eligible_by_code` integer DEFAULT false NOT NULL,
	`eligible_by_poster` integer DEFAULT false NOT NULL,
	`min_voter_age` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "contests_budget_positive" CHECK("contests"."budget_euros" > 0),
	CONSTRAINT "contests_votes_range" CHECK("contests"."votes_per_resident" BETWEEN 1 AND 20),
	CONSTRAINT "contests_taakgroep_min" CHECK("contests"."min_taakgroep_size" BETWEEN 1 AND 50),
	CONSTRAINT "contests_shortlist_positive" CHECK("contests"."max_shortlist" IS NULL OR "contests"."max_shortlist" > 0),
	CONSTRAINT "contests_min_age" CHECK("contests"."min_voter_age" IS NULL OR "contests"."min_voter_age" BETWEEN 0 AND 120)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contests_slug_unique` ON `contests` (`slug`);--> statement-breakpoint
CREATE INDEX `contests_organisation_idx` ON `contests` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `dev_mailbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`postcodes` text NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `areas_municipality_idx` ON `areas` (`municipality_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `areas_name_unique` ON `areas` (`municipality_id`,`name`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `municipalities_slug_unique` ON `municipalities` (`slug`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_unique` ON `organisations` (`slug`);