import { eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contests, organisations, roleAssignments } from "~db/schema";

export type RoleDescription = { role: "organisator" | "jurylid"; scopeName: string; isChair: boolean };

/** The user's roles with the names of what they apply to, for the account page. */
export function describeRoles(userId: string): RoleDescription[] {
  return getDb()
    .select({
      role: roleAssignments.role,
      isChair: roleAssignments.isChair,
      organisationName: organisations.name,
      contestTitle: contests.title,
    })
    .from(roleAssignments)
    .leftJoin(organisations, eq(roleAssignments.organisationId, organisations.id))
    .leftJoin(contests, eq(roleAssignments.contestId, contests.id))
    .where(eq(roleAssignments.userId, userId))
    .all()
    .map((r) => ({ role: r.role, isChair: r.isChair, scopeName: r.organisationName ?? r.contestTitle ?? "" }));
}
