import { describe, expect, it } from "vitest";
import type { ContestPhase, PhaseInfo } from "~/modules/contests/phases";
import { checkSpending, mayOpenTrack, mayWriteTrack, moneySummary, trackWrites, type TrackWrite } from "./track";

describe("moneySummary", () => {
  it("adds up the spending lines against the grant", () => {
    expect(moneySummary(1000, [{ amountEuros: 300 }, { amountEuros: 200 }])).toEqual({ grantedEuros: 1000, spentEuros: 500, leftEuros: 500, overspent: false });
    expect(moneySummary(100, [{ amountEuros: 150 }])).toMatchObject({ leftEuros: -50, overspent: true });
    expect(moneySummary(null, [])).toEqual({ grantedEuros: null, spentEuros: 0, leftEuros: null, overspent: false });
  });
});

describe("checkSpending", () => {
  const base = { grantedEuros: 1000, spentEuros: 900, isOrganiser: false, override: false };
  it("allows spending up to the grant exactly", () => {
    expect(checkSpending({ ...base, amountEuros: 100 })).toEqual({ ok: true, override: false });
  });
  it("refuses more than the grant, also for an initiator who asks for an override", () => {
    expect(checkSpending({ ...base, amountEuros: 101 })).toEqual({ ok: false, reason: "over-budget" });
    expect(checkSpending({ ...base, amountEuros: 101, override: true })).toEqual({ ok: false, reason: "over-budget" });
  });
  it("lets an organiser go over with an explicit override", () => {
    expect(checkSpending({ ...base, amountEuros: 500, isOrganiser: true })).toEqual({ ok: false, reason: "over-budget" });
    expect(checkSpending({ ...base, amountEuros: 500, isOrganiser: true, override: true })).toEqual({ ok: true, override: true });
  });
  it("refuses spending without a grant unless overridden", () => {
    expect(checkSpending({ grantedEuros: null, spentEuros: 0, amountEuros: 1, isOrganiser: true, override: false })).toEqual({ ok: false, reason: "no-grant" });
    expect(checkSpending({ grantedEuros: null, spentEuros: 0, amountEuros: 1, isOrganiser: true, override: true })).toEqual({ ok: true, override: true });
  });
});

describe("mayWriteTrack (issue 21.5: follow-up runs for years)", () => {
  const at = (phase: ContestPhase, inGap = false, next: ContestPhase | null = null): PhaseInfo => ({
    phase,
    inGap,
    since: 0,
    until: null,
    next: next ? { phase: next, at: 1 } : null,
    schedule: null,
  });
  const dashboardWrites: TrackWrite[] = ["status", "milestone", "milestone-done", "update", "dashboard", "partner"];

  it("lets makers and organisers keep the track from the prize-giving through nazorg; a grant is the organisers'", () => {
    for (const phase of ["prijsuitreiking", "nazorg"] as const) {
      for (const write of trackWrites) {
        expect(mayWriteTrack({ write, writer: "organiser", phase: at(phase) })).toBe(true);
        expect(mayWriteTrack({ write, writer: "maker", phase: at(phase) })).toBe(write !== "grant");
      }
    }
    // Between the prize-giving and nazorg the track stays open.
    expect(mayWriteTrack({ write: "update", writer: "maker", phase: at("prijsuitreiking", true, "nazorg") })).toBe(true);
  });

  it("after nazorg lets makers post news and keep the dashboard, but leaves the money to organisers", () => {
    for (const write of dashboardWrites) expect(mayWriteTrack({ write, writer: "maker", phase: at("afgesloten") })).toBe(true);
    expect(mayWriteTrack({ write: "spending", writer: "maker", phase: at("afgesloten") })).toBe(false);
    expect(mayWriteTrack({ write: "grant", writer: "maker", phase: at("afgesloten") })).toBe(false);
    for (const write of trackWrites) expect(mayWriteTrack({ write, writer: "organiser", phase: at("afgesloten") })).toBe(true);
  });

  it("keeps the track closed before the prize-giving, and to anyone else at any time", () => {
    for (const phase of ["concept", "indienen", "stemmen"] as const) {
      expect(mayOpenTrack("organiser", at(phase))).toBe(false);
      expect(mayOpenTrack("maker", at(phase))).toBe(false);
    }
    expect(mayOpenTrack("maker", at("stemmen", true, "prijsuitreiking"))).toBe(false);
    for (const phase of ["nazorg", "afgesloten"] as const) expect(mayOpenTrack(null, at(phase))).toBe(false);
    expect(mayOpenTrack("maker", at("afgesloten"))).toBe(true);
  });
});
