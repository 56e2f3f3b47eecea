import { describe, expect, it } from "vitest";
import { checkSpending, moneySummary } from "./track";

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
