import { data, redirect } from "@remix-run/node";
import type { Idea } from "~db/schema";
import { now } from "~/lib/clock.server";
import { notFound } from "./http.server";
import { getLocale, getTranslator } from "./locale.server";
import { phaseRefusalText } from "~/ui/phase-words";
import { can, type Target } from "~/modules/auth/permissions";
import { getAuth, type Auth } from "~/modules/auth/session.server";
import { getContestBySlug, type ContestDetails } from "~/modules/contests/contests.server";
import { isPubliclyVisible, phaseAt, type PhaseInfo } from "~/modules/contests/phases";
import { draftTokenMatches } from "./idea-cookies.server";
import { acceptedCoInitiatorIds, getIdea } from "~/modules/ideas/ideas.server";
import { relationTo, type Decision, type IdeaRelation } from "~/modules/ideas/rules";

export type ContestContext = { details: ContestDetails; auth: Auth; phase: PhaseInfo; isOrganiser: boolean; at: number };
export type IdeaContext = ContestContext & { idea: Idea; relation: IdeaRelation; target: Extract<Target, { kind: "idea" }> };

/** The contest of an idea page: 404 when it does not exist or is not public yet (except for its organisers). */
export async function loadContestForIdeas(request: Request, slug: string | undefined): Promise<ContestContext> {
  const details = slug ? await getContestBySlug(slug) : null;
  if (!details) notFound();
  const auth = await getAuth(request);
  const at = now();
  const phase = phaseAt(details.clock, at);
  const isOrganiser = can(auth.actor, "idea:moderate", details.target);
  if (!isPubliclyVisible(phase.phase) && !isOrganiser) notFound();
  return { details, auth, phase, isOrganiser, at };
}

export function ideaTarget(details: ContestDetails, idea: Idea, coInitiatorUserIds: string[]): Extract<Target, { kind: "idea" }> {
  return { kind: "idea", contestId: details.contest.id, organisationId: details.contest.organisationId, ownerUserId: idea.ownerUserId, coInitiatorUserIds };
}

/** An idea of the contest, with how the person asking relates to it (organiser, indiener, co-initiator, draft holder). */
export async function loadIdeaContext(request: Request, params: { slug?: string; ideaId?: string }): Promise<IdeaContext> {
  const base = await loadContestForIdeas(request, params.slug);
  const ideaId = Number(params.ideaId);
  if (!Number.isSafeInteger(ideaId) || ideaId <= 0) notFound();
  const idea = await getIdea(base.details.contest.id, ideaId);
  if (!idea) notFound();
  const target = ideaTarget(base.details, idea, await acceptedCoInitiatorIds(idea.id));
  const relation = relationTo({
    userId: base.auth.user?.id ?? null,
    isOrganiser: can(base.auth.actor, "idea:moderate", target),
    ownerUserId: idea.ownerUserId,
    coInitiatorUserIds: target.coInitiatorUserIds,
    holdsDraftToken: await draftTokenMatches(request, idea),
  });
  // The permission table and the relation must agree on who may edit at all.
  if ((relation === "owner" || relation === "co-initiator" || relation === "organiser") !== can(base.auth.actor, "idea:edit", target)) {
    throw new Error("idea relation and permission disagree");
  }
  return { ...base, idea, relation, target };
}

/**
 * Stops a refused action the way a person can act on: to the login page when not logged in,
 * 403 when it is not theirs, 409 with a message in the reader's language when the phase or the idea's state does not allow it.
 */
export async function enforce(request: Request, ctx: { auth: Auth }, decision: Decision): Promise<{ logged: boolean }> {
  if (decision.ok) return { logged: decision.logged };
  if (decision.reason === "forbidden") {
    if (!ctx.auth.user) {
      const url = new URL(request.url);
      throw redirect(`/inloggen?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    throw new Response("Forbidden", { status: 403 });
  }
  const t = await getTranslator(request);
  if (decision.phase) throw data({ message: phaseRefusalText(t, await getLocale(request), decision.phase), phase: decision.phase }, { status: 409 });
  throw data({ message: t("ideas.statusNotAllowed") }, { status: 409 });
}

/** Whether the person asking may see a photo that is not public (hidden, or of an idea not in the list). */
export async function maySeePrivatePhoto(request: Request, idea: Idea, organisationId: number): Promise<boolean> {
  const auth = await getAuth(request);
  const coInitiatorUserIds = await acceptedCoInitiatorIds(idea.id);
  const target: Target = { kind: "idea", contestId: idea.contestId, organisationId, ownerUserId: idea.ownerUserId, coInitiatorUserIds };
  return can(auth.actor, "idea:edit", target) || (await draftTokenMatches(request, idea));
}
