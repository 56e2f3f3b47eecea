import type { User } from "lucia";
import { now } from "~/lib/clock.server";
import { notFound } from "./http.server";
import { can, type Actor } from "~/modules/auth/permissions";
import type { Auth } from "~/modules/auth/session.server";
import { requireUser } from "./guards.server";
import { getContestBySlug, type ContestDetails } from "~/modules/contests/contests.server";
import { phaseAt, type PhaseInfo } from "~/modules/contests/phases";

export type JuryContext = {
  details: ContestDetails;
  auth: Auth & { user: User; actor: NonNullable<Actor> };
  phase: PhaseInfo;
  at: number;
  /** Organisers of the contest (and beheerders) manage the jury and decide. */
  isOrganiser: boolean;
  /** Set when the user is a juror of this contest. */
  juror: { userId: string; isChair: boolean } | null;
  /** The chair or an organiser: contest:jury-decide. */
  mayDecide: boolean;
};

/**
 * The jury pages of a contest: 404 when it does not exist, the login page when not logged in,
 * 403 for anyone who is neither a juror of this contest nor one of its organisers.
 */
export async function loadJuryContext(request: Request, slug: string | undefined): Promise<JuryContext> {
  const details = slug ? await getContestBySlug(slug) : null;
  if (!details) notFound();
  const auth = await requireUser(request);
  const isOrganiser = can(auth.actor, "contest:manage", details.target);
  const grant = auth.actor.grants.find((g) => g.role === "jurylid" && g.contestId === details.contest.id);
  const juror = grant && grant.role === "jurylid" ? { userId: auth.user.id, isChair: grant.isChair } : null;
  if (!isOrganiser && !can(auth.actor, "contest:jury-score", details.target)) throw new Response("Forbidden", { status: 403 });
  const at = now();
  return { details, auth, phase: phaseAt(details.clock, at), at, isOrganiser, juror, mayDecide: can(auth.actor, "contest:jury-decide", details.target) };
}
