CREATE TABLE "vote_post_windows" (
	"user_id" text PRIMARY KEY NOT NULL,
	"window_started_at" bigint NOT NULL,
	"posts" bigint NOT NULL,
	CONSTRAINT "vote_post_windows_posts" CHECK ("vote_post_windows"."posts" >= 1)
);
--> statement-breakpoint
ALTER TABLE "vote_post_windows" ADD CONSTRAINT "vote_post_windows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;