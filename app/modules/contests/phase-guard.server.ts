import { now } from "~/lib/clock.server";
import { Refusal, type RefusalBody } from "~/lib/refusal";
import { checkPhase, phaseAt, type ContestClock, type ContestPhase, type PhaseInfo, type PhaseRefusal } from "./phases";

/** An action outside its phase: a conflict, with what phase it is and when the action is or was possible. */
export class OutsidePhase extends Refusal {
  constructor(readonly refusal: PhaseRefusal) {
    // The error page words `phase` in the reader's language (ui/phase-words.ts); `message` is for logs.
    const body: RefusalBody & { phase: PhaseRefusal } = { message: `outside its phase (${refusal.reason})`, reason: refusal.reason, phase: refusal };
    super("conflict", body);
  }
}

/**
 * Every phase-bound action calls this first. Outside its phase the action stops with OutsidePhase, which
 * says what phase it is and when the action is or was possible: never a silent success. Routes answer it
 * with 409 (routes-support/refusals.server.ts).
 */
export function requirePhase(contest: { clock: ContestClock }, allowed: ContestPhase | readonly ContestPhase[], at: number = now()): PhaseInfo {
  const info = phaseAt(contest.clock, at);
  const check = checkPhase(info, allowed);
  if (!check.ok) throw new OutsidePhase({ reason: check.reason, now: check.now, when: check.when });
  return info;
}
