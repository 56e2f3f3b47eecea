import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { areas, municipalities, organisations } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { Actor } from "~/modules/auth/permissions";
import { formatArea, type Area } from "./postcode";

/** The municipalities whose areas this person may manage: those of their organisations (all for a beheerder). */
export async function manageableMunicipalities(actor: NonNullable<Actor>) {
  const db = getDb();
  if (actor.isBeheerder) return many(db.select().from(municipalities).orderBy(asc(municipalities.name)));
  const organisationIds = actor.grants.flatMap((g) => (g.role === "organisator" && g.organisationId !== null ? [g.organisationId] : []));
  if (organisationIds.length === 0) return [];
  return many(
    db
      .selectDistinct({ id: municipalities.id, name: municipalities.name, slug: municipalities.slug })
      .from(organisations)
      .innerJoin(municipalities, eq(organisations.municipalityId, municipalities.id))
      .where(inArray(organisations.id, organisationIds))
      .orderBy(asc(municipalities.name)),
  );
}

export async function listAreas(municipalityIds: number[]) {
  if (municipalityIds.length === 0) return [];
  return many(getDb().select().from(areas).where(inArray(areas.municipalityId, municipalityIds)).orderBy(asc(areas.name)));
}

export async function areasForOrganisation(organisationId: number) {
  const db = getDb();
  const org = await one(db.select({ municipalityId: organisations.municipalityId }).from(organisations).where(eq(organisations.id, organisationId)));
  return org ? listAreas([org.municipalityId]) : [];
}

/** Adds a wijk or buurt, or replaces the postcodes of an existing one; the postcodes are stored in canonical form. */
export async function saveArea(input: {
  actor: NonNullable<Actor>;
  municipalityId: number;
  areaId?: number;
  name: string;
  kind: "wijk" | "buurt";
  area: Area;
  now: number;
}): Promise<{ ok: true } | { ok: false; reason: "name-taken" | "not-found" }> {
  const db = getDb();
  const postcodes = formatArea(input.area);
  const clash = await one(
    db
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.municipalityId, input.municipalityId), eq(areas.name, input.name), input.areaId ? ne(areas.id, input.areaId) : undefined)),
  );
  if (clash) return { ok: false, reason: "name-taken" };
  return transact(db, async (tx) => {
    if (input.areaId) {
      const before = await one(
        tx
          .select()
          .from(areas)
          .where(and(eq(areas.id, input.areaId), eq(areas.municipalityId, input.municipalityId))),
      );
      if (!before) return { ok: false as const, reason: "not-found" as const };
      await run(tx.update(areas).set({ name: input.name, kind: input.kind, postcodes }).where(eq(areas.id, input.areaId)));
      await writeAudit(tx, {
        userId: input.actor.userId,
        contestId: null,
        action: "area.updated",
        subject: input.name,
        before,
        after: { name: input.name, kind: input.kind, postcodes },
        at: input.now,
      });
    } else {
      await run(tx.insert(areas).values({ municipalityId: input.municipalityId, name: input.name, kind: input.kind, postcodes }));
      await writeAudit(tx, {
        userId: input.actor.userId,
        contestId: null,
        action: "area.created",
        subject: input.name,
        after: { name: input.name, kind: input.kind, postcodes },
        at: input.now,
      });
    }
    return { ok: true as const };
  });
}
