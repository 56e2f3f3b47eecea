CREATE TABLE `vote_post_windows` (
	`user_id` text PRIMARY KEY NOT NULL,
	`window_started_at` integer NOT NULL,
	`posts` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "vote_post_windows_posts" CHECK("vote_post_windows"."posts" >= 1)
);
