-- The jury's rules, guaranteed by the database as well as by the code (issue 5, ADR 008).
-- A score: only from a juror of the contest, for a handed-in idea and a criterion of that same
-- contest, never for an idea the juror declared a conflict of interest for, and not once the
-- jury's decision is closed. (Scores 1 to 5 are a CHECK on the table.)
CREATE TRIGGER jury_scores_rules_insert BEFORE INSERT ON jury_scores
BEGIN
  SELECT RAISE(ABORT, 'jury score: conflict of interest declared')
    WHERE EXISTS (SELECT 1 FROM jury_conflicts WHERE idea_id = NEW.idea_id AND juror_user_id = NEW.juror_user_id);
  SELECT RAISE(ABORT, 'jury score: not a juror of this contest')
    WHERE NOT EXISTS (SELECT 1 FROM role_assignments WHERE user_id = NEW.juror_user_id AND role = 'jurylid' AND contest_id = NEW.contest_id);
  SELECT RAISE(ABORT, 'jury score: idea not handed in for this contest')
    WHERE NOT EXISTS (SELECT 1 FROM ideas WHERE id = NEW.idea_id AND contest_id = NEW.contest_id AND status IN ('submitted', 'shortlisted'));
  SELECT RAISE(ABORT, 'jury score: criterion of another contest')
    WHERE NOT EXISTS (SELECT 1 FROM jury_criteria WHERE id = NEW.criterion_id AND contest_id = NEW.contest_id);
  SELECT RAISE(ABORT, 'jury score: the decision is closed')
    WHERE EXISTS (SELECT 1 FROM jury_rounds WHERE contest_id = NEW.contest_id AND decision_closed_at IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER jury_scores_rules_update BEFORE UPDATE ON jury_scores
BEGIN
  SELECT RAISE(ABORT, 'jury score: only the score can change')
    WHERE NEW.contest_id <> OLD.contest_id OR NEW.idea_id <> OLD.idea_id OR NEW.juror_user_id <> OLD.juror_user_id OR NEW.criterion_id <> OLD.criterion_id;
  SELECT RAISE(ABORT, 'jury score: conflict of interest declared')
    WHERE EXISTS (SELECT 1 FROM jury_conflicts WHERE idea_id = NEW.idea_id AND juror_user_id = NEW.juror_user_id);
  SELECT RAISE(ABORT, 'jury score: the decision is closed')
    WHERE EXISTS (SELECT 1 FROM jury_rounds WHERE contest_id = NEW.contest_id AND decision_closed_at IS NOT NULL);
END;
--> statement-breakpoint
-- A conflict: of a juror of the contest, for an idea of that contest, not after the decision. The
-- juror's scores and comment for that idea go: they must never count.
CREATE TRIGGER jury_conflicts_rules_insert BEFORE INSERT ON jury_conflicts
BEGIN
  SELECT RAISE(ABORT, 'jury conflict: not a juror of this contest')
    WHERE NOT EXISTS (SELECT 1 FROM role_assignments WHERE user_id = NEW.juror_user_id AND role = 'jurylid' AND contest_id = NEW.contest_id);
  SELECT RAISE(ABORT, 'jury conflict: idea of another contest')
    WHERE NOT EXISTS (SELECT 1 FROM ideas WHERE id = NEW.idea_id AND contest_id = NEW.contest_id);
  SELECT RAISE(ABORT, 'jury conflict: the decision is closed')
    WHERE EXISTS (SELECT 1 FROM jury_rounds WHERE contest_id = NEW.contest_id AND decision_closed_at IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER jury_conflicts_clear_scores AFTER INSERT ON jury_conflicts
BEGIN
  DELETE FROM jury_scores WHERE idea_id = NEW.idea_id AND juror_user_id = NEW.juror_user_id;
  DELETE FROM jury_comments WHERE idea_id = NEW.idea_id AND juror_user_id = NEW.juror_user_id;
END;
--> statement-breakpoint
-- Decisions: for an idea of the contest, only while the decision is open, and never more ideas on
-- the shortlist than the contest's max_shortlist.
CREATE TRIGGER jury_decisions_rules_insert BEFORE INSERT ON jury_decisions
BEGIN
  SELECT RAISE(ABORT, 'jury decision: idea of another contest')
    WHERE NOT EXISTS (SELECT 1 FROM ideas WHERE id = NEW.idea_id AND contest_id = NEW.contest_id);
  SELECT RAISE(ABORT, 'jury decision: the decision is closed')
    WHERE EXISTS (SELECT 1 FROM jury_rounds WHERE contest_id = NEW.contest_id AND decision_closed_at IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER jury_decisions_rules_update BEFORE UPDATE OF idea_id, contest_id, outcome, motivation ON jury_decisions
BEGIN
  SELECT RAISE(ABORT, 'jury decision: the idea and contest cannot change')
    WHERE NEW.idea_id <> OLD.idea_id OR NEW.contest_id <> OLD.contest_id;
  SELECT RAISE(ABORT, 'jury decision: the decision is closed')
    WHERE EXISTS (SELECT 1 FROM jury_rounds WHERE contest_id = NEW.contest_id AND decision_closed_at IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER jury_decisions_rules_delete BEFORE DELETE ON jury_decisions
BEGIN
  SELECT RAISE(ABORT, 'jury decision: the decision is closed')
    WHERE EXISTS (SELECT 1 FROM jury_rounds WHERE contest_id = OLD.contest_id AND decision_closed_at IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER jury_decisions_max_insert AFTER INSERT ON jury_decisions WHEN NEW.outcome = 'shortlisted'
BEGIN
  SELECT RAISE(ABORT, 'jury decision: more shortlisted ideas than max_shortlist')
    WHERE (SELECT count(*) FROM jury_decisions WHERE contest_id = NEW.contest_id AND outcome = 'shortlisted')
        > coalesce((SELECT max_shortlist FROM contests WHERE id = NEW.contest_id), 1000000000);
END;
--> statement-breakpoint
CREATE TRIGGER jury_decisions_max_update AFTER UPDATE OF outcome ON jury_decisions WHEN NEW.outcome = 'shortlisted'
BEGIN
  SELECT RAISE(ABORT, 'jury decision: more shortlisted ideas than max_shortlist')
    WHERE (SELECT count(*) FROM jury_decisions WHERE contest_id = NEW.contest_id AND outcome = 'shortlisted')
        > coalesce((SELECT max_shortlist FROM contests WHERE id = NEW.contest_id), 1000000000);
END;
