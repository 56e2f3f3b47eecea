import { describe, expect, it } from "vitest";
import { isQuiet, isShortOfMembers, isUnanswered, nextReminderAt, QUIET_AFTER_MS, REFERRAL_ANSWER_MS, REMINDER_GAP_MS } from "./followup";

const start = Date.UTC(2027, 0, 1);
const day = 24 * 60 * 60 * 1000;

describe("isQuiet", () => {
  it("counts six weeks from the latest update", () => {
    const lastUpdateAt = start + 10 * day;
    expect(isQuiet({ status: "in-uitvoering", lastUpdateAt, trackStartedAt: start, now: lastUpdateAt + QUIET_AFTER_MS - 1 })).toBe(false);
    expect(isQuiet({ status: "in-uitvoering", lastUpdateAt, trackStartedAt: start, now: lastUpdateAt + QUIET_AFTER_MS })).toBe(true);
  });
  it("counts from the start of aftercare when there was never an update", () => {
    expect(isQuiet({ status: "nog-niet-begonnen", lastUpdateAt: null, trackStartedAt: start, now: start + 41 * day })).toBe(false);
    expect(isQuiet({ status: "nog-niet-begonnen", lastUpdateAt: null, trackStartedAt: start, now: start + 42 * day })).toBe(true);
  });
  it("an old update from before aftercare does not make a new track quiet", () => {
    expect(isQuiet({ status: "in-voorbereiding", lastUpdateAt: start - 100 * day, trackStartedAt: start, now: start + day })).toBe(false);
  });
  it("a realised or stopped idea is never quiet", () => {
    expect(isQuiet({ status: "gerealiseerd", lastUpdateAt: null, trackStartedAt: start, now: start + 400 * day })).toBe(false);
    expect(isQuiet({ status: "gestopt", lastUpdateAt: null, trackStartedAt: start, now: start + 400 * day })).toBe(false);
  });
});

describe("isUnanswered", () => {
  it("flags a referral still at 'verwezen' after two weeks", () => {
    expect(isUnanswered({ status: "verwezen", createdAt: start }, start + REFERRAL_ANSWER_MS - 1)).toBe(false);
    expect(isUnanswered({ status: "verwezen", createdAt: start }, start + REFERRAL_ANSWER_MS)).toBe(true);
  });
  it("a referral that moved on has had its answer", () => {
    expect(isUnanswered({ status: "in-contact", createdAt: start }, start + 100 * day)).toBe(false);
    expect(isUnanswered({ status: "niet-gelukt", createdAt: start }, start + 100 * day)).toBe(false);
  });
});

describe("nextReminderAt", () => {
  it("lets the first reminder go at once, the next one a fortnight later", () => {
    expect(nextReminderAt(null, start)).toBeNull();
    expect(nextReminderAt(start, start + day)).toBe(start + REMINDER_GAP_MS);
    expect(nextReminderAt(start, start + REMINDER_GAP_MS)).toBeNull();
  });
});

describe("isShortOfMembers", () => {
  const zoekt = (members: number) => ({ kind: "zoekt", members });
  it("lists a winner's group until it has its minimum", () => {
    expect(isShortOfMembers({ taakgroep: zoekt(0), won: true, trackStatus: "nog-niet-begonnen" })).toBe(true);
    expect(isShortOfMembers({ taakgroep: { kind: "gevormd", members: 4 }, won: true, trackStatus: "in-uitvoering" })).toBe(false);
  });
  it("lists another idea's group once someone has signed up", () => {
    expect(isShortOfMembers({ taakgroep: zoekt(0), won: false, trackStatus: "nog-niet-begonnen" })).toBe(false);
    expect(isShortOfMembers({ taakgroep: zoekt(2), won: false, trackStatus: "nog-niet-begonnen" })).toBe(true);
    expect(isShortOfMembers({ taakgroep: zoekt(2), won: null, trackStatus: "nog-niet-begonnen" })).toBe(true);
  });
  it("leaves out ideas that are realised or stopped, and groups an organiser marked", () => {
    expect(isShortOfMembers({ taakgroep: zoekt(2), won: true, trackStatus: "gerealiseerd" })).toBe(false);
    expect(isShortOfMembers({ taakgroep: zoekt(2), won: true, trackStatus: "gestopt" })).toBe(false);
    expect(isShortOfMembers({ taakgroep: { kind: "gestopt", members: 2 }, won: true, trackStatus: "in-uitvoering" })).toBe(false);
  });
});
