import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { organisations, roleAssignments, users } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { log } from "~/lib/log.server";
import { translator } from "~/lib/i18n";
import { sendMail } from "~/lib/mail.server";
import type { Actor } from "./permissions";
import { accountByEmail } from "./users.server";

// The organisers of an organisation (a wijkteam, a municipality's department). Organisers add a
// colleague who has an account, and take one off; a beheerder does the same for any organisation,
// which is how a new organisation gets its first organiser. Some work needs two people (a second
// organiser checks the poster count), so an organisation never loses its last organiser this way.

export type TeamMember = { userId: string; name: string; email: string };

/** The organisations whose team this person may change: all for a beheerder, else those they organise. */
export async function manageableOrganisations(actor: NonNullable<Actor>): Promise<{ id: number; name: string; slug: string }[]> {
  const query = getDb().select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations);
  if (actor.isBeheerder) return many(query.orderBy(asc(organisations.name)));
  const ids = actor.grants.flatMap((g) => (g.role === "organisator" && g.organisationId !== null ? [g.organisationId] : []));
  return ids.length === 0 ? [] : many(query.where(inArray(organisations.id, ids)).orderBy(asc(organisations.name)));
}

export async function listOrganisers(organisationIds: readonly number[]): Promise<(TeamMember & { organisationId: number })[]> {
  if (organisationIds.length === 0) return [];
  return (
    await many(
      getDb()
        .select({ organisationId: roleAssignments.organisationId, userId: users.id, name: users.name, email: users.email })
        .from(roleAssignments)
        .innerJoin(users, eq(roleAssignments.userId, users.id))
        .where(and(eq(roleAssignments.role, "organisator"), inArray(roleAssignments.organisationId, [...organisationIds]), isNull(users.deletedAt)))
        .orderBy(asc(users.name)),
    )
  ).map((r) => ({ ...r, organisationId: r.organisationId! }));
}

export type AddOrganiserResult = { ok: true; name: string } | { ok: false; reason: "no-account" | "already" };

/**
 * Makes the person with this address an organiser of the organisation, at once: they need an account
 * first (the page says so), so nobody gets rights through an address they do not control. Logged, and
 * the person gets a mail with the way to the console.
 */
export async function addOrganiser(input: {
  organisationId: number;
  email: string;
  actor: { userId: string };
  origin: string;
  now: number;
}): Promise<AddOrganiserResult> {
  const db = getDb();
  const email = input.email.trim().toLowerCase();
  const person = await accountByEmail(email);
  if (!person) return { ok: false, reason: "no-account" };
  const organisation = (await one(db.select().from(organisations).where(eq(organisations.id, input.organisationId))))!;
  const added = await transact(db, async (tx) => {
    const values = { userId: person.id, role: "organisator" as const, organisationId: input.organisationId, createdAt: new Date(input.now) };
    if ((await run(tx.insert(roleAssignments).values(values).onConflictDoNothing())).changes === 0) return false;
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: null,
      action: "organisation.organiser-added",
      subject: email,
      after: { organisation: organisation.name },
      at: input.now,
    });
    return true;
  });
  if (!added) return { ok: false, reason: "already" };
  const t = translator(person.locale);
  const params = { name: person.name, organisation: organisation.name, link: `${input.origin}/organiseren` };
  await sendMail({ to: email, subject: t("organise.team.mailSubject", params), text: t("organise.team.mailBody", params) }).catch((error: unknown) =>
    log.error({ err: error, organisationId: input.organisationId }, "mail to a new organiser not sent"),
  );
  return { ok: true, name: person.name };
}

export type RemoveOrganiserResult = { ok: true; name: string } | { ok: false; reason: "not-an-organiser" | "last" };

/** Takes an organiser off the organisation's team (also oneself), never the last one. Logged. */
export async function removeOrganiser(input: {
  organisationId: number;
  userId: string;
  actor: { userId: string };
  now: number;
}): Promise<RemoveOrganiserResult> {
  return transact(getDb(), async (tx): Promise<RemoveOrganiserResult> => {
    const scope = and(eq(roleAssignments.role, "organisator"), eq(roleAssignments.organisationId, input.organisationId));
    const team = await many(
      tx
        .select({ userId: roleAssignments.userId, name: users.name, email: users.email })
        .from(roleAssignments)
        .innerJoin(users, eq(roleAssignments.userId, users.id))
        .where(scope),
    );
    const member = team.find((m) => m.userId === input.userId);
    if (!member) return { ok: false, reason: "not-an-organiser" };
    if (team.length === 1) return { ok: false, reason: "last" };
    await run(tx.delete(roleAssignments).where(and(scope, eq(roleAssignments.userId, input.userId))));
    await writeAudit(tx, { userId: input.actor.userId, contestId: null, action: "organisation.organiser-removed", subject: member.email, at: input.now });
    return { ok: true, name: member.name };
  });
}
