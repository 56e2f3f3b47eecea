// Photos as stored: the sizes kept, the formats read, and the files' names. Pure; the image work
// is in photos.server.ts. Ideas, contest pictures and realisation updates share them.

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** A photo of 8 MB never needs more pixels than this; larger dimensions are a decompression bomb. */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** The sizes we keep: a large one for the idea page and poster, a small one for cards. */
export const PHOTO_WIDTHS = { large: 1600, small: 480 } as const;
export type PhotoSize = keyof typeof PHOTO_WIDTHS;

export type PhotoFormat = "jpeg" | "png" | "webp";

/**
 * What the first bytes say the file is. The browser's content type and the file name are not trusted:
 * a renamed PDF is refused however it is called.
 */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "png";
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === "RIFF" && String.fromCharCode(...bytes.subarray(8, 12)) === "WEBP") {
    return "webp";
  }
  return null;
}

/** Stored file names: a random key, the size, and .webp. Anything else is not one of ours. */
export function photoFileName(storageKey: string, size: PhotoSize): string {
  return `${storageKey}-${PHOTO_WIDTHS[size]}.webp`;
}

export function parsePhotoFileName(name: string): { storageKey: string; size: PhotoSize } | null {
  const match = name.match(/^([A-Za-z0-9_-]{16,64})-(\d+)\.webp$/);
  if (!match) return null;
  const size = (Object.keys(PHOTO_WIDTHS) as PhotoSize[]).find((s) => String(PHOTO_WIDTHS[s]) === match[2]);
  return size ? { storageKey: match[1]!, size } : null;
}
