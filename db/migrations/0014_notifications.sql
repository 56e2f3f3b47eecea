CREATE TABLE `notice_deliveries` (
	`contest_id` integer NOT NULL,
	`event` text NOT NULL,
	`address_key` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`contest_id`, `event`, `address_key`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notice_deliveries_event" CHECK("notice_deliveries"."event" IN ('voting-open', 'voting-closing', 'results')),
	CONSTRAINT "notice_deliveries_key_length" CHECK(length("notice_deliveries"."address_key") = 43)
);
--> statement-breakpoint
CREATE TABLE `notification_opt_outs` (
	`address_key` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`address_key`, `kind`),
	CONSTRAINT "notification_opt_outs_kind" CHECK("notification_opt_outs"."kind" IN ('submitted', 'jury', 'voting', 'results', 'taakgroep', 'reminders')),
	CONSTRAINT "notification_opt_outs_key_length" CHECK(length("notification_opt_outs"."address_key") = 43)
);
--> statement-breakpoint
ALTER TABLE `dev_mailbox` ADD `headers` text;