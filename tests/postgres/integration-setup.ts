import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../../db/pg/client.server";
import { startPostgres } from "../../scripts/postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database each test file's own is copied from (CREATE DATABASE … TEMPLATE): a copy takes milliseconds, migrating takes a second. */
    postgresTemplate: string;
  }
}

export const TEMPLATE = "wv_template";

// The integration suite on PostgreSQL (vitest.pg-integration.config.ts): one throw-away server, one
// migrated template; tests/support/test-db.ts gives each test file a fresh copy of it.
export default async function setup(project: TestProject) {
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${TEMPLATE}`;
  const template = await openPostgres(url.toString(), { connections: 1 });
  await template.close();
  project.provide("postgresUrl", server.url);
  project.provide("postgresTemplate", TEMPLATE);
  return () => server.stop();
}
