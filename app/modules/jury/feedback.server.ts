import { many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { asc, eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { juryFeedback, users } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { translator } from "~/lib/i18n";
import { notify } from "~/modules/notifications/notify.server";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { requirePhase } from "~/modules/contests/phase-guard.server";
import { recordFirstAnswer } from "~/modules/draagvlak/draagvlak.server";
import { listJuryIdeas } from "./ideas.server";
import { feedbackMail } from "./mails";
import { acceptedCoInitiatorEmails, ideaOwnerContact } from "./people.server";
import { outcomeRecipients } from "./shortlist";

// Feedback on worked-out plans (phase uitwerken): jurors and organisers leave tips before voting opens.

export const FEEDBACK_PHASES = ["uitwerken"] as const;

export async function listFeedback(ideaId: number) {
  return (
    await many(
      getDb()
        .select({ id: juryFeedback.id, body: juryFeedback.body, createdAt: juryFeedback.createdAt, authorName: users.name })
        .from(juryFeedback)
        .leftJoin(users, eq(juryFeedback.authorUserId, users.id))
        .where(eq(juryFeedback.ideaId, ideaId))
        .orderBy(asc(juryFeedback.createdAt), asc(juryFeedback.id)),
    )
  ).map((f) => ({ id: f.id, body: f.body, createdAt: f.createdAt.getTime(), authorName: f.authorName ?? "—" }));
}

export type FeedbackResult = { ok: true } | { ok: false; reason: "not-shortlisted" };

/** Feedback on a shortlisted idea's plan, logged, and the initiators get an email that it is there. */
export async function leaveFeedback(input: {
  details: ContestDetails;
  author: { userId: string };
  ideaId: number;
  body: string;
  origin: string;
  now: number;
}): Promise<FeedbackResult> {
  requirePhase(input.details, FEEDBACK_PHASES, input.now);
  const contest = input.details.contest;
  const idea = (await listJuryIdeas(contest.id)).find((i) => i.id === input.ideaId);
  if (!idea || idea.status !== "shortlisted") return { ok: false, reason: "not-shortlisted" };
  await transact(getDb(), async (tx) => {
    await run(tx.insert(juryFeedback).values({ ideaId: idea.id, authorUserId: input.author.userId, body: input.body.trim(), createdAt: new Date(input.now) }));
    await recordFirstAnswer(tx, { ideaId: idea.id, kind: "jury", at: input.now });
    await writeAudit(tx, {
      userId: input.author.userId,
      contestId: contest.id,
      action: "jury.feedback-given",
      subject: idea.title,
      after: { feedback: input.body.trim() },
      at: input.now,
    });
  });
  const people = outcomeRecipients([(await ideaOwnerContact(idea.id)).person, ...(await acceptedCoInitiatorEmails(idea.id))]);
  for (const person of people) {
    const mail = feedbackMail(translator(person.locale), {
      name: person.name,
      ideaTitle: idea.title,
      contestTitle: contest.title,
      ideaLink: `${input.origin}/rondes/${contest.slug}/ideeen/${idea.id}`,
    });
    await notify({ kind: "jury", to: person.email, locale: person.locale, subject: mail.subject, text: mail.text, origin: input.origin });
  }
  return { ok: true };
}
