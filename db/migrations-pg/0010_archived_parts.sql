ALTER TABLE "archived_ideas" ADD COLUMN "buurt_id" bigint;--> statement-breakpoint
ALTER TABLE "archived_ideas" ADD COLUMN "category_id" bigint;--> statement-breakpoint
ALTER TABLE "archived_ideas" ADD CONSTRAINT "archived_ideas_buurt_id_idea_buurten_id_fk" FOREIGN KEY ("buurt_id") REFERENCES "public"."idea_buurten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_ideas" ADD CONSTRAINT "archived_ideas_category_id_idea_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."idea_categories"("id") ON DELETE no action ON UPDATE no action;