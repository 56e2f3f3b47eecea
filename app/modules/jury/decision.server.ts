import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideas, juryDecisions, juryRounds } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { formatDateTime } from "~/lib/format";
import { translator, type Locale } from "~/lib/i18n";
import { notify } from "~/modules/notifications/notify.server";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { requirePhase } from "~/modules/contests/phase-guard.server";
import { phaseAt } from "~/modules/contests/phases";
import { belowMinimum } from "~/modules/draagvlak/backing";
import { backingCounts, getDraagvlakSettings, recordFirstAnswer } from "~/modules/draagvlak/draagvlak.server";
import { acceptedCoInitiatorEmails, ideaOwnerContact } from "./people.server";
import { listJuryIdeas } from "./ideas.server";
import { outcomeMail } from "./mails";
import { loadScoring, SCORING_PHASES } from "./scores.server";
import { isConflicted, conflictSet } from "./scoring";
import { changedDecisions, checkShortlist, mayDecideIdea, outcomeRecipients, type DecisionInput, type Outcome, type ShortlistProblem } from "./shortlist";

// The jury's decision (phase juryselectie): the chair or an organiser marks each idea as going on
// or not, with a motivation; closing the decision mails every indiener. Every save, the closing and
// a reopening are in the audit log with before and after.

export type Decider = { userId: string; isOrganiser: boolean; isChair: boolean };

export async function listDecisions(contestId: number) {
  return (await many(getDb().select().from(juryDecisions).where(eq(juryDecisions.contestId, contestId)))).map((d) => ({
    ideaId: d.ideaId,
    outcome: d.outcome,
    motivation: d.motivation,
    decidedAt: d.decidedAt.getTime(),
    notifiedAt: d.notifiedAt?.getTime() ?? null,
  }));
}

async function closedAt(contestId: number): Promise<number | null> {
  return (await one(getDb().select().from(juryRounds).where(eq(juryRounds.contestId, contestId))))?.decisionClosedAt?.getTime() ?? null;
}

/** The round's minimum number of backers (issue 21.1): ideas below it may not go on the shortlist. */
async function ideasBelowBacking(contestId: number, ideaIds: readonly number[]): Promise<number[]> {
  return belowMinimum(ideaIds, await backingCounts(ideaIds), (await getDraagvlakSettings(contestId)).minBackers);
}

export type DecideResult =
  | { ok: true; changed: number }
  | { ok: false; reason: "closed" | "not-allowed"; ideaIds?: number[] }
  | { ok: false; reason: "problems"; problems: ShortlistProblem[] };

/**
 * Saves decisions (and clears the ones in `cleared`), leaving ideas not mentioned as they are. A
 * chair with a conflict of interest cannot decide on that idea. The whole set must stay valid:
 * a motivation for each, no more than the contest's maximum on the shortlist.
 */
export async function decideShortlist(input: {
  details: ContestDetails;
  decider: Decider;
  decisions: readonly DecisionInput[];
  cleared?: readonly number[];
  now: number;
}): Promise<DecideResult> {
  requirePhase(input.details, SCORING_PHASES, input.now);
  const contestId = input.details.contest.id;
  if ((await closedAt(contestId)) !== null) return { ok: false, reason: "closed" };
  const juryIdeas = await listJuryIdeas(contestId);
  const titles = new Map(juryIdeas.map((i) => [i.id, i.title]));
  const conflicts = conflictSet((await loadScoring(contestId)).conflicts);
  const touched = [...input.decisions.map((d) => d.ideaId), ...(input.cleared ?? [])];
  const refused = touched.filter((ideaId) => !mayDecideIdea(input.decider, { conflicted: isConflicted(conflicts, ideaId, input.decider.userId) }));
  if (refused.length > 0) return { ok: false, reason: "not-allowed", ideaIds: refused };

  const before = await listDecisions(contestId);
  const cleared = new Set(input.cleared ?? []);
  const incoming = new Map(input.decisions.map((d) => [d.ideaId, { ...d, motivation: d.motivation.trim() }]));
  const merged: DecisionInput[] = [...before.filter((d) => !incoming.has(d.ideaId) && !cleared.has(d.ideaId)), ...incoming.values()];
  const problems = checkShortlist({
    ideaIds: juryIdeas.map((i) => i.id),
    decisions: merged,
    maxShortlist: input.details.contest.maxShortlist,
    complete: false,
    belowBacking: await ideasBelowBacking(
      contestId,
      juryIdeas.map((i) => i.id),
    ),
  });
  if (problems.length > 0) return { ok: false, reason: "problems", problems };

  const changes = changedDecisions(before, [...incoming.values()]);
  const removed = before.filter((d) => cleared.has(d.ideaId) && !incoming.has(d.ideaId));
  if (changes.length === 0 && removed.length === 0) return { ok: true, changed: 0 };
  const label = (ideaId: number) => titles.get(ideaId) ?? `#${ideaId}`;
  await transact(getDb(), async (tx) => {
    const at = new Date(input.now);
    for (const change of changes) {
      await run(
        tx
          .insert(juryDecisions)
          .values({
            ideaId: change.ideaId,
            contestId,
            outcome: change.after.outcome,
            motivation: change.after.motivation,
            decidedByUserId: input.decider.userId,
            decidedAt: at,
          })
          // A changed decision must reach the indiener again: notifiedAt back to null.
          .onConflictDoUpdate({
            target: juryDecisions.ideaId,
            set: { outcome: change.after.outcome, motivation: change.after.motivation, decidedByUserId: input.decider.userId, decidedAt: at, notifiedAt: null },
          }),
      );
    }
    if (removed.length > 0)
      await run(
        tx.delete(juryDecisions).where(
          inArray(
            juryDecisions.ideaId,
            removed.map((d) => d.ideaId),
          ),
        ),
      );
    await writeAudit(tx, {
      userId: input.decider.userId,
      contestId,
      action: "jury.decision-saved",
      before: Object.fromEntries([
        ...changes.filter((c) => c.before).map((c) => [label(c.ideaId), c.before]),
        ...removed.map((d) => [label(d.ideaId), { outcome: d.outcome, motivation: d.motivation }]),
      ]),
      after: Object.fromEntries([...changes.map((c) => [label(c.ideaId), c.after]), ...removed.map((d) => [label(d.ideaId), null])]),
      at: input.now,
    });
  });
  return { ok: true, changed: changes.length + removed.length };
}

export type Unreachable = { ideaId: number; title: string; contact: string | null };
export type CloseResult =
  | { ok: true; mailed: number; unreachable: Unreachable[] }
  | { ok: false; reason: "closed" | "not-allowed" }
  | { ok: false; reason: "problems"; problems: ShortlistProblem[] };

/**
 * Closes the decision: every idea must have an outcome. In one transaction the ideas that go on get
 * status 'shortlisted' (others go back to 'submitted' if a reopened decision took them off), scores
 * and decisions freeze (the triggers refuse changes while closed), and the audit log gets the list.
 * Then every indiener and co-initiator whose answer they have not had yet gets an email with the
 * outcome and the motivation; paper ideas without an email address are returned for the organiser.
 */
export async function closeDecision(input: { details: ContestDetails; decider: Decider; origin: string; now: number }): Promise<CloseResult> {
  requirePhase(input.details, SCORING_PHASES, input.now);
  if (!input.decider.isOrganiser && !input.decider.isChair) return { ok: false, reason: "not-allowed" };
  const contest = input.details.contest;
  if ((await closedAt(contest.id)) !== null) return { ok: false, reason: "closed" };
  const juryIdeas = await listJuryIdeas(contest.id);
  const decisions = await listDecisions(contest.id);
  const problems = checkShortlist({
    ideaIds: juryIdeas.map((i) => i.id),
    decisions,
    maxShortlist: contest.maxShortlist,
    complete: true,
    belowBacking: await ideasBelowBacking(
      contest.id,
      juryIdeas.map((i) => i.id),
    ),
  });
  if (problems.length > 0) return { ok: false, reason: "problems", problems };

  const outcomeOf = new Map(decisions.map((d) => [d.ideaId, d.outcome]));
  const shortlisted = juryIdeas.filter((i) => outcomeOf.get(i.id) === "shortlisted").map((i) => i.id);
  const notShortlisted = juryIdeas.filter((i) => outcomeOf.get(i.id) === "not-shortlisted").map((i) => i.id);
  const title = new Map(juryIdeas.map((i) => [i.id, i.title]));
  await transact(getDb(), async (tx) => {
    const at = new Date(input.now);
    // The ideas' status column is the ideas feature's; the jury sets only these two values on it.
    if (shortlisted.length > 0) await run(tx.update(ideas).set({ status: "shortlisted", updatedAt: at }).where(inArray(ideas.id, shortlisted)));
    if (notShortlisted.length > 0)
      await run(
        tx
          .update(ideas)
          .set({ status: "submitted", updatedAt: at })
          .where(and(inArray(ideas.id, notShortlisted), eq(ideas.status, "shortlisted"))),
      );
    await run(
      tx
        .insert(juryRounds)
        .values({ contestId: contest.id, decisionClosedAt: at, decisionClosedByUserId: input.decider.userId })
        .onConflictDoUpdate({ target: juryRounds.contestId, set: { decisionClosedAt: at, decisionClosedByUserId: input.decider.userId } }),
    );
    // The jury's answer reaches every indiener now: it stops each idea's answer clock (issue 21.3).
    for (const d of decisions) await recordFirstAnswer(tx, { ideaId: d.ideaId, kind: "jury", at: input.now });
    await writeAudit(tx, {
      userId: input.decider.userId,
      contestId: contest.id,
      action: "jury.decision-closed",
      after: { shortlisted: shortlisted.map((id) => title.get(id)), notShortlisted: notShortlisted.map((id) => title.get(id)) },
      at: input.now,
    });
  });

  // Mails go out after the commit: no network inside a transaction. Each decision is marked as
  // sent once its mails went; one that failed is sent again when the decision is closed again.
  const workOutEnd = phaseAt(input.details.clock, input.now).schedule?.uitwerken.end ?? null;
  let mailed = 0;
  const unreachable: Unreachable[] = [];
  for (const decision of decisions.filter((d) => d.notifiedAt === null)) {
    const recipients = await recipientsOf(decision.ideaId);
    if (recipients.people.length === 0) {
      unreachable.push({ ideaId: decision.ideaId, title: title.get(decision.ideaId) ?? "", contact: recipients.paperContact });
      continue;
    }
    for (const person of recipients.people) {
      const t = translator(person.locale);
      const mail = outcomeMail(t, {
        outcome: decision.outcome as Outcome,
        name: person.name,
        ideaTitle: title.get(decision.ideaId) ?? "",
        contestTitle: contest.title,
        motivation: decision.motivation,
        ideaLink: `${input.origin}/rondes/${contest.slug}/ideeen/${decision.ideaId}`,
        contestLink: `${input.origin}/rondes/${contest.slug}`,
        workOutUntil: workOutEnd === null ? null : formatDateTime(workOutEnd, person.locale),
      });
      if (await notify({ kind: "jury", to: person.email, locale: person.locale, subject: mail.subject, text: mail.text, origin: input.origin })) mailed++;
    }
    await run(
      getDb()
        .update(juryDecisions)
        .set({ notifiedAt: new Date(input.now) })
        .where(and(eq(juryDecisions.ideaId, decision.ideaId), isNull(juryDecisions.notifiedAt))),
    );
  }
  return { ok: true, mailed, unreachable };
}

/** The people who hear the outcome of an idea: the indiener and accepted co-initiators, or a paper idea's email address. */
async function recipientsOf(ideaId: number): Promise<{ people: { email: string; name: string; locale: Locale }[]; paperContact: string | null }> {
  const owner = await ideaOwnerContact(ideaId);
  const people = outcomeRecipients([owner.person, ...(await acceptedCoInitiatorEmails(ideaId))]);
  return { people, paperContact: owner.paperContact };
}

/** Reopens a closed decision (an organiser, with a reason for the log), still in juryselectie. */
export async function reopenDecision(input: {
  details: ContestDetails;
  actor: { userId: string; isOrganiser: boolean };
  reason: string;
  now: number;
}): Promise<{ ok: true } | { ok: false; reason: "not-closed" | "not-allowed" }> {
  requirePhase(input.details, SCORING_PHASES, input.now);
  if (!input.actor.isOrganiser) return { ok: false, reason: "not-allowed" };
  const contestId = input.details.contest.id;
  const closed = await closedAt(contestId);
  if (closed === null) return { ok: false, reason: "not-closed" };
  await transact(getDb(), async (tx) => {
    await run(tx.update(juryRounds).set({ decisionClosedAt: null, decisionClosedByUserId: null }).where(eq(juryRounds.contestId, contestId)));
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId,
      action: "jury.decision-reopened",
      before: { closedAt: closed },
      after: { closedAt: null },
      reason: input.reason,
      at: input.now,
    });
  });
  return { ok: true };
}

/** Ideas whose indiener has no email address (paper ideas with a phone number or address): the organiser tells them. */
export async function unreachableIdeas(contestId: number): Promise<Unreachable[]> {
  return (
    await Promise.all(
      (await listJuryIdeas(contestId)).map(async (idea) => {
        const recipients = await recipientsOf(idea.id);
        return recipients.people.length === 0 ? [{ ideaId: idea.id, title: idea.title, contact: recipients.paperContact }] : [];
      }),
    )
  ).flat();
}

export async function decisionClosedAt(contestId: number): Promise<number | null> {
  return closedAt(contestId);
}
