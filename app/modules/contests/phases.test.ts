import { describe, expect, it } from "vitest";
import {
  PHASES,
  amsterdamLocalToInstant,
  applyOverride,
  checkPhase,
  effectiveSchedule,
  hasPhaseEnded,
  hasPhaseStarted,
  instantToAmsterdamLocal,
  isPhaseAfter,
  isPubliclyVisible,
  phaseAt,
  phaseIndex,
  validateSchedule,
  type ContestClock,
  type Phase,
  type PhaseOverride,
  type Schedule,
  type ScheduleDraft,
} from "./phases";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Amsterdam local time -> instant; these fixtures are always valid. */
function L(local: string): number {
  const instant = amsterdamLocalToInstant(local);
  if (instant === null) throw new Error(`bad fixture ${local}`);
  return instant;
}

function scheduleOf(windows: Record<Phase, [string, string]>): Schedule {
  const draft: ScheduleDraft = Object.fromEntries(PHASES.map((phase) => [phase, { start: L(windows[phase][0]), end: L(windows[phase][1]) }]));
  const result = validateSchedule(draft);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.schedule;
}

/** Local "start - end" per phase, to compare schedules readably. */
function local(schedule: Schedule): Record<Phase, string> {
  return Object.fromEntries(PHASES.map((p) => [p, `${instantToAmsterdamLocal(schedule[p].start)} - ${instantToAmsterdamLocal(schedule[p].end)}`])) as Record<
    Phase,
    string
  >;
}

function expectNoOverlap(schedule: Schedule) {
  PHASES.forEach((phase, i) => {
    expect(schedule[phase].end, `${phase} ends after it starts`).toBeGreaterThanOrEqual(schedule[phase].start);
    const previous = PHASES[i - 1];
    if (previous) expect(schedule[phase].start, `${phase} after ${previous}`).toBeGreaterThanOrEqual(schedule[previous].end);
  });
}

// A Deventer-style round in 2027, with a gap between indienen and juryselectie
// and between stemmen and the prize-giving evening.
const SCHEDULE = scheduleOf({
  aankondiging: ["2027-02-01T09:00", "2027-03-01T09:00"],
  indienen: ["2027-03-01T09:00", "2027-03-16T00:00"],
  juryselectie: ["2027-03-22T09:00", "2027-04-05T17:00"],
  uitwerken: ["2027-04-05T17:00", "2027-05-01T09:00"],
  stemmen: ["2027-05-01T09:00", "2027-05-15T20:00"],
  prijsuitreiking: ["2027-05-20T19:30", "2027-06-01T00:00"],
  nazorg: ["2027-06-01T00:00", "2028-06-01T00:00"],
});

const published = (overrides: PhaseOverride[] = [], schedule = SCHEDULE): ContestClock => ({
  status: "gepubliceerd",
  schedule,
  overrides,
});

describe("phase order helpers", () => {
  it("orders a contest's life from concept to afgesloten", () => {
    expect(phaseIndex("concept")).toBe(0);
    expect(phaseIndex("binnenkort")).toBe(1);
    expect(phaseIndex("aankondiging")).toBe(2);
    expect(phaseIndex("nazorg")).toBe(8);
    expect(phaseIndex("afgesloten")).toBe(9);
    expect(isPhaseAfter("stemmen", "indienen")).toBe(true);
    expect(isPhaseAfter("indienen", "stemmen")).toBe(false);
    expect(isPhaseAfter("stemmen", "stemmen")).toBe(false);
    expect(isPhaseAfter("afgesloten", "nazorg")).toBe(true);
  });

  it("hides concept and binnenkort from the public", () => {
    expect(isPubliclyVisible("concept")).toBe(false);
    expect(isPubliclyVisible("binnenkort")).toBe(false);
    expect(isPubliclyVisible("aankondiging")).toBe(true);
    expect(isPubliclyVisible("afgesloten")).toBe(true);
  });
});

describe("validateSchedule", () => {
  const draftOf = (schedule: Schedule): { -readonly [P in Phase]: { start?: number | null; end?: number | null } } =>
    Object.fromEntries(PHASES.map((p) => [p, { ...schedule[p] }])) as never;

  it("accepts a complete schedule in order, gaps allowed", () => {
    const result = validateSchedule(draftOf(SCHEDULE));
    expect(result).toEqual({ ok: true, schedule: SCHEDULE });
  });

  it("returns a clean schedule without extra fields", () => {
    const draft = draftOf(SCHEDULE);
    (draft.stemmen as Record<string, unknown>).note = "extra";
    const result = validateSchedule(draft);
    expect(result.ok && result.schedule.stemmen).toEqual(SCHEDULE.stemmen);
  });

  it("requires every phase", () => {
    const draft: ScheduleDraft = { ...draftOf(SCHEDULE), uitwerken: undefined, nazorg: { start: SCHEDULE.nazorg.start, end: null } };
    expect(validateSchedule(draft)).toEqual({
      ok: false,
      errors: { "uitwerken.start": { code: "startMissing" }, "uitwerken.end": { code: "endMissing" }, "nazorg.end": { code: "endMissing" } },
    });
    expect(validateSchedule({})).toMatchObject({ ok: false, errors: { "aankondiging.start": { code: "startMissing" } } });
  });

  it("refuses an end at or before the start", () => {
    const draft = draftOf(SCHEDULE);
    draft.stemmen = { start: SCHEDULE.stemmen.start, end: SCHEDULE.stemmen.start };
    expect(validateSchedule(draft)).toEqual({ ok: false, errors: { "stemmen.end": { code: "endBeforeStart" } } });
    draft.stemmen = { start: SCHEDULE.stemmen.start, end: SCHEDULE.stemmen.start - MINUTE };
    expect(validateSchedule(draft)).toEqual({ ok: false, errors: { "stemmen.end": { code: "endBeforeStart" } } });
  });

  it("refuses a phase that starts before the previous one ends", () => {
    const draft = draftOf(SCHEDULE);
    draft.juryselectie = { start: L("2027-03-15T09:00"), end: SCHEDULE.juryselectie.end };
    expect(validateSchedule(draft)).toEqual({
      ok: false,
      errors: {
        "juryselectie.start": { code: "startBeforePrevious", phase: "indienen", at: L("2027-03-16T00:00") },
      },
    });
  });

  it("allows a phase to start exactly when the previous one ends", () => {
    const draft = draftOf(SCHEDULE);
    draft.juryselectie = { start: SCHEDULE.indienen.end, end: SCHEDULE.juryselectie.end };
    expect(validateSchedule(draft).ok).toBe(true);
  });

  it("compares with the last known end when a phase has no end", () => {
    const draft = draftOf(SCHEDULE);
    draft.indienen = { start: SCHEDULE.indienen.start, end: null };
    draft.juryselectie = { start: L("2027-02-15T09:00"), end: SCHEDULE.juryselectie.end };
    expect(validateSchedule(draft)).toEqual({
      ok: false,
      errors: {
        "indienen.end": { code: "endMissing" },
        "juryselectie.start": { code: "startBeforePrevious", phase: "aankondiging", at: L("2027-03-01T09:00") },
      },
    });
  });

  it("refuses numbers that are not instants", () => {
    const draft = draftOf(SCHEDULE);
    draft.stemmen = { start: Number.NaN, end: SCHEDULE.stemmen.end };
    expect(validateSchedule(draft)).toEqual({ ok: false, errors: { "stemmen.start": { code: "notADateTime" } } });
  });
});

describe("phaseAt", () => {
  it("is concept while not published, whatever the time", () => {
    const info = phaseAt({ status: "concept", schedule: SCHEDULE }, L("2027-05-05T12:00"));
    expect(info).toEqual({ phase: "concept", inGap: false, since: null, until: null, next: null, schedule: null });
    expect(phaseAt({ status: "concept" }, 0).phase).toBe("concept");
  });

  it("is binnenkort when published before the announcement starts", () => {
    expect(phaseAt(published(), L("2027-01-15T12:00"))).toEqual({
      phase: "binnenkort",
      inGap: false,
      since: null,
      until: SCHEDULE.aankondiging.start,
      next: { phase: "aankondiging", at: SCHEDULE.aankondiging.start },
      schedule: SCHEDULE,
    });
  });

  it.each(PHASES.map((phase) => [phase]))("runs %s from its start (inclusive) to its end (exclusive)", (phase) => {
    const { start, end } = SCHEDULE[phase];
    expect(phaseAt(published(), start - 1).phase).not.toBe(phase);
    const atStart = phaseAt(published(), start);
    expect(atStart).toMatchObject({ phase, inGap: false, since: start, until: end });
    expect(phaseAt(published(), new Date(end - 1))).toMatchObject({ phase, inGap: false });
    const atEnd = phaseAt(published(), end);
    expect(atEnd.phase === phase && !atEnd.inGap).toBe(false);
  });

  it("points to the next phase to begin", () => {
    expect(phaseAt(published(), L("2027-04-10T12:00")).next).toEqual({ phase: "stemmen", at: SCHEDULE.stemmen.start });
    expect(phaseAt(published(), L("2027-03-10T12:00")).next).toEqual({ phase: "juryselectie", at: SCHEDULE.juryselectie.start });
    expect(phaseAt(published(), L("2027-07-01T12:00")).next).toEqual({ phase: "afgesloten", at: SCHEDULE.nazorg.end });
  });

  it("stays on the ended phase, in a gap, until the next one starts", () => {
    expect(phaseAt(published(), SCHEDULE.indienen.end)).toEqual({
      phase: "indienen",
      inGap: true,
      since: SCHEDULE.indienen.end,
      until: SCHEDULE.juryselectie.start,
      next: { phase: "juryselectie", at: SCHEDULE.juryselectie.start },
      schedule: SCHEDULE,
    });
    expect(phaseAt(published(), L("2027-05-18T12:00"))).toMatchObject({ phase: "stemmen", inGap: true });
    expect(phaseAt(published(), SCHEDULE.juryselectie.start)).toMatchObject({ phase: "juryselectie", inGap: false });
  });

  it("is afgesloten from the end of nazorg", () => {
    expect(phaseAt(published(), SCHEDULE.nazorg.end)).toEqual({
      phase: "afgesloten",
      inGap: false,
      since: SCHEDULE.nazorg.end,
      until: null,
      next: null,
      schedule: SCHEDULE,
    });
    expect(phaseAt(published(), L("2030-01-01T00:00")).phase).toBe("afgesloten");
  });

  it("uses the overrides", () => {
    const closeEarly: PhaseOverride = { kind: "close-early", phase: "stemmen", at: L("2027-05-10T12:00"), reason: "Test" };
    const info = phaseAt(published([closeEarly]), L("2027-05-11T12:00"));
    expect(info.phase).toBe("prijsuitreiking");
    expect(info.schedule?.stemmen.end).toBe(closeEarly.at);
  });

  it("tells which phases have started and ended", () => {
    const gap = phaseAt(published(), L("2027-03-18T12:00"));
    expect(hasPhaseStarted(gap, "indienen")).toBe(true);
    expect(hasPhaseEnded(gap, "indienen")).toBe(true);
    expect(hasPhaseStarted(gap, "juryselectie")).toBe(false);
    const voting = phaseAt(published(), L("2027-05-05T12:00"));
    expect(hasPhaseStarted(voting, "stemmen")).toBe(true);
    expect(hasPhaseEnded(voting, "stemmen")).toBe(false);
    expect(hasPhaseEnded(voting, "uitwerken")).toBe(true);
    expect(hasPhaseStarted(voting, "prijsuitreiking")).toBe(false);
  });
});

describe("overrides", () => {
  const at = L("2027-03-10T12:00"); // during indienen

  describe("close-early", () => {
    it("ends the phase now and starts the next one right away, keeping its end", () => {
      const result = applyOverride(SCHEDULE, { kind: "close-early", phase: "indienen", at, reason: "Genoeg ideeën" });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.schedule.indienen).toEqual({ start: SCHEDULE.indienen.start, end: at });
      expect(result.schedule.juryselectie).toEqual({ start: at, end: SCHEDULE.juryselectie.end });
      expect(result.schedule.uitwerken).toEqual(SCHEDULE.uitwerken);
      expect(phaseAt(published([{ kind: "close-early", phase: "indienen", at, reason: "x" }]), at).phase).toBe("juryselectie");
    });

    it("can keep the next phase's planned start, leaving a gap", () => {
      const closeVoting: PhaseOverride = {
        kind: "close-early",
        phase: "stemmen",
        at: L("2027-05-10T12:00"),
        nextPhase: "as-planned",
        reason: "Storing",
      };
      const result = applyOverride(SCHEDULE, closeVoting);
      expect(result.ok && result.schedule.prijsuitreiking).toEqual(SCHEDULE.prijsuitreiking);
      expect(phaseAt(published([closeVoting]), L("2027-05-11T12:00"))).toMatchObject({ phase: "stemmen", inGap: true });
    });

    it("closes nazorg into afgesloten", () => {
      const closeAll: PhaseOverride = { kind: "close-early", phase: "nazorg", at: L("2027-12-01T12:00"), reason: "Klaar" };
      expect(phaseAt(published([closeAll]), L("2027-12-01T12:00")).phase).toBe("afgesloten");
    });

    it("refuses a phase that has not started or has ended", () => {
      expect(applyOverride(SCHEDULE, { kind: "close-early", phase: "stemmen", at, reason: "x" })).toEqual({
        ok: false,
        problem: { code: "not-started", phase: "stemmen" },
      });
      expect(applyOverride(SCHEDULE, { kind: "close-early", phase: "aankondiging", at, reason: "x" })).toEqual({
        ok: false,
        problem: { code: "already-ended", phase: "aankondiging" },
      });
    });
  });

  describe("extend", () => {
    it("moves adjacent later phases back by the same amount, keeping their length", () => {
      const result = applyOverride(SCHEDULE, {
        kind: "extend",
        phase: "juryselectie",
        at: L("2027-03-25T12:00"),
        newEnd: L("2027-04-12T17:00"),
        reason: "Jury heeft meer tijd nodig",
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(local(result.schedule)).toEqual({
        ...local(SCHEDULE),
        juryselectie: "2027-03-22T09:00 - 2027-04-12T17:00",
        uitwerken: "2027-04-12T17:00 - 2027-05-08T09:00",
        stemmen: "2027-05-08T09:00 - 2027-05-22T20:00",
        // It now overlapped the prize-giving evening, so that moves too, and nazorg after it.
        prijsuitreiking: "2027-05-22T20:00 - 2027-06-03T00:30",
        nazorg: "2027-06-03T00:30 - 2028-06-03T00:30",
      });
      expectNoOverlap(result.schedule);
    });

    it("lets a gap absorb the extension first", () => {
      const result = applyOverride(SCHEDULE, {
        kind: "extend",
        phase: "indienen",
        at,
        newEnd: L("2027-03-20T00:00"),
        reason: "Meer tijd voor ideeën",
      });
      expect(result).toEqual({ ok: true, schedule: { ...SCHEDULE, indienen: { start: SCHEDULE.indienen.start, end: L("2027-03-20T00:00") } } });
    });

    it("moves a phase only as far as needed when a gap is too small", () => {
      const result = applyOverride(SCHEDULE, {
        kind: "extend",
        phase: "indienen",
        at,
        newEnd: L("2027-03-23T09:00"),
        reason: "Meer tijd",
      });
      expect(result.ok && local(result.schedule).juryselectie).toBe("2027-03-23T09:00 - 2027-04-06T17:00");
      expect(result.ok && local(result.schedule).uitwerken).toBe("2027-04-06T17:00 - 2027-05-02T09:00");
    });

    it("can extend a phase that has not started yet", () => {
      const result = applyOverride(SCHEDULE, { kind: "extend", phase: "stemmen", at, newEnd: L("2027-05-16T20:00"), reason: "x" });
      expect(result.ok && result.schedule.stemmen.end).toBe(L("2027-05-16T20:00"));
    });

    it("refuses an ended phase, an earlier end and a missing end", () => {
      expect(applyOverride(SCHEDULE, { kind: "extend", phase: "aankondiging", at, newEnd: L("2027-03-12T00:00"), reason: "x" })).toEqual({
        ok: false,
        problem: { code: "ended-use-reopen", phase: "aankondiging" },
      });
      expect(applyOverride(SCHEDULE, { kind: "extend", phase: "indienen", at, newEnd: L("2027-03-14T00:00"), reason: "x" })).toEqual({
        ok: false,
        problem: { code: "new-end-not-later", currentEnd: L("2027-03-16T00:00") },
      });
      expect(applyOverride(SCHEDULE, { kind: "extend", phase: "indienen", at, reason: "x" })).toEqual({
        ok: false,
        problem: { code: "need-new-end" },
      });
    });
  });

  describe("reopen", () => {
    const duringJury = L("2027-03-25T12:00");

    it("reopens the phase that ended last and moves the phases after it back", () => {
      const result = applyOverride(SCHEDULE, {
        kind: "reopen",
        phase: "indienen",
        at: duringJury,
        newEnd: L("2027-03-27T00:00"),
        reason: "Papieren ideeën kwamen te laat binnen",
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(local(result.schedule).indienen).toBe("2027-03-01T09:00 - 2027-03-27T00:00");
      // juryselectie started 22 March 09:00; it restarts after indienen, with the same wall-clock length.
      expect(local(result.schedule).juryselectie).toBe("2027-03-27T00:00 - 2027-04-10T08:00");
      expectNoOverlap(result.schedule);
      const info = phaseAt(published([{ kind: "reopen", phase: "indienen", at: duringJury, newEnd: L("2027-03-27T00:00"), reason: "x" }]), duringJury);
      expect(info).toMatchObject({ phase: "indienen", inGap: false, until: L("2027-03-27T00:00") });
    });

    it("reopens in a gap without moving the next phase if it fits", () => {
      const result = applyOverride(SCHEDULE, {
        kind: "reopen",
        phase: "indienen",
        at: L("2027-03-17T12:00"),
        newEnd: L("2027-03-19T00:00"),
        reason: "x",
      });
      expect(result).toEqual({ ok: true, schedule: { ...SCHEDULE, indienen: { start: SCHEDULE.indienen.start, end: L("2027-03-19T00:00") } } });
    });

    it("refuses a phase that has not ended, an older phase and an end in the past", () => {
      expect(applyOverride(SCHEDULE, { kind: "reopen", phase: "indienen", at, newEnd: L("2027-03-20T00:00"), reason: "x" })).toEqual({
        ok: false,
        problem: { code: "not-ended-use-extend", phase: "indienen" },
      });
      expect(applyOverride(SCHEDULE, { kind: "reopen", phase: "aankondiging", at: duringJury, newEnd: L("2027-03-30T00:00"), reason: "x" })).toEqual({
        ok: false,
        problem: { code: "only-last-ended", lastEnded: "indienen" },
      });
      expect(applyOverride(SCHEDULE, { kind: "reopen", phase: "indienen", at: duringJury, newEnd: duringJury, reason: "x" })).toEqual({
        ok: false,
        problem: { code: "new-end-in-past" },
      });
      expect(applyOverride(SCHEDULE, { kind: "reopen", phase: "indienen", at: duringJury, reason: "x" })).toEqual({
        ok: false,
        problem: { code: "need-new-end" },
      });
    });

    it("can reopen nazorg after the contest closed", () => {
      const later = L("2028-07-01T12:00");
      const reopen: PhaseOverride = { kind: "reopen", phase: "nazorg", at: later, newEnd: L("2029-01-01T00:00"), reason: "x" };
      expect(phaseAt(published([reopen]), later).phase).toBe("nazorg");
    });
  });

  it("refuses data that is not an override", () => {
    const bogus = { kind: "pause", phase: "indienen", at, reason: "x" } as unknown as PhaseOverride;
    expect(applyOverride(SCHEDULE, bogus)).toEqual({ ok: false, problem: { code: "incomplete" } });
    const noPhase = { kind: "extend", phase: "feest", at, newEnd: at + DAY, reason: "x" } as unknown as PhaseOverride;
    expect(applyOverride(SCHEDULE, noPhase).ok).toBe(false);
  });

  describe("effectiveSchedule", () => {
    it("is the schedule itself without overrides", () => {
      expect(effectiveSchedule(SCHEDULE)).toBe(SCHEDULE);
      expect(effectiveSchedule(SCHEDULE, [])).toBe(SCHEDULE);
    });

    it("applies overrides in the order they were made, whatever the array order", () => {
      const closeIndienen: PhaseOverride = { kind: "close-early", phase: "indienen", at, reason: "a" };
      const extendJury: PhaseOverride = {
        kind: "extend",
        phase: "juryselectie",
        at: at + HOUR,
        newEnd: L("2027-04-06T17:00"),
        reason: "b",
      };
      const expected = effectiveSchedule(SCHEDULE, [closeIndienen, extendJury]);
      expect(effectiveSchedule(SCHEDULE, [extendJury, closeIndienen])).toEqual(expected);
      expect(expected.juryselectie).toEqual({ start: at, end: L("2027-04-06T17:00") });
      expect(local(expected).uitwerken).toBe("2027-04-06T17:00 - 2027-05-02T09:00");
    });

    it("replays a reopen after an early close", () => {
      const close: PhaseOverride = { kind: "close-early", phase: "indienen", at, reason: "a" };
      const reopen: PhaseOverride = { kind: "reopen", phase: "indienen", at: at + DAY, newEnd: at + 3 * DAY, reason: "b" };
      const schedule = effectiveSchedule(SCHEDULE, [close, reopen]);
      expect(schedule.indienen.end).toBe(at + 3 * DAY);
      expect(schedule.juryselectie.start).toBe(at + 3 * DAY);
      expect(phaseAt(published([close, reopen]), at + 2 * DAY).phase).toBe("indienen");
      expectNoOverlap(schedule);
    });

    it("skips an override that was never valid", () => {
      const tooEarly: PhaseOverride = { kind: "close-early", phase: "stemmen", at, reason: "x" };
      expect(effectiveSchedule(SCHEDULE, [tooEarly])).toEqual(SCHEDULE);
    });

    it("never creates overlaps, whatever organisers do", () => {
      let seed = 20270301;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const kinds = ["close-early", "extend", "reopen"] as const;
      const first = SCHEDULE.aankondiging.start;
      const span = SCHEDULE.nazorg.end - first;
      const acceptedKinds = new Map<string, number>();
      for (let run = 0; run < 400; run++) {
        let schedule = SCHEDULE;
        const accepted: PhaseOverride[] = [];
        let time = first;
        for (let step = 0; step < 12; step++) {
          time += Math.floor(random() * span * 0.15);
          const phase = PHASES[Math.floor(random() * PHASES.length)]!;
          // New ends around now or around the phase's current end, mostly later.
          const base = random() < 0.5 ? time : schedule[phase].end;
          const override: PhaseOverride = {
            kind: kinds[Math.floor(random() * 3)]!,
            phase,
            at: time,
            newEnd: base + Math.floor((random() - 0.2) * 40 * DAY),
            nextPhase: random() < 0.5 ? "now" : "as-planned",
            reason: "test",
          };
          const result = applyOverride(schedule, override);
          if (!result.ok) continue;
          schedule = result.schedule;
          accepted.push(override);
          acceptedKinds.set(override.kind, (acceptedKinds.get(override.kind) ?? 0) + 1);
          expectNoOverlap(schedule);
        }
        expect(effectiveSchedule(SCHEDULE, accepted)).toEqual(schedule);
      }
      // The test means something only if every kind was exercised often.
      for (const kind of kinds) expect(acceptedKinds.get(kind) ?? 0, kind).toBeGreaterThan(50);
    });
  });
});

describe("DST weeks", () => {
  // Last Sundays: 29 March and 25 October 2026, 28 March and 31 October 2027.
  const withIndienen = (start: string, end: string) =>
    scheduleOf({
      aankondiging: ["2027-01-01T09:00", start],
      indienen: [start, end],
      juryselectie: ["2027-11-10T09:00", "2027-11-20T09:00"],
      uitwerken: ["2027-11-20T09:00", "2027-11-30T09:00"],
      stemmen: ["2027-11-30T09:00", "2027-12-10T09:00"],
      prijsuitreiking: ["2027-12-10T19:00", "2027-12-11T00:00"],
      nazorg: ["2027-12-11T00:00", "2028-12-11T00:00"],
    });

  it("ends a phase set to the skipped 02:30 on the March DST day at 03:30 summer time", () => {
    const schedule = withIndienen("2027-03-20T09:00", "2027-03-28T02:30");
    expect(schedule.indienen.end).toBe(Date.parse("2027-03-28T01:30:00Z"));
    const clock = published([], schedule);
    expect(phaseAt(clock, Date.parse("2027-03-28T01:29:59.999Z"))).toMatchObject({ phase: "indienen", inGap: false });
    expect(phaseAt(clock, Date.parse("2027-03-28T01:30:00Z"))).toMatchObject({ phase: "indienen", inGap: true });
  });

  it("ends a phase set to the repeated 02:30 on the October DST day at the first 02:30", () => {
    const schedule = withIndienen("2027-10-20T09:00", "2027-10-31T02:30");
    expect(schedule.indienen.end).toBe(Date.parse("2027-10-31T00:30:00Z"));
    expect(phaseAt(published([], schedule), Date.parse("2027-10-31T01:00:00Z"))).toMatchObject({ phase: "indienen", inGap: true });
  });

  it.each([
    ["2026-03-28T12:00", "2026-03-29T12:00", 23],
    ["2027-03-27T12:00", "2027-03-28T12:00", 23],
    ["2026-10-24T12:00", "2026-10-25T12:00", 25],
    ["2027-10-30T12:00", "2027-10-31T12:00", 25],
    ["2027-03-21T20:00", "2027-04-04T20:00", 14 * 24 - 1],
  ])("a phase from %s to %s lasts %i real hours", (start, end, hours) => {
    const { start: s, end: e } = { start: L(start), end: L(end) };
    expect((e - s) / HOUR).toBe(hours);
  });

  it("counts a countdown across the spring change in real hours", () => {
    const schedule = withIndienen("2027-03-20T09:00", "2027-03-28T12:00");
    const info = phaseAt(published([], schedule), L("2027-03-27T12:00"));
    expect(info.until! - L("2027-03-27T12:00")).toBe(23 * HOUR);
  });

  it("keeps the wall-clock times of phases moved across a DST change", () => {
    const schedule = scheduleOf({
      aankondiging: ["2027-02-01T09:00", "2027-03-01T09:00"],
      indienen: ["2027-03-01T09:00", "2027-03-08T09:00"],
      juryselectie: ["2027-03-08T09:00", "2027-03-12T09:00"],
      uitwerken: ["2027-03-12T09:00", "2027-03-21T20:00"],
      stemmen: ["2027-03-21T20:00", "2027-03-27T20:00"],
      prijsuitreiking: ["2027-03-27T20:00", "2027-03-30T20:00"],
      nazorg: ["2027-04-10T00:00", "2028-04-10T00:00"],
    });
    // The prize-giving spans the spring change: three days on the clock, 71 real hours.
    expect((schedule.prijsuitreiking.end - schedule.prijsuitreiking.start) / HOUR).toBe(71);

    const result = applyOverride(schedule, {
      kind: "extend",
      phase: "uitwerken",
      at: L("2027-03-15T12:00"),
      newEnd: L("2027-03-28T20:00"),
      reason: "Een week extra",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(local(result.schedule)).toEqual({
      ...local(schedule),
      uitwerken: "2027-03-12T09:00 - 2027-03-28T20:00",
      stemmen: "2027-03-28T20:00 - 2027-04-03T20:00",
      prijsuitreiking: "2027-04-03T20:00 - 2027-04-06T20:00",
    });
    // Now entirely in summer time: still three days on the clock, which is 72 real hours.
    expect((result.schedule.prijsuitreiking.end - result.schedule.prijsuitreiking.start) / HOUR).toBe(72);
    expect(result.schedule.nazorg).toEqual(schedule.nazorg);
  });

  it("keeps the wall-clock times of phases moved back across the autumn change", () => {
    const schedule = scheduleOf({
      aankondiging: ["2026-09-01T09:00", "2026-10-01T09:00"],
      indienen: ["2026-10-01T09:00", "2026-10-20T20:00"],
      juryselectie: ["2026-10-20T20:00", "2026-10-24T20:00"],
      uitwerken: ["2026-10-24T20:00", "2026-11-10T20:00"],
      stemmen: ["2026-11-10T20:00", "2026-11-20T20:00"],
      prijsuitreiking: ["2026-11-20T20:00", "2026-11-21T00:00"],
      nazorg: ["2026-11-21T00:00", "2027-11-21T00:00"],
    });
    const result = applyOverride(schedule, {
      kind: "extend",
      phase: "indienen",
      at: L("2026-10-15T12:00"),
      newEnd: L("2026-10-22T20:00"),
      reason: "Twee dagen extra",
    });
    expect(result.ok && local(result.schedule).juryselectie).toBe("2026-10-22T20:00 - 2026-10-26T20:00");
    expect(result.ok && (result.schedule.juryselectie.end - result.schedule.juryselectie.start) / HOUR).toBe(97);
    expect(result.ok && local(result.schedule).uitwerken).toBe("2026-10-26T20:00 - 2026-11-12T20:00");
  });
});

describe("checkPhase", () => {
  const at = (localTime: string) => phaseAt(published(), L(localTime));

  it("allows the action in its phase", () => {
    expect(checkPhase(at("2027-03-10T12:00"), "indienen")).toEqual({ ok: true });
    expect(checkPhase(at("2027-05-05T12:00"), ["indienen", "stemmen"])).toEqual({ ok: true });
  });

  it("says when the phase will come", () => {
    expect(checkPhase(at("2027-04-10T12:00"), "stemmen")).toEqual({
      ok: false,
      reason: "not-yet",
      now: { kind: "in", phase: "uitwerken" },
      when: { kind: "in-phase", phase: "stemmen", from: L("2027-05-01T09:00"), to: L("2027-05-15T20:00") },
    });
  });

  it("says when the phase was", () => {
    expect(checkPhase(at("2027-04-10T12:00"), "indienen")).toEqual({
      ok: false,
      reason: "over",
      now: { kind: "in", phase: "uitwerken" },
      when: { kind: "was-in-phase", phase: "indienen", until: L("2027-03-16T00:00") },
    });
  });

  it("prefers the upcoming allowed phase over a past one", () => {
    const result = checkPhase(at("2027-04-10T12:00"), ["indienen", "stemmen"]);
    expect(result).toMatchObject({ ok: false, reason: "not-yet", when: { kind: "in-phase", phase: "stemmen" } });
  });

  it("closes a gap unless the phases on both sides are allowed", () => {
    const gap = at("2027-03-18T12:00");
    expect(checkPhase(gap, "indienen")).toEqual({
      ok: false,
      reason: "over",
      now: { kind: "between", ended: "indienen", next: "juryselectie", at: L("2027-03-22T09:00") },
      when: { kind: "was-in-phase", phase: "indienen", until: L("2027-03-16T00:00") },
    });
    expect(checkPhase(gap, "juryselectie")).toMatchObject({ ok: false, reason: "not-yet" });
    expect(checkPhase(gap, ["indienen", "juryselectie"])).toEqual({ ok: true });
  });

  it("explains concept, binnenkort and afgesloten", () => {
    expect(checkPhase(phaseAt({ status: "concept" }, 0), "indienen")).toEqual({
      ok: false,
      reason: "not-published",
      now: { kind: "not-published" },
      when: { kind: "in-phase", phase: "indienen", from: null, to: null },
    });
    expect(checkPhase(at("2027-01-15T12:00"), "indienen")).toEqual({
      ok: false,
      reason: "not-published",
      now: { kind: "not-started", startsAt: L("2027-02-01T09:00") },
      when: { kind: "in-phase", phase: "indienen", from: L("2027-03-01T09:00"), to: L("2027-03-16T00:00") },
    });
    expect(checkPhase(at("2028-07-01T12:00"), "nazorg")).toEqual({
      ok: false,
      reason: "over",
      now: { kind: "closed" },
      when: { kind: "was-in-phase", phase: "nazorg", until: L("2028-06-01T00:00") },
    });
  });

  it("can allow the states around the phases", () => {
    expect(checkPhase(phaseAt({ status: "concept" }, 0), ["concept", "binnenkort"])).toEqual({ ok: true });
    expect(checkPhase(at("2027-01-15T12:00"), ["concept", "binnenkort"])).toEqual({ ok: true });
    expect(checkPhase(at("2027-03-10T12:00"), ["concept", "binnenkort"])).toMatchObject({ ok: false, reason: "over", when: { kind: "only-before" } });
    expect(checkPhase(at("2027-03-10T12:00"), "concept")).toMatchObject({ when: { kind: "only-concept" } });
    expect(checkPhase(at("2028-07-01T12:00"), "afgesloten")).toEqual({ ok: true });
    expect(checkPhase(at("2027-07-01T12:00"), "afgesloten")).toEqual({
      ok: false,
      reason: "not-yet",
      now: { kind: "in", phase: "nazorg" },
      when: { kind: "when-closed", from: L("2028-06-01T00:00") },
    });
  });
});
