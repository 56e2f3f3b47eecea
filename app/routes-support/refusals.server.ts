import { data } from "@remix-run/node";
import { Refusal, type RefusalKind } from "~/lib/refusal";
import { requirePhase as requirePhaseOf } from "~/modules/contests/phase-guard.server";

const STATUS: Record<RefusalKind, number> = { "not-found": 404, forbidden: 403, conflict: 409 };

/** A use case's refusal as the answer the error page shows (ui/error-page.tsx); any other error as it was. */
export function httpRefusal(error: unknown): unknown {
  return error instanceof Refusal ? data(error.body, { status: STATUS[error.kind] }) : error;
}

/**
 * Runs a use case for a route: a Refusal it throws, at once or from its promise, is thrown on as its
 * HTTP status (409 for an action outside its phase); its result comes back as it was.
 */
export function asHttp<T>(work: () => T): T {
  try {
    const result = work();
    return (result instanceof Promise ? result.catch((error: unknown) => Promise.reject(httpRefusal(error))) : result) as T;
  } catch (error) {
    throw httpRefusal(error);
  }
}

/** The route's phase guard: the contest's requirePhase, outside its phase answered with 409. */
export function requirePhase(...args: Parameters<typeof requirePhaseOf>): ReturnType<typeof requirePhaseOf> {
  return asHttp(() => requirePhaseOf(...args));
}
