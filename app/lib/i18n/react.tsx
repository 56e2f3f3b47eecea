import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { defaultLocale, isLocale, loadedCatalogue, translatorFor, type Locale, type MessageKey, type Translate } from "./core";
import { plural } from "./numbers";

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translatorFor(loadedCatalogue(locale)), [locale]);
}

/** The text for `n` things: the reader's language's plural rule picks the key for one or for more. */
export function useCountText(): (n: number, keys: { one: MessageKey; other: MessageKey }, params?: Record<string, string | number>) => string {
  const t = useT();
  const locale = useLocale();
  return (n, keys, params) => t(plural(locale, n, keys), params);
}
