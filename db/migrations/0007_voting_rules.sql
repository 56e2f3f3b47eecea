-- The ballot rules, guaranteed by the database as well as by checkBallot (docs/decisions/007-ballot-secrecy.md):
-- stickers are a JSON list of idea ids, at least one, at most the contest's N, no idea twice unless the
-- contest allows stacking, and every idea shortlisted in this contest. A ballot never moves to another
-- contest or channel. Hand-written: drizzle-kit does not generate triggers.
CREATE TRIGGER `ballots_rules_insert` BEFORE INSERT ON `ballots`
BEGIN
  SELECT RAISE(ABORT, 'ballot: stickers must be a JSON list of idea ids')
    WHERE json_valid(NEW.stickers) = 0 OR json_type(NEW.stickers) <> 'array'
       OR EXISTS (SELECT 1 FROM json_each(NEW.stickers) WHERE type <> 'integer');
  SELECT RAISE(ABORT, 'ballot: empty')
    WHERE json_array_length(NEW.stickers) = 0;
  SELECT RAISE(ABORT, 'ballot: too many stickers')
    WHERE json_array_length(NEW.stickers) > (SELECT votes_per_resident FROM contests WHERE id = NEW.contest_id);
  SELECT RAISE(ABORT, 'ballot: stacking not allowed')
    WHERE (SELECT allow_stacking FROM contests WHERE id = NEW.contest_id) = 0
      AND (SELECT count(DISTINCT value) FROM json_each(NEW.stickers)) < json_array_length(NEW.stickers);
  SELECT RAISE(ABORT, 'ballot: idea not on this ballot')
    WHERE EXISTS (SELECT 1 FROM json_each(NEW.stickers) AS s
                  WHERE NOT EXISTS (SELECT 1 FROM ideas AS i
                                    WHERE i.id = s.value AND i.contest_id = NEW.contest_id
                                      AND i.status = 'shortlisted'));
END;
--> statement-breakpoint
CREATE TRIGGER `ballots_rules_update` BEFORE UPDATE OF stickers, contest_id, channel ON `ballots`
BEGIN
  SELECT RAISE(ABORT, 'ballot: only stickers can change')
    WHERE NEW.contest_id <> OLD.contest_id OR NEW.channel <> OLD.channel;
  SELECT RAISE(ABORT, 'ballot: stickers must be a JSON list of idea ids')
    WHERE json_valid(NEW.stickers) = 0 OR json_type(NEW.stickers) <> 'array'
       OR EXISTS (SELECT 1 FROM json_each(NEW.stickers) WHERE type <> 'integer');
  SELECT RAISE(ABORT, 'ballot: empty')
    WHERE json_array_length(NEW.stickers) = 0;
  SELECT RAISE(ABORT, 'ballot: too many stickers')
    WHERE json_array_length(NEW.stickers) > (SELECT votes_per_resident FROM contests WHERE id = NEW.contest_id);
  SELECT RAISE(ABORT, 'ballot: stacking not allowed')
    WHERE (SELECT allow_stacking FROM contests WHERE id = NEW.contest_id) = 0
      AND (SELECT count(DISTINCT value) FROM json_each(NEW.stickers)) < json_array_length(NEW.stickers);
  SELECT RAISE(ABORT, 'ballot: idea not on this ballot')
    WHERE EXISTS (SELECT 1 FROM json_each(NEW.stickers) AS s
                  WHERE NOT EXISTS (SELECT 1 FROM ideas AS i
                                    WHERE i.id = s.value AND i.contest_id = NEW.contest_id
                                      AND i.status = 'shortlisted'));
END;
--> statement-breakpoint
-- Poster counts only for ideas on this contest's ballot.
CREATE TRIGGER `poster_count_lines_idea` BEFORE INSERT ON `poster_count_lines`
BEGIN
  SELECT RAISE(ABORT, 'poster count: idea not on this ballot')
    WHERE NOT EXISTS (SELECT 1 FROM poster_count_entries AS e JOIN ideas AS i ON i.contest_id = e.contest_id
                      WHERE e.id = NEW.entry_id AND i.id = NEW.idea_id AND i.status = 'shortlisted');
END;
--> statement-breakpoint
CREATE TRIGGER `poster_count_resolutions_idea` BEFORE INSERT ON `poster_count_resolutions`
BEGIN
  SELECT RAISE(ABORT, 'poster count: idea not on this ballot')
    WHERE NOT EXISTS (SELECT 1 FROM ideas AS i WHERE i.id = NEW.idea_id AND i.contest_id = NEW.contest_id AND i.status = 'shortlisted');
END;
