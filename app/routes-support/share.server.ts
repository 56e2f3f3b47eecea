import { publicOrigin } from "~/lib/env.server";
import { translator } from "~/lib/i18n";
import { DEFAULT_SHARE_IMAGE, type ShareCard } from "~/ui/share-meta";
import { getLocale } from "./locale.server";

/**
 * The share card of a page (issue 21.7), with absolute URLs from APP_URL. `image` is a path on this site
 * (a round's or an idea's picture); without one the app's own card picture stands in.
 */
export async function shareCardFor(
  request: Request,
  page: { title: string; description: string; path: string; image: { src: string; alt: string } | null },
): Promise<ShareCard> {
  const origin = publicOrigin();
  const locale = await getLocale(request);
  const t = translator(locale);
  return {
    title: page.title,
    description: page.description || t("app.tagline"),
    url: `${origin}${page.path}`,
    image: page.image ? { url: `${origin}${page.image.src}`, alt: page.image.alt } : { url: `${origin}${DEFAULT_SHARE_IMAGE}`, alt: t("app.tagline") },
    siteName: t("app.name"),
    locale,
  };
}
