CREATE TABLE `jury_comments` (
	`idea_id` integer NOT NULL,
	`juror_user_id` text NOT NULL,
	`comment` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `juror_user_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "jury_comments_length" CHECK(length("jury_comments"."comment") BETWEEN 1 AND 2000)
);
--> statement-breakpoint
CREATE TABLE `jury_conflicts` (
	`contest_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`juror_user_id` text NOT NULL,
	`reason` text,
	`declared_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `juror_user_id`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `jury_conflicts_contest_idx` ON `jury_conflicts` (`contest_id`);--> statement-breakpoint
CREATE TABLE `jury_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`weight` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "jury_criteria_weight" CHECK("jury_criteria"."weight" BETWEEN 1 AND 100),
	CONSTRAINT "jury_criteria_name" CHECK(length(trim("jury_criteria"."name")) BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jury_criteria_key_unique` ON `jury_criteria` (`contest_id`,`key`);--> statement-breakpoint
CREATE TABLE `jury_decisions` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`contest_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`motivation` text NOT NULL,
	`decided_by_user_id` text,
	`decided_at` integer NOT NULL,
	`notified_at` integer,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "jury_decisions_outcome" CHECK("jury_decisions"."outcome" IN ('shortlisted', 'not-shortlisted')),
	CONSTRAINT "jury_decisions_motivation" CHECK(length(trim("jury_decisions"."motivation")) BETWEEN 10 AND 2000)
);
--> statement-breakpoint
CREATE INDEX `jury_decisions_contest_idx` ON `jury_decisions` (`contest_id`,`outcome`);--> statement-breakpoint
CREATE TABLE `jury_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`author_user_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "jury_feedback_length" CHECK(length(trim("jury_feedback"."body")) BETWEEN 10 AND 3000)
);
--> statement-breakpoint
CREATE INDEX `jury_feedback_idea_idx` ON `jury_feedback` (`idea_id`);--> statement-breakpoint
CREATE TABLE `jury_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`email` text NOT NULL,
	`is_chair` integer DEFAULT false NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by_user_id` text,
	`invited_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_user_id` text,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "jury_invitations_email_lowercase" CHECK("jury_invitations"."email" = lower("jury_invitations"."email")),
	CONSTRAINT "jury_invitations_token" CHECK(length("jury_invitations"."token_hash") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jury_invitations_email_unique` ON `jury_invitations` (`contest_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `jury_invitations_token_unique` ON `jury_invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `jury_rounds` (
	`contest_id` integer PRIMARY KEY NOT NULL,
	`publish_aggregates` integer DEFAULT false NOT NULL,
	`decision_closed_at` integer,
	`decision_closed_by_user_id` text,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decision_closed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `jury_scores` (
	`contest_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`juror_user_id` text NOT NULL,
	`criterion_id` integer NOT NULL,
	`score` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `juror_user_id`, `criterion_id`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `jury_criteria`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "jury_scores_range" CHECK("jury_scores"."score" BETWEEN 1 AND 5 AND typeof("jury_scores"."score") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `jury_scores_contest_idx` ON `jury_scores` (`contest_id`);