// A period as residents read it on a timeline, in Europe/Amsterdam time:
// "3 – 17 maart 2027", "20 maart – 3 april 2027", "20 december 2026 – 3 januari 2027".
// Kept beside format.ts (not in it) so the organiser console's changes there never collide with these.

import { TIME_ZONE, toEpochMs, type InstantInput } from "./dates";
import type { Locale } from "./format";
import { INTL_LOCALE } from "./i18n/numbers";

const formatters: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat(INTL_LOCALE.nl, { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" }),
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" }),
};

function parts(instant: InstantInput, locale: Locale) {
  const out = { day: "", month: "", year: "" };
  for (const part of formatters[locale].formatToParts(toEpochMs(instant))) {
    if (part.type === "day" || part.type === "month" || part.type === "year") out[part.type] = part.value;
  }
  return out;
}

/**
 * The days a period covers, naming month and year only once when they repeat. The end is shown as
 * the calendar day on which the period ends, like the dates the organiser announced. An en dash with
 * spaces separates the two ends.
 */
export function formatDateRange(start: InstantInput, end: InstantInput, locale: Locale = "nl"): string {
  const a = parts(start, locale);
  const b = parts(end, locale);
  const to = `${b.day} ${b.month} ${b.year}`;
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year} – ${to}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${to}`;
  if (a.day !== b.day) return `${a.day} – ${to}`;
  return to;
}
