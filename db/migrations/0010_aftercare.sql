CREATE TABLE `realisation_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`done_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "realisation_milestones_title" CHECK(length(trim("realisation_milestones"."title")) BETWEEN 1 AND 120),
	CONSTRAINT "realisation_milestones_due" CHECK("realisation_milestones"."due_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE INDEX `realisation_milestones_idea_idx` ON `realisation_milestones` (`idea_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `realisation_spending` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`description` text NOT NULL,
	`amount_euros` integer NOT NULL,
	`spent_on` text NOT NULL,
	`override_by_user_id` text,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`override_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "realisation_spending_amount" CHECK("realisation_spending"."amount_euros" > 0),
	CONSTRAINT "realisation_spending_description" CHECK(length(trim("realisation_spending"."description")) BETWEEN 1 AND 120)
);
--> statement-breakpoint
CREATE INDEX `realisation_spending_idea_idx` ON `realisation_spending` (`idea_id`);--> statement-breakpoint
CREATE TABLE `realisation_tracks` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`contest_id` integer NOT NULL,
	`status` text DEFAULT 'nog-niet-begonnen' NOT NULL,
	`granted_euros` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "realisation_tracks_granted" CHECK("realisation_tracks"."granted_euros" IS NULL OR "realisation_tracks"."granted_euros" >= 0)
);
--> statement-breakpoint
CREATE TABLE `realisation_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`author_user_id` text,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "realisation_updates_text" CHECK(length(trim("realisation_updates"."text")) BETWEEN 1 AND 4000)
);
--> statement-breakpoint
CREATE INDEX `realisation_updates_idea_idx` ON `realisation_updates` (`idea_id`,`created_at`);