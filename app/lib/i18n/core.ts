import type { Catalogue, MessageKey } from "./catalogue";

// Everything about messages that needs no catalogue: the browser bundle imports this file, never
// index.ts, so each page ships only the reader's catalogue (loaded in entry.client.tsx), not both.

export type { Catalogue, MessageKey } from "./catalogue";
export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nl";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Gives the text for a key, or the key itself when the catalogue has no such text. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translatorFor(catalogue: Catalogue, fallback?: Catalogue): Translate {
  return (key, params) => {
    const text = lookup(catalogue, key) ?? (fallback ? lookup(fallback, key) : undefined) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

// The catalogues this process has: both on the server (entry.server.tsx), the reader's in the browser.
const loaded: Partial<Record<Locale, Catalogue>> = {};

export function registerCatalogue(locale: Locale, catalogue: Catalogue): void {
  loaded[locale] = catalogue;
}

/** The loaded catalogue for a language, else whichever is loaded (a page never shows bare keys). */
export function loadedCatalogue(locale: Locale): Catalogue {
  const catalogue = loaded[locale] ?? loaded[defaultLocale] ?? Object.values(loaded)[0];
  if (!catalogue) throw new Error("no message catalogue loaded");
  return catalogue;
}

/**
 * A validation message that needs parameters, as one string: zod issues and conform's replies carry
 * only strings. "console.postcodeDigits?line=2&item=74A1"; translateMessage reads it back.
 */
export function messageWithParams(key: MessageKey, params: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
  return `${key}?${query.toString()}`;
}

/** Validation messages travel as message keys (with params, see messageWithParams); anything else (a library's own text) is shown as it is. */
export function translateMessage(t: Translate, message: string): string {
  const whole = t(message as MessageKey);
  if (whole !== message) return whole;
  const mark = message.indexOf("?");
  if (mark > 0) {
    const key = message.slice(0, mark) as MessageKey;
    const text = t(key, Object.fromEntries(new URLSearchParams(message.slice(mark + 1))));
    if (text !== key) return text;
  }
  return message;
}

export const localeCookieName = "wv_lang";

/** The language cookie, kept a year: set by the switch, by a saved account language and on login. */
export function localeCookie(locale: Locale): string {
  return `${localeCookieName}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

export function localeFromRequest(request: Request): Locale {
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${localeCookieName}=(\\w+)`));
  return isLocale(match?.[1]) ? match[1] : defaultLocale;
}
