import type { ContestDetails } from "~/modules/contests/contests.server";
import { trackIsDone } from "~/modules/aftercare/followup";
import { followUpOf } from "./follow-up.server";
import { getTrack } from "~/modules/aftercare/track.server";

// "Wat is er van geworden?" (issue 8): every idea's track after the vote, as a public story. Only what
// is public anyway: the track, the taakgroep's status (never its members), and which supporters help.
// Winners are told apart only once the results are revealed, so the page never leaks them early.

const LATEST_UPDATES = 3;

export async function contestStory(details: ContestDetails, now: number) {
  const followUp = await followUpOf(details, now);
  const ideas = await Promise.all(
    followUp.ideas.map(async (idea) => {
      const track = await getTrack(idea.ideaId);
      return {
        ideaId: idea.ideaId,
        title: idea.title,
        won: idea.won === true,
        prizeName: idea.prizeName,
        status: track.status,
        milestones: { done: track.milestones.filter((m) => m.done).length, total: track.milestones.length },
        updates: track.updates.slice(0, LATEST_UPDATES),
        money: track.money,
        // A realised or stopped idea no longer looks for people, whatever its group's count says.
        taakgroep: trackIsDone(track.status) && idea.taakgroep?.kind === "zoekt" ? null : idea.taakgroep,
        // Supporters who are working with the idea or helped it; a referral that did not work out is not news.
        helpedBy: idea.referrals.filter((r) => r.status === "in-contact" || r.status === "geholpen").map((r) => r.supporter.name),
      };
    }),
  );
  return { revealed: followUp.revealed, winners: ideas.filter((i) => i.won), others: ideas.filter((i) => !i.won) };
}
