import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { organisations, supporters, type Supporter } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { SupporterValues } from "./schemas";

// The directory of supporters per municipality (issue 8): informal networks and professionals that
// take on ideas in aftercare. Every organisation in the municipality shares it.

export async function listSupporters(municipalityIds: readonly number[], options: { activeOnly?: boolean } = {}): Promise<Supporter[]> {
  if (municipalityIds.length === 0) return [];
  const where = inArray(supporters.municipalityId, [...municipalityIds]);
  return many(
    getDb()
      .select()
      .from(supporters)
      .where(options.activeOnly ? and(where, eq(supporters.active, true)) : where)
      .orderBy(asc(supporters.name), asc(supporters.id)),
  );
}

/** The supporters a contest's organisers can refer its ideas to: the active ones in its organisation's municipality. */
export async function supportersForOrganisation(organisationId: number): Promise<Supporter[]> {
  const org = await one(getDb().select({ municipalityId: organisations.municipalityId }).from(organisations).where(eq(organisations.id, organisationId)));
  return org ? listSupporters([org.municipalityId], { activeOnly: true }) : [];
}

function row(values: SupporterValues) {
  return { name: values.name, kind: values.kind, topics: values.topics, contact: values.contact, website: values.website ?? null };
}

/** Adds a supporter to the municipality's directory; logged, as every organiser action. */
export async function addSupporter(input: { municipalityId: number; values: SupporterValues; actor: { userId: string }; now: number }): Promise<number> {
  return transact(getDb(), async (tx) => {
    const id = (
      await one(
        tx
          .insert(supporters)
          .values({ municipalityId: input.municipalityId, ...row(input.values), createdAt: input.now, updatedAt: input.now })
          .returning({ id: supporters.id }),
      )
    ).id;
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: null,
      action: "aftercare.supporter-added",
      subject: input.values.name,
      after: row(input.values),
      at: input.now,
    });
    return id;
  });
}

/** Changes a supporter of this municipality, logged with before and after; false when it is not one of its supporters. */
export async function updateSupporter(input: {
  municipalityId: number;
  supporterId: number;
  values: SupporterValues;
  active: boolean;
  actor: { userId: string };
  now: number;
}): Promise<boolean> {
  return transact(getDb(), async (tx) => {
    const mine = and(eq(supporters.id, input.supporterId), eq(supporters.municipalityId, input.municipalityId));
    const before = await one(tx.select().from(supporters).where(mine));
    if (!before) return false;
    await run(
      tx
        .update(supporters)
        .set({ ...row(input.values), active: input.active, updatedAt: input.now })
        .where(mine),
    );
    const { name, kind, topics, contact, website, active } = before;
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: null,
      action: "aftercare.supporter-changed",
      subject: input.values.name,
      before: { name, kind, topics, contact, website, active },
      after: { ...row(input.values), active: input.active },
      at: input.now,
    });
    return true;
  });
}
