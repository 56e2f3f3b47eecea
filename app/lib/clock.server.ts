import { AsyncLocalStorage } from "node:async_hooks";

// The server's idea of "now". Production uses real time. With TEST_CLOCK=1 (end-to-end tests only,
// never a real deployment) a request may carry a cookie `wv_test_now=<epoch ms>`, and everything that
// request does sees that moment: each test moves its own clock without disturbing the others.
const requestClock = new AsyncLocalStorage<number>();
export const testClockCookie = "wv_test_now";

export function now(): number {
  return requestClock.getStore() ?? Date.now();
}

export function testClockEnabled(): boolean {
  return process.env.TEST_CLOCK === "1";
}

export function runWithRequestClock<T>(cookieHeader: string | undefined, fn: () => T): T {
  if (!testClockEnabled() || !cookieHeader) return fn();
  const match = cookieHeader.match(new RegExp(`(?:^|;\\s*)${testClockCookie}=(\\d{10,15})`));
  return match ? requestClock.run(Number(match[1]), fn) : fn();
}
