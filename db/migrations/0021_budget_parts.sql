ALTER TABLE `contests` ADD `budget_split` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `contests` ADD `leftover_policy` text DEFAULT 'fund-what-fits' NOT NULL;--> statement-breakpoint
-- Hand-written instead of drizzle-kit's table rebuild (its copy selected the new column from the old
-- table): SQLite adds a column with a CHECK in place, and ideas' foreign keys to these tables stay untouched.
ALTER TABLE `idea_buurten` ADD `budget_euros` integer CONSTRAINT "idea_buurten_budget" CHECK("budget_euros" IS NULL OR "budget_euros" >= 0);--> statement-breakpoint
ALTER TABLE `idea_categories` ADD `budget_euros` integer CONSTRAINT "idea_categories_budget" CHECK("budget_euros" IS NULL OR "budget_euros" >= 0);
