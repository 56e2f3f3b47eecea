// What looks wrong in a round's register before the reveal (issue 15), without ever looking at what
// anyone voted: accounts made during the vote, bursts of accounts from one place, addresses at their
// cap, and email domains of throw-away mail services. A signal is a reason to look, not a verdict:
// the organiser decides, and a ballot declared invalid is logged with its reason.

export type BallotSignal = "new-during-voting" | "burst" | "address-at-cap" | "throwaway-domain";
export const INVALID_REASONS = ["fake-account", "double-vote", "not-eligible", "other"] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** Accounts from one IP address within this window count as a burst from this many on. */
export const BURST_WINDOW_MS = 60 * 60 * 1000;
export const BURST_SIZE = 3;

/**
 * Throw-away mail services: an address there is gone within the hour, so one person can make many.
 * A short list of the common ones is enough to raise a signal (a determined person has other ways).
 */
export const THROWAWAY_DOMAINS: ReadonlySet<string> = new Set([
  "10minutemail.com",
  "guerrillamail.com",
  "guerrillamail.net",
  "mailinator.com",
  "maildrop.cc",
  "temp-mail.org",
  "tempmail.com",
  "tempmail.dev",
  "throwawaymail.com",
  "trashmail.com",
  "yopmail.com",
  "sharklasers.com",
  "dispostable.com",
  "getnada.com",
  "mohmal.com",
  "emailondeck.com",
]);

export type ReviewedVoter = {
  registerId: number;
  name: string;
  email: string;
  accountCreatedAt: number;
  signupIpKey: string | null;
  addressKey: string | null;
};

export type ReviewContext = {
  votingStartsAt: number;
  /** When each account was made, per registration IP key, for the accounts of these voters' IP keys. */
  accountsByIp: ReadonlyMap<string, readonly number[]>;
  /** Addresses whose every ballot is used. */
  fullAddresses: ReadonlySet<string>;
};

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

export function signalsOf(voter: ReviewedVoter, context: ReviewContext): BallotSignal[] {
  const signals: BallotSignal[] = [];
  if (voter.accountCreatedAt >= context.votingStartsAt) signals.push("new-during-voting");
  if (voter.signupIpKey) {
    const near = (context.accountsByIp.get(voter.signupIpKey) ?? []).filter((t) => Math.abs(t - voter.accountCreatedAt) <= BURST_WINDOW_MS);
    if (near.length >= BURST_SIZE) signals.push("burst");
  }
  if (voter.addressKey && context.fullAddresses.has(voter.addressKey)) signals.push("address-at-cap");
  if (THROWAWAY_DOMAINS.has(emailDomain(voter.email))) signals.push("throwaway-domain");
  return signals;
}

/** The voters with at least one signal, the most signals first, then in the order they voted. */
export function flaggedVoters<V extends ReviewedVoter>(voters: readonly V[], context: ReviewContext): (V & { signals: BallotSignal[] })[] {
  return voters
    .map((voter) => ({ ...voter, signals: signalsOf(voter, context) }))
    .filter((v) => v.signals.length > 0)
    .sort((a, b) => b.signals.length - a.signals.length || a.registerId - b.registerId);
}

/** How many ballots were declared invalid, by reason: what the results page tells the public. */
export type InvalidCount = { total: number; byReason: Partial<Record<InvalidReason, number>> };

export function countInvalid(reasons: readonly InvalidReason[]): InvalidCount {
  const byReason: Partial<Record<InvalidReason, number>> = {};
  for (const reason of reasons) byReason[reason] = (byReason[reason] ?? 0) + 1;
  return { total: reasons.length, byReason };
}
