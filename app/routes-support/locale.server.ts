import { getAuth } from "~/modules/auth/session.server";
import { isLocale, localeCookieName, localeFromRequest, translator, type Locale, type Translate } from "~/lib/i18n";

/** The switch in the footer (a cookie) wins; then the account's language; then Dutch. */
export async function getLocale(request: Request): Promise<Locale> {
  const chosen = (request.headers.get("Cookie") ?? "").includes(`${localeCookieName}=`);
  if (chosen) return localeFromRequest(request);
  const { user } = await getAuth(request);
  return isLocale(user?.locale) ? user.locale : localeFromRequest(request);
}

export async function getTranslator(request: Request): Promise<Translate> {
  return translator(await getLocale(request));
}
