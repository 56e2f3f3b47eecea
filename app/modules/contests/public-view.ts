// What the public contest pages show, decided from the phase clock. Pure: no I/O, no Remix, no texts
// (the routes turn the answers into words with t("rounds.…")).

import {
  PHASES,
  applyOverride,
  isPhase,
  isPubliclyVisible,
  phaseIndex,
  type ContestPhase,
  type Phase,
  type PhaseInfo,
  type PhaseOverride,
  type Schedule,
} from "./phases";

/** The part of PhaseInfo that lists and badges need (the schedule stays on the server). */
export type PhaseState = Pick<PhaseInfo, "phase" | "inGap" | "since" | "until" | "next">;

// ---------------------------------------------------------------------------
// The next deadline

export type Deadline =
  /** `phase` begins at `at`: before the contest opens, during the announcement, in a gap. */
  | { kind: "starts"; phase: ContestPhase; at: number }
  /** `phase` (running now) ends at `at`. */
  | { kind: "ends"; phase: Phase; at: number };

/**
 * The one moment a resident should know about now. During the announcement that is the start of
 * indienen (not the end of the announcement: nobody waits for that); in a gap, the start of the next
 * phase; otherwise the end of the running phase. Null when nothing is planned (concept, afgesloten).
 */
export function nextDeadline(info: PhaseState): Deadline | null {
  const { phase, inGap, until, next } = info;
  if (phase === "concept" || phase === "afgesloten") return null;
  if (phase === "binnenkort") return until === null ? null : { kind: "starts", phase: "aankondiging", at: until };
  if (inGap || phase === "aankondiging") return next ? { kind: "starts", phase: next.phase, at: next.at } : null;
  return until === null ? null : { kind: "ends", phase, at: until };
}

// ---------------------------------------------------------------------------
// The list at /rondes

export type ListGroup = "current" | "upcoming" | "past";

/**
 * Which group of the public list a contest belongs to, or null when the public may not see it.
 * "Nu bezig" is indienen up to the prize-giving (a gap inside that span too), "Binnenkort" is the
 * announcement (and the gap before indienen), "Afgelopen" is nazorg and afgesloten.
 */
export function listGroupOf(info: Pick<PhaseInfo, "phase">): ListGroup | null {
  const { phase } = info;
  if (!isPubliclyVisible(phase)) return null;
  if (phase === "aankondiging") return "upcoming";
  if (phase === "nazorg" || phase === "afgesloten") return "past";
  return "current";
}

export type GroupedContests<T> = Record<ListGroup, T[]>;

/**
 * Splits contests into the three public groups, each sorted by its next deadline (soonest first).
 * Contests without a deadline (afgesloten) come last, the most recently closed first; equal
 * moments sort by title, so the order never jumps between page loads.
 */
export function groupForPublicList<T extends { title: string; phase: PhaseState }>(contests: readonly T[]): GroupedContests<T> {
  const groups: GroupedContests<T> = { current: [], upcoming: [], past: [] };
  for (const contest of contests) {
    const group = listGroupOf(contest.phase);
    if (group) groups[group].push(contest);
  }
  const compare = (a: T, b: T) => {
    const da = nextDeadline(a.phase)?.at ?? Number.POSITIVE_INFINITY;
    const db = nextDeadline(b.phase)?.at ?? Number.POSITIVE_INFINITY;
    if (da !== db) return da < db ? -1 : 1;
    const sa = a.phase.since ?? 0;
    const sb = b.phase.since ?? 0;
    if (sa !== sb) return sb - sa;
    return a.title.localeCompare(b.title, "nl");
  };
  for (const list of Object.values(groups)) list.sort(compare);
  return groups;
}

// ---------------------------------------------------------------------------
// "Wat kun je nu doen?"

export type Guidance =
  /** A phase runs (or the contest is before/after its phases): the text for that phase, with `at` as its date. */
  | { kind: "phase"; phase: ContestPhase; at: number | null }
  /** Between two phases: `ended` is over, `next` begins at `at`. */
  | { kind: "gap"; ended: Phase; next: ContestPhase; at: number };

/**
 * Which "what can you do now" text a resident gets, and the date it names: until when the action is
 * open, or, in a gap, what comes next and when. The date is always the page's next deadline, so the
 * box and the countdown never disagree.
 */
export function guidanceFor(info: PhaseState): Guidance {
  const deadline = nextDeadline(info);
  if (info.inGap && info.next && deadline && isPhase(info.phase)) {
    return { kind: "gap", ended: info.phase, next: info.next.phase, at: deadline.at };
  }
  return { kind: "phase", phase: info.phase, at: deadline?.at ?? null };
}

// ---------------------------------------------------------------------------
// The timeline

export type StepStatus = "done" | "current" | "upcoming";

export type TimelineStep = {
  phase: Phase;
  start: number;
  end: number;
  status: StepStatus;
  /** Only on the current step: how far it has come, 0 to 1, for the "vandaag" marker. */
  progress: number | null;
  /** In a gap: the marker stands at the start of this (next) step. */
  todayBefore: boolean;
};

export type TimelineModel = {
  steps: TimelineStep[];
  /** Where "vandaag" is, when it is outside the seven steps; null when it is on a step or not shown (concept). */
  today: "before" | "after" | null;
};

/**
 * The seven phases with their state at `now`. A step is done once its phase is over (in a gap, the
 * phase that just ended is done and the next is still to come), current while it runs. A concept
 * ignores the clock: every step is still to come and there is no "vandaag".
 */
export function timelineOf(schedule: Schedule, info: Pick<PhaseInfo, "phase" | "inGap">, now: number): TimelineModel {
  const here = phaseIndex(info.phase);
  const steps = PHASES.map((phase): TimelineStep => {
    const { start, end } = schedule[phase];
    const index = phaseIndex(phase);
    const status: StepStatus =
      info.phase === "concept" ? "upcoming" : index < here || (index === here && info.inGap) ? "done" : index === here ? "current" : "upcoming";
    const progress = status === "current" ? clamp01((now - start) / (end - start)) : null;
    const todayBefore = info.inGap && index === here + 1;
    return { phase, start, end, status, progress, todayBefore };
  });
  const today = info.phase === "binnenkort" ? "before" : info.phase === "afgesloten" ? "after" : null;
  return { steps, today };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

// ---------------------------------------------------------------------------
// Changes to the schedule, shown publicly (every change is visible: product.md)

export type PublicOverride = Pick<PhaseOverride, "kind" | "phase" | "at" | "reason"> & {
  /** For extend and reopen: the new end. For close-early: when the phase closed. */
  effectiveAt: number;
};

/**
 * The organisers' overrides that changed the schedule, in the order they took effect, with the date
 * each one names. An override that the phase clock skips (it was never valid) is not shown either.
 */
export function publicOverrides(schedule: Schedule, overrides: readonly PhaseOverride[]): PublicOverride[] {
  const ordered = overrides.map((override, order) => ({ override, order }));
  ordered.sort((a, b) => a.override.at - b.override.at || a.order - b.order);
  const shown: PublicOverride[] = [];
  let current = schedule;
  for (const { override } of ordered) {
    const applied = applyOverride(current, override);
    if (!applied.ok) continue;
    current = applied.schedule;
    const effectiveAt = override.kind === "close-early" ? override.at : applied.schedule[override.phase].end;
    shown.push({ kind: override.kind, phase: override.phase, at: override.at, reason: override.reason, effectiveAt });
  }
  return shown;
}

// ---------------------------------------------------------------------------
// The plan

/** The organiser's plan text as paragraphs: blank lines separate them, single line breaks stay inside. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
