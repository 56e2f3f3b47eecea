ALTER TABLE `archived_ideas` ADD `buurt_id` integer REFERENCES idea_buurten(id);--> statement-breakpoint
ALTER TABLE `archived_ideas` ADD `category_id` integer REFERENCES idea_categories(id);