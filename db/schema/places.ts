import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const municipalities = sqliteTable(
  "municipalities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
  },
  (t) => [uniqueIndex("municipalities_slug_unique").on(t.slug)],
);
export type Municipality = typeof municipalities.$inferSelect;

// A wijk or buurt, defined by the postcodes it covers (canonical text, see modules/contests/postcode.ts).
export const areas = sqliteTable(
  "areas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["wijk", "buurt"] }).notNull(),
    postcodes: text("postcodes").notNull(),
  },
  (t) => [index("areas_municipality_idx").on(t.municipalityId), uniqueIndex("areas_name_unique").on(t.municipalityId, t.name)],
);
export type Area = typeof areas.$inferSelect;

// Who runs contests: a municipality, a wijkteam or a neighbourhood association.
export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /**
     * The organisation's look on its rounds, letters, posters and ceremony (ADR 025): the storage key of
     * its logo (re-encoded WebP in uploads/organisations) and one accent colour as #rrggbb, checked for
     * contrast with white text when set. NULL keeps the Wijkvonk look. Triggers in 0018 keep the colour's
     * form (a CHECK would make SQLite copy the whole table, which the foreign keys into it forbid).
     */
    logoKey: text("logo_key"),
    accentColour: text("accent_colour"),
  },
  (t) => [uniqueIndex("organisations_slug_unique").on(t.slug)],
);
export type Organisation = typeof organisations.$inferSelect;
