// The answer clock's working days (issue 21.3, ADR 021): Monday to Friday, minus the Dutch public
// holidays, counted in Europe/Amsterdam. Pure: plain numbers in, plain numbers out.

import { fromAmsterdamWallMs, toAmsterdamWallMs } from "~/lib/dates";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day as days since 1970-01-01 (the day number of its date, not of an instant). */
export type DayNumber = number;

function dayNumber(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus of Meeus, Jones and Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

export type Holiday =
  | "nieuwjaarsdag"
  | "goede-vrijdag"
  | "eerste-paasdag"
  | "tweede-paasdag"
  | "koningsdag"
  | "bevrijdingsdag"
  | "hemelvaartsdag"
  | "eerste-pinksterdag"
  | "tweede-pinksterdag"
  | "eerste-kerstdag"
  | "tweede-kerstdag";

/**
 * The Dutch public holidays of a year that count as non-working days. Koningsdag is 27 April, or
 * 26 April when the 27th is a Sunday. Bevrijdingsdag (5 May) counts every year: the people who
 * answer work for a municipality, and the cao Gemeenten gives 5 May off every year (the national
 * government's own rule, once every five years, is not the one that applies to them).
 */
export function dutchHolidays(year: number): Map<DayNumber, Holiday> {
  const easter = easterSunday(year);
  const e = dayNumber(year, easter.month, easter.day);
  const kingsDay = dayNumber(year, 4, 27);
  const holidays: [DayNumber, Holiday][] = [
    [dayNumber(year, 1, 1), "nieuwjaarsdag"],
    [e - 2, "goede-vrijdag"],
    [e, "eerste-paasdag"],
    [e + 1, "tweede-paasdag"],
    [weekday(kingsDay) === 0 ? kingsDay - 1 : kingsDay, "koningsdag"],
    [dayNumber(year, 5, 5), "bevrijdingsdag"],
    [e + 39, "hemelvaartsdag"],
    [e + 49, "eerste-pinksterdag"],
    [e + 50, "tweede-pinksterdag"],
    [dayNumber(year, 12, 25), "eerste-kerstdag"],
    [dayNumber(year, 12, 26), "tweede-kerstdag"],
  ];
  return new Map(holidays);
}

/** 0 is Sunday, 6 is Saturday. */
function weekday(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCDay();
}

function yearOf(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

const holidayCache = new Map<number, Map<DayNumber, Holiday>>();
function holidaysOf(year: number): Map<DayNumber, Holiday> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = dutchHolidays(year);
    holidayCache.set(year, holidays);
  }
  return holidays;
}

export function isWorkingDay(day: DayNumber): boolean {
  const wd = weekday(day);
  if (wd === 0 || wd === 6) return false;
  return !holidaysOf(yearOf(day)).has(day);
}

/** The Amsterdam calendar day an instant falls on. */
export function amsterdamDay(instant: number): DayNumber {
  return Math.floor(toAmsterdamWallMs(instant) / DAY_MS);
}

/** The day number of a date written as YYYY-MM-DD (for tests and seeds). */
export function dayOf(date: string): DayNumber {
  const [y, m, d] = date.split("-").map(Number);
  return dayNumber(y!, m!, d!);
}

/** The date of a day number as YYYY-MM-DD. */
export function dateOf(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The n-th working day after `day` (the day itself does not count, whatever it is). */
export function addWorkingDays(day: DayNumber, n: number): DayNumber {
  let current = day;
  let left = n;
  while (left > 0) {
    current += 1;
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/**
 * When the answer is due: by the end (midnight, Amsterdam time) of the n-th working day after the
 * day the idea was handed in. An idea handed in on a Friday evening with a promise of three working
 * days is due by the end of Wednesday.
 */
export function answerDueAt(submittedAt: number, workingDays: number): number {
  const lastDay = addWorkingDays(amsterdamDay(submittedAt), workingDays);
  return fromAmsterdamWallMs((lastDay + 1) * DAY_MS).instant;
}

export type AnswerClock =
  | { state: "no-promise" }
  | { state: "waiting"; dueAt: number }
  | { state: "overdue"; dueAt: number; workingDaysLate: number }
  | { state: "answered"; dueAt: number; answeredAt: number; inTime: boolean };

/** Where an idea stands against the promise: answered (in time or not), still waiting, or overdue. */
export function answerClock(input: { submittedAt: number; workingDays: number | null; answeredAt: number | null; now: number }): AnswerClock {
  if (input.workingDays === null) return { state: "no-promise" };
  const dueAt = answerDueAt(input.submittedAt, input.workingDays);
  if (input.answeredAt !== null) return { state: "answered", dueAt, answeredAt: input.answeredAt, inTime: input.answeredAt < dueAt };
  if (input.now < dueAt) return { state: "waiting", dueAt };
  return { state: "overdue", dueAt, workingDaysLate: workingDaysBetween(amsterdamDay(dueAt - 1), amsterdamDay(input.now)) };
}

/** Working days after `from` up to and including `to`. */
export function workingDaysBetween(from: DayNumber, to: DayNumber): number {
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkingDay(day)) count++;
  return count;
}
