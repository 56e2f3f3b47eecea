CREATE TABLE `archived_contests` (
	`contest_id` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`vote_type` text NOT NULL,
	`voters` integer NOT NULL,
	`official_outcome` integer NOT NULL,
	`imported_at` integer NOT NULL,
	`imported_by` text,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `archived_ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`cost_euros` integer NOT NULL,
	`votes` integer NOT NULL,
	`selected` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `archived_contests`(`contest_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "archived_ideas_cost" CHECK("archived_ideas"."cost_euros" >= 0),
	CONSTRAINT "archived_ideas_votes" CHECK("archived_ideas"."votes" >= 0),
	CONSTRAINT "archived_ideas_selected" CHECK("archived_ideas"."selected" IN (0, 1, 2)),
	CONSTRAINT "archived_ideas_title" CHECK(length(trim("archived_ideas"."title")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `archived_ideas_source_unique` ON `archived_ideas` (`contest_id`,`source_id`);--> statement-breakpoint
CREATE TABLE `result_draws` (
	`contest_id` integer PRIMARY KEY NOT NULL,
	`seed` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "result_draws_seed" CHECK(length("result_draws"."seed") BETWEEN 4 AND 64 AND instr("result_draws"."seed", ':') = 0 AND instr("result_draws"."seed", ' ') = 0)
);
--> statement-breakpoint
CREATE TABLE `result_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`reason` text,
	`inputs_hash` text NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "result_publications_kind" CHECK("result_publications"."kind" IN ('reveal', 'correction')),
	CONSTRAINT "result_publications_reason" CHECK("result_publications"."kind" = 'reveal' OR length(trim(coalesce("result_publications"."reason", ''))) >= 5),
	CONSTRAINT "result_publications_hash" CHECK(length("result_publications"."inputs_hash") = 64)
);
--> statement-breakpoint
CREATE INDEX `result_publications_contest_idx` ON `result_publications` (`contest_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `result_publications_one_reveal` ON `result_publications` (`contest_id`) WHERE "result_publications"."kind" = 'reveal';