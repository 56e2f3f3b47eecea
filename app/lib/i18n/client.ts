import { hasGroup, isLocale, lateTextsArrived, registerTexts, setTextLoader, type Locale } from "./core";
import { isSection, sectionOfKey, type Section } from "./sections";

// The browser's texts (ADR 030): the reader's language only, in parts. "base" (sections/base.*.ts)
// comes with every page; a section comes when a page's routes ask for it in their handle. Each
// part of each language is its own small cacheable chunk.

type Part = Section | "base";

const files = import.meta.glob<Record<string, Record<string, unknown>>>("./sections/*.ts");

/** sections/budget-parts.en.ts holds the section budgetParts in English. */
function fileOf(part: Part, locale: Locale): string {
  return `./sections/${part.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.${locale}.ts`;
}

const isHere = (locale: Locale, part: Part) => hasGroup(locale, part === "base" ? "app" : part);
const loading = new Map<string, Promise<void>>();
// A part that failed to come (the network) is not waited for again: the page shows keys rather than hang.
const failed = new Set<string>();

function loadPart(locale: Locale, part: Part): Promise<void> {
  const id = `${locale}:${part}`;
  let promise = loading.get(id);
  if (!promise) {
    const load = files[fileOf(part, locale)];
    if (!load) throw new Error(`no texts for ${id}`);
    promise = load().then(
      (module) => {
        const texts = Object.values(module)[0]!;
        registerTexts(locale, part === "base" ? texts : { [part]: texts });
      },
      (error: unknown) => {
        failed.add(id);
        console.error(`wijkvonk: the texts ${id} did not load`, error);
      },
    );
    loading.set(id, promise);
  }
  return promise;
}

/** Loads the parts of a language that are not here yet; null when there is nothing to wait for. */
export function loadTexts(locale: Locale, parts: readonly string[]): Promise<void> | null {
  const missing = (parts as Part[]).filter((p) => !isHere(locale, p) && !failed.has(`${locale}:${p}`));
  return missing.length ? Promise.all(missing.map((p) => loadPart(locale, p))).then(() => undefined) : null;
}

const reported = new Set<string>();

function onMissingText(locale: Locale, key: string): void {
  const section = sectionOfKey(key);
  if (!section || isHere(locale, section) || reported.has(`${locale}:${section}`)) return;
  reported.add(`${locale}:${section}`);
  // A route used a section it did not ask for: the text shows as its key until the section comes.
  console.error(`wijkvonk: "${key}" was shown before the section "${section}" was loaded; add it to the route's handle.i18n`);
  void loadTexts(locale, [section])?.then(lateTextsArrived);
}

/**
 * Before the page comes to life: the reader's base texts and the sections the server rendered the page
 * with (`lang` of <html> and the content of <meta name="wv-i18n">, see root.tsx).
 */
export async function loadPageTexts(lang: string, renderedSections: string | null | undefined): Promise<void> {
  const locale: Locale = isLocale(lang) ? lang : "nl";
  const rendered = (renderedSections ?? "").split(" ").filter(isSection);
  setTextLoader(loadTexts, onMissingText);
  await loadTexts(locale, ["base", ...rendered]);
}
