import { constants, accessSync } from "node:fs";
import { getDb } from "~db/client.server";
import { getEnv } from "./env.server";

export type Health = { status: "ok" | "read-only" | "down"; checkedAt: string };

/**
 * For /healthz (a load balancer or monitor): can we read the database, and can we write it? A
 * database we can only read cannot take votes, so it is not healthy, and says why.
 */
export function checkHealth(now: number = Date.now()): Health {
  const checkedAt = new Date(now).toISOString();
  try {
    getDb().$client.prepare("SELECT 1").get();
  } catch {
    return { status: "down", checkedAt };
  }
  try {
    accessSync(getEnv().databasePath, constants.W_OK);
  } catch {
    return { status: "read-only", checkedAt };
  }
  return { status: "ok", checkedAt };
}
