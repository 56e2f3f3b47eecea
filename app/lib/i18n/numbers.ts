import type { Locale } from "./core";

// The one place that turns the app's language into what Intl needs (issue 17): en-GB, not en-US,
// for day before month and a 24-hour clock, as the Dutch text. Formatters are made once per language
// and option set: building one costs more than using it, on pages that format hundreds of numbers.

export const INTL_LOCALE: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

const numberFormats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return format;
}

/** 12.500 in Dutch, 12,500 in English. */
export function formatNumber(n: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(n);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * The message for `n` things: the language's own plural rule (Intl.PluralRules) picks between the
 * key for one and the key for more, instead of `n === 1 ?` at every place that counts something.
 */
export function plural<K extends string>(locale: Locale, n: number, keys: { one: K; other: K }): K {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(INTL_LOCALE[locale])));
  return rules.select(n) === "one" ? keys.one : keys.other;
}
