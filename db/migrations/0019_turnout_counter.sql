CREATE TABLE `contest_turnout` (
	`contest_id` integer NOT NULL,
	`method` text NOT NULL,
	`voters` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`contest_id`, `method`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "contest_turnout_voters" CHECK("contest_turnout"."voters" >= 0)
);
--> statement-breakpoint
-- The counts kept with every change of the register, in the same transaction (issue 19). Who voted
-- and how does not change after the insert (voter_register_identity_fixed): only an invalidation
-- or a deletion takes a voter off the count.
CREATE TRIGGER `voter_register_turnout_insert` AFTER INSERT ON `voter_register` WHEN NEW.invalidated_at IS NULL
BEGIN
  INSERT OR IGNORE INTO contest_turnout (contest_id, method, voters) VALUES (NEW.contest_id, NEW.method, 0);
  UPDATE contest_turnout SET voters = voters + 1 WHERE contest_id = NEW.contest_id AND method = NEW.method;
END;
--> statement-breakpoint
CREATE TRIGGER `voter_register_turnout_delete` AFTER DELETE ON `voter_register` WHEN OLD.invalidated_at IS NULL
BEGIN
  UPDATE contest_turnout SET voters = voters - 1 WHERE contest_id = OLD.contest_id AND method = OLD.method;
END;
--> statement-breakpoint
CREATE TRIGGER `voter_register_turnout_invalidated` AFTER UPDATE OF invalidated_at ON `voter_register`
  WHEN (OLD.invalidated_at IS NULL) <> (NEW.invalidated_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO contest_turnout (contest_id, method, voters) VALUES (NEW.contest_id, NEW.method, 0);
  UPDATE contest_turnout SET voters = voters + (CASE WHEN NEW.invalidated_at IS NULL THEN 1 ELSE -1 END)
    WHERE contest_id = NEW.contest_id AND method = NEW.method;
END;
--> statement-breakpoint
INSERT INTO contest_turnout (contest_id, method, voters)
  SELECT contest_id, method, count(*) FROM voter_register WHERE invalidated_at IS NULL GROUP BY contest_id, method;
