// The rules for photos of ideas. Pure; the stored files are in ~/lib/photos.

import { MAX_PHOTO_BYTES, sniffPhotoFormat } from "~/lib/photos";

export const MAX_PHOTOS_PER_IDEA = 5;

export type PhotoProblem = "not-an-image" | "too-large" | "alt-missing" | "too-many" | "unreadable";

/** The message key for each refusal: shown beside the photo field, in Dutch or English. */
export const photoProblemMessage = {
  "not-an-image": "ideas.photoErrors.notAnImage",
  "too-large": "ideas.photoErrors.tooLarge",
  "alt-missing": "ideas.photoErrors.altMissing",
  "too-many": "ideas.photoErrors.tooMany",
  unreadable: "ideas.photoErrors.unreadable",
} as const satisfies Record<PhotoProblem, string>;

/** The checks that need no decoding: size, type by content, alt text, and room on the idea. */
export function checkUpload(input: { bytes: Uint8Array | null; tooLarge: boolean; altText: string; existingCount: number }): PhotoProblem | null {
  if (input.existingCount >= MAX_PHOTOS_PER_IDEA) return "too-many";
  if (input.tooLarge || (input.bytes && input.bytes.length > MAX_PHOTO_BYTES)) return "too-large";
  if (!input.bytes || sniffPhotoFormat(input.bytes) === null) return "not-an-image";
  if (input.altText.trim().length === 0) return "alt-missing";
  return null;
}
