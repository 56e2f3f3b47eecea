// An organisation's look (issue 18.13, ADR 025): one accent colour and a logo, on its rounds, letters,
// posters and ceremony. Pure: parsing the colour, the contrast rule, the shades the pages use.

import { photoFileName, sniffPhotoFormat, type PhotoSize } from "~/lib/photos";

/** Wijkvonk's own accent (styles.css --accent): what every organisation has until it picks one. */
export const DEFAULT_ACCENT = "#c2410c";

/** WCAG 2.1 AA for normal text: buttons and highlights carry white text on the accent. */
export const MIN_CONTRAST_WITH_WHITE = 4.5;

/** A logo is shown small (a header, a letter, a poster corner): 2 MB is plenty, and far below a photo's 8 MB. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

type Rgb = readonly [number, number, number];

/**
 * "#1A5", "1a5", "#11aa55" and " #11AA55 " all mean #11aa55: organisations copy their house colour
 * from a style guide in whichever form it is written there. Anything else is null.
 */
export function parseHexColour(input: string): string | null {
  const match = input.trim().match(/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (!match) return null;
  const hex = match[1]!.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex}`;
}

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hexOf(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour mixed towards black (amount 0..1); hue stays, only lightness goes. */
export function darken(hex: string, amount: number): string {
  return hexOf(rgbOf(hex).map((c) => c * (1 - amount)) as unknown as Rgb);
}

/** The colour mixed towards white (amount 0..1), for soft backgrounds behind dark text. */
export function lighten(hex: string, amount: number): string {
  return hexOf(rgbOf(hex).map((c) => c + (255 - c) * amount) as unknown as Rgb);
}

/**
 * The lightest shade of this colour that white text is readable on: offered when a colour is too
 * light, so the organisation keeps its hue. Steps of 1/255, one unit of the brightest channel.
 */
export function readableShade(hex: string): string {
  for (let step = 0; step <= 255; step++) {
    const shade = darken(hex, step / 255);
    if (contrastRatio(shade, "#ffffff") >= MIN_CONTRAST_WITH_WHITE) return shade;
  }
  return "#000000";
}

export type AccentCheck =
  { ok: true; colour: string } | { ok: false; reason: "not-a-colour" } | { ok: false; reason: "too-light"; colour: string; ratio: number; suggestion: string };

/** The rule for an accent colour: a hex colour on which white text reaches WCAG AA (4.5:1). */
export function checkAccent(input: string): AccentCheck {
  const colour = parseHexColour(input);
  if (!colour) return { ok: false, reason: "not-a-colour" };
  const ratio = contrastRatio(colour, "#ffffff");
  if (ratio >= MIN_CONTRAST_WITH_WHITE) return { ok: true, colour };
  return { ok: false, reason: "too-light", colour, ratio: Math.floor(ratio * 10) / 10, suggestion: readableShade(colour) };
}

/**
 * The CSS custom properties a round's pages get (styles.css reads --accent, --accent-dark and
 * --accent-soft). The dark shade is for hover and for text links on the page; the soft one is a light
 * background behind ink-coloured text. --focus is left alone: the focus ring stays Wijkvonk blue.
 */
export function accentProperties(accent: string | null): Record<"--accent" | "--accent-dark" | "--accent-soft", string> | null {
  if (accent === null) return null;
  return { "--accent": accent, "--accent-dark": darken(accent, 0.22), "--accent-soft": lighten(accent, 0.92) };
}

/** The ceremony's texts on its dark background: white, the yellow title and the pale hint (results.css). */
export const CEREMONY_TEXT_COLOURS = ["#ffffff", "#ffe08a", "#dbe6f5", "#c9d6e8"] as const;

/**
 * The big screen's background in the organisation's colour: three ever darker shades of it, so the
 * ceremony's light texts stay readable on the lightest (the centre of its gradient).
 */
export function ceremonyProperties(accent: string | null): Record<"--ceremony-light" | "--ceremony-mid" | "--ceremony-dark", string> | null {
  if (accent === null) return null;
  return { "--ceremony-light": darken(accent, 0.35), "--ceremony-mid": darken(accent, 0.5), "--ceremony-dark": darken(accent, 0.7) };
}

export type LogoProblem = "not-an-image" | "too-large";

/** The checks that need no decoding: size and type by content (PNG, JPEG or WebP; never SVG, which can carry scripts). */
export function checkLogoUpload(input: { bytes: Uint8Array | null; tooLarge: boolean }): LogoProblem | null {
  if (input.tooLarge || (input.bytes && input.bytes.length > MAX_LOGO_BYTES)) return "too-large";
  if (!input.bytes || sniffPhotoFormat(input.bytes) === null) return "not-an-image";
  return null;
}

/** Where the browser finds an organisation's logo (served by routes/organisatielogos.$name.tsx). */
export function organisationLogoUrl(storageKey: string, size: PhotoSize): string {
  return `/organisatielogos/${photoFileName(storageKey, size)}`;
}

/** What a round's pages, letters and posters show of their organisation: its name, its logo (the name is its text alternative), its colour. */
export type RoundLook = { organisationName: string; logo: { src: string; alt: string } | null; accent: string | null };

export function roundLookOf(
  details: { organisationName: string; look: { logoKey: string | null; accentColour: string | null } },
  size: PhotoSize = "small",
): RoundLook {
  return {
    organisationName: details.organisationName,
    logo: details.look.logoKey ? { src: organisationLogoUrl(details.look.logoKey, size), alt: details.organisationName } : null,
    accent: details.look.accentColour,
  };
}
