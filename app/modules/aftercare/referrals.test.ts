import { describe, expect, it } from "vitest";
import { checkReferralChange, isReferralOpen, nextReferralStatuses } from "./referrals";

describe("referral statuses", () => {
  it("keeps a referral open until the supporter helped or it did not work out", () => {
    expect(isReferralOpen("verwezen")).toBe(true);
    expect(isReferralOpen("in-contact")).toBe(true);
    expect(isReferralOpen("geholpen")).toBe(false);
    expect(isReferralOpen("niet-gelukt")).toBe(false);
  });

  it("moves an open referral on, never back to 'verwezen'", () => {
    expect(nextReferralStatuses("verwezen")).toEqual(["in-contact", "geholpen", "niet-gelukt"]);
    expect(nextReferralStatuses("in-contact")).toEqual(["geholpen", "niet-gelukt"]);
  });

  it("reopens an ended referral only as 'in contact'", () => {
    expect(nextReferralStatuses("geholpen")).toEqual(["in-contact"]);
    expect(nextReferralStatuses("niet-gelukt")).toEqual(["in-contact"]);
  });

  it("allows a note without a status change, but not an empty change", () => {
    expect(checkReferralChange("in-contact", "in-contact", "Gebeld, volgende week afspraak")).toEqual({ ok: true });
    expect(checkReferralChange("in-contact", "in-contact", null)).toEqual({ ok: false, reason: "same-status" });
    expect(checkReferralChange("in-contact", "verwezen", null)).toEqual({ ok: false, reason: "not-allowed" });
    expect(checkReferralChange("geholpen", "niet-gelukt", "toch niet")).toEqual({ ok: false, reason: "not-allowed" });
    expect(checkReferralChange("verwezen", "geholpen", null)).toEqual({ ok: true });
  });
});
