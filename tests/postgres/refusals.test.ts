import { afterAll, beforeAll } from "vitest";
import type { Db } from "~db/client.server";
import { openPostgres, type PostgresDatabase } from "~db/pg/client.server";
import { describeRefusals } from "../support/refusals-contract";
import { usePostgresDatabase } from "./database";

// The same refusals as on SQLite, through the app's own PostgreSQL handle (drizzle wraps the driver's error).
const server = usePostgresDatabase({ migrated: false });
let opened: PostgresDatabase | undefined;
beforeAll(async () => {
  opened = await openPostgres(server.url(), { connections: 2 });
});
afterAll(() => opened?.close());

describeRefusals("PostgreSQL", (): Db => opened!.db);
