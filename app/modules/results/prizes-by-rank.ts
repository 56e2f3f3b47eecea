// De Vonk hands out prizes at the closing event: the first prize to the idea
// ranked first, the second to the second, and so on. Money does not enter
// into it; the ranking (with its tie-break) decides everything.

import type { ProjectId } from "./ranking";

export interface AwardedPrize<Prize> {
  readonly rank: number;
  readonly projectId: ProjectId;
  readonly prize: Prize;
}

/**
 * `ranking` is best first, already tie-broken (see rankByScore). When there
 * are more prizes than ideas, the remaining prizes are simply not awarded.
 */
export function prizesByRank<Prize>(ranking: readonly ProjectId[], prizes: readonly Prize[]): AwardedPrize<Prize>[] {
  if (new Set(ranking).size !== ranking.length) throw new RangeError("the ranking lists a project twice");
  const awarded: AwardedPrize<Prize>[] = [];
  prizes.forEach((prize, index) => {
    const projectId = ranking[index];
    if (projectId !== undefined) awarded.push({ rank: index + 1, projectId, prize });
  });
  return awarded;
}
