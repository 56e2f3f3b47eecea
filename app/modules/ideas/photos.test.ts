import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES, parsePhotoFileName, photoFileName, sniffPhotoFormat } from "~/lib/photos";
import { checkUpload } from "./photos";

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const webp = new Uint8Array([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8 ")]);
const pdf = new Uint8Array(Buffer.from("%PDF-1.7 rest"));

describe("sniffPhotoFormat", () => {
  it("knows JPEG, PNG and WebP by their first bytes, and nothing else", () => {
    expect(sniffPhotoFormat(jpeg)).toBe("jpeg");
    expect(sniffPhotoFormat(png)).toBe("png");
    expect(sniffPhotoFormat(webp)).toBe("webp");
    expect(sniffPhotoFormat(pdf)).toBeNull();
    expect(sniffPhotoFormat(new Uint8Array())).toBeNull();
  });
});

describe("checkUpload", () => {
  const ok = { bytes: jpeg, tooLarge: false, altText: "Het grasveld", existingCount: 0 };
  it("accepts a photo with alt text while there is room", () => {
    expect(checkUpload(ok)).toBeNull();
  });
  it("refuses a sixth photo, a file over 8 MB, a non-image and a photo without alt text", () => {
    expect(checkUpload({ ...ok, existingCount: 5 })).toBe("too-many");
    expect(checkUpload({ ...ok, tooLarge: true })).toBe("too-large");
    expect(checkUpload({ ...ok, bytes: new Uint8Array(MAX_PHOTO_BYTES + 1) })).toBe("too-large");
    expect(checkUpload({ ...ok, bytes: pdf })).toBe("not-an-image");
    expect(checkUpload({ ...ok, altText: "  " })).toBe("alt-missing");
  });
});

describe("photo file names", () => {
  it("round-trips our names and refuses anything else (no paths, no other sizes)", () => {
    const name = photoFileName("abcdefghijklmnop1234", "small");
    expect(name).toBe("abcdefghijklmnop1234-480.webp");
    expect(parsePhotoFileName(name)).toEqual({ storageKey: "abcdefghijklmnop1234", size: "small" });
    expect(parsePhotoFileName("abcdefghijklmnop1234-1600.webp")).toEqual({ storageKey: "abcdefghijklmnop1234", size: "large" });
    expect(parsePhotoFileName("abcdefghijklmnop1234-800.webp")).toBeNull();
    expect(parsePhotoFileName("../../etc/passwd-480.webp")).toBeNull();
  });
});
