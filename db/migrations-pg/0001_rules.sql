-- The database's own guarantees, as SQLite holds them in triggers (migrations 0002, 0004, 0007, 0012 and
-- 0015), in PostgreSQL's words (ADR 027). Same rules, same messages: the app reads a refusal the same way
-- on both. Counting rules (five photos, the shortlist's size, an address's cap) hold under concurrent
-- writers because every write transaction runs SERIALIZABLE on PostgreSQL.

ALTER TABLE "contests" ADD CONSTRAINT "contests_retention_range" CHECK ("retention_days" BETWEEN 30 AND 3650);
--> statement-breakpoint

CREATE FUNCTION wv_idea_photos_max_five() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM idea_photos WHERE idea_id = NEW.idea_id) >= 5 THEN
    RAISE EXCEPTION 'idea_photos_max_five';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER idea_photos_max_five BEFORE INSERT ON idea_photos FOR EACH ROW EXECUTE FUNCTION wv_idea_photos_max_five();
--> statement-breakpoint

-- Jury (0004): scores only by the contest's own jurors, on handed-in ideas, on the contest's criteria,
-- never with a declared conflict, never after the decision closed.
CREATE FUNCTION wv_jury_decision_closed(contest bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM jury_rounds WHERE contest_id = contest AND decision_closed_at IS NOT NULL)
$$;
--> statement-breakpoint
CREATE FUNCTION wv_is_juror(juror text, contest bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM role_assignments WHERE user_id = juror AND role = 'jurylid' AND contest_id = contest)
$$;
--> statement-breakpoint
CREATE FUNCTION wv_jury_scores_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.contest_id <> OLD.contest_id OR NEW.idea_id <> OLD.idea_id
      OR NEW.juror_user_id <> OLD.juror_user_id OR NEW.criterion_id <> OLD.criterion_id) THEN
    RAISE EXCEPTION 'jury score: only the score can change';
  END IF;
  IF EXISTS (SELECT 1 FROM jury_conflicts WHERE idea_id = NEW.idea_id AND juror_user_id = NEW.juror_user_id) THEN
    RAISE EXCEPTION 'jury score: conflict of interest declared';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NOT wv_is_juror(NEW.juror_user_id, NEW.contest_id) THEN
      RAISE EXCEPTION 'jury score: not a juror of this contest';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM ideas WHERE id = NEW.idea_id AND contest_id = NEW.contest_id AND status IN ('submitted', 'shortlisted')) THEN
      RAISE EXCEPTION 'jury score: idea not handed in for this contest';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM jury_criteria WHERE id = NEW.criterion_id AND contest_id = NEW.contest_id) THEN
      RAISE EXCEPTION 'jury score: criterion of another contest';
    END IF;
  END IF;
  IF wv_jury_decision_closed(NEW.contest_id) THEN
    RAISE EXCEPTION 'jury score: the decision is closed';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER jury_scores_rules BEFORE INSERT OR UPDATE ON jury_scores FOR EACH ROW EXECUTE FUNCTION wv_jury_scores_rules();
--> statement-breakpoint
CREATE FUNCTION wv_jury_conflicts_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT wv_is_juror(NEW.juror_user_id, NEW.contest_id) THEN
    RAISE EXCEPTION 'jury conflict: not a juror of this contest';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM ideas WHERE id = NEW.idea_id AND contest_id = NEW.contest_id) THEN
    RAISE EXCEPTION 'jury conflict: idea of another contest';
  END IF;
  IF wv_jury_decision_closed(NEW.contest_id) THEN
    RAISE EXCEPTION 'jury conflict: the decision is closed';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER jury_conflicts_rules_insert BEFORE INSERT ON jury_conflicts FOR EACH ROW EXECUTE FUNCTION wv_jury_conflicts_rules();
--> statement-breakpoint
-- A declared conflict takes the juror's scores and comment on that idea away: they must never count.
CREATE FUNCTION wv_jury_conflicts_clear_scores() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM jury_scores WHERE idea_id = NEW.idea_id AND juror_user_id = NEW.juror_user_id;
  DELETE FROM jury_comments WHERE idea_id = NEW.idea_id AND juror_user_id = NEW.juror_user_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER jury_conflicts_clear_scores AFTER INSERT ON jury_conflicts FOR EACH ROW EXECUTE FUNCTION wv_jury_conflicts_clear_scores();
--> statement-breakpoint
CREATE FUNCTION wv_jury_decisions_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF wv_jury_decision_closed(OLD.contest_id) THEN
      RAISE EXCEPTION 'jury decision: the decision is closed';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' AND NOT EXISTS (SELECT 1 FROM ideas WHERE id = NEW.idea_id AND contest_id = NEW.contest_id) THEN
    RAISE EXCEPTION 'jury decision: idea of another contest';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.idea_id <> OLD.idea_id OR NEW.contest_id <> OLD.contest_id THEN
      RAISE EXCEPTION 'jury decision: the idea and contest cannot change';
    END IF;
  END IF;
  IF wv_jury_decision_closed(NEW.contest_id) THEN
    RAISE EXCEPTION 'jury decision: the decision is closed';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- As in SQLite, an update that sets other columns only (when the answer was mailed) is not the decision's.
CREATE TRIGGER jury_decisions_rules BEFORE INSERT OR UPDATE OF idea_id, contest_id, outcome, motivation OR DELETE ON jury_decisions FOR EACH ROW EXECUTE FUNCTION wv_jury_decisions_rules();
--> statement-breakpoint
CREATE FUNCTION wv_jury_decisions_max() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.outcome = 'shortlisted'
    AND (SELECT count(*) FROM jury_decisions WHERE contest_id = NEW.contest_id AND outcome = 'shortlisted')
      > coalesce((SELECT max_shortlist FROM contests WHERE id = NEW.contest_id), 1000000000) THEN
    RAISE EXCEPTION 'jury decision: more shortlisted ideas than max_shortlist';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER jury_decisions_max AFTER INSERT OR UPDATE OF outcome ON jury_decisions FOR EACH ROW EXECUTE FUNCTION wv_jury_decisions_max();
--> statement-breakpoint

-- Ballots (0007): a JSON list of whole idea ids, not empty, at most the contest's stickers, stacked only
-- where the contest allows it, and only ideas on this contest's ballot (shortlisted).
CREATE FUNCTION wv_ballots_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stickers jsonb;
  contest contests%ROWTYPE;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.contest_id <> OLD.contest_id OR NEW.channel <> OLD.channel) THEN
    RAISE EXCEPTION 'ballot: only stickers can change';
  END IF;
  BEGIN
    stickers := NEW.stickers::jsonb;
  EXCEPTION WHEN others THEN
    RAISE EXCEPTION 'ballot: stickers must be a JSON list of idea ids';
  END;
  IF jsonb_typeof(stickers) <> 'array'
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(stickers) AS s(v)
               WHERE jsonb_typeof(s.v) <> 'number' OR s.v::text ~ '[.eE]') THEN
    RAISE EXCEPTION 'ballot: stickers must be a JSON list of idea ids';
  END IF;
  IF jsonb_array_length(stickers) = 0 THEN
    RAISE EXCEPTION 'ballot: empty';
  END IF;
  SELECT * INTO contest FROM contests WHERE id = NEW.contest_id;
  IF jsonb_array_length(stickers) > contest.votes_per_resident THEN
    RAISE EXCEPTION 'ballot: too many stickers';
  END IF;
  IF contest.allow_stacking = 0
    AND (SELECT count(DISTINCT s.v) FROM jsonb_array_elements(stickers) AS s(v)) < jsonb_array_length(stickers) THEN
    RAISE EXCEPTION 'ballot: stacking not allowed';
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements_text(stickers) AS s(id)
             WHERE NOT EXISTS (SELECT 1 FROM ideas AS i
                               WHERE i.id = s.id::bigint AND i.contest_id = NEW.contest_id AND i.status = 'shortlisted')) THEN
    RAISE EXCEPTION 'ballot: idea not on this ballot';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ballots_rules BEFORE INSERT OR UPDATE OF stickers, contest_id, channel ON ballots FOR EACH ROW EXECUTE FUNCTION wv_ballots_rules();
--> statement-breakpoint
CREATE FUNCTION wv_poster_count_lines_idea() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM poster_count_entries AS e JOIN ideas AS i ON i.contest_id = e.contest_id
                 WHERE e.id = NEW.entry_id AND i.id = NEW.idea_id AND i.status = 'shortlisted') THEN
    RAISE EXCEPTION 'poster count: idea not on this ballot';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER poster_count_lines_idea BEFORE INSERT ON poster_count_lines FOR EACH ROW EXECUTE FUNCTION wv_poster_count_lines_idea();
--> statement-breakpoint
CREATE FUNCTION wv_poster_count_resolutions_idea() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ideas AS i WHERE i.id = NEW.idea_id AND i.contest_id = NEW.contest_id AND i.status = 'shortlisted') THEN
    RAISE EXCEPTION 'poster count: idea not on this ballot';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER poster_count_resolutions_idea BEFORE INSERT ON poster_count_resolutions FOR EACH ROW EXECUTE FUNCTION wv_poster_count_resolutions_idea();
--> statement-breakpoint

-- One resident, one set of stickers (0015): an address on the list votes at most as often as people live
-- there; an account vote carries its email key; a code votes for its own address; who voted never changes.
CREATE FUNCTION wv_voter_register_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.address_key IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM eligible_addresses WHERE contest_id = NEW.contest_id AND address_key = NEW.address_key) THEN
      RAISE EXCEPTION 'register: address not on the list';
    END IF;
    IF (SELECT count(*) FROM voter_register WHERE contest_id = NEW.contest_id AND address_key = NEW.address_key AND invalidated_at IS NULL)
       >= (SELECT voters FROM eligible_addresses WHERE contest_id = NEW.contest_id AND address_key = NEW.address_key) THEN
      RAISE EXCEPTION 'register: address at its cap';
    END IF;
  END IF;
  IF NEW.method = 'account' AND NEW.email_key IS NULL THEN
    RAISE EXCEPTION 'register: an account vote needs its email key';
  END IF;
  IF NEW.method = 'account' AND NEW.address_key IS NULL
    AND (SELECT account_check FROM contests WHERE id = NEW.contest_id) = 'address-list' THEN
    RAISE EXCEPTION 'register: this contest checks addresses';
  END IF;
  IF NEW.voting_code_id IS NOT NULL
    AND NEW.address_key IS DISTINCT FROM (SELECT address_key FROM voting_codes WHERE id = NEW.voting_code_id) THEN
    RAISE EXCEPTION 'register: a code votes for its own address';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER voter_register_rules BEFORE INSERT ON voter_register FOR EACH ROW EXECUTE FUNCTION wv_voter_register_rules();
--> statement-breakpoint
CREATE FUNCTION wv_voter_register_identity_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'register: who voted does not change';
END $$;
--> statement-breakpoint
CREATE TRIGGER voter_register_identity_fixed BEFORE UPDATE OF contest_id, method, user_id, voting_code_id, email_key, address_key ON voter_register
  FOR EACH ROW EXECUTE FUNCTION wv_voter_register_identity_fixed();
