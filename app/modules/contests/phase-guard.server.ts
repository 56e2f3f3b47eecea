import { data } from "@remix-run/node";
import { now } from "~/lib/clock.server";
import { checkPhase, phaseAt, type ContestClock, type ContestPhase, type PhaseInfo } from "./phases";

/**
 * Every phase-bound action calls this first. Outside its phase the action stops with HTTP 409 and a
 * message (Dutch and English) that says what phase it is and when the action is or was possible: never a silent success.
 */
export function requirePhase(contest: { clock: ContestClock }, allowed: ContestPhase | readonly ContestPhase[], at: number = now()): PhaseInfo {
  const info = phaseAt(contest.clock, at);
  const check = checkPhase(info, allowed);
  if (!check.ok) {
    // Both languages travel with the refusal; the error page shows the reader's.
    const english = checkPhase(info, allowed, "en");
    throw data({ message: check.message, messages: { nl: check.message, en: english.ok ? check.message : english.message }, reason: check.reason }, { status: 409 });
  }
  return info;
}
