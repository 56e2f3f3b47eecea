import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { passwordResetTokens, roleAssignments, users } from "~db/schema";
import { aftercarePersonalData } from "~/modules/aftercare/personal-data.server";
import { forgetSubscriptions, subscriptionsPersonalData } from "~/modules/contests/personal-data.server";
import { discardDraft } from "~/modules/ideas/ideas.server";
import { draftsOf, forgetIdeasPersonalData, ideasPersonalData } from "~/modules/ideas/personal-data.server";
import { juryPersonalData } from "~/modules/jury/personal-data.server";
import { draagvlakPersonalData, forgetDraagvlakPersonalData } from "~/modules/draagvlak/personal-data.server";
import { forgetHelpPersonalData, helpPersonalData } from "~/modules/help/personal-data.server";
import { forgetNotificationData, notificationsPersonalData } from "~/modules/notifications/personal-data.server";
import { forgetTaakgroepPersonalData, taakgroepPersonalData } from "~/modules/taakgroepen/personal-data.server";
import { forgetVotePosts, votingPersonalData } from "~/modules/voting/personal-data.server";
import { describeRoles } from "~/modules/auth/roles.server";
import { verifyPassword } from "~/modules/auth/password.server";
import { endAllSessions } from "~/modules/auth/session.server";

// The AVG rights of a resident (issue 9): a copy of everything stored about them, and deleting the
// account. Each feature says what it holds; this file only gathers it.

export async function exportPersonalData(userId: string, now: number) {
  const db = getDb();
  const user = await one(db.select().from(users).where(eq(users.id, userId)));
  if (!user || user.deletedAt) return null;
  return {
    exportedAt: new Date(now).toISOString(),
    about: "Alles wat Wijkvonk over jou bewaart. Hoe je stemde staat er niet in: je stem is geheim en niet aan jou gekoppeld.",
    account: {
      name: user.name,
      email: user.email,
      postcode: user.postcode,
      language: user.locale,
      createdAt: user.createdAt.toISOString(),
      emailConfirmedAt: user.emailConfirmedAt?.toISOString() ?? null,
      signupPlaceKeptAsCode: user.signupIpKey !== null ? "Een versleutelde code van het IP-adres waarmee je je account maakte, 90 dagen bewaard." : null,
      roles: await describeRoles(userId),
    },
    ...(await ideasPersonalData(db, userId)),
    taakgroepen: await taakgroepPersonalData(db, userId),
    votedIn: await votingPersonalData(db, userId),
    realisationUpdates: await aftercarePersonalData(db, userId),
    jury: await juryPersonalData(db, userId),
    draagvlak: await draagvlakPersonalData(db, userId),
    offersOfHelp: await helpPersonalData(db, userId),
    subscriptions: await subscriptionsPersonalData(db, user.email),
    emails: await notificationsPersonalData(db, user.email),
  };
}

export type DeleteAccountResult = { ok: true } | { ok: false; reason: "wrong-password" | "not-found" };

/**
 * Deletes an account the AVG way: the row stays as an anonymous tombstone (no name, email, postcode or
 * password), so ideas stay with their contest without a name, ballots stay counted (the register points
 * at nobody), jury scores stay with the decision; taakgroep sign-ups lose their contact, roles and
 * sessions end, drafts and email sign-ups go, backings go, reactions and offers of help lose what they
 * said. One transaction: all of it or nothing.
 */
export async function deleteAccount(input: { userId: string; password: string; now: number }): Promise<DeleteAccountResult> {
  const db = getDb();
  const user = await one(db.select().from(users).where(eq(users.id, input.userId)));
  if (!user || user.deletedAt) return { ok: false, reason: "not-found" };
  if (!(await verifyPassword(user.passwordHash, input.password))) return { ok: false, reason: "wrong-password" };
  for (const draft of await draftsOf(db, user.id)) await discardDraft(draft);
  await transact(db, async (tx) => {
    await forgetIdeasPersonalData(tx, { userId: user.id, email: user.email });
    await forgetTaakgroepPersonalData(tx, { userId: user.id, now: input.now });
    await forgetDraagvlakPersonalData(tx, user.id);
    await forgetHelpPersonalData(tx, { userId: user.id, now: input.now });
    await forgetSubscriptions(tx, user.email);
    await forgetNotificationData(tx, user.email);
    await forgetVotePosts(tx, user.id);
    await run(tx.delete(roleAssignments).where(eq(roleAssignments.userId, user.id)));
    await run(tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id)));
    await run(
      tx
        .update(users)
        .set({
          name: "",
          email: `verwijderd-${user.id.toLowerCase()}@verwijderd.invalid`,
          postcode: "",
          passwordHash: "!",
          isBeheerder: false,
          signupIpKey: null,
          deletedAt: new Date(input.now),
        })
        .where(eq(users.id, user.id)),
    );
  });
  await endAllSessions(user.id);
  return { ok: true };
}
