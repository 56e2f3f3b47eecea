// The ballot page's heading says what is true now (issue 18.3): "choose the best ideas" only to someone
// who still can; after voting it is their vote, and someone who cannot vote here is not asked to choose.
// Pure, so each state is unit-tested.

export type BallotPageState = "login" | "ineligible" | "at-meeting" | "poster-only" | "ballot";
export type BallotHeading = "choose" | "yourVote" | "voting";

export function ballotHeadingNow(input: { state: BallotPageState; voted: boolean }): BallotHeading {
  if (input.state === "ballot") return input.voted ? "yourVote" : "choose";
  // Not logged in yet: the page invites to vote, so choosing is still ahead of them.
  if (input.state === "login") return "choose";
  return "voting";
}
