CREATE TABLE `referral_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`referral_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "referral_events_note" CHECK("referral_events"."note" IS NULL OR length("referral_events"."note") <= 2000)
);
--> statement-breakpoint
CREATE INDEX `referral_events_referral_idx` ON `referral_events` (`referral_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`supporter_id` integer NOT NULL,
	`status` text DEFAULT 'verwezen' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`supporter_id`) REFERENCES `supporters`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_idea_supporter_unique` ON `referrals` (`idea_id`,`supporter_id`);--> statement-breakpoint
CREATE INDEX `referrals_contest_idx` ON `referrals` (`contest_id`);--> statement-breakpoint
CREATE TABLE `supporters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`topics` text DEFAULT '' NOT NULL,
	`contact` text NOT NULL,
	`website` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "supporters_name" CHECK(length(trim("supporters"."name")) BETWEEN 1 AND 120),
	CONSTRAINT "supporters_contact" CHECK(length(trim("supporters"."contact")) BETWEEN 1 AND 200),
	CONSTRAINT "supporters_topics" CHECK(length("supporters"."topics") <= 300),
	CONSTRAINT "supporters_website" CHECK("supporters"."website" IS NULL OR (length("supporters"."website") <= 300 AND "supporters"."website" LIKE 'http%://%'))
);
--> statement-breakpoint
CREATE INDEX `supporters_municipality_idx` ON `supporters` (`municipality_id`,`name`);--> statement-breakpoint
ALTER TABLE `realisation_tracks` ADD `reminded_at` integer;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_realisation_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`author_user_id` text,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`photo_key` text,
	`photo_alt` text,
	`photo_width` integer,
	`photo_height` integer,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "realisation_updates_text" CHECK(length(trim("__new_realisation_updates"."text")) BETWEEN 1 AND 4000),
	CONSTRAINT "realisation_updates_photo" CHECK("__new_realisation_updates"."photo_key" IS NULL OR (length(trim(coalesce("__new_realisation_updates"."photo_alt", ''))) BETWEEN 1 AND 200 AND "__new_realisation_updates"."photo_width" > 0 AND "__new_realisation_updates"."photo_height" > 0))
);
--> statement-breakpoint
-- Hand-edited: drizzle-kit copied the new photo columns too, which do not exist in the old table.
INSERT INTO `__new_realisation_updates`("id", "idea_id", "author_user_id", "text", "created_at") SELECT "id", "idea_id", "author_user_id", "text", "created_at" FROM `realisation_updates`;--> statement-breakpoint
DROP TABLE `realisation_updates`;--> statement-breakpoint
ALTER TABLE `__new_realisation_updates` RENAME TO `realisation_updates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `realisation_updates_idea_idx` ON `realisation_updates` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `realisation_updates_photo_key_unique` ON `realisation_updates` (`photo_key`);