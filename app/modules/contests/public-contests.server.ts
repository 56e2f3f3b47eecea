// Reads for the public contest pages, built on contests.server.ts (which the organiser console owns).
import { getContestBySlug, listPublishedContests } from "./contests.server";
import { normalizePostcode } from "~/lib/postcode";
import { isInAnyArea, parseAreaPostcodes } from "./postcode";
import { isPubliclyVisible } from "./phases";
import { contestImageUrl } from "./contest-image";
import { groupForPublicList, type PhaseState } from "./public-view";

export type PublicContestSummary = {
  slug: string;
  title: string;
  intro: string;
  organisationName: string;
  areaNames: string[];
  budgetEuros: number;
  amountsIncludeVat: boolean;
  phase: PhaseState;
  /** Where the card finds the round's cover (small size), or null without one. */
  image: { src: string; alt: string } | null;
};

/**
 * The contests the public may see at `now` (not concept, not binnenkort), with only what a list
 * shows: the schedule itself stays on the server.
 */
export async function listPublicContests(now: number): Promise<PublicContestSummary[]> {
  return (await listPublishedContests(now))
    .filter((c) => isPubliclyVisible(c.phase.phase))
    .map((c) => ({
      slug: c.slug,
      title: c.title,
      intro: c.intro,
      organisationName: c.organisationName,
      areaNames: c.areaNames,
      budgetEuros: c.budgetEuros,
      amountsIncludeVat: c.amountsIncludeVat,
      image: c.image ? { src: contestImageUrl(c.image.storageKey, "small"), alt: c.image.alt } : null,
      phase: { phase: c.phase.phase, inGap: c.phase.inGap, since: c.phase.since, until: c.phase.until, next: c.phase.next },
    }));
}

/** Which of these rounds a postcode lies in: for telling a resident whose postcode is in none of them (issue 18). */
export async function roundsAtPostcode(slugs: readonly string[], postcode: string): Promise<string[]> {
  const normalized = normalizePostcode(postcode);
  if (!normalized) return [];
  const found: string[] = [];
  for (const slug of slugs) {
    const details = await getContestBySlug(slug);
    const areas = (details?.areas ?? []).flatMap((a) => {
      const parsed = parseAreaPostcodes(a.postcodes);
      return parsed.ok ? [parsed.area] : [];
    });
    if (isInAnyArea(normalized, areas)) found.push(slug);
  }
  return found;
}

/**
 * The running and announced rounds whose area holds this postcode, other than `exceptSlug`: where a
 * resident outside one round's area can take part instead (issue 18.4), rather than every round.
 */
export async function openRoundsAtPostcode(postcode: string, now: number, exceptSlug: string): Promise<{ slug: string; title: string }[]> {
  const { current, upcoming } = groupForPublicList(await listPublicContests(now));
  const open = [...current, ...upcoming].filter((c) => c.slug !== exceptSlug);
  const here = new Set(
    await roundsAtPostcode(
      open.map((c) => c.slug),
      postcode,
    ),
  );
  return open.filter((c) => here.has(c.slug)).map((c) => ({ slug: c.slug, title: c.title }));
}
