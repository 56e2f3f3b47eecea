import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { areas, municipalities, organisations } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { Actor } from "~/modules/auth/permissions";
import { formatArea, type Area } from "./postcode";

/** The municipalities whose areas this person may manage: those of their organisations (all for a beheerder). */
export function manageableMunicipalities(actor: NonNullable<Actor>) {
  const db = getDb();
  if (actor.isBeheerder) return db.select().from(municipalities).orderBy(asc(municipalities.name)).all();
  const organisationIds = actor.grants.flatMap((g) => (g.role === "organisator" && g.organisationId !== null ? [g.organisationId] : []));
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({ id: municipalities.id, name: municipalities.name, slug: municipalities.slug })
    .from(organisations)
    .innerJoin(municipalities, eq(organisations.municipalityId, municipalities.id))
    .where(inArray(organisations.id, organisationIds))
    .orderBy(asc(municipalities.name))
    .all();
}

export function listAreas(municipalityIds: number[]) {
  if (municipalityIds.length === 0) return [];
  return getDb().select().from(areas).where(inArray(areas.municipalityId, municipalityIds)).orderBy(asc(areas.name)).all();
}

export function areasForOrganisation(organisationId: number) {
  const db = getDb();
  const org = db.select({ municipalityId: organisations.municipalityId }).from(organisations).where(eq(organisations.id, organisationId)).get();
  return org ? listAreas([org.municipalityId]) : [];
}

/** Adds a wijk or buurt, or replaces the postcodes of an existing one; the postcodes are stored in canonical form. */
export function saveArea(input: {
  actor: NonNullable<Actor>;
  municipalityId: number;
  areaId?: number;
  name: string;
  kind: "wijk" | "buurt";
  area: Area;
  now: number;
}): { ok: true } | { ok: false; reason: "name-taken" | "not-found" } {
  const db = getDb();
  const postcodes = formatArea(input.area);
  const clash = db
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.municipalityId, input.municipalityId), eq(areas.name, input.name), input.areaId ? ne(areas.id, input.areaId) : undefined))
    .get();
  if (clash) return { ok: false, reason: "name-taken" };
  return db.transaction((tx) => {
    if (input.areaId) {
      const before = tx
        .select()
        .from(areas)
        .where(and(eq(areas.id, input.areaId), eq(areas.municipalityId, input.municipalityId)))
        .get();
      if (!before) return { ok: false as const, reason: "not-found" as const };
      tx.update(areas).set({ name: input.name, kind: input.kind, postcodes }).where(eq(areas.id, input.areaId)).run();
      writeAudit(tx, {
        userId: input.actor.userId,
        contestId: null,
        action: "area.updated",
        subject: input.name,
        before,
        after: { name: input.name, kind: input.kind, postcodes },
        at: input.now,
      });
    } else {
      tx.insert(areas).values({ municipalityId: input.municipalityId, name: input.name, kind: input.kind, postcodes }).run();
      writeAudit(tx, {
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
