-- What several app servers share (ADR 027 §4). No wv_announce_changes_of (0008) for these two tables:
-- no page and no cache reads them, and they are written on every ballot post (vote_post_windows,
-- outside the vote's transaction) and by every server every minute (job_leases); a notice from them
-- would empty every server's page cache on every vote (ADR 023).
CREATE TABLE "job_leases" (
	"job" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" bigint NOT NULL,
	CONSTRAINT "job_leases_holder_length" CHECK (length("job_leases"."holder") BETWEEN 1 AND 64)
);
--> statement-breakpoint
CREATE TABLE "vote_post_windows" (
	"user_id" text PRIMARY KEY NOT NULL,
	"window_started_at" bigint NOT NULL,
	"posts" bigint NOT NULL,
	CONSTRAINT "vote_post_windows_posts" CHECK ("vote_post_windows"."posts" >= 1)
);
--> statement-breakpoint
ALTER TABLE "vote_post_windows" ADD CONSTRAINT "vote_post_windows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;