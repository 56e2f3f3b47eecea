// The line under "Fase nu" in the console (issue 18.3): what is true about the round's schedule now.
// A concept round whose whole schedule is saved said "Nog geen planning" until it was published, and a
// finished round said the same. Pure, so each case is unit-tested.
import { effectiveSchedule, phaseAt, type ContestClock } from "./phases";

export type ScheduleNote =
  /** A published round: the next moment something changes. */
  | { kind: "deadline"; at: number }
  /** A concept round with its whole schedule: it starts once published, at the announcement's start. */
  | { kind: "ready"; startsAt: number }
  /** A concept round without a (complete) schedule. */
  | { kind: "missing" }
  /** A published round past its last phase. */
  | { kind: "finished" };

export function scheduleNote(clock: ContestClock, at: number): ScheduleNote {
  if (clock.status === "concept") {
    return clock.schedule ? { kind: "ready", startsAt: effectiveSchedule(clock.schedule, clock.overrides ?? []).aankondiging.start } : { kind: "missing" };
  }
  const info = phaseAt(clock, at);
  return info.until !== null ? { kind: "deadline", at: info.until } : { kind: "finished" };
}
