-- An organisation's accent colour is #rrggbb in lower case or nothing (ADR 025), as SQLite's triggers in
-- migration 0018 hold it; same message, so the app reads a refusal the same way on both (ADR 027).
CREATE FUNCTION wv_organisations_accent_hex() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.accent_colour IS NOT NULL AND NEW.accent_colour !~ '^#[0-9a-f]{6}$' THEN
    RAISE EXCEPTION 'organisations: accent colour is not #rrggbb';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_accent_hex BEFORE INSERT OR UPDATE OF accent_colour ON organisations FOR EACH ROW EXECUTE FUNCTION wv_organisations_accent_hex();
