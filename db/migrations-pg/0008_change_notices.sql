-- Several app servers on one database (ADR 027 §4, ADR 023): each server keeps caches of what the
-- database holds (the anonymous pages, the public idea list) and must hear when another server changed
-- anything. SQLite tells the one process through PRAGMA data_version; PostgreSQL has no such counter, so
-- every table announces its changes on the channel wijkvonk_changed, which each server LISTENs to
-- (db/pg/change-listener.server.ts).
--
-- A statement-level trigger: one call per statement, not per row. pg_notify is delivered at commit and
-- not at all on rollback, and identical notices of one transaction are folded into one, so a vote that
-- writes six tables costs one notice per distinct payload. The payload is the transaction's
-- `wijkvonk.change` setting (set_config(..., true)): 'vote' for a vote, which the page cache leaves
-- alone on every server as it does on one (ADR 023); empty for everything else.
CREATE FUNCTION wv_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('wijkvonk_changed', coalesce(current_setting('wijkvonk.change', true), ''));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A table made by a later migration calls this for itself (tests/postgres/change-version.test.ts
-- fails for a table without the trigger).
CREATE FUNCTION wv_announce_changes_of(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER wv_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION wv_announce_change()', target);
END $$;
--> statement-breakpoint
SELECT wv_announce_changes_of(format('%I.%I', schemaname, tablename)::regclass) FROM pg_tables WHERE schemaname = current_schema();
