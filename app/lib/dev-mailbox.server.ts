import { desc } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { devMailbox } from "~db/schema";

export function listDevMail(limit = 50) {
  return getDb().select().from(devMailbox).orderBy(desc(devMailbox.id)).limit(limit).all();
}
