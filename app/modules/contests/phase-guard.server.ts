import { now } from "~/lib/clock.server";
import { Refusal } from "~/lib/refusal";
import { checkPhase, phaseAt, type ContestClock, type ContestPhase, type PhaseInfo } from "./phases";

/** An action outside its phase: a conflict, with what phase it is and when the action is or was possible. */
export class OutsidePhase extends Refusal {
  constructor(body: { message: string; messages: { nl: string; en: string }; reason: string }) {
    super("conflict", body);
  }
}

/**
 * Every phase-bound action calls this first. Outside its phase the action stops with OutsidePhase and a
 * message (Dutch and English) that says what phase it is and when the action is or was possible: never a
 * silent success. Routes answer it with 409 (routes-support/refusals.server.ts).
 */
export function requirePhase(contest: { clock: ContestClock }, allowed: ContestPhase | readonly ContestPhase[], at: number = now()): PhaseInfo {
  const info = phaseAt(contest.clock, at);
  const check = checkPhase(info, allowed);
  if (!check.ok) {
    // Both languages travel with the refusal; the error page shows the reader's.
    const english = checkPhase(info, allowed, "en");
    throw new OutsidePhase({ message: check.message, messages: { nl: check.message, en: english.ok ? check.message : english.message }, reason: check.reason });
  }
  return info;
}
