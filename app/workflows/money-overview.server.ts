import type { ContestDetails } from "~/modules/contests/contests.server";
import { moneyOverview, type MoneyOverview } from "~/modules/aftercare/money";
import { moneyOfIdeas } from "~/modules/aftercare/track.server";
import { followUpOf } from "./follow-up.server";

// The round's money overview (issue 21.5): what every idea after the vote was granted and has spent,
// for anyone to check. Like the story page it waits for the reveal: a grant set during the prize-giving
// must not tell the winners before the results do. Hidden and withdrawn ideas are left out, as on the story.

export async function contestMoney(details: ContestDetails, now: number): Promise<{ revealed: false } | { revealed: true; overview: MoneyOverview }> {
  const followUp = await followUpOf(details, now);
  if (!followUp.revealed) return { revealed: false };
  const money = await moneyOfIdeas(followUp.ideas.map((i) => i.ideaId));
  return {
    revealed: true,
    overview: moneyOverview(followUp.ideas.map((i) => ({ ideaId: i.ideaId, title: i.title, ...money.get(i.ideaId)! }))),
  };
}
