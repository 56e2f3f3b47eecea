import { isUniqueViolation } from "~db/refusals.server";
import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideaCoInitiators, ideas, users, type Idea } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { newToken, sha256 } from "./tokens.server";

// Co-initiators: invited by email, they accept with the link while logged in, and can then edit the idea.

export type InviteResult = { ok: true; token: string } | { ok: false; reason: "already" | "self" };

export async function inviteCoInitiator(input: {
  idea: Idea;
  email: string;
  ownerEmail: string | null;
  inviterUserId: string;
  logged: boolean;
  now: number;
}): Promise<InviteResult> {
  if (input.ownerEmail === input.email) return { ok: false, reason: "self" };
  const db = getDb();
  const existing = await one(
    db
      .select({ id: ideaCoInitiators.id })
      .from(ideaCoInitiators)
      .where(and(eq(ideaCoInitiators.ideaId, input.idea.id), eq(ideaCoInitiators.email, input.email))),
  );
  if (existing) return { ok: false, reason: "already" };
  const token = newToken();
  try {
    await transact(db, async (tx) => {
      await run(
        tx.insert(ideaCoInitiators).values({
          ideaId: input.idea.id,
          email: input.email,
          tokenHash: sha256(token),
          invitedByUserId: input.inviterUserId,
          invitedAt: new Date(input.now),
        }),
      );
      if (input.logged) {
        await writeAudit(tx, {
          userId: input.inviterUserId,
          contestId: input.idea.contestId,
          action: "idea.co-initiator-invited",
          subject: `idea:${input.idea.id}`,
          after: { email: input.email },
          at: input.now,
        });
      }
    });
  } catch (error) {
    // Two invitations of one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, reason: "already" };
    throw error;
  }
  return { ok: true, token };
}

export async function findInvitation(token: string) {
  return one(
    getDb()
      .select({ invitation: ideaCoInitiators, idea: ideas })
      .from(ideaCoInitiators)
      .innerJoin(ideas, eq(ideaCoInitiators.ideaId, ideas.id))
      .where(and(eq(ideaCoInitiators.tokenHash, sha256(token)), isNull(ideaCoInitiators.acceptedAt))),
  );
}

export type AcceptResult = { ok: true; ideaId: number; contestId: number } | { ok: false; reason: "invalid" | "own" | "already" };

/** Accepting binds the invitation to the logged-in account (whatever its email) and uses up the link. */
export async function acceptInvitation(input: { token: string; userId: string; now: number }): Promise<AcceptResult> {
  const found = await findInvitation(input.token);
  if (!found || found.idea.status === "withdrawn") return { ok: false, reason: "invalid" };
  if (found.idea.ownerUserId === input.userId) return { ok: false, reason: "own" };
  try {
    const changed = await run(
      getDb()
        .update(ideaCoInitiators)
        .set({ userId: input.userId, acceptedAt: new Date(input.now) })
        .where(and(eq(ideaCoInitiators.id, found.invitation.id), isNull(ideaCoInitiators.acceptedAt))),
    );
    if (changed.changes !== 1) return { ok: false, reason: "invalid" };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already" };
    throw error;
  }
  return { ok: true, ideaId: found.idea.id, contestId: found.idea.contestId };
}

export async function removeCoInitiator(input: { idea: Idea; coInitiatorId: number; actorUserId: string; logged: boolean; now: number }): Promise<boolean> {
  return transact(getDb(), async (tx) => {
    const row = await one(
      tx
        .delete(ideaCoInitiators)
        .where(and(eq(ideaCoInitiators.id, input.coInitiatorId), eq(ideaCoInitiators.ideaId, input.idea.id)))
        .returning(),
    );
    if (!row) return false;
    if (input.logged) {
      await writeAudit(tx, {
        userId: input.actorUserId,
        contestId: input.idea.contestId,
        action: "idea.co-initiator-removed",
        subject: `idea:${input.idea.id}`,
        before: { email: row.email },
        at: input.now,
      });
    }
    return true;
  });
}

export async function userEmail(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await one(getDb().select({ email: users.email }).from(users).where(eq(users.id, userId))))?.email ?? null;
}
