// Reads for the public contest pages, built on contests.server.ts (which the organiser console owns).
import { listPublishedContests } from "./contests.server";
import { isPubliclyVisible } from "./phases";
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
