import type { Catalogue, MessageKey } from "./catalogue";
import { lookup, translatorFor, type Locale, type Translate } from "./core";
import { en } from "./en";
import { nl } from "./nl";

// The server's (and the tests') way in: both catalogues. Code that runs in the browser imports
// ./core instead, so that it never bundles them (see core.ts).

export * from "./core";

export const catalogues: Record<Locale, Catalogue> = { nl, en };

export function isMessageKey(value: string): value is MessageKey {
  return lookup(nl, value) !== undefined;
}

export function translator(locale: Locale): Translate {
  return translatorFor(catalogues[locale], nl);
}
