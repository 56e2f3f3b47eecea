CREATE TABLE `contest_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`notified_at` integer,
	`unsubscribed_at` integer,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_subscriptions_unique` ON `contest_subscriptions` (`contest_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `contest_subscriptions_token` ON `contest_subscriptions` (`token_hash`);--> statement-breakpoint
ALTER TABLE `contest_phase_overrides` ADD `next_phase` text;