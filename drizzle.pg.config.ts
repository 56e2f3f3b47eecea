import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations (ADR 027), from the tables db/pg/schema.ts makes out of db/schema. After a
// change in db/schema: `npx drizzle-kit generate` (SQLite) and `npx drizzle-kit generate --config drizzle.pg.config.ts`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/migrations-pg",
});
