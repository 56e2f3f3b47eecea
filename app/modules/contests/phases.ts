// The phase clock of a contest (ronde): which phase it is, from the schedule,
// the organisers' overrides and the time. Pure: no I/O, the caller passes `now`.
//
// Decisions (also in docs/decisions/phase-clock-and-areas.md):
// - Instants are epoch milliseconds (UTC). Organisers enter Amsterdam local
//   date-times; ~/lib/dates converts them (DST: skipped times move forward,
//   repeated times mean the first occurrence).
// - A phase runs from its start (inclusive) to its end (exclusive).
// - All seven De Vonk phases are required, in order, each with end after start;
//   a phase may start later than the previous one ended (a gap), never earlier.
// - In a gap, the phase is the one that just ended, with `inGap: true`: its
//   actions are closed and the next phase's are not yet open.
// - A published contest whose aankondiging has not started is `binnenkort`:
//   still hidden from the public, like `concept`, but on the clock.
// - After nazorg ends the contest is `afgesloten` (read-only archive).

import { fromAmsterdamWallMs, toAmsterdamWallMs, toEpochMs } from "~/lib/dates";

export { amsterdamLocalToInstant, instantToAmsterdamLocal, resolveAmsterdamLocal } from "~/lib/dates";

import { PHASES } from "./contest-constants";

export { PHASES };
export type Phase = (typeof PHASES)[number];

/** Every state a contest can be in, in the order a contest passes through them. */
export const CONTEST_PHASES = ["concept", "binnenkort", ...PHASES, "afgesloten"] as const;
export type ContestPhase = (typeof CONTEST_PHASES)[number];

/** Every phase but the archive: what organisers may still change (settings, ideas, taakgroep marks). */
export const BEFORE_ARCHIVE = CONTEST_PHASES.filter((p) => p !== "afgesloten");

/** Position in CONTEST_PHASES: concept 0, binnenkort 1, aankondiging 2 ... nazorg 8, afgesloten 9. */
export function phaseIndex(phase: ContestPhase): number {
  return CONTEST_PHASES.indexOf(phase);
}

/** Does `a` come after `b` in a contest's life? */
export function isPhaseAfter(a: ContestPhase, b: ContestPhase): boolean {
  return phaseIndex(a) > phaseIndex(b);
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** Whether the public may see the contest at all: not while concept or binnenkort. */
export function isPubliclyVisible(phase: ContestPhase): boolean {
  return phase !== "concept" && phase !== "binnenkort";
}

// ---------------------------------------------------------------------------
// Schedule

export interface PhaseWindow {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

export type Schedule = { readonly [P in Phase]: PhaseWindow };

/** What a schedule form delivers: anything may be missing. */
export type ScheduleDraft = {
  readonly [P in Phase]?: { start?: number | null; end?: number | null } | null;
};

export type ScheduleField = `${Phase}.${"start" | "end"}`;
/** What is wrong with one field of the schedule form; the planning page words it (phases.schedule.*). */
export type ScheduleProblem =
  | { code: "startMissing" | "endMissing" | "notADateTime" | "endBeforeStart" }
  /** The round is published: its schedule changes only through overrides. */
  | { code: "notEditable" }
  | { code: "startBeforePrevious"; phase: Phase; at: number };
export type ScheduleErrors = Partial<Record<ScheduleField, ScheduleProblem>>;

/**
 * Checks a schedule as the organiser entered it. Every phase needs a start and
 * an end (De Vonk has seven phases; a short phase is fine, a missing one is not),
 * the end after the start, and each phase starting at or after the previous
 * one's end. One problem per field, keyed "stemmen.end".
 */
export function validateSchedule(draft: ScheduleDraft): { ok: true; schedule: Schedule } | { ok: false; errors: ScheduleErrors } {
  const errors: ScheduleErrors = {};
  let previous: { phase: Phase; end: number } | null = null;
  for (const phase of PHASES) {
    const start = draft[phase]?.start;
    const end = draft[phase]?.end;
    const startOk = isInstant(start);
    const endOk = isInstant(end);
    if (!startOk) errors[`${phase}.start`] = { code: start == null ? "startMissing" : "notADateTime" };
    if (!endOk) errors[`${phase}.end`] = { code: end == null ? "endMissing" : "notADateTime" };
    if (startOk && endOk && end <= start) errors[`${phase}.end`] = { code: "endBeforeStart" };
    if (startOk && previous && start < previous.end) errors[`${phase}.start`] = { code: "startBeforePrevious", phase: previous.phase, at: previous.end };
    // Compare with the last end we know, so one wrong field gives one message.
    if (endOk) previous = { phase, end };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, schedule: toSchedule(PHASES.map((phase) => ({ start: draft[phase]!.start!, end: draft[phase]!.end! }))) };
}

function isInstant(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

// ---------------------------------------------------------------------------
// Overrides
//
// What an organiser would expect, and so what we do:
// - close-early: the phase ends at `at`. By default the next phase starts right
//   away (its end stays as planned), so the contest does not sit still; with
//   `nextPhase: "as-planned"` the next phase keeps its planned start and a gap
//   appears (for example to keep the prize-giving on the announced evening).
// - extend: a phase that has not ended gets a later end. Later phases move
//   only as far as needed to stay after it; a gap absorbs the extension first,
//   so announced dates move as little as possible.
// - reopen: the phase that ended most recently opens again until `newEnd`;
//   later phases move back as with extend. Only the most recent one, because
//   reopening an older phase would undo work done in the phases after it.
// Moved phases keep their wall-clock length in Amsterdam time: voting that
// closed at 20:00 still closes at 20:00 after moving a week across a DST change.
// Overrides are applied in the order of `at` (ties: in the order given).

export type OverrideKind = "close-early" | "extend" | "reopen";

export interface PhaseOverride {
  kind: OverrideKind;
  phase: Phase;
  /** When the organiser made the change (epoch ms). */
  at: number;
  /** New end for extend and reopen (epoch ms). */
  newEnd?: number | null;
  /** For close-early: does the next phase start now (default) or as planned? */
  nextPhase?: "now" | "as-planned" | null;
  /** Why, for the audit log and the public page. */
  reason: string;
}

/** Why an override cannot be done, as a code the page words in the reader's language (issue 17). */
export type OverrideProblem =
  | { code: "incomplete" }
  | { code: "not-started"; phase: Phase }
  | { code: "already-ended"; phase: Phase }
  | { code: "ended-use-reopen"; phase: Phase }
  | { code: "need-new-end" }
  | { code: "new-end-not-later"; currentEnd: number }
  | { code: "not-ended-use-extend"; phase: Phase }
  | { code: "only-last-ended"; lastEnded: Phase }
  | { code: "new-end-in-past" };

export type OverrideResult = { ok: true; schedule: Schedule } | { ok: false; problem: OverrideProblem };

const refuse = (problem: OverrideProblem): OverrideResult => ({ ok: false, problem });

/**
 * Applies one override to a schedule, or says why it cannot be done.
 * Use this to check an organiser's request before storing it.
 */
export function applyOverride(schedule: Schedule, override: PhaseOverride): OverrideResult {
  const { phase, at } = override;
  if (!isPhase(phase) || !isInstant(at)) return refuse({ code: "incomplete" });
  const index = PHASES.indexOf(phase);
  const window = schedule[phase];
  const windows = PHASES.map((p) => ({ ...schedule[p] }));
  const current = windows[index]!;

  switch (override.kind) {
    case "close-early": {
      if (at < window.start) return refuse({ code: "not-started", phase });
      if (at >= window.end) return refuse({ code: "already-ended", phase });
      current.end = at;
      const next = windows[index + 1];
      if (next && override.nextPhase !== "as-planned") next.start = at;
      return { ok: true, schedule: toSchedule(windows) };
    }
    case "extend": {
      const newEnd = override.newEnd;
      if (!isInstant(newEnd)) return refuse({ code: "need-new-end" });
      if (at >= window.end) return refuse({ code: "ended-use-reopen", phase });
      if (newEnd <= window.end) return refuse({ code: "new-end-not-later", currentEnd: window.end });
      current.end = newEnd;
      return { ok: true, schedule: toSchedule(pushLaterPhases(windows, index)) };
    }
    case "reopen": {
      const newEnd = override.newEnd;
      if (!isInstant(newEnd)) return refuse({ code: "need-new-end" });
      if (at < window.end) return refuse({ code: "not-ended-use-extend", phase });
      const lastEnded = lastEndedPhase(schedule, at);
      if (lastEnded !== phase) return refuse({ code: "only-last-ended", lastEnded: lastEnded ?? phase });
      if (newEnd <= at) return refuse({ code: "new-end-in-past" });
      current.end = newEnd;
      return { ok: true, schedule: toSchedule(pushLaterPhases(windows, index)) };
    }
    default:
      return refuse({ code: "incomplete" });
  }
}

/**
 * The schedule after all overrides. Each override was checked with
 * applyOverride when the organiser made it; replaying in the same order gives
 * the same answers, so an override that fails here was never valid and is skipped.
 */
export function effectiveSchedule(schedule: Schedule, overrides: readonly PhaseOverride[] = []): Schedule {
  const ordered = overrides.map((override, order) => ({ override, order }));
  ordered.sort((a, b) => a.override.at - b.override.at || a.order - b.order);
  let result = schedule;
  for (const { override } of ordered) {
    const applied = applyOverride(result, override);
    if (applied.ok) result = applied.schedule;
  }
  return result;
}

function lastEndedPhase(schedule: Schedule, at: number): Phase | null {
  let last: Phase | null = null;
  for (const phase of PHASES) if (schedule[phase].end <= at) last = phase;
  return last;
}

// Moves each later phase that would now overlap to start when the previous one
// ends, keeping its Amsterdam wall-clock length. Stops at the first phase that
// still fits: the ones after it were already in order.
function pushLaterPhases(windows: PhaseWindow[], changed: number): PhaseWindow[] {
  for (let i = changed + 1; i < windows.length; i++) {
    const previousEnd = windows[i - 1]!.end;
    const window = windows[i]!;
    if (window.start >= previousEnd) break;
    windows[i] = moveWindow(window, previousEnd);
  }
  return windows;
}

function moveWindow(window: PhaseWindow, newStart: number): PhaseWindow {
  const wallShift = toAmsterdamWallMs(newStart) - toAmsterdamWallMs(window.start);
  const wallEnd = fromAmsterdamWallMs(toAmsterdamWallMs(window.end) + wallShift).instant;
  // Only a phase inside the repeated October hour can come out backwards; keep its real length then.
  const end = wallEnd > newStart ? wallEnd : newStart + (window.end - window.start);
  return { start: newStart, end };
}

function toSchedule(windows: readonly PhaseWindow[]): Schedule {
  return Object.fromEntries(PHASES.map((phase, i) => [phase, windows[i]!])) as unknown as Schedule;
}

// ---------------------------------------------------------------------------
// The clock

export type ContestClock =
  | { status: "concept"; schedule?: Schedule | null; overrides?: readonly PhaseOverride[] }
  | { status: "gepubliceerd"; schedule: Schedule; overrides?: readonly PhaseOverride[] };

export interface PhaseInfo {
  /** The phase now; in a gap, the phase that just ended. */
  phase: ContestPhase;
  /** True between two phases: `phase` has ended and the next has not begun. */
  inGap: boolean;
  /** Since when this situation holds (phase start; in a gap the previous end). Null when unknown. */
  since: number | null;
  /** When it ends: the deadline to count down to. Null when nothing is planned (concept, afgesloten). */
  until: number | null;
  /** The next phase to begin, and when. Null for concept and afgesloten. */
  next: { phase: ContestPhase; at: number } | null;
  /** The schedule with overrides applied; null for a concept. */
  schedule: Schedule | null;
}

/** Which phase a contest is in at `now`. */
export function phaseAt(contest: ContestClock, now: Date | number): PhaseInfo {
  if (contest.status !== "gepubliceerd") {
    return { phase: "concept", inGap: false, since: null, until: null, next: null, schedule: null };
  }
  const t = toEpochMs(now);
  const schedule = effectiveSchedule(contest.schedule, contest.overrides ?? []);

  // The last phase that has started; phases never overlap, so at most one runs.
  let index = -1;
  PHASES.forEach((phase, i) => {
    if (schedule[phase].start <= t) index = i;
  });

  const first = schedule.aankondiging;
  if (index < 0) {
    return {
      phase: "binnenkort",
      inGap: false,
      since: null,
      until: first.start,
      next: { phase: "aankondiging", at: first.start },
      schedule,
    };
  }

  const phase = PHASES[index]!;
  const { start, end } = schedule[phase];
  const nextPhase = PHASES[index + 1];
  const next = nextPhase ? { phase: nextPhase, at: schedule[nextPhase].start } : { phase: "afgesloten" as const, at: end };

  if (t < end) return { phase, inGap: false, since: start, until: end, next, schedule };
  if (!nextPhase) return { phase: "afgesloten", inGap: false, since: end, until: null, next: null, schedule };
  return { phase, inGap: true, since: end, until: next.at, next, schedule };
}

/** Has `phase` begun (it runs now, or it is over)? */
export function hasPhaseStarted(info: PhaseInfo, phase: ContestPhase): boolean {
  return phaseIndex(info.phase) >= phaseIndex(phase);
}

/** Is `phase` over? In a gap, the phase before it is. */
/**
 * Whether changing this phase's dates could open voting again: voting itself, or a phase before it.
 * Refused once the count is final (ADR 007: two totals around one more ballot would show that ballot).
 */
export function couldReopenVoting(phase: ContestPhase): boolean {
  return phaseIndex(phase) <= phaseIndex("stemmen");
}

export function hasPhaseEnded(info: PhaseInfo, phase: ContestPhase): boolean {
  return phaseIndex(info.phase) > phaseIndex(phase) || (info.phase === phase && info.inGap);
}

// ---------------------------------------------------------------------------
// The guard

/** Where the round is now, for a refusal to say ("Het is nu de fase ‘Uitwerken’."). */
export type PhaseNow =
  | { kind: "not-published" }
  | { kind: "not-started"; startsAt: number | null }
  | { kind: "closed" }
  | { kind: "between"; ended: ContestPhase; next: ContestPhase; at: number }
  | { kind: "in"; phase: ContestPhase };

/** When the refused action is or was possible, with the dates the schedule gives. */
export type PhaseWhen =
  | { kind: "when-closed"; from: number }
  | { kind: "in-phase"; phase: Phase; from: number | null; to: number | null }
  | { kind: "only-concept" }
  | { kind: "only-before" }
  | { kind: "was-in-phase"; phase: Phase; until: number | null }
  | { kind: "unknown" };

/** Why an action is not possible now: codes and instants, worded where it is shown (ui/phase-words.ts). */
export interface PhaseRefusal {
  /** not-published: concept or binnenkort and that is not allowed; not-yet / over: relative to the allowed phases. */
  readonly reason: "not-published" | "not-yet" | "over";
  readonly now: PhaseNow;
  readonly when: PhaseWhen;
}

export type PhaseCheck = { ok: true } | ({ ok: false } & PhaseRefusal);

/**
 * Is an action allowed now? `allowed` lists the phases it belongs to. A gap
 * counts as allowed only when the phases on both sides are: ["indienen",
 * "juryselectie"] covers the weekend between them, ["indienen"] alone does not.
 * A refusal says what phase it is now and when the action was or will be possible.
 */
export function checkPhase(current: PhaseInfo, allowed: ContestPhase | readonly ContestPhase[]): PhaseCheck {
  const list = typeof allowed === "string" ? [allowed] : allowed;
  const here = current.phase;
  const following = current.next?.phase;
  const isAllowed = current.inGap ? list.includes(here) && following !== undefined && list.includes(following) : list.includes(here);
  if (isAllowed) return { ok: true };

  const now = whereNow(current);
  const position = phaseIndex(here) + (current.inGap ? 0.5 : 0);
  const upcoming = list.filter((p) => phaseIndex(p) > position).sort((a, b) => phaseIndex(a) - phaseIndex(b))[0];
  const past = list.filter((p) => phaseIndex(p) < position).sort((a, b) => phaseIndex(b) - phaseIndex(a))[0];

  if (upcoming) {
    const reason = here === "concept" || here === "binnenkort" ? "not-published" : "not-yet";
    return { ok: false, reason, now, when: whenUpcoming(upcoming, current.schedule) };
  }
  return { ok: false, reason: "over", now, when: whenPast(past, current.schedule) };
}

function whereNow(info: PhaseInfo): PhaseNow {
  switch (info.phase) {
    case "concept":
      return { kind: "not-published" };
    case "binnenkort":
      return { kind: "not-started", startsAt: info.until };
    case "afgesloten":
      return { kind: "closed" };
    default:
      if (info.inGap && info.next) return { kind: "between", ended: info.phase, next: info.next.phase, at: info.next.at };
      return { kind: "in", phase: info.phase };
  }
}

function whenUpcoming(phase: ContestPhase, schedule: Schedule | null): PhaseWhen {
  if (phase === "afgesloten") return schedule ? { kind: "when-closed", from: schedule.nazorg.end } : { kind: "unknown" };
  if (!isPhase(phase)) return { kind: "unknown" };
  return { kind: "in-phase", phase, from: schedule?.[phase].start ?? null, to: schedule?.[phase].end ?? null };
}

function whenPast(phase: ContestPhase | undefined, schedule: Schedule | null): PhaseWhen {
  if (phase === "concept") return { kind: "only-concept" };
  if (phase === "binnenkort") return { kind: "only-before" };
  if (!phase || !isPhase(phase)) return { kind: "unknown" };
  return { kind: "was-in-phase", phase, until: schedule?.[phase].end ?? null };
}
