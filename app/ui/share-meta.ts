import type { MetaDescriptor } from "@remix-run/node";

// Issue 21.7: a link to a round or an idea, pasted in WhatsApp, Signal or on social media, shows a
// proper card: title, a line of text and a picture (Open Graph, and the Twitter/X card that reads it).
// Every URL is absolute, from APP_URL (publicOrigin), never from the request's Host header.

export type ShareCard = {
  title: string;
  /** Plain text; cut to about two lines here, so each page can pass what it has. */
  description: string;
  /** Absolute URL of the page itself. */
  url: string;
  /** Absolute URL of a picture, with its description; the app's own card picture when a page has none. */
  image: { url: string; alt: string };
  siteName: string;
  locale: "nl" | "en";
};

const DESCRIPTION_MAX = 200;

/** Whitespace folded, and at most DESCRIPTION_MAX characters, cut at a word with "…". */
export function shareDescription(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= DESCRIPTION_MAX) return flat;
  const cut = flat.slice(0, DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

export function shareMeta(card: ShareCard): MetaDescriptor[] {
  const description = shareDescription(card.description);
  return [
    { name: "description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: card.siteName },
    { property: "og:locale", content: card.locale === "nl" ? "nl_NL" : "en_GB" },
    { property: "og:title", content: card.title },
    { property: "og:description", content: description },
    { property: "og:url", content: card.url },
    { property: "og:image", content: card.image.url },
    { property: "og:image:alt", content: card.image.alt },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: card.title },
    { name: "twitter:description", content: description },
    { name: "twitter:image", content: card.image.url },
    { name: "twitter:image:alt", content: card.image.alt },
    { tagName: "link", rel: "canonical", href: card.url },
  ];
}

/** The app's own card picture (public/deelkaart.png, 1200 × 630), for pages without a picture of their own. */
export const DEFAULT_SHARE_IMAGE = "/deelkaart.png";
