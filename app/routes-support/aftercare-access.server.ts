import { notFound } from "./http.server";
import { can } from "~/modules/auth/permissions";
import { checkPhase } from "~/modules/contests/phases";
import type { IdeaContext } from "./idea-access.server";
import { pageVisibility } from "~/modules/ideas/rules";
import { ideaTakesSignups } from "~/modules/taakgroepen/record";
import { TRACK_EDIT_PHASES, TRACK_SHOW_PHASES } from "~/modules/aftercare/track";
import { getTrack } from "~/modules/aftercare/track.server";

/** The idea page's realisation track: public after the vote; null before it or for an idea without one. */
export function trackSection(ctx: IdeaContext) {
  if (!ideaTakesSignups(ctx.idea) || !checkPhase(ctx.phase, TRACK_SHOW_PHASES).ok) return null;
  const canUpdate = can(ctx.auth.actor, "aftercare:update", ctx.target) && checkPhase(ctx.phase, TRACK_EDIT_PHASES).ok;
  return { ...getTrack(ctx.idea.id), canUpdate };
}

/** The track's edit page: the idea's makers and organisers, for a public idea. Phase is checked by the caller. */
export function requireTrackIdea(ctx: IdeaContext): void {
  if (pageVisibility(ctx.relation, ctx.idea) !== "full" || !ideaTakesSignups(ctx.idea)) notFound();
}
