import type { Idea } from "~db/schema";
import { checkPhase } from "~/modules/contests/phases";
import { BACKING_PHASES, backingProgress, mayBack } from "~/modules/draagvlak/backing";
import { areasOf, backingCounts, firstAnswers, getDraagvlakSettings, hasBacked } from "~/modules/draagvlak/draagvlak.server";
import { answerClock } from "~/modules/draagvlak/working-days";
import { mayAnswer, reactionsOpen, type ReactorRole } from "~/modules/draagvlak/reactions";
import { listReactions } from "~/modules/draagvlak/reactions.server";
import type { IdeaContext } from "./idea-access.server";

// What the idea page shows of draagvlak (issue 21), and the checks the backing action repeats.

/** Handed in, public and not hidden: the ideas residents can back and react to. */
export function isPublicIdea(idea: Idea): boolean {
  return (idea.status === "submitted" || idea.status === "shortlisted") && idea.hiddenAt === null && idea.contactConfirmedAt !== null;
}

/** May the person asking back this idea now, and if not, why not. */
export function backingDecision(ctx: IdeaContext) {
  const user = ctx.auth.user;
  return mayBack({
    user: user ? { emailConfirmed: user.emailConfirmed, postcode: user.postcode } : null,
    isMaker: ctx.relation === "owner" || ctx.relation === "co-initiator",
    ideaOpen: isPublicIdea(ctx.idea) && checkPhase(ctx.phase, BACKING_PHASES).ok,
    areas: areasOf(ctx.details),
  });
}

/** The backing section of the idea page; null for an idea that is not public. */
export async function backingSection(ctx: IdeaContext) {
  if (!isPublicIdea(ctx.idea)) return null;
  const settings = await getDraagvlakSettings(ctx.details.contest.id);
  const counts = (await backingCounts([ctx.idea.id])).get(ctx.idea.id) ?? { online: 0, paper: 0 };
  const decision = backingDecision(ctx);
  const userId = ctx.auth.user?.id ?? null;
  return {
    progress: backingProgress({ ...counts, minimum: settings.minBackers }),
    backed: userId !== null && (await hasBacked(ctx.idea.id, userId)),
    may: decision.ok ? null : decision.reason,
    open: checkPhase(ctx.phase, BACKING_PHASES).ok,
  };
}

/** The organisation's answer promise, for the idea's makers only (and organisers); null without a promise. */
export async function promiseSection(ctx: IdeaContext) {
  const isMaker = ctx.relation === "owner" || ctx.relation === "co-initiator" || ctx.relation === "organiser";
  if (!isMaker || !ctx.idea.submittedAt || ctx.idea.status === "withdrawn") return null;
  const days = (await getDraagvlakSettings(ctx.details.contest.id)).answerWorkingDays;
  if (days === null) return null;
  const answered = (await firstAnswers([ctx.idea.id])).get(ctx.idea.id)?.at ?? null;
  return { days, clock: answerClock({ submittedAt: ctx.idea.submittedAt.getTime(), workingDays: days, answeredAt: answered, now: ctx.at }) };
}

/** How the person asking takes part in the idea's reactions: organiser, initiator, or resident. */
export function reactorRole(ctx: IdeaContext): ReactorRole {
  if (ctx.relation === "organiser") return "organiser";
  if (ctx.relation === "owner" || ctx.relation === "co-initiator") return "initiator";
  return "resident";
}

/** Reactions can be written on a public idea, in the phases they are open in and not closed by the organisers. */
export async function reactionsAreOpen(ctx: IdeaContext): Promise<boolean> {
  if (!isPublicIdea(ctx.idea)) return false;
  const settings = await getDraagvlakSettings(ctx.details.contest.id);
  return reactionsOpen({ phase: ctx.phase.phase, reactionsClosed: settings.reactionsClosed, closedPhases: settings.reactionsClosedPhases });
}

/** The reactions section of the idea page; null for an idea that is not public. */
export async function reactionsSection(ctx: IdeaContext) {
  if (!isPublicIdea(ctx.idea)) return null;
  const role = reactorRole(ctx);
  const user = ctx.auth.user;
  return {
    reactions: await listReactions(ctx.idea.id, { forOrganiser: role === "organiser" }),
    open: await reactionsAreOpen(ctx),
    loggedIn: user !== null,
    confirmed: user?.emailConfirmed ?? false,
    mayAnswer: mayAnswer(role),
    isOrganiser: role === "organiser",
  };
}
