CREATE TABLE `realisation_partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	`left_at` integer,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "realisation_partners_name" CHECK(length(trim("realisation_partners"."name")) BETWEEN 1 AND 120),
	CONSTRAINT "realisation_partners_role" CHECK(length(trim("realisation_partners"."role")) BETWEEN 1 AND 300)
);
--> statement-breakpoint
CREATE INDEX `realisation_partners_idea_idx` ON `realisation_partners` (`idea_id`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notification_opt_outs` (
	`address_key` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`address_key`, `kind`),
	CONSTRAINT "notification_opt_outs_kind" CHECK("__new_notification_opt_outs"."kind" IN ('submitted', 'jury', 'voting', 'results', 'taakgroep', 'reminders', 'reactions')),
	CONSTRAINT "notification_opt_outs_key_length" CHECK(length("__new_notification_opt_outs"."address_key") = 43)
);
--> statement-breakpoint
INSERT INTO `__new_notification_opt_outs`("address_key", "kind", "created_at") SELECT "address_key", "kind", "created_at" FROM `notification_opt_outs`;--> statement-breakpoint
DROP TABLE `notification_opt_outs`;--> statement-breakpoint
ALTER TABLE `__new_notification_opt_outs` RENAME TO `notification_opt_outs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_realisation_tracks` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`contest_id` integer NOT NULL,
	`status` text DEFAULT 'nog-niet-begonnen' NOT NULL,
	`granted_euros` integer,
	`updated_at` integer NOT NULL,
	`reminded_at` integer,
	`municipality_role` text DEFAULT '' NOT NULL,
	`helps` text DEFAULT '' NOT NULL,
	`hinders` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "realisation_tracks_granted" CHECK("__new_realisation_tracks"."granted_euros" IS NULL OR "__new_realisation_tracks"."granted_euros" >= 0),
	CONSTRAINT "realisation_tracks_dashboard" CHECK(length("__new_realisation_tracks"."municipality_role") <= 1000 AND length("__new_realisation_tracks"."helps") <= 1000 AND length("__new_realisation_tracks"."hinders") <= 1000)
);
--> statement-breakpoint
-- Hand-edited: drizzle-kit copied the three new columns, which the old table does not have yet.
INSERT INTO `__new_realisation_tracks`("idea_id", "contest_id", "status", "granted_euros", "updated_at", "reminded_at") SELECT "idea_id", "contest_id", "status", "granted_euros", "updated_at", "reminded_at" FROM `realisation_tracks`;--> statement-breakpoint
DROP TABLE `realisation_tracks`;--> statement-breakpoint
ALTER TABLE `__new_realisation_tracks` RENAME TO `realisation_tracks`;