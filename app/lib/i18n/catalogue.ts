import type { nl } from "./nl";
import type { baseNl } from "./sections/base.nl";

// Every catalogue has exactly the shape of the Dutch one, so a missing English text fails the type check.
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof nl>;

/** The groups of texts every page gets (sections/base.*.ts). */
export type BaseCatalogue = Widen<typeof baseNl>;

/** A section of the catalogue that a page loads only when one of its routes asks for it (ADR 030). */
export type Section = Exclude<keyof Catalogue, keyof BaseCatalogue>;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Catalogue>;
