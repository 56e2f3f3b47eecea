// What was voted, as the count reads it (results/vote-totals.ts adds it up): the ballots of the three
// ways of voting and the poster counts, and how many voted each way.

import type { Ballot, BallotRules } from "./ballot";
import type { PosterCount } from "./poster-counts";

export interface TallyInput {
  /** The ideas on the ballot (the shortlist); every one appears in the result, also with 0. */
  readonly ideaIds: readonly number[];
  readonly rules: BallotRules;
  readonly onlineBallots: readonly Ballot[];
  readonly codeBallots: readonly Ballot[];
  /** The reconciled poster counts (finalPosterCounts) and the attendance registered at the meeting; null without a poster vote. */
  readonly poster: { readonly counts: readonly PosterCount[]; readonly attendance: number } | null;
}

export interface Turnout {
  readonly online: number;
  readonly code: number;
  /** Residents registered at the keuzebijeenkomst, not stickers. */
  readonly poster: number;
  readonly total: number;
}
