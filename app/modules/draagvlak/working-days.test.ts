import { describe, expect, it } from "vitest";
import { addWorkingDays, answerClock, answerDueAt, dateOf, dayOf, dutchHolidays, easterSunday, isWorkingDay, workingDaysBetween } from "./working-days";

const holidaysOf = (year: number) => Object.fromEntries([...dutchHolidays(year)].map(([day, name]) => [name, dateOf(day)]));

describe("easterSunday (computus)", () => {
  it.each([
    [1818, 3, 22], // the earliest possible date
    [1943, 4, 25], // the latest possible date
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
  ])("Easter %i is %i-%i", (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe("dutchHolidays", () => {
  it("names every holiday of 2026", () => {
    expect(holidaysOf(2026)).toEqual({
      nieuwjaarsdag: "2026-01-01",
      "goede-vrijdag": "2026-04-03",
      "eerste-paasdag": "2026-04-05",
      "tweede-paasdag": "2026-04-06",
      koningsdag: "2026-04-27",
      bevrijdingsdag: "2026-05-05",
      hemelvaartsdag: "2026-05-14",
      "eerste-pinksterdag": "2026-05-24",
      "tweede-pinksterdag": "2026-05-25",
      "eerste-kerstdag": "2026-12-25",
      "tweede-kerstdag": "2026-12-26",
    });
  });

  it("moves Koningsdag to 26 April when the 27th is a Sunday", () => {
    expect(new Date("2025-04-27T12:00:00Z").getUTCDay()).toBe(0);
    expect(holidaysOf(2025).koningsdag).toBe("2025-04-26");
    expect(new Date("2031-04-27T12:00:00Z").getUTCDay()).toBe(0);
    expect(holidaysOf(2031).koningsdag).toBe("2031-04-26");
    expect(holidaysOf(2027).koningsdag).toBe("2027-04-27");
  });

  it("counts Bevrijdingsdag every year, not only in a lustrum year", () => {
    expect(isWorkingDay(dayOf("2027-05-05"))).toBe(false); // a Wednesday
    expect(isWorkingDay(dayOf("2030-05-05"))).toBe(false);
  });

  it("follows Easter for Hemelvaart and Pinksteren in another year", () => {
    expect(holidaysOf(2027)).toMatchObject({
      "goede-vrijdag": "2027-03-26",
      "tweede-paasdag": "2027-03-29",
      hemelvaartsdag: "2027-05-06",
      "tweede-pinksterdag": "2027-05-17",
    });
  });
});

describe("isWorkingDay", () => {
  it("is Monday to Friday, minus holidays", () => {
    expect(isWorkingDay(dayOf("2026-12-07"))).toBe(true); // Monday
    expect(isWorkingDay(dayOf("2026-12-12"))).toBe(false); // Saturday
    expect(isWorkingDay(dayOf("2026-12-13"))).toBe(false); // Sunday
    expect(isWorkingDay(dayOf("2026-12-25"))).toBe(false); // Friday, Christmas
    expect(isWorkingDay(dayOf("2026-05-14"))).toBe(false); // Thursday, Hemelvaart
    expect(isWorkingDay(dayOf("2026-05-15"))).toBe(true); // the Friday after: a working day (bridge days are not holidays)
  });
});

describe("addWorkingDays", () => {
  it("skips the weekend", () => {
    expect(dateOf(addWorkingDays(dayOf("2026-12-18"), 3))).toBe("2026-12-23"); // Fri + 3 = Wed
  });
  it("skips Christmas", () => {
    expect(dateOf(addWorkingDays(dayOf("2026-12-23"), 3))).toBe("2026-12-29"); // Thu 24, Mon 28, Tue 29
    expect(dateOf(addWorkingDays(dayOf("2026-12-24"), 1))).toBe("2026-12-28");
  });
  it("skips Goede Vrijdag and Tweede Paasdag", () => {
    expect(dateOf(addWorkingDays(dayOf("2026-04-02"), 2))).toBe("2026-04-08");
  });
  it("skips Koningsdag and Bevrijdingsdag", () => {
    expect(dateOf(addWorkingDays(dayOf("2026-04-24"), 1))).toBe("2026-04-28");
    expect(dateOf(addWorkingDays(dayOf("2026-05-04"), 1))).toBe("2026-05-06");
  });
  it("crosses New Year", () => {
    expect(dateOf(addWorkingDays(dayOf("2026-12-31"), 1))).toBe("2027-01-04"); // Fri 1 Jan is New Year, then the weekend
  });
  it("counts from a weekend day as from the Friday before", () => {
    expect(dateOf(addWorkingDays(dayOf("2026-12-19"), 1))).toBe("2026-12-21");
  });
});

describe("answerDueAt", () => {
  it("is midnight, Amsterdam time, after the n-th working day", () => {
    // Handed in on Friday 18 December at 20:00 (19:00 UTC), three working days: by the end of Wednesday.
    expect(new Date(answerDueAt(Date.parse("2026-12-18T19:00:00Z"), 3)).toISOString()).toBe("2026-12-23T23:00:00.000Z");
  });
  it("keeps to the Amsterdam day around midnight UTC", () => {
    // 00:30 on Saturday in Amsterdam is still Friday in UTC: the Amsterdam day counts.
    expect(new Date(answerDueAt(Date.parse("2026-12-18T23:30:00Z"), 1)).toISOString()).toBe("2026-12-21T23:00:00.000Z");
  });
  it("ends in summer time when the last day is in summer time", () => {
    expect(new Date(answerDueAt(Date.parse("2026-03-27T10:00:00Z"), 1)).toISOString()).toBe("2026-03-30T22:00:00.000Z");
  });
});

describe("answerClock", () => {
  const submittedAt = Date.parse("2026-12-18T19:00:00Z");
  const dueAt = Date.parse("2026-12-23T23:00:00Z");
  it("says there is no promise without a number of days", () => {
    expect(answerClock({ submittedAt, workingDays: null, answeredAt: null, now: submittedAt })).toEqual({ state: "no-promise" });
  });
  it("waits until the due moment, then is overdue", () => {
    expect(answerClock({ submittedAt, workingDays: 3, answeredAt: null, now: dueAt - 1 })).toEqual({ state: "waiting", dueAt });
    expect(answerClock({ submittedAt, workingDays: 3, answeredAt: null, now: dueAt })).toMatchObject({ state: "overdue", dueAt });
  });
  it("counts how many working days late, skipping Christmas", () => {
    expect(answerClock({ submittedAt, workingDays: 3, answeredAt: null, now: Date.parse("2026-12-28T09:00:00Z") })).toMatchObject({
      state: "overdue",
      workingDaysLate: 2, // Thursday 24 and Monday 28
    });
  });
  it("stops at the first answer, in time or late", () => {
    expect(answerClock({ submittedAt, workingDays: 3, answeredAt: dueAt - 1, now: dueAt + 99 })).toEqual({
      state: "answered",
      dueAt,
      answeredAt: dueAt - 1,
      inTime: true,
    });
    expect(answerClock({ submittedAt, workingDays: 3, answeredAt: dueAt, now: dueAt + 99 })).toMatchObject({ state: "answered", inTime: false });
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days after the first day up to the last", () => {
    expect(workingDaysBetween(dayOf("2026-12-23"), dayOf("2026-12-29"))).toBe(3);
    expect(workingDaysBetween(dayOf("2026-12-23"), dayOf("2026-12-23"))).toBe(0);
  });
});
