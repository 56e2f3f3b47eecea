CREATE TABLE `idea_buurten` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "idea_buurten_name" CHECK(length(trim("idea_buurten"."name")) BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_buurten_name_unique` ON `idea_buurten` (`contest_id`,`name`);--> statement-breakpoint
CREATE TABLE `idea_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "idea_categories_name" CHECK(length(trim("idea_categories"."name")) BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_categories_name_unique` ON `idea_categories` (`contest_id`,`name`);--> statement-breakpoint
CREATE TABLE `idea_co_initiators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by_user_id` text,
	`invited_at` integer NOT NULL,
	`user_id` text,
	`accepted_at` integer,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "idea_co_initiators_email_lowercase" CHECK("idea_co_initiators"."email" = lower("idea_co_initiators"."email")),
	CONSTRAINT "idea_co_initiators_accepted" CHECK(("idea_co_initiators"."accepted_at" IS NULL) = ("idea_co_initiators"."user_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_co_initiators_email_unique` ON `idea_co_initiators` (`idea_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `idea_co_initiators_user_unique` ON `idea_co_initiators` (`idea_id`,`user_id`) WHERE user_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `idea_co_initiators_token_unique` ON `idea_co_initiators` (`token_hash`);--> statement-breakpoint
CREATE TABLE `idea_cost_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`amount_euros` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "idea_cost_lines_amount_not_negative" CHECK("idea_cost_lines"."amount_euros" >= 0),
	CONSTRAINT "idea_cost_lines_description" CHECK(length(trim("idea_cost_lines"."description")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_cost_lines_position_unique` ON `idea_cost_lines` (`idea_id`,`position`);--> statement-breakpoint
CREATE TABLE `idea_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`storage_key` text NOT NULL,
	`alt_text` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`created_at` integer NOT NULL,
	`hidden_at` integer,
	`hidden_reason` text,
	`hidden_by_user_id` text,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "idea_photos_alt" CHECK(length(trim("idea_photos"."alt_text")) > 0),
	CONSTRAINT "idea_photos_size" CHECK("idea_photos"."width" > 0 AND "idea_photos"."height" > 0),
	CONSTRAINT "idea_photos_hidden_reason" CHECK("idea_photos"."hidden_at" IS NULL OR length(trim(coalesce("idea_photos"."hidden_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_photos_key_unique` ON `idea_photos` (`storage_key`);--> statement-breakpoint
CREATE INDEX `idea_photos_idea_idx` ON `idea_photos` (`idea_id`);--> statement-breakpoint
CREATE TABLE `idea_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`photo_id` integer,
	`reason` text NOT NULL,
	`message` text,
	`reporter_user_id` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by_user_id` text,
	`resolution` text,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`photo_id`) REFERENCES `idea_photos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "idea_reports_resolution" CHECK(("idea_reports"."resolved_at" IS NULL) = ("idea_reports"."resolution" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `idea_reports_idea_idx` ON `idea_reports` (`idea_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`cost_euros` integer,
	`category_id` integer,
	`buurt_id` integer,
	`location_text` text,
	`latitude` real,
	`longitude` real,
	`help_needed` text DEFAULT '' NOT NULL,
	`owner_user_id` text,
	`draft_token_hash` text,
	`contact_confirmed_at` integer,
	`confirm_token_hash` text,
	`is_paper` integer DEFAULT false NOT NULL,
	`paper_name` text,
	`paper_contact` text,
	`paper_consent_at` integer,
	`paper_consent_how` text,
	`entered_by_user_id` text,
	`plan` text,
	`planning` text,
	`helpers` text,
	`worked_out_at` integer,
	`hidden_at` integer,
	`hidden_reason` text,
	`hidden_by_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`withdrawn_at` integer,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`category_id`) REFERENCES `idea_categories`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`buurt_id`) REFERENCES `idea_buurten`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`entered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "ideas_cost_not_negative" CHECK("ideas"."cost_euros" IS NULL OR "ideas"."cost_euros" >= 0),
	CONSTRAINT "ideas_title" CHECK(length(trim("ideas"."title")) > 0),
	CONSTRAINT "ideas_point" CHECK(("ideas"."latitude" IS NULL AND "ideas"."longitude" IS NULL) OR ("ideas"."latitude" BETWEEN -90 AND 90 AND "ideas"."longitude" BETWEEN -180 AND 180)),
	CONSTRAINT "ideas_has_author" CHECK("ideas"."owner_user_id" IS NOT NULL OR "ideas"."draft_token_hash" IS NOT NULL OR "ideas"."is_paper" = 1),
	CONSTRAINT "ideas_paper_consent" CHECK("ideas"."is_paper" = 0 OR ("ideas"."paper_consent_at" IS NOT NULL AND length(trim(coalesce("ideas"."paper_name", ''))) > 0)),
	CONSTRAINT "ideas_hidden_reason" CHECK("ideas"."hidden_at" IS NULL OR length(trim(coalesce("ideas"."hidden_reason", ''))) > 0),
	CONSTRAINT "ideas_handed_in" CHECK("ideas"."status" = 'draft' OR ("ideas"."submitted_at" IS NOT NULL AND "ideas"."cost_euros" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `ideas_contest_idx` ON `ideas` (`contest_id`,`status`);--> statement-breakpoint
CREATE INDEX `ideas_owner_idx` ON `ideas` (`owner_user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ideas_draft_token_unique` ON `ideas` (`draft_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `ideas_confirm_token_unique` ON `ideas` (`confirm_token_hash`);--> statement-breakpoint
-- Added by hand (drizzle-kit does not model triggers): at most five photos per idea, hidden ones included.
CREATE TRIGGER `idea_photos_max_five` BEFORE INSERT ON `idea_photos`
WHEN (SELECT count(*) FROM `idea_photos` WHERE `idea_id` = NEW.`idea_id`) >= 5
BEGIN
	SELECT RAISE(ABORT, 'idea_photos_max_five');
END;
