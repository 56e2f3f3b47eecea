import { afterAll, beforeAll } from "vitest";
import { openPostgres, type PostgresDatabase } from "~db/pg/client.server";
import { describeLeaseContract } from "../support/lease-contract";
import { usePostgresDatabase } from "./database";

// Two app servers on one PostgreSQL database: two pools of their own, asking for the same lease at once.
const server = usePostgresDatabase({ migrated: false });
let a: PostgresDatabase | undefined;
let b: PostgresDatabase | undefined;
beforeAll(async () => {
  a = await openPostgres(server.url(), { connections: 4 });
  b = await openPostgres(server.url(), { connections: 4 });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describeLeaseContract("PostgreSQL", () => ({ a: a!.db, b: b!.db }));
