import { asc, count, eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { municipalities, organisations, users } from "~db/schema";

/** What a beheerder sees at a glance: the municipalities, their organisations, and how many accounts there are. */
export function platformOverview() {
  const db = getDb();
  return {
    municipalities: db.select().from(municipalities).orderBy(asc(municipalities.name)).all(),
    organisations: db
      .select({ id: organisations.id, name: organisations.name, municipality: municipalities.name })
      .from(organisations)
      .innerJoin(municipalities, eq(organisations.municipalityId, municipalities.id))
      .orderBy(asc(organisations.name))
      .all(),
    userCount: db.select({ n: count() }).from(users).get()?.n ?? 0,
  };
}
