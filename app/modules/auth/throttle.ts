// Attempts are counted per key (an account, an IP address, an email address) in a sliding window;
// past the limit the key is blocked for a while, so guessing passwords or making accounts in bulk
// becomes slow.

export type ThrottlePolicy = { maxFailures: number; windowMs: number; blockMs: number };
export type ThrottleState = { failures: number; windowStartedAt: number; blockedUntil: number | null };

const minute = 60_000;
const hour = 60 * minute;
export const accountPolicy: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * minute, blockMs: 15 * minute };
// An IP may hold many residents (a library, a community centre), so it gets more room.
export const ipPolicy: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * minute, blockMs: 15 * minute };
// Registrations: a community centre may help a few residents an hour; a script making accounts may not.
export const registrationIpPolicy: ThrottlePolicy = { maxFailures: 10, windowMs: hour, blockMs: hour };
// Each registration or reset request mails the address: a few an hour is all a person needs.
export const mailAddressPolicy: ThrottlePolicy = { maxFailures: 3, windowMs: hour, blockMs: hour };
export const resetIpPolicy: ThrottlePolicy = { maxFailures: 20, windowMs: hour, blockMs: hour };

export function blockedFor(state: ThrottleState | undefined, now: number): number {
  if (!state?.blockedUntil || state.blockedUntil <= now) return 0;
  return state.blockedUntil - now;
}

export function recordFailure(state: ThrottleState | undefined, now: number, policy: ThrottlePolicy): ThrottleState {
  const fresh = !state || now - state.windowStartedAt >= policy.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  return { failures, windowStartedAt, blockedUntil: failures >= policy.maxFailures ? now + policy.blockMs : null };
}

/**
 * One attempt, counted before it is checked: the state to store, and how long the caller must wait
 * (0: go ahead). The attempt that reaches the limit still goes ahead and blocks the ones after it;
 * attempts during a block are counted but do not lengthen it.
 */
export function countAttempt(state: ThrottleState | undefined, now: number, policy: ThrottlePolicy): { next: ThrottleState; waitMs: number } {
  const waitMs = blockedFor(state, now);
  if (state && waitMs > 0) return { next: { ...state, failures: state.failures + 1 }, waitMs };
  return { next: recordFailure(state, now, policy), waitMs: 0 };
}

/** Takes back one counted attempt that turned out fine (a right password from a shared IP). */
export function forgiveAttempt(state: ThrottleState, policy: ThrottlePolicy): ThrottleState {
  const failures = Math.max(0, state.failures - 1);
  return { ...state, failures, blockedUntil: failures >= policy.maxFailures ? state.blockedUntil : null };
}
