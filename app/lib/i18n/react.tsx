import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { defaultLocale, isLocale, translator, type Locale, type Translate } from "./index";

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
