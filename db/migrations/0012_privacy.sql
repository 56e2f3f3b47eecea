ALTER TABLE `users` ADD `deleted_at` integer;--> statement-breakpoint
-- Hand-edited: the range check sits on the column, so no rebuild of contests (referenced everywhere) is needed.
ALTER TABLE `contests` ADD `retention_days` integer DEFAULT 365 NOT NULL CHECK (`retention_days` BETWEEN 30 AND 3650);--> statement-breakpoint
ALTER TABLE `contests` ADD `personal_data_removed_at` integer;