import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { qrPath } from "~/modules/ideas/poster.server";
import { normalizeCode } from "./code-format";
import { letterCodeUrl, shortVotePath } from "./paths";

// Issue 18.12: a voting letter's QR code opens the short address with the code filled in.
async function decode(url: string): Promise<string | undefined> {
  const { size, d } = qrPath(url);
  const quiet = 4;
  const side = size + 2 * quiet;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side * 8}" height="${side * 8}" viewBox="${-quiet} ${-quiet} ${side} ${side}" shape-rendering="crispEdges"><rect x="${-quiet}" y="${-quiet}" width="100%" height="100%" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: "#fff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data;
}

describe("the letter's QR code", () => {
  it("reads back as the short address with the letter's code", async () => {
    const url = letterCodeUrl("https://wijkvonk.deventer.nl", "K7QM-3XPA");
    expect(url).toBe("https://wijkvonk.deventer.nl/stem?code=K7QM-3XPA");
    const read = await decode(url);
    expect(read).toBe(url);
    const parsed = new URL(read!);
    expect(parsed.pathname).toBe(shortVotePath);
    expect(normalizeCode(parsed.searchParams.get("code")!)).toBe("K7QM-3XPA");
  });
});
