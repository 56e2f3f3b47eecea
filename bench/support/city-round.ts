// A generated city-wide round the size of Amsterdam's "Begroot" rounds, the same on every machine:
// used by bench/results-tally.ts (as a .pb file) and, as ballots in a database, by the page and
// start-up benches.

import { seededRandom } from "../../tests/support/seeded-random";

/** The city round's slug when it is in a bench database (bench/support/prepare-database.ts). */
export const citySlug = "begroot-keizerslanden-2026";

export type CityRound = {
  /** Ids "1001" to "1100", costing 5,000 to 150,000 euros. */
  projects: { id: string; cost: number }[];
  /** One ballot per voter: three different project ids. */
  ballots: string[][];
  budget: number;
};

/**
 * 100 ideas costing 5,000 to 150,000 euros, 15,000 voters each putting three stickers on three
 * different ideas. Popularity is skewed (a few ideas draw many stickers, most draw few), as in real rounds.
 */
export function generateCityRound(seed = 2027, voters = 15_000, ideaCount = 100): CityRound {
  const random = seededRandom(seed);
  const projects = Array.from({ length: ideaCount }, (_, i) => ({
    id: String(1001 + i),
    cost: 5_000 + Math.floor(random() * 145_001),
  }));
  const weights = projects.map(() => 0.2 + random() ** 2 * 3);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const pick = () => {
    let r = random() * totalWeight;
    for (const [i, w] of weights.entries()) {
      r -= w;
      if (r <= 0) return i;
    }
    return weights.length - 1;
  };
  const ballots = Array.from({ length: voters }, () => {
    const chosen = new Set<number>();
    while (chosen.size < 3) chosen.add(pick());
    return [...chosen].map((i) => projects[i]?.id ?? "");
  });
  return { projects, ballots, budget: 1_000_000 };
}
