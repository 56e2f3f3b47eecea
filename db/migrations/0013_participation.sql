CREATE TABLE `participation_counts` (
	`contest_id` integer NOT NULL,
	`moment` text NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`published` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`contest_id`, `moment`, `question`, `answer`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_counts_moment" CHECK("participation_counts"."moment" IN ('stemmen', 'indienen')),
	CONSTRAINT "participation_counts_question" CHECK("participation_counts"."question" IN ('antwoorden', 'leeftijd', 'buurt', 'eerste-keer')),
	CONSTRAINT "participation_counts_answer" CHECK(length("participation_counts"."answer") BETWEEN 1 AND 20),
	CONSTRAINT "participation_counts_range" CHECK("participation_counts"."published" BETWEEN 0 AND "participation_counts"."count")
);
--> statement-breakpoint
CREATE TABLE `participation_residents` (
	`contest_id` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`residents` integer NOT NULL,
	PRIMARY KEY(`contest_id`, `kind`, `key`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_residents_kind" CHECK("participation_residents"."kind" IN ('buurt', 'leeftijd')),
	CONSTRAINT "participation_residents_range" CHECK("participation_residents"."residents" BETWEEN 0 AND 10000000)
);
--> statement-breakpoint
CREATE TABLE `participation_used_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`contest_id` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_used_tokens_hash" CHECK(length("participation_used_tokens"."token_hash") = 64)
);
