import { describe, expect, it } from "vitest";
import { PHASES, type Schedule } from "./phases";
import { scheduleNote } from "./schedule-note";

const DAY = 24 * 60 * 60 * 1000;
const start = Date.UTC(2027, 1, 1, 8);
// Seven back-to-back phases of ten days each.
const schedule = Object.fromEntries(PHASES.map((p, i) => [p, { start: start + i * 10 * DAY, end: start + (i + 1) * 10 * DAY }])) as unknown as Schedule;

describe("scheduleNote", () => {
  it("a concept round without a schedule has none yet", () => {
    expect(scheduleNote({ status: "concept", schedule: null }, start)).toEqual({ kind: "missing" });
    expect(scheduleNote({ status: "concept" }, start)).toEqual({ kind: "missing" });
  });
  it("a concept round whose whole schedule is saved is ready, and starts at the announcement once published", () => {
    expect(scheduleNote({ status: "concept", schedule }, start - 30 * DAY)).toEqual({ kind: "ready", startsAt: start });
  });
  it("a published round gives its next deadline, before it starts and during a phase", () => {
    expect(scheduleNote({ status: "gepubliceerd", schedule }, start - DAY)).toEqual({ kind: "deadline", at: start });
    expect(scheduleNote({ status: "gepubliceerd", schedule }, start + 12 * DAY)).toEqual({ kind: "deadline", at: start + 20 * DAY });
  });
  it("a round past its last phase is finished, not 'without a schedule'", () => {
    expect(scheduleNote({ status: "gepubliceerd", schedule }, start + 71 * DAY)).toEqual({ kind: "finished" });
  });
});
