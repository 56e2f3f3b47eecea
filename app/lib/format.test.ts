import { describe, expect, it } from "vitest";
import { formatAmount, formatCountdown, formatDate, formatDateTime, formatMoney, formatTime, vatTerms, vatWords } from "./format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatDateTime", () => {
  it("writes the comma form in Amsterdam time", () => {
    expect(formatDateTime("2027-03-15T18:30:00Z", "nl")).toBe("15 maart 2027, 19:30");
    expect(formatDateTime("2027-03-15T18:30:00Z", "en")).toBe("15 March 2027, 19:30");
  });

  it("uses summer time and a 24-hour clock with leading zero", () => {
    expect(formatDateTime(Date.parse("2027-07-01T07:05:00Z"), "nl")).toBe("1 juli 2027, 09:05");
    expect(formatDateTime(new Date("2027-07-01T22:00:00Z"), "en")).toBe("2 July 2027, 00:00");
  });

  it("defaults to Dutch", () => {
    expect(formatDateTime("2027-10-31T00:30:00Z")).toBe("31 oktober 2027, 02:30");
  });

  it("refuses an invalid instant", () => {
    expect(() => formatDateTime("geen datum", "nl")).toThrow(RangeError);
  });
});

describe("formatDate and formatTime", () => {
  it("writes the date, with the weekday if asked", () => {
    expect(formatDate("2027-03-15T18:30:00Z", "nl")).toBe("15 maart 2027");
    expect(formatDate("2027-03-15T18:30:00Z", "en")).toBe("15 March 2027");
    expect(formatDate("2027-03-15T18:30:00Z", "nl", { weekday: true })).toBe("maandag 15 maart 2027");
    expect(formatDate("2027-03-15T18:30:00Z", "en", { weekday: true })).toBe("Monday 15 March 2027");
  });

  it("uses the Amsterdam date around midnight", () => {
    expect(formatDate("2027-03-15T23:30:00Z", "nl")).toBe("16 maart 2027");
  });

  it("writes the time", () => {
    expect(formatTime("2027-03-15T18:30:00Z")).toBe("19:30");
  });
});

describe("formatAmount", () => {
  it("says whether VAT is included, in the reader's language", () => {
    expect(formatAmount(12500, "nl", "incl")).toBe("€ 12.500 incl. btw");
    expect(formatAmount(12500, "nl", "excl")).toBe("€ 12.500 excl. btw");
    expect(formatAmount(250.5, "en", "excl")).toBe("€250.50 excl. VAT");
  });
  it("reads the round's setting", () => {
    expect(vatTerms({ amountsIncludeVat: true })).toBe("incl");
    expect(vatTerms({ amountsIncludeVat: false })).toBe("excl");
    expect(vatWords("incl", "en")).toBe("incl. VAT");
  });
});

describe("formatMoney", () => {
  it("leaves out cents for whole euros", () => {
    expect(formatMoney(12500, "nl")).toBe("€ 12.500");
    expect(formatMoney(12500, "en")).toBe("€12,500");
    expect(formatMoney(0, "nl")).toBe("€ 0");
  });

  it("shows cents when there are any", () => {
    expect(formatMoney(12500.5, "nl")).toBe("€ 12.500,50");
    expect(formatMoney(12500.5, "en")).toBe("€12,500.50");
    expect(formatMoney(0.05, "nl")).toBe("€ 0,05");
  });

  it("rounds to cents first", () => {
    expect(formatMoney(12499.999, "nl")).toBe("€ 12.500");
    expect(formatMoney(0.1 + 0.2, "nl")).toBe("€ 0,30");
  });

  it("shows negative amounts", () => {
    expect(formatMoney(-12.5, "nl")).toBe("€ -12,50");
  });
});

describe("formatCountdown", () => {
  it("shows days and hours", () => {
    expect(formatCountdown(3 * DAY + 4 * HOUR + 59 * MINUTE, "nl")).toBe("nog 3 dagen en 4 uur");
    expect(formatCountdown(3 * DAY + 4 * HOUR, "en")).toBe("3 days and 4 hours left");
    expect(formatCountdown(1 * DAY + 1 * HOUR, "nl")).toBe("nog 1 dag en 1 uur");
    expect(formatCountdown(1 * DAY + 1 * HOUR, "en")).toBe("1 day and 1 hour left");
  });

  it("leaves out a zero second part", () => {
    expect(formatCountdown(2 * DAY + 30 * MINUTE, "nl")).toBe("nog 2 dagen");
    expect(formatCountdown(5 * HOUR, "en")).toBe("5 hours left");
  });

  it("shows hours and minutes under a day", () => {
    expect(formatCountdown(2 * HOUR + 5 * MINUTE, "nl")).toBe("nog 2 uur en 5 minuten");
    expect(formatCountdown(1 * HOUR + 1 * MINUTE, "nl")).toBe("nog 1 uur en 1 minuut");
  });

  it("shows minutes under an hour, rounded down", () => {
    expect(formatCountdown(5 * MINUTE + 59_000, "nl")).toBe("nog 5 minuten");
    expect(formatCountdown(5 * MINUTE, "en")).toBe("5 minutes left");
    expect(formatCountdown(MINUTE, "en")).toBe("1 minute left");
  });

  it("handles the last minute and the end", () => {
    expect(formatCountdown(59_000, "nl")).toBe("nog minder dan een minuut");
    expect(formatCountdown(1, "en")).toBe("less than a minute left");
    expect(formatCountdown(0, "nl")).toBe("de tijd is om");
    expect(formatCountdown(-5 * MINUTE, "en")).toBe("time is up");
  });
});
