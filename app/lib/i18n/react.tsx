import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { defaultLocale, isLocale, loadedCatalogue, translatorFor, type Locale, type Translate } from "./core";

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translatorFor(loadedCatalogue(locale)), [locale]);
}
