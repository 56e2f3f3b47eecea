import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contests, ideas, juryComments, juryInvitations, juryRounds, juryScores } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { translator, type Locale } from "~/lib/i18n";
import { log } from "~/lib/log.server";
import { sendMail } from "~/lib/mail.server";
import { grantJuror, listJurors, revokeJuror } from "~/modules/auth/roles.server";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { requirePhase } from "~/modules/contests/phase-guard.server";
import { invitationMail, removedMail } from "./mails";
import { isDecisionClosed } from "./scores.server";
import { juryInvitationPath } from "./paths";

// The jury panel: organisers invite jurors by email; the person accepts while logged in with that
// address and gets the jurylid role for this one contest. As with other links in emails, only the
// token's SHA-256 is stored, the link opens a page and a button accepts (ADR 006).

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Jurors can be invited while the contest is prepared and until the jury has decided. */
export const INVITE_PHASES = ["concept", "binnenkort", "aankondiging", "indienen", "juryselectie"] as const;

export async function listInvitations(contestId: number) {
  return (
    await many(
      getDb()
        .select({ id: juryInvitations.id, email: juryInvitations.email, isChair: juryInvitations.isChair, invitedAt: juryInvitations.invitedAt })
        .from(juryInvitations)
        .where(and(eq(juryInvitations.contestId, contestId), isNull(juryInvitations.acceptedAt)))
        .orderBy(asc(juryInvitations.invitedAt)),
    )
  ).map((i) => ({ ...i, invitedAt: i.invitedAt.getTime() }));
}

export type InviteResult = { ok: true } | { ok: false; reason: "already-juror" };

/**
 * Invites someone by email. Inviting the same address again sends a new link (the old one stops
 * working) and may make them chair. Logged; the mail goes out after the commit.
 */
export async function inviteJuror(input: {
  details: ContestDetails;
  actor: { userId: string; name: string };
  email: string;
  isChair: boolean;
  origin: string;
  locale: Locale;
  now: number;
}): Promise<InviteResult> {
  requirePhase(input.details, INVITE_PHASES, input.now);
  const contestId = input.details.contest.id;
  const email = input.email.trim().toLowerCase();
  const current = (await listJurors(contestId)).find((j) => j.email === email);
  if (current && (current.isChair || !input.isChair)) return { ok: false, reason: "already-juror" };
  const token = randomBytes(32).toString("base64url");
  await transact(getDb(), async (tx) => {
    const at = new Date(input.now);
    await run(
      tx
        .insert(juryInvitations)
        .values({ contestId, email, isChair: input.isChair, tokenHash: sha256(token), invitedByUserId: input.actor.userId, invitedAt: at })
        .onConflictDoUpdate({
          target: [juryInvitations.contestId, juryInvitations.email],
          set: { isChair: input.isChair, tokenHash: sha256(token), invitedByUserId: input.actor.userId, invitedAt: at, acceptedAt: null, acceptedUserId: null },
        }),
    );
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId,
      action: "jury.invited",
      subject: email,
      after: { email, isChair: input.isChair },
      at: input.now,
    });
  });
  const mail = invitationMail(translator(input.locale), {
    contestTitle: input.details.contest.title,
    inviterName: input.actor.name,
    link: `${input.origin}${juryInvitationPath()}?token=${encodeURIComponent(token)}`,
    isChair: input.isChair,
  });
  await sendMail({ to: email, subject: mail.subject, text: mail.text });
  return { ok: true };
}

export type RemoveJurorResult = { ok: true; name: string } | { ok: false; reason: "not-a-juror" | "decision-closed" };

/**
 * Takes someone off the jury while the jury still works (a juror who fell ill, or the wrong address was
 * invited). Their scores and comments go with them: the ranking rests on the jury that decides. Their
 * declared conflicts stay, as conflicts are final (ADR 009). Once the decision is closed it rests on
 * those scores, so nobody can be removed until it is reopened.
 */
export async function removeJuror(input: { details: ContestDetails; actor: { userId: string }; jurorUserId: string; now: number }): Promise<RemoveJurorResult> {
  requirePhase(input.details, INVITE_PHASES, input.now);
  const contestId = input.details.contest.id;
  const juror = (await listJurors(contestId)).find((j) => j.userId === input.jurorUserId);
  if (!juror) return { ok: false, reason: "not-a-juror" };
  const result = await transact(getDb(), async (tx): Promise<RemoveJurorResult> => {
    // Read inside the transaction: a decision closed a moment ago freezes the scores (trigger).
    if (await isDecisionClosed(contestId)) return { ok: false, reason: "decision-closed" };
    if (!(await revokeJuror(tx, { userId: juror.userId, contestId }))) return { ok: false, reason: "not-a-juror" };
    const scores = (await run(tx.delete(juryScores).where(and(eq(juryScores.contestId, contestId), eq(juryScores.jurorUserId, juror.userId))))).changes;
    const ideasOfContest = tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.contestId, contestId));
    const comments = (await run(tx.delete(juryComments).where(and(eq(juryComments.jurorUserId, juror.userId), inArray(juryComments.ideaId, ideasOfContest)))))
      .changes;
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId,
      action: "jury.removed",
      subject: juror.email,
      before: { isChair: juror.isChair, scores, comments },
      at: input.now,
    });
    return { ok: true, name: juror.name };
  });
  if (!result.ok) return result;
  // After the commit; the removal stands whether or not the mail goes out.
  const mail = removedMail(translator(juror.locale), { name: juror.name, contestTitle: input.details.contest.title });
  await sendMail({ to: juror.email, ...mail }).catch((error: unknown) => log.error({ err: error, contestId }, "mail to a juror taken off the jury not sent"));
  return result;
}

/** Withdraws an invitation not yet accepted: its link stops working. False when there is no such open invitation. */
export async function withdrawInvitation(input: { details: ContestDetails; actor: { userId: string }; invitationId: number; now: number }): Promise<boolean> {
  requirePhase(input.details, INVITE_PHASES, input.now);
  const contestId = input.details.contest.id;
  return transact(getDb(), async (tx) => {
    const gone = await one(
      tx
        .delete(juryInvitations)
        .where(and(eq(juryInvitations.id, input.invitationId), eq(juryInvitations.contestId, contestId), isNull(juryInvitations.acceptedAt)))
        .returning({ email: juryInvitations.email, isChair: juryInvitations.isChair }),
    );
    if (!gone) return false;
    await writeAudit(tx, { userId: input.actor.userId, contestId, action: "jury.invitation-withdrawn", subject: gone.email, before: gone, at: input.now });
    return true;
  });
}

/** The open invitation a link's token belongs to, with its contest; null when unknown or already used. */
export async function findJuryInvitation(token: string) {
  if (!token) return null;
  const row = await one(
    getDb()
      .select({ invitation: juryInvitations, slug: contests.slug, title: contests.title })
      .from(juryInvitations)
      .innerJoin(contests, eq(juryInvitations.contestId, contests.id))
      .where(and(eq(juryInvitations.tokenHash, sha256(token)), isNull(juryInvitations.acceptedAt))),
  );
  return row
    ? {
        id: row.invitation.id,
        contestId: row.invitation.contestId,
        email: row.invitation.email,
        isChair: row.invitation.isChair,
        slug: row.slug,
        contestTitle: row.title,
      }
    : null;
}

export type AcceptResult = { ok: true; slug: string } | { ok: false; reason: "invalid" | "wrong-account" };

/** Accepting needs the account with the invited address: a forwarded link does not make someone else a juror. */
export async function acceptJuryInvitation(input: { token: string; user: { id: string; email: string }; now: number }): Promise<AcceptResult> {
  const invitation = await findJuryInvitation(input.token);
  if (!invitation) return { ok: false, reason: "invalid" };
  if (invitation.email !== input.user.email.toLowerCase()) return { ok: false, reason: "wrong-account" };
  await transact(getDb(), async (tx) => {
    const claimed = await run(
      tx
        .update(juryInvitations)
        .set({ acceptedAt: new Date(input.now), acceptedUserId: input.user.id })
        .where(and(eq(juryInvitations.id, invitation.id), isNull(juryInvitations.acceptedAt))),
    );
    if (claimed.changes === 0) return;
    await grantJuror(tx, { userId: input.user.id, contestId: invitation.contestId, isChair: invitation.isChair, now: input.now });
    await writeAudit(tx, {
      userId: input.user.id,
      contestId: invitation.contestId,
      action: "jury.invitation-accepted",
      subject: invitation.email,
      after: { isChair: invitation.isChair },
      at: input.now,
    });
  });
  return { ok: true, slug: invitation.slug };
}

/** Whether each idea's jury average is public once the decision is closed (never individual scores). */
export async function setPublishAggregates(input: { details: ContestDetails; actor: { userId: string }; publish: boolean; now: number }): Promise<void> {
  const contestId = input.details.contest.id;
  const before = (await one(getDb().select().from(juryRounds).where(eq(juryRounds.contestId, contestId))))?.publishAggregates ?? false;
  if (before === input.publish) return;
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .insert(juryRounds)
        .values({ contestId, publishAggregates: input.publish })
        .onConflictDoUpdate({ target: juryRounds.contestId, set: { publishAggregates: input.publish } }),
    );
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId,
      action: "jury.publication-changed",
      before: { publishAggregates: before },
      after: { publishAggregates: input.publish },
      at: input.now,
    });
  });
}

/** The contests a user is a juror of, for the /jury page. */
export async function contestsJudgedBy(grants: readonly { role: string; contestId?: number | null; isChair?: boolean }[]) {
  const jury = grants.filter((g) => g.role === "jurylid" && typeof g.contestId === "number");
  if (jury.length === 0) return [];
  const rows = await many(
    getDb()
      .select({ id: contests.id, slug: contests.slug, title: contests.title })
      .from(contests)
      .where(
        inArray(
          contests.id,
          jury.map((g) => g.contestId!),
        ),
      )
      .orderBy(asc(contests.title)),
  );
  return rows.map((r) => ({ ...r, isChair: jury.some((g) => g.contestId === r.id && g.isChair === true) }));
}
