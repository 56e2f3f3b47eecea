import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideaReactionReports, ideaReactions, ideas, users, type ReactionKind, type ReportReason } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { takeAttempt } from "~/modules/auth/throttle.server";
import { recordFirstAnswer } from "./draagvlak.server";
import { mayAnswer, REACTIONS_PER_HOUR, stopsAnswerClock, type ReactorRole } from "./reactions";

// Reactions, answers, reports and hiding (issue 21.2). As with ideas, a hidden reaction is kept with
// its reason, and hiding and restoring are in the audit log. The caller has loaded the idea and
// decided the person's role on it (idea-access); these functions keep to that idea.

const hour = 60 * 60 * 1000;

export type ReactionView = {
  id: number;
  kind: ReactionKind;
  role: ReactorRole;
  authorName: string;
  body: string;
  createdAt: number;
  hidden: boolean;
  hiddenReason: string | null;
  openReports: number;
  answers: Omit<ReactionView, "answers">[];
};

/** An idea's reactions with their answers, oldest first. Hidden ones keep their place without their text, except for organisers. */
export async function listReactions(ideaId: number, input: { forOrganiser: boolean }): Promise<ReactionView[]> {
  const db = getDb();
  const rows = await many(
    db
      .select({ r: ideaReactions, authorName: users.name })
      .from(ideaReactions)
      .innerJoin(users, eq(ideaReactions.userId, users.id))
      .where(eq(ideaReactions.ideaId, ideaId))
      .orderBy(asc(ideaReactions.createdAt), asc(ideaReactions.id)),
  );
  const reports = input.forOrganiser
    ? new Map(
        (
          await many(
            db
              .select({ reactionId: ideaReactionReports.reactionId, n: count() })
              .from(ideaReactionReports)
              .where(
                and(
                  inArray(
                    ideaReactionReports.reactionId,
                    rows.map((r) => r.r.id),
                  ),
                  isNull(ideaReactionReports.resolvedAt),
                ),
              )
              .groupBy(ideaReactionReports.reactionId),
          )
        ).map((r) => [r.reactionId, r.n]),
      )
    : new Map<number, number>();
  const view = ({ r, authorName }: (typeof rows)[number]): Omit<ReactionView, "answers"> => {
    const hidden = r.hiddenAt !== null;
    return {
      id: r.id,
      kind: r.kind,
      role: r.role,
      authorName,
      body: hidden && !input.forOrganiser ? "" : r.body,
      createdAt: r.createdAt.getTime(),
      hidden,
      hiddenReason: input.forOrganiser ? r.hiddenReason : null,
      openReports: reports.get(r.id) ?? 0,
    };
  };
  const top = rows.filter((r) => r.r.parentId === null).map((r) => ({ ...view(r), answers: [] as Omit<ReactionView, "answers">[] }));
  const byId = new Map(top.map((t) => [t.id, t]));
  for (const row of rows) if (row.r.parentId !== null) byId.get(row.r.parentId)?.answers.push(view(row));
  return top;
}

export type PostResult = { ok: true; id: number } | { ok: false; reason: "throttled" | "not-allowed" | "no-such-reaction" };

/**
 * A reaction (question, tip, offer of help) or an answer to one. Counted against the person's
 * hourly limit before anything else, so a burst is refused however fast it comes.
 */
export async function postReaction(input: {
  idea: { id: number; contestId: number };
  userId: string;
  role: ReactorRole;
  kind: Exclude<ReactionKind, "answer">;
  body: string;
  parentId?: number;
  now: number;
}): Promise<PostResult> {
  const wait = await takeAttempt([{ key: `reaction:${input.userId}`, policy: { maxFailures: REACTIONS_PER_HOUR, windowMs: hour, blockMs: hour } }], input.now);
  if (wait > 0) return { ok: false, reason: "throttled" };
  const answering = input.parentId !== undefined;
  if (answering && !mayAnswer(input.role)) return { ok: false, reason: "not-allowed" };
  return transact(getDb(), async (tx) => {
    if (answering) {
      const parent = await one(
        tx
          .select({ id: ideaReactions.id })
          .from(ideaReactions)
          .where(
            and(eq(ideaReactions.id, input.parentId!), eq(ideaReactions.ideaId, input.idea.id), isNull(ideaReactions.parentId), isNull(ideaReactions.hiddenAt)),
          ),
      );
      if (!parent) return { ok: false, reason: "no-such-reaction" } as const;
    }
    const row = await one(
      tx
        .insert(ideaReactions)
        .values({
          ideaId: input.idea.id,
          parentId: input.parentId ?? null,
          userId: input.userId,
          kind: answering ? "answer" : input.kind,
          role: input.role,
          body: input.body.trim(),
          createdAt: new Date(input.now),
        })
        .returning({ id: ideaReactions.id }),
    );
    if (stopsAnswerClock(input.role)) await recordFirstAnswer(tx, { ideaId: input.idea.id, kind: "reaction", at: input.now });
    return { ok: true, id: row.id } as const;
  });
}

async function reactionOf(ideaId: number, reactionId: number) {
  return one(
    getDb()
      .select()
      .from(ideaReactions)
      .where(and(eq(ideaReactions.id, reactionId), eq(ideaReactions.ideaId, ideaId))),
  );
}

export async function reportReaction(input: {
  ideaId: number;
  reactionId: number;
  reason: ReportReason;
  reporterUserId: string | null;
  now: number;
}): Promise<boolean> {
  const reaction = await reactionOf(input.ideaId, input.reactionId);
  if (!reaction || reaction.hiddenAt) return false;
  await run(
    getDb()
      .insert(ideaReactionReports)
      .values({ reactionId: reaction.id, reason: input.reason, reporterUserId: input.reporterUserId, createdAt: new Date(input.now) }),
  );
  return true;
}

/** Hiding with a reason, by an organiser: the open reports are resolved, the audit log keeps who and why. */
export async function hideReaction(input: {
  contestId: number;
  ideaId: number;
  reactionId: number;
  reason: string;
  actorUserId: string;
  now: number;
}): Promise<boolean> {
  const reaction = await reactionOf(input.ideaId, input.reactionId);
  if (!reaction || reaction.hiddenAt) return false;
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .update(ideaReactions)
        .set({ hiddenAt: new Date(input.now), hiddenReason: input.reason.trim(), hiddenByUserId: input.actorUserId })
        .where(eq(ideaReactions.id, reaction.id)),
    );
    await run(
      tx
        .update(ideaReactionReports)
        .set({ resolvedAt: new Date(input.now) })
        .where(and(eq(ideaReactionReports.reactionId, reaction.id), isNull(ideaReactionReports.resolvedAt))),
    );
    // Hiding a reaction is a moderation decision on the idea's page: it stops the answer clock too.
    await recordFirstAnswer(tx, { ideaId: input.ideaId, kind: "moderation", at: input.now });
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "draagvlak.reaction-hidden",
      subject: `idea:${input.ideaId}`,
      before: { reaction: reaction.body },
      reason: input.reason.trim(),
      at: input.now,
    });
  });
  return true;
}

export async function restoreReaction(input: { contestId: number; ideaId: number; reactionId: number; actorUserId: string; now: number }): Promise<boolean> {
  const reaction = await reactionOf(input.ideaId, input.reactionId);
  if (!reaction || !reaction.hiddenAt) return false;
  await transact(getDb(), async (tx) => {
    await run(tx.update(ideaReactions).set({ hiddenAt: null, hiddenReason: null, hiddenByUserId: null }).where(eq(ideaReactions.id, reaction.id)));
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "draagvlak.reaction-restored",
      subject: `idea:${input.ideaId}`,
      before: { hiddenReason: reaction.hiddenReason },
      at: input.now,
    });
  });
  return true;
}

export type ReportedReaction = {
  reactionId: number;
  ideaId: number;
  ideaTitle: string;
  authorName: string;
  body: string;
  openReports: number;
  hidden: boolean;
};

/**
 * The reactions of a round with reports nobody has handled yet, for the console's moderation list
 * (issue 21 leftover): most reported first, then oldest. Hiding or restoring one resolves its reports.
 */
export async function reportedReactions(contestId: number): Promise<ReportedReaction[]> {
  const db = getDb();
  const open = await many(
    db
      .select({ reactionId: ideaReactionReports.reactionId, n: count() })
      .from(ideaReactionReports)
      .innerJoin(ideaReactions, eq(ideaReactions.id, ideaReactionReports.reactionId))
      .innerJoin(ideas, eq(ideas.id, ideaReactions.ideaId))
      .where(and(eq(ideas.contestId, contestId), isNull(ideaReactionReports.resolvedAt)))
      .groupBy(ideaReactionReports.reactionId),
  );
  if (open.length === 0) return [];
  const counts = new Map(open.map((o) => [o.reactionId, o.n]));
  return (
    await many(
      db
        .select({ r: ideaReactions, ideaTitle: ideas.title, authorName: users.name })
        .from(ideaReactions)
        .innerJoin(ideas, eq(ideas.id, ideaReactions.ideaId))
        .innerJoin(users, eq(users.id, ideaReactions.userId))
        .where(inArray(ideaReactions.id, [...counts.keys()]))
        .orderBy(asc(ideaReactions.createdAt), asc(ideaReactions.id)),
    )
  )
    .map(({ r, ideaTitle, authorName }) => ({
      reactionId: r.id,
      ideaId: r.ideaId,
      ideaTitle,
      authorName,
      body: r.body,
      openReports: counts.get(r.id) ?? 0,
      hidden: r.hiddenAt !== null,
    }))
    .sort((a, b) => b.openReports - a.openReports);
}
