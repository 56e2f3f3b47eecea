import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { asc, count, eq, like } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { municipalities, organisations, users } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { freeSlug, slugify } from "~/lib/slug";

/** What a beheerder sees at a glance: the municipalities, their organisations, and how many accounts there are. */
export async function platformOverview() {
  const db = getDb();
  return {
    municipalities: await many(db.select().from(municipalities).orderBy(asc(municipalities.name))),
    organisations: await many(
      db
        .select({ id: organisations.id, name: organisations.name, municipality: municipalities.name })
        .from(organisations)
        .innerJoin(municipalities, eq(organisations.municipalityId, municipalities.id))
        .orderBy(asc(organisations.name)),
    ),
    userCount: (await one(db.select({ n: count() }).from(users)))?.n ?? 0,
  };
}

/**
 * A new organisation in a municipality (a wijkteam, a department), by a beheerder; its first organiser
 * is added on the team page. The slug comes from the name, made unique with a number. Logged.
 */
export async function createOrganisation(input: {
  name: string;
  municipalityId: number;
  actor: { userId: string };
  now: number;
}): Promise<{ ok: true } | { ok: false; reason: "no-municipality" }> {
  return transact(getDb(), async (tx) => {
    if (!(await one(tx.select().from(municipalities).where(eq(municipalities.id, input.municipalityId)))))
      return { ok: false as const, reason: "no-municipality" as const };
    const base = slugify(input.name, "organisatie");
    const slug = freeSlug(
      base,
      new Set(
        (
          await many(
            tx
              .select({ slug: organisations.slug })
              .from(organisations)
              .where(like(organisations.slug, `${base}%`)),
          )
        ).map((o) => o.slug),
      ),
    );
    await run(tx.insert(organisations).values({ name: input.name, municipalityId: input.municipalityId, slug }));
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: null,
      action: "platform.organisation-created",
      subject: input.name,
      after: { slug, municipalityId: input.municipalityId },
      at: input.now,
    });
    return { ok: true as const };
  });
}
