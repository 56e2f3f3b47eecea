CREATE TABLE `draagvlak_settings` (
	`contest_id` integer PRIMARY KEY NOT NULL,
	`min_backers` integer DEFAULT 0 NOT NULL,
	`answer_working_days` integer,
	`reactions_closed` integer DEFAULT false NOT NULL,
	`reactions_closed_phases` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "draagvlak_settings_min_backers" CHECK("draagvlak_settings"."min_backers" BETWEEN 0 AND 10000),
	CONSTRAINT "draagvlak_settings_answer_days" CHECK("draagvlak_settings"."answer_working_days" IS NULL OR "draagvlak_settings"."answer_working_days" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE `idea_backers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_backers_one_per_resident` ON `idea_backers` (`idea_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `idea_backers_user_idx` ON `idea_backers` (`user_id`);--> statement-breakpoint
CREATE TABLE `idea_first_answers` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "idea_first_answers_kind" CHECK("idea_first_answers"."kind" IN ('reaction', 'moderation', 'jury'))
);
--> statement-breakpoint
CREATE TABLE `idea_paper_backings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`count` integer NOT NULL,
	`note` text NOT NULL,
	`entered_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "idea_paper_backings_count" CHECK("idea_paper_backings"."count" BETWEEN 1 AND 10000),
	CONSTRAINT "idea_paper_backings_note" CHECK(length(trim("idea_paper_backings"."note")) BETWEEN 1 AND 500)
);
--> statement-breakpoint
CREATE INDEX `idea_paper_backings_idea_idx` ON `idea_paper_backings` (`idea_id`);--> statement-breakpoint
CREATE TABLE `idea_reaction_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reaction_id` integer NOT NULL,
	`reason` text NOT NULL,
	`reporter_user_id` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`reaction_id`) REFERENCES `idea_reactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `idea_reaction_reports_reaction_idx` ON `idea_reaction_reports` (`reaction_id`);--> statement-breakpoint
CREATE TABLE `idea_reactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`parent_id` integer,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`role` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`hidden_at` integer,
	`hidden_reason` text,
	`hidden_by_user_id` text,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `idea_reactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "idea_reactions_kind" CHECK("idea_reactions"."kind" IN ('question', 'suggestion', 'help', 'answer')),
	CONSTRAINT "idea_reactions_role" CHECK("idea_reactions"."role" IN ('resident', 'initiator', 'organiser')),
	CONSTRAINT "idea_reactions_body" CHECK(length(trim("idea_reactions"."body")) BETWEEN 1 AND 2000),
	CONSTRAINT "idea_reactions_answer_has_parent" CHECK(("idea_reactions"."kind" = 'answer') = ("idea_reactions"."parent_id" IS NOT NULL)),
	CONSTRAINT "idea_reactions_hidden_reason" CHECK("idea_reactions"."hidden_at" IS NULL OR length(trim(coalesce("idea_reactions"."hidden_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE INDEX `idea_reactions_idea_idx` ON `idea_reactions` (`idea_id`,`created_at`);