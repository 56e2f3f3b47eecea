import { isLocale, registerCatalogue, type Locale } from "./core";

/** Loads only the reader's catalogue, as its own cacheable chunk, before the page comes to life. */
export async function loadCatalogue(lang: string): Promise<void> {
  const locale: Locale = isLocale(lang) ? lang : "nl";
  if (locale === "en") registerCatalogue("en", (await import("./en")).en);
  else registerCatalogue("nl", (await import("./nl")).nl);
}
