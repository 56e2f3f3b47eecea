import type { Section } from "./catalogue";

// Which texts a page needs (docs/decisions/030-message-sections.md). The base groups (sections/base.*.ts)
// come with every page; every other section of the catalogue only with the pages whose routes ask
// for it in their handle: `export const handle = { i18n: ["voting", "ideas"] } satisfies I18nHandle`.
// A page's sections are those of all its matched routes, the root's included. sections.test.ts checks
// every route asks for each section its code uses.

export const sections = [
  "rounds",
  "phases",
  "results",
  "console",
  "overview",
  "auditLog",
  "letters",
  "elsewhere",
  "cover",
  "pages",
  "ideas",
  "jury",
  "voting",
  "taakgroepen",
  "draagvlak",
  "aftercare",
  "participation",
  "spread",
  "budgetParts",
  "help",
  "initiative",
  "look",
  "notifications",
  "accountDetails",
  "geo",
] as const satisfies readonly Section[];

// A section added to the catalogue but not to the list above fails the type check here.
type Unlisted = Exclude<Section, (typeof sections)[number]>;
const everySectionListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everySectionListed;

export type { Section };
export type I18nHandle = { i18n: readonly Section[] };

export function isSection(name: string): name is Section {
  return (sections as readonly string[]).includes(name);
}

/** The section a key belongs to, or null for a base text (or no key at all). */
export function sectionOfKey(key: string): Section | null {
  const group = key.slice(0, key.indexOf("."));
  return isSection(group) ? group : null;
}

/** The sections the matched routes ask for, each once, in a stable order. */
export function sectionsOfMatches(matches: readonly { handle?: unknown }[]): Section[] {
  const wanted = new Set<string>();
  for (const { handle } of matches) {
    const names = handle && typeof handle === "object" && "i18n" in handle && Array.isArray(handle.i18n) ? (handle.i18n as unknown[]) : [];
    for (const name of names) if (typeof name === "string") wanted.add(name);
  }
  return sections.filter((s) => wanted.has(s));
}

/** The name of the <meta> by which the server tells the browser which sections the page was rendered with. */
export const sectionsMetaName = "wv-i18n";
