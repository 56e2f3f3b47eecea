// Dates, money and countdowns as residents read them, in Dutch or English.
// Times are always shown in Europe/Amsterdam, whatever the server's zone.

import { TIME_ZONE, toEpochMs, type InstantInput } from "./dates";
import { INTL_LOCALE, numberFormat, plural } from "./i18n/numbers";

export type Locale = "nl" | "en";

const dateTimeFormatters = {
  nl: makeDateTimeFormatter("nl"),
  en: makeDateTimeFormatter("en"),
};

function makeDateTimeFormatter(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

function partsOf(instant: InstantInput, locale: Locale) {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of dateTimeFormatters[locale].formatToParts(toEpochMs(instant))) {
    parts[part.type] = part.value;
  }
  return parts;
}

/**
 * "15 maart 2027, 19:30" / "15 March 2027, 19:30".
 * Built from parts because Intl joins with "om" / "at", and we want the
 * shorter comma form everywhere (lists, countdowns, error messages).
 */
export function formatDateTime(instant: InstantInput, locale: Locale = "nl"): string {
  const p = partsOf(instant, locale);
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** "15 maart 2027" / "15 March 2027"; with weekday: "maandag 15 maart 2027" / "Monday 15 March 2027". */
export function formatDate(instant: InstantInput, locale: Locale = "nl", options: { weekday?: boolean } = {}): string {
  const p = partsOf(instant, locale);
  const date = `${p.day} ${p.month} ${p.year}`;
  return options.weekday ? `${p.weekday} ${date}` : date;
}

/** "19:30" in Amsterdam time. */
export function formatTime(instant: InstantInput, locale: Locale = "nl"): string {
  const p = partsOf(instant, locale);
  return `${p.hour}:${p.minute}`;
}

/**
 * "€ 12.500" for whole euros, "€ 12.500,50" with cents; English "€12,500.50".
 * Amounts are rounded to cents first, so 12.499999 shows as "€ 12.500".
 * The space after € is a normal space (Intl gives a no-break space), so the
 * text compares and exports predictably; keep it on one line with CSS.
 */
export function formatMoney(euros: number, locale: Locale = "nl"): string {
  const cents = Math.round(euros * 100);
  const whole = cents % 100 === 0;
  return numberFormat(locale, { style: "currency", currency: "EUR", minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 })
    .format(cents / 100)
    .replace(/\u00a0/g, " ");
}

/** Whether a round's amounts include VAT (issue 21.6): the round sets it once, every amount shown says it. */
export type VatTerms = "incl" | "excl";

export function vatTerms(contest: { amountsIncludeVat: boolean }): VatTerms {
  return contest.amountsIncludeVat ? "incl" : "excl";
}

const VAT_WORDS = { nl: { incl: "incl. btw", excl: "excl. btw" }, en: { incl: "incl. VAT", excl: "excl. VAT" } } as const;

/** "incl. btw" / "excl. VAT": for a table's column header, when the cells show bare amounts. */
export function vatWords(vat: VatTerms, locale: Locale = "nl"): string {
  return VAT_WORDS[locale][vat];
}

/**
 * An amount of a round as residents read it: "€ 12.500 incl. btw", "€12,500 excl. VAT". Use this wherever a
 * round's money is shown on its own; formatMoney is for cells under a header that already says it.
 */
export function formatAmount(euros: number, locale: Locale, vat: VatTerms): string {
  return `${formatMoney(euros, locale)} ${vatWords(vat, locale)}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS = {
  nl: { day: { one: "dag", other: "dagen" }, hour: { one: "uur", other: "uur" }, minute: { one: "minuut", other: "minuten" } },
  en: { day: { one: "day", other: "days" }, hour: { one: "hour", other: "hours" }, minute: { one: "minute", other: "minutes" } },
} as const;

function count(n: number, unit: "day" | "hour" | "minute", locale: Locale): string {
  return `${n} ${plural(locale, n, UNITS[locale][unit])}`;
}

/**
 * Time left until a deadline, in the two largest units, rounded down so we
 * never promise more time than there is:
 * "nog 3 dagen en 4 uur", "nog 2 uur en 5 minuten", "nog 5 minuten",
 * "nog minder dan een minuut", and "de tijd is om" at or after the deadline.
 * English: "3 days and 4 hours left", "5 minutes left", "time is up".
 * Days are 24 real hours, which is what a countdown counts.
 */
export function formatCountdown(msLeft: number, locale: Locale = "nl"): string {
  if (!(msLeft > 0)) return locale === "nl" ? "de tijd is om" : "time is up";
  if (msLeft < MINUTE) return locale === "nl" ? "nog minder dan een minuut" : "less than a minute left";

  const days = Math.floor(msLeft / DAY);
  const hours = Math.floor((msLeft % DAY) / HOUR);
  const minutes = Math.floor((msLeft % HOUR) / MINUTE);

  const pieces =
    days > 0
      ? [count(days, "day", locale), hours > 0 ? count(hours, "hour", locale) : null]
      : hours > 0
        ? [count(hours, "hour", locale), minutes > 0 ? count(minutes, "minute", locale) : null]
        : [count(minutes, "minute", locale)];
  const and = locale === "nl" ? " en " : " and ";
  const text = pieces.filter((piece): piece is string => piece !== null).join(and);
  return locale === "nl" ? `nog ${text}` : `${text} left`;
}
