ALTER TABLE `organisations` ADD `logo_key` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `accent_colour` text;--> statement-breakpoint
CREATE TRIGGER `organisations_accent_hex_insert` BEFORE INSERT ON `organisations`
  WHEN NEW.accent_colour IS NOT NULL AND NOT (length(NEW.accent_colour) = 7 AND NEW.accent_colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')
BEGIN
  SELECT RAISE(ABORT, 'organisations: accent colour is not #rrggbb');
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_accent_hex_update` BEFORE UPDATE OF accent_colour ON `organisations`
  WHEN NEW.accent_colour IS NOT NULL AND NOT (length(NEW.accent_colour) = 7 AND NEW.accent_colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')
BEGIN
  SELECT RAISE(ABORT, 'organisations: accent colour is not #rrggbb');
END;
