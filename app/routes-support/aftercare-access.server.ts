import { notFound } from "./http.server";
import { can } from "~/modules/auth/permissions";
import { checkPhase } from "~/modules/contests/phases";
import type { IdeaContext } from "./idea-access.server";
import { pageVisibility } from "~/modules/ideas/rules";
import { ideaTakesSignups } from "~/modules/taakgroepen/record";
import { mayOpenTrack, TRACK_SHOW_PHASES, type TrackWriter } from "~/modules/aftercare/track";
import { getTrack } from "~/modules/aftercare/track.server";

/** Who the reader is to this idea's track: an organiser of the round, one of its makers, or nobody who writes. */
export function trackWriterOf(ctx: IdeaContext): TrackWriter | null {
  if (can(ctx.auth.actor, "aftercare:grant", ctx.target)) return "organiser";
  return can(ctx.auth.actor, "aftercare:update", ctx.target) ? "maker" : null;
}

/** The idea page's realisation track: public after the vote; null before it or for an idea without one. */
export async function trackSection(ctx: IdeaContext) {
  if (!ideaTakesSignups(ctx.idea) || !checkPhase(ctx.phase, TRACK_SHOW_PHASES).ok) return null;
  const writer = trackWriterOf(ctx);
  return {
    ...(await getTrack(ctx.idea.id)),
    canUpdate: mayOpenTrack(writer, ctx.phase),
    // After nazorg the initiative goes on: the page says so, and the makers may still post news (ADR 028).
    archived: ctx.phase.phase === "afgesloten",
  };
}

/** The track's edit page: the idea's makers and organisers, for a public idea. Phase is checked by the caller. */
export function requireTrackIdea(ctx: IdeaContext): void {
  if (pageVisibility(ctx.relation, ctx.idea) !== "full" || !ideaTakesSignups(ctx.idea)) notFound();
}
