CREATE TABLE `taakgroepen` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`contest_id` integer NOT NULL,
	`state` text,
	`formed_mail_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
ALTER TABLE `taakgroep_signups` ADD `skills` text CONSTRAINT "taakgroep_signups_skills" CHECK("skills" IS NULL OR length("skills") <= 1000);--> statement-breakpoint
ALTER TABLE `taakgroep_signups` ADD `tags` text;--> statement-breakpoint
ALTER TABLE `taakgroep_signups` ADD `time_available` text CONSTRAINT "taakgroep_signups_time" CHECK("time_available" IS NULL OR length("time_available") <= 200);--> statement-breakpoint
ALTER TABLE `taakgroep_signups` ADD `shares_contact` integer DEFAULT true NOT NULL;
