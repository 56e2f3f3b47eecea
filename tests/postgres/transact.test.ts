import { afterAll, beforeAll } from "vitest";
import type { Db } from "~db/client.server";
import { openPostgres, type PostgresDatabase } from "~db/pg/client.server";
import { describeTransactContract } from "../support/transact-contract";
import { usePostgresDatabase } from "./database";

// The same promises as on SQLite, through the app's own PostgreSQL handle: serialisable transactions,
// retried when PostgreSQL refuses one of two that met (the read-then-write test makes them meet).
const server = usePostgresDatabase({ migrated: false });
let opened: PostgresDatabase | undefined;
beforeAll(async () => {
  opened = await openPostgres(server.url(), { connections: 4 });
});
afterAll(() => opened?.close());

describeTransactContract("PostgreSQL", (): Db => opened!.db);
