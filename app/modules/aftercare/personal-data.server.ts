import { many } from "~db/query.server";
import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { ideas, realisationUpdates } from "~db/schema";

// News the account wrote on realisation tracks, for the AVG export. It stays public after the account
// is deleted (the idea's story), shown without an author as always.

export async function aftercarePersonalData(db: Db, userId: string) {
  return many(
    db
      .select({ idea: ideas.title, text: realisationUpdates.text, createdAt: realisationUpdates.createdAt })
      .from(realisationUpdates)
      .innerJoin(ideas, eq(realisationUpdates.ideaId, ideas.id))
      .where(eq(realisationUpdates.authorUserId, userId)),
  );
}
