import { subscriberCount } from "~/modules/contests/console.server";
import { countHandedInIdeas } from "~/modules/ideas/ideas.server";
import { juryCounts } from "~/modules/jury/scores.server";
import { turnout } from "~/modules/voting/votes.server";

/** What the console's overview counts. Each later feature (ideas, jury, votes) adds its own figure here. */
export function contestCounts(contestId: number) {
  return { subscribers: subscriberCount(contestId), ideas: countHandedInIdeas(contestId), jury: juryCounts(contestId), turnout: turnout(contestId) };
}
