-- The turnout kept with the register (issue 19), as SQLite's migration 0019 keeps it: counted voters per
-- contest and method, changed in the transaction of each insert, invalidation and deletion of a
-- register row. Who voted and how does not change after the insert (voter_register_identity_fixed).

CREATE FUNCTION wv_voter_register_turnout() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.invalidated_at IS NULL THEN
    UPDATE contest_turnout SET voters = voters - 1 WHERE contest_id = OLD.contest_id AND method = OLD.method;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.invalidated_at IS NULL THEN
    INSERT INTO contest_turnout (contest_id, method, voters) VALUES (NEW.contest_id, NEW.method, 1)
      ON CONFLICT (contest_id, method) DO UPDATE SET voters = contest_turnout.voters + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER voter_register_turnout_insert AFTER INSERT ON voter_register FOR EACH ROW EXECUTE FUNCTION wv_voter_register_turnout();
--> statement-breakpoint
CREATE TRIGGER voter_register_turnout_delete AFTER DELETE ON voter_register FOR EACH ROW EXECUTE FUNCTION wv_voter_register_turnout();
--> statement-breakpoint
CREATE TRIGGER voter_register_turnout_invalidated AFTER UPDATE OF invalidated_at ON voter_register FOR EACH ROW
  WHEN ((OLD.invalidated_at IS NULL) IS DISTINCT FROM (NEW.invalidated_at IS NULL)) EXECUTE FUNCTION wv_voter_register_turnout();
--> statement-breakpoint
INSERT INTO contest_turnout (contest_id, method, voters)
  SELECT contest_id, method, count(*) FROM voter_register WHERE invalidated_at IS NULL GROUP BY contest_id, method;
