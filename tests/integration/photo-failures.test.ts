import { mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { isUnreadableImage, processPhoto, readPhotoFile, uploadsDir } from "~/lib/photos.server";
import { photoFileName } from "~/lib/photos";
import { useTestDatabase } from "../support/test-db";

// Issue 17.5: the photo store's catch blocks passed every failure off as "no photo". A file that is no
// photo is the sender's; a disk or a decoder that fails is a real error and is thrown.

useTestDatabase();

describe("the photo store", () => {
  it("takes a truncated JPEG as no photo", async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#f80" } })
      .jpeg()
      .toBuffer();
    expect(await processPhoto(jpeg)).not.toBeNull();
    expect(await processPhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBeNull();
  });

  it("tells the decoder's words for a bad file from other failures", () => {
    expect(isUnreadableImage(new Error("Input buffer contains unsupported image format"))).toBe(true);
    expect(isUnreadableImage(new Error("VipsJpeg: Premature end of input file"))).toBe(true);
    expect(isUnreadableImage(new Error("pngload: libspng read error"))).toBe(true);
    expect(isUnreadableImage(new Error("Cannot allocate memory"))).toBe(false);
    expect(isUnreadableImage(new Error("EMFILE: too many open files"))).toBe(false);
  });

  it("answers a missing file with null, and a file it cannot read with an error", async () => {
    expect(await readPhotoFile("bestaat-niet", "small")).toBeNull();
    // A folder where the file should be: reading it fails (EISDIR), which is no missing photo.
    mkdirSync(path.join(uploadsDir("ideas"), photoFileName("een-map", "small")), { recursive: true });
    await expect(readPhotoFile("een-map", "small")).rejects.toThrow(/EISDIR/);
  });
});
