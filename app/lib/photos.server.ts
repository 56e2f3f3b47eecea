import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { uploadsRoot } from "./env.server";
import { MAX_PHOTO_PIXELS, PHOTO_WIDTHS, photoFileName, sniffPhotoFormat, type PhotoSize } from "./photos";

// sharp and its libvips are loaded on the first photo, not at start: 25 MB of the server's resident
// memory that a server showing pages and taking votes never needs (issue 19).
type Sharp = (typeof import("sharp"))["default"];
let sharpLoaded: Promise<Sharp> | undefined;
export function loadSharp(): Promise<Sharp> {
  sharpLoaded ??= import("sharp").then((module) => module.default);
  return sharpLoaded;
}

// Photos live beside the database, in <data folder>/uploads/ideas, so a backup of the data folder has them;
// or in UPLOADS_DIR/ideas, a folder several servers share (app/lib/env.server.ts uploadsRoot).
// They are always re-encoded: what we store never holds the camera's metadata (location!).

/** Idea photos, contest pictures, the photos of realisation updates and organisations' logos are stored alike, each in its own folder. */
export type PhotoFolder = "ideas" | "contests" | "updates" | "organisations";

export function uploadsDir(folder: PhotoFolder = "ideas"): string {
  return path.join(uploadsRoot(), folder);
}

export type ProcessedPhoto = { storageKey: string; width: number; height: number; files: Record<PhotoSize, Buffer> };

/**
 * Decodes, turns upright (EXIF orientation), resizes and re-encodes as WebP without any metadata.
 * Returns null for a file that is not a JPEG, PNG or WebP we can read (malformed, truncated, too many pixels).
 */
export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto | null> {
  if (sniffPhotoFormat(bytes) === null) return null;
  const sharp = await loadSharp();
  try {
    const input = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error" });
    const meta = await input.metadata();
    if (meta.format !== "jpeg" && meta.format !== "png" && meta.format !== "webp") return null;
    const encode = (width: number) =>
      sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error" })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
    const large = await encode(PHOTO_WIDTHS.large);
    const small = await encode(PHOTO_WIDTHS.small);
    return {
      storageKey: randomBytes(16).toString("base64url"),
      width: large.info.width,
      height: large.info.height,
      files: { large: large.data, small: small.data },
    };
  } catch (error) {
    // A file sharp cannot decode is the sender's (malformed, truncated, too many pixels); anything else
    // (memory, the thread pool) is a real failure and must not pass for "not a photo".
    if (isUnreadableImage(error)) return null;
    throw error;
  }
}

/** sharp and libvips say so when the input is the problem: "Input buffer …", "VipsJpeg: …", "pngload: …". */
export function isUnreadableImage(error: unknown): boolean {
  return error instanceof Error && /^(Input |Vips|[a-z]+load|.*(corrupt|premature|unsupported|bad |invalid|pixel limit))/i.test(error.message);
}

/** Writes both sizes (each through a temporary name, so a half-written file never has a real name). */
export async function writePhotoFiles(photo: ProcessedPhoto, folder: PhotoFolder = "ideas"): Promise<void> {
  const dir = uploadsDir(folder);
  mkdirSync(dir, { recursive: true });
  try {
    for (const size of Object.keys(PHOTO_WIDTHS) as PhotoSize[]) {
      const final = path.join(dir, photoFileName(photo.storageKey, size));
      const temporary = `${final}.${process.pid}.tmp`;
      await writeFile(temporary, photo.files[size]);
      await rename(temporary, final);
    }
  } catch (error) {
    await deletePhotoFiles(photo.storageKey, folder);
    throw error;
  }
}

export async function deletePhotoFiles(storageKey: string, folder: PhotoFolder = "ideas"): Promise<void> {
  const dir = uploadsDir(folder);
  for (const size of Object.keys(PHOTO_WIDTHS) as PhotoSize[]) {
    const file = path.join(dir, photoFileName(storageKey, size));
    await rm(file, { force: true });
    await rm(`${file}.${process.pid}.tmp`, { force: true });
  }
}

/** The stored file, or null when there is none; a disk that fails to read is an error, not a missing photo. */
export async function readPhotoFile(storageKey: string, size: PhotoSize, folder: PhotoFolder = "ideas"): Promise<Buffer | null> {
  try {
    return await readFile(path.join(uploadsDir(folder), photoFileName(storageKey, size)));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Stores a processed photo and runs `save` (the database write). When `save` throws, the files are
 * removed again: nothing half-saved remains.
 */
export async function withStoredPhoto<T>(photo: ProcessedPhoto | null, save: () => T | Promise<T>, folder: PhotoFolder = "ideas"): Promise<T> {
  if (!photo) return save();
  await writePhotoFiles(photo, folder);
  try {
    return await save();
  } catch (error) {
    await deletePhotoFiles(photo.storageKey, folder);
    throw error;
  }
}

/** A stored photo as an HTTP answer: public ones have random, never-reused names, so caches may keep them a year. */
export function photoResponse(file: Buffer, isPublic: boolean): Response {
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(file.byteLength),
      "Cache-Control": isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
    },
  });
}
