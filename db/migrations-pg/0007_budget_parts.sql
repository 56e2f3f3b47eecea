ALTER TABLE "contests" ADD COLUMN "budget_split" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "contests" ADD COLUMN "leftover_policy" text DEFAULT 'fund-what-fits' NOT NULL;--> statement-breakpoint
ALTER TABLE "idea_buurten" ADD COLUMN "budget_euros" bigint;--> statement-breakpoint
ALTER TABLE "idea_categories" ADD COLUMN "budget_euros" bigint;--> statement-breakpoint
ALTER TABLE "idea_buurten" ADD CONSTRAINT "idea_buurten_budget" CHECK ("idea_buurten"."budget_euros" IS NULL OR "idea_buurten"."budget_euros" >= 0);--> statement-breakpoint
ALTER TABLE "idea_categories" ADD CONSTRAINT "idea_categories_budget" CHECK ("idea_categories"."budget_euros" IS NULL OR "idea_categories"."budget_euros" >= 0);