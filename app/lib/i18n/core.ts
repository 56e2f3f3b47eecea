import type { Catalogue, MessageKey } from "./catalogue";

// Everything about messages that needs no catalogue: the browser bundle imports this file, never
// index.ts, so each page ships only the reader's catalogue (loaded in entry.client.tsx), not both.

export type { BaseCatalogue, Catalogue, MessageKey, Section } from "./catalogue";
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

// The texts this process has: whole catalogues on the server (entry.server.tsx); in the browser the
// reader's base texts and the sections the pages so far asked for (client.ts, ADR 030), merged into
// one object per language as they arrive.
const loaded: Partial<Record<Locale, Record<string, unknown>>> = {};

export function registerCatalogue(locale: Locale, catalogue: Catalogue): void {
  loaded[locale] = catalogue;
}

/** Adds texts to a language's catalogue: the base groups, or one section ({ voting: {...} }). */
export function registerTexts(locale: Locale, texts: Readonly<Record<string, unknown>>): void {
  loaded[locale] = Object.assign(loaded[locale] ?? {}, texts);
}

// Components that translate re-render when texts arrive late (useT): only after a route used a
// section it did not ask for, which the browser reports (client.ts) and sections.test.ts prevents.
let version = 0;
const listeners = new Set<() => void>();

export function subscribeTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function textsVersion(): number {
  return version;
}

/** Texts that a page showed as keys have come: the components that translate render again. */
export function lateTextsArrived(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/**
 * How the browser fetches groups of texts it lacks ("base" or sections): the promise of their
 * arrival, or null when there is nothing to wait for. None on the server, which has every text.
 */
export type TextLoader = (locale: Locale, groups: readonly string[]) => Promise<void> | null;
let textLoader: TextLoader | null = null;
let missingText: ((locale: Locale, key: string) => void) | null = null;

export function setTextLoader(loader: TextLoader, onMissing: (locale: Locale, key: string) => void): void {
  textLoader = loader;
  missingText = onMissing;
}

/** The arrival of the groups of texts a page needs that are not here yet, or null (always on the server). */
export function textsToWaitFor(locale: Locale, groups: readonly string[]): Promise<void> | null {
  return textLoader ? textLoader(locale, groups) : null;
}

/** A key had no text in the loaded catalogue: the browser looks for its section (client.ts). */
export function reportMissingText(locale: Locale, key: string): void {
  missingText?.(locale, key);
}

/** Whether a language has this top-level group of texts (a section, or a base group such as "nav"). */
export function hasGroup(locale: Locale, group: string): boolean {
  return loaded[locale]?.[group] !== undefined;
}

/**
 * The loaded catalogue for a language, else whichever is loaded (a page never shows bare keys). In
 * the browser it holds only the sections loaded so far; lookup answers undefined for the others.
 */
export function loadedCatalogue(locale: Locale): Catalogue {
  const catalogue = loaded[locale] ?? loaded[defaultLocale] ?? Object.values(loaded)[0];
  if (!catalogue) throw new Error("no message catalogue loaded");
  return catalogue as Catalogue;
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
