import { describe, expect, it } from "vitest";
import { amsterdamLocalToInstant } from "./dates";
import { formatDateRange } from "./date-range";

const L = (local: string) => amsterdamLocalToInstant(local)!;

describe("formatDateRange", () => {
  it("names month and year once within one month", () => {
    expect(formatDateRange(L("2027-03-03T09:00"), L("2027-03-17T09:00"))).toBe("3 – 17 maart 2027");
    expect(formatDateRange(L("2027-03-03T09:00"), L("2027-03-17T09:00"), "en")).toBe("3 – 17 March 2027");
  });

  it("names both months within one year, and everything across a new year", () => {
    expect(formatDateRange(L("2027-03-20T09:00"), L("2027-04-03T09:00"))).toBe("20 maart – 3 april 2027");
    expect(formatDateRange(L("2026-12-20T09:00"), L("2027-01-03T09:00"))).toBe("20 december 2026 – 3 januari 2027");
  });

  it("shows one day for a period within a day", () => {
    expect(formatDateRange(L("2027-06-12T19:00"), L("2027-06-12T23:00"))).toBe("12 juni 2027");
  });

  it("reads the days in Amsterdam time, not UTC", () => {
    // 00:30 in Amsterdam on 1 April is still 31 March in UTC.
    expect(formatDateRange(L("2027-04-01T00:30"), L("2027-04-10T00:30"))).toBe("1 – 10 april 2027");
  });
});
