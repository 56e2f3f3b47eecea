// Failed log-ins are counted per account and per IP address in a sliding window;
// past the limit the key is blocked for a while, so guessing passwords becomes slow.

export type ThrottlePolicy = { maxFailures: number; windowMs: number; blockMs: number };
export type ThrottleState = { failures: number; windowStartedAt: number; blockedUntil: number | null };

const minute = 60_000;
export const accountPolicy: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * minute, blockMs: 15 * minute };
// An IP may hold many residents (a library, a community centre), so it gets more room.
export const ipPolicy: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * minute, blockMs: 15 * minute };

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
