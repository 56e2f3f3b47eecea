// Reads for the public contest pages, built on contests.server.ts (which the organiser console owns).
import { notFound } from "~/lib/http.server";
import { can } from "~/modules/auth/permissions";
import { getAuth } from "~/modules/auth/session.server";
import { getContestBySlug, listPublishedContests, type ContestDetails } from "./contests.server";
import { isPubliclyVisible, phaseAt, type PhaseInfo } from "./phases";
import type { PhaseState } from "./public-view";

export type PublicContestSummary = {
  slug: string;
  title: string;
  intro: string;
  organisationName: string;
  areaNames: string[];
  budgetEuros: number;
  phase: PhaseState;
};

/**
 * The contests the public may see at `now` (not concept, not binnenkort), with only what a list
 * shows: the schedule itself stays on the server.
 */
export function listPublicContests(now: number): PublicContestSummary[] {
  return listPublishedContests(now)
    .filter((c) => isPubliclyVisible(c.phase.phase))
    .map((c) => ({
      slug: c.slug,
      title: c.title,
      intro: c.intro,
      organisationName: c.organisationName,
      areaNames: c.areaNames,
      budgetEuros: c.budgetEuros,
      phase: { phase: c.phase.phase, inGap: c.phase.inGap, since: c.phase.since, until: c.phase.until, next: c.phase.next },
    }));
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
  const details = slug ? getContestBySlug(slug) : null;
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
export function contestForLink(slug: string | undefined, now: number): { slug: string; title: string; isPublic: boolean } {
  const details = slug ? getContestBySlug(slug) : null;
  if (!details) notFound();
  return { slug: details.contest.slug, title: details.contest.title, isPublic: isPubliclyVisible(phaseAt(details.clock, now).phase) };
}
