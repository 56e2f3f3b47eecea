import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { organisations, supporters, type Supporter } from "~db/schema";
import type { SupporterValues } from "./schemas";

// The directory of supporters per municipality (issue 8): informal networks and professionals that
// take on ideas in aftercare. Every organisation in the municipality shares it.

export function listSupporters(municipalityIds: readonly number[], options: { activeOnly?: boolean } = {}): Supporter[] {
  if (municipalityIds.length === 0) return [];
  const where = inArray(supporters.municipalityId, [...municipalityIds]);
  return getDb()
    .select()
    .from(supporters)
    .where(options.activeOnly ? and(where, eq(supporters.active, true)) : where)
    .orderBy(asc(supporters.name), asc(supporters.id))
    .all();
}

/** The supporters a contest's organisers can refer its ideas to: the active ones in its organisation's municipality. */
export function supportersForOrganisation(organisationId: number): Supporter[] {
  const org = getDb().select({ municipalityId: organisations.municipalityId }).from(organisations).where(eq(organisations.id, organisationId)).get();
  return org ? listSupporters([org.municipalityId], { activeOnly: true }) : [];
}

function row(values: SupporterValues) {
  return { name: values.name, kind: values.kind, topics: values.topics, contact: values.contact, website: values.website ?? null };
}

export function addSupporter(input: { municipalityId: number; values: SupporterValues; now: number }): number {
  return getDb()
    .insert(supporters)
    .values({ municipalityId: input.municipalityId, ...row(input.values), createdAt: input.now, updatedAt: input.now })
    .returning({ id: supporters.id })
    .get().id;
}

/** Changes a supporter of this municipality; false when it is not one of its supporters. */
export function updateSupporter(input: { municipalityId: number; supporterId: number; values: SupporterValues; active: boolean; now: number }): boolean {
  const result = getDb()
    .update(supporters)
    .set({ ...row(input.values), active: input.active, updatedAt: input.now })
    .where(and(eq(supporters.id, input.supporterId), eq(supporters.municipalityId, input.municipalityId)))
    .run();
  return result.changes === 1;
}
