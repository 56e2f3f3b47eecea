import { useMatches, useRouteLoaderData } from "@remix-run/react";
import { useMemo, useSyncExternalStore } from "react";
import {
  defaultLocale,
  isLocale,
  loadedCatalogue,
  reportMissingText,
  subscribeTexts,
  textsToWaitFor,
  textsVersion,
  translatorFor,
  type Locale,
  type MessageKey,
  type Translate,
} from "./core";
import { plural } from "./numbers";
import { sectionsOfMatches, type Section } from "./sections";

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

export function useT(): Translate {
  const locale = useLocale();
  // The same number on the server and in the browser until texts arrive late (core.ts): no second render after hydrating.
  const version = useSyncExternalStore(subscribeTexts, textsVersion, textsVersion);
  return useMemo(() => {
    const t = translatorFor(loadedCatalogue(locale));
    return (key, params) => {
      const text = t(key, params);
      if (text === key) reportMissingText(locale, key);
      return text;
    };
    // version: a new translator once late texts came, so the components that use it render again.
  }, [locale, version]);
}

/**
 * The sections the page's routes ask for (ADR 030). In the browser it waits for any that are not here
 * yet: a navigation to another part of the site renders once its texts came (the router renders in a
 * transition, so the old page stays until then), and a language change waits for the other base texts.
 */
export function usePageTexts(): Section[] {
  const locale = useLocale();
  const needed = sectionsOfMatches(useMatches());
  const arriving = textsToWaitFor(locale, ["base", ...needed]);
  if (arriving) throw arriving;
  return needed;
}

/** The text for `n` things: the reader's language's plural rule picks the key for one or for more. */
export function useCountText(): (n: number, keys: { one: MessageKey; other: MessageKey }, params?: Record<string, string | number>) => string {
  const t = useT();
  const locale = useLocale();
  return (n, keys, params) => t(plural(locale, n, keys), params);
}
