CREATE TABLE `help_matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`need_id` integer NOT NULL,
	`offer_id` integer NOT NULL,
	`status` text DEFAULT 'voorgesteld' NOT NULL,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`need_id`) REFERENCES `idea_needs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`offer_id`) REFERENCES `help_offers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "help_matches_status" CHECK("help_matches"."status" IN ('voorgesteld', 'afgesproken', 'geleverd', 'vervallen'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `help_matches_unique` ON `help_matches` (`need_id`,`offer_id`);--> statement-breakpoint
CREATE INDEX `help_matches_offer_idx` ON `help_matches` (`offer_id`);--> statement-breakpoint
CREATE TABLE `help_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`offerer_kind` text NOT NULL,
	`user_id` text,
	`supporter_id` integer,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`in_return` text,
	`contact` text NOT NULL,
	`created_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`supporter_id`) REFERENCES `supporters`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "help_offers_offerer_kind" CHECK("help_offers"."offerer_kind" IN ('bewoner', 'ondernemer', 'ondersteuner')),
	CONSTRAINT "help_offers_kind" CHECK("help_offers"."kind" IN ('hulp', 'materiaal', 'gereedschap', 'ruimte')),
	CONSTRAINT "help_offers_name" CHECK(length(trim("help_offers"."name")) BETWEEN 1 AND 120),
	CONSTRAINT "help_offers_description" CHECK(length(trim("help_offers"."description")) BETWEEN 1 AND 1000),
	CONSTRAINT "help_offers_in_return" CHECK("help_offers"."in_return" IS NULL OR length("help_offers"."in_return") <= 300),
	CONSTRAINT "help_offers_contact" CHECK(length(trim("help_offers"."contact")) BETWEEN 1 AND 200),
	CONSTRAINT "help_offers_supporter" CHECK(("help_offers"."offerer_kind" = 'ondersteuner') = ("help_offers"."supporter_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `help_offers_contest_idx` ON `help_offers` (`contest_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `idea_needs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "idea_needs_kind" CHECK("idea_needs"."kind" IN ('hulp', 'materiaal', 'gereedschap', 'ruimte')),
	CONSTRAINT "idea_needs_description" CHECK(length(trim("idea_needs"."description")) BETWEEN 1 AND 300)
);
--> statement-breakpoint
CREATE INDEX `idea_needs_idea_idx` ON `idea_needs` (`idea_id`);--> statement-breakpoint
ALTER TABLE `contests` ADD `amounts_include_vat` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `contests` ADD `previous_edition_id` integer REFERENCES contests(id) ON DELETE SET NULL;