import type { ContestPhase } from "./phases";

// When a resident may ask to be kept up to date about a contest ("houd me op de hoogte"), and what the
// form then promises. Until voting ends: the voting and results notices go to followers too
// (workflows/notices.server.ts), so a resident who finds the round late still hears what is left.
// binnenkort is seen only in an organiser's preview.

const LEADS = {
  binnenkort: "rounds.subscribeLead",
  aankondiging: "rounds.subscribeLead",
  indienen: "rounds.subscribeLeadSubmitting",
  juryselectie: "rounds.subscribeLeadBeforeVoting",
  uitwerken: "rounds.subscribeLeadBeforeVoting",
  stemmen: "rounds.subscribeLeadVoting",
} as const satisfies Partial<Record<ContestPhase, `rounds.${string}`>>;

export type SubscribeLead = (typeof LEADS)[keyof typeof LEADS];

export const SUBSCRIBE_PHASES = Object.keys(LEADS) as (keyof typeof LEADS)[];

/** What the sign-up form says the resident will hear about, or null when signing up is closed. */
export function subscribeLeadAt(phase: { phase: ContestPhase; inGap: boolean }): SubscribeLead | null {
  if (phase.inGap) return null;
  return (LEADS as Partial<Record<ContestPhase, SubscribeLead>>)[phase.phase] ?? null;
}
