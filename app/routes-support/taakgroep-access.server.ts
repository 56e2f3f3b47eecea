import { notFound } from "./http.server";
import { can } from "~/modules/auth/permissions";
import { checkPhase } from "~/modules/contests/phases";
import type { IdeaContext } from "./idea-access.server";
import { pageVisibility } from "~/modules/ideas/rules";
import { ideaTakesSignups, TAAKGROEP_PHASES } from "~/modules/taakgroepen/record";
import type { Member } from "~/modules/taakgroepen/record";
import { taakgroepView } from "~/modules/taakgroepen/taakgroepen.server";

/** What a page may show of a member: never the account id. */
function shown(m: Member) {
  return { name: m.name, contact: m.contact, skills: m.skills, tags: [...m.tags], timeAvailable: m.timeAvailable, sharesContact: m.sharesContact };
}

/** What the idea page shows of its taakgroep, for the person asking; null when the idea has none. */
export async function taakgroepSection(ctx: IdeaContext) {
  if (!ideaTakesSignups(ctx.idea)) return null;
  const minimum = ctx.details.contest.minTaakgroepSize;
  const open = checkPhase(ctx.phase, TAAKGROEP_PHASES).ok;
  const view = await taakgroepView({
    contestId: ctx.details.contest.id,
    ideaId: ctx.idea.id,
    minimum,
    userId: ctx.auth.user?.id ?? null,
    canSeeMembers: can(ctx.auth.actor, "taakgroep:view-members", ctx.target),
  });
  // Before the vote an empty group is not news: show the section once sign-ups open or someone is in.
  if (!open && view.status.members === 0) return null;
  return {
    status: view.status,
    own: view.own ? shown(view.own) : null,
    members: view.members?.map(shown) ?? null,
    open,
    minimum,
    loggedIn: ctx.auth.user !== null,
  };
}

/** The idea of a sign-up page: public, handed in, not hidden. */
export function requireSignupIdea(ctx: IdeaContext): void {
  if (pageVisibility(ctx.relation, ctx.idea) !== "full" || !ideaTakesSignups(ctx.idea)) notFound();
}
