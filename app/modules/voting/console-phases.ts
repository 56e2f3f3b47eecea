import type { ContestPhase } from "~/modules/contests/phases";

// When the organiser's voting work is open (checked with requirePhase on the server).

/** Letters go out before voting opens, so codes can be made (and revoked) from the start until voting closes. */
export const CODE_PHASES = [
  "concept",
  "binnenkort",
  "aankondiging",
  "indienen",
  "juryselectie",
  "uitwerken",
  "stemmen",
] as const satisfies readonly ContestPhase[];
/** The keuzebijeenkomst is part of the vote: the desk is open while voting runs. */
export const DESK_PHASES = ["stemmen"] as const satisfies readonly ContestPhase[];
/** The posters are counted after the meeting, also after online voting has closed, until the prize-giving. */
export const POSTER_PHASES = ["stemmen", "prijsuitreiking"] as const satisfies readonly ContestPhase[];
