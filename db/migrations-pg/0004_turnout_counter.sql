CREATE TABLE "contest_turnout" (
	"contest_id" bigint NOT NULL,
	"method" text NOT NULL,
	"voters" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "contest_turnout_contest_id_method_pk" PRIMARY KEY("contest_id","method"),
	CONSTRAINT "contest_turnout_voters" CHECK ("contest_turnout"."voters" >= 0)
);
--> statement-breakpoint
ALTER TABLE "contest_turnout" ADD CONSTRAINT "contest_turnout_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;