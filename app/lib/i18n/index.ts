import type { Catalogue, MessageKey } from "./catalogue";
import { en } from "./en";
import { nl } from "./nl";

export type { MessageKey } from "./catalogue";
export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nl";

const catalogues: Record<Locale, Catalogue> = { nl, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return lookup(nl, value) !== undefined;
}

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => {
    const text = lookup(catalogues[locale], key) ?? lookup(nl, key) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
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
  if (isMessageKey(message)) return t(message);
  const mark = message.indexOf("?");
  if (mark > 0) {
    const key = message.slice(0, mark);
    if (isMessageKey(key)) return t(key, Object.fromEntries(new URLSearchParams(message.slice(mark + 1))));
  }
  return message;
}

export const localeCookieName = "wv_lang";

export function localeFromRequest(request: Request): Locale {
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${localeCookieName}=(\\w+)`));
  return isLocale(match?.[1]) ? match[1] : defaultLocale;
}
