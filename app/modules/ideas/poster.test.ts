import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { qrPath } from "./poster.server";

// The poster's QR code is drawn as one SVG path; a phone must read the idea's address from it.
describe("qrPath", () => {
  it("draws a QR code that decodes to the idea's address", async () => {
    const url = "https://wijkvonk.example.nl/rondes/vonk-keizerslanden-2027/ideeen/42";
    const { size, d } = qrPath(url);
    const quiet = 4;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${(size + 2 * quiet) * 8}" height="${(size + 2 * quiet) * 8}" viewBox="${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}" shape-rendering="crispEdges"><rect x="${-quiet}" y="${-quiet}" width="100%" height="100%" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: "#fff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
    expect(decoded?.data).toBe(url);
  });

  it("only draws squares: the path holds nothing but move and line commands with numbers", () => {
    const { d } = qrPath("https://example.nl/<script>");
    expect(d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
  });
});
