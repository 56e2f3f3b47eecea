import { many, run } from "~db/query.server";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contests, organisations, roleAssignments, users } from "~db/schema";
import type { Locale } from "~/lib/i18n/core";

export type RoleDescription = { role: "organisator" | "jurylid"; scopeName: string; isChair: boolean };

/** The user's roles with the names of what they apply to, for the account page. */
export async function describeRoles(userId: string): Promise<RoleDescription[]> {
  return (
    await many(
      getDb()
        .select({
          role: roleAssignments.role,
          isChair: roleAssignments.isChair,
          organisationName: organisations.name,
          contestTitle: contests.title,
        })
        .from(roleAssignments)
        .leftJoin(organisations, eq(roleAssignments.organisationId, organisations.id))
        .leftJoin(contests, eq(roleAssignments.contestId, contests.id))
        .where(eq(roleAssignments.userId, userId)),
    )
  ).map((r) => ({ role: r.role, isChair: r.isChair, scopeName: r.organisationName ?? r.contestTitle ?? "" }));
}

type Tx = ReturnType<typeof getDb>;

export type JurorRow = { userId: string; name: string; email: string; locale: Locale; isChair: boolean; since: number };

/** The jury of a contest: every jurylid role with the person's name, email and language, chair first. */
export async function listJurors(contestId: number): Promise<JurorRow[]> {
  return (
    await many(
      getDb()
        .select({
          userId: users.id,
          name: users.name,
          email: users.email,
          locale: users.locale,
          isChair: roleAssignments.isChair,
          createdAt: roleAssignments.createdAt,
        })
        .from(roleAssignments)
        .innerJoin(users, eq(roleAssignments.userId, users.id))
        .where(and(eq(roleAssignments.role, "jurylid"), eq(roleAssignments.contestId, contestId))),
    )
  )
    .map((r) => ({ userId: r.userId, name: r.name, email: r.email, locale: r.locale, isChair: r.isChair, since: r.createdAt.getTime() }))
    .sort((a, b) => Number(b.isChair) - Number(a.isChair) || a.name.localeCompare(b.name, "nl"));
}

/**
 * Makes a user a juror of a contest (the jury feature's accepted invitation), inside the caller's
 * transaction. Accepting again, or as chair after being a juror, updates the one role row.
 */
export async function grantJuror(tx: Tx, input: { userId: string; contestId: number; isChair: boolean; now: number }): Promise<void> {
  await run(
    tx
      .insert(roleAssignments)
      .values({ userId: input.userId, role: "jurylid", contestId: input.contestId, isChair: input.isChair, createdAt: new Date(input.now) })
      .onConflictDoUpdate({
        target: [roleAssignments.userId, roleAssignments.role, roleAssignments.contestId],
        targetWhere: sql`contest_id IS NOT NULL`,
        // Truth values are the integers 0 and 1 on both databases (ADR 027): PostgreSQL has no OR on integers.
        set: { isChair: sql`CASE WHEN ${roleAssignments.isChair} = 1 OR excluded.is_chair = 1 THEN 1 ELSE 0 END` },
      }),
  );
}

/** Ends a user's jurylid role for one contest, inside the caller's transaction; false when there was none. */
export async function revokeJuror(tx: Tx, input: { userId: string; contestId: number }): Promise<boolean> {
  return (
    (
      await run(
        tx
          .delete(roleAssignments)
          .where(and(eq(roleAssignments.userId, input.userId), eq(roleAssignments.role, "jurylid"), eq(roleAssignments.contestId, input.contestId))),
      )
    ).changes > 0
  );
}
