import { notFound } from "./http.server";
import { can, type Permission } from "~/modules/auth/permissions";
import { getAuth } from "~/modules/auth/session.server";
import { getContestBySlug, type ContestDetails } from "~/modules/contests/contests.server";
import { isPubliclyVisible, phaseAt, type PhaseInfo } from "~/modules/contests/phases";
import { requirePermission } from "./guards.server";

/**
 * Loads a contest for its console: 404 when it does not exist, login or 403 unless the user organises
 * it, and 403 too when a console tab asks for a further permission (`also`) the user lacks.
 */
export async function requireContestManager(request: Request, slug: string | undefined, also?: Permission) {
  const details = slug ? await getContestBySlug(slug) : null;
  if (!details) notFound();
  const auth = await requirePermission(request, "contest:manage", details.target);
  if (also && !can(auth.actor, also, details.target)) throw new Response("Forbidden", { status: 403 });
  return { details, actor: auth.actor! };
}

/**
 * A contest page's contest, or a 404. A contest the public may not see yet (concept, binnenkort) is a
 * 404 for everyone except its organisers and beheerders, who get it as a preview: the same answer as
 * for a slug that does not exist, so the page never tells that a contest is being prepared.
 */
export async function loadVisibleContest(
  request: Request,
  slug: string | undefined,
  now: number,
): Promise<{ details: ContestDetails; info: PhaseInfo; preview: boolean }> {
  const details = slug ? await getContestBySlug(slug) : null;
  if (!details) notFound();
  const info = phaseAt(details.clock, now);
  const preview = !isPubliclyVisible(info.phase);
  if (preview && !can((await getAuth(request)).actor, "contest:manage", details.target)) notFound();
  return { details, info, preview };
}

/**
 * For the pages behind the links in mails: which contest, and whether its page is public (to send the
 * visitor there afterwards). A 404 only for a slug that does not exist: the token decides the rest.
 */
export async function contestForLink(slug: string | undefined, now: number): Promise<{ slug: string; title: string; isPublic: boolean }> {
  const details = slug ? await getContestBySlug(slug) : null;
  if (!details) notFound();
  return { slug: details.contest.slug, title: details.contest.title, isPublic: isPubliclyVisible(phaseAt(details.clock, now).phase) };
}
