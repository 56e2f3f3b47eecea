import { describe, expect, it } from "vitest";
import {
  accentProperties,
  CEREMONY_TEXT_COLOURS,
  ceremonyProperties,
  checkAccent,
  checkLogoUpload,
  contrastRatio,
  DEFAULT_ACCENT,
  MAX_LOGO_BYTES,
  MIN_CONTRAST_WITH_WHITE,
  parseHexColour,
  readableShade,
} from "./organisation-look";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const svg = new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));

describe("parseHexColour", () => {
  it("reads a colour as style guides write it, and always gives #rrggbb in lower case", () => {
    expect(parseHexColour("#11AA55")).toBe("#11aa55");
    expect(parseHexColour(" 11aa55 ")).toBe("#11aa55");
    expect(parseHexColour("#1a5")).toBe("#11aa55");
    expect(parseHexColour("1A5")).toBe("#11aa55");
  });
  it("refuses anything that is not a hex colour: names, rgb(), alpha, CSS tricks", () => {
    for (const bad of ["", "#", "red", "rgb(0,0,0)", "#12345", "#1234567", "#11aa55ff", "#ggg000", "#123;background:url(x)", "#1234"]) {
      expect(parseHexColour(bad), bad).toBeNull();
    }
  });
});

describe("contrastRatio", () => {
  it("follows WCAG 2.1: black on white is 21:1, a colour on itself 1:1, in either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    // Known pairs: #767676 is the lightest grey that passes AA on white.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });
});

describe("checkAccent", () => {
  it("accepts Wijkvonk's own colour and dark colours on which white text reads well", () => {
    expect(checkAccent(DEFAULT_ACCENT)).toEqual({ ok: true, colour: DEFAULT_ACCENT });
    expect(checkAccent("#1F3A5F")).toEqual({ ok: true, colour: "#1f3a5f" });
    expect(checkAccent("#767676")).toEqual({ ok: true, colour: "#767676" });
  });

  it("refuses a colour too light for white text, with its ratio and a darker shade of the same hue that passes", () => {
    const yellow = checkAccent("#ffd43b");
    expect(yellow).toMatchObject({ ok: false, reason: "too-light", colour: "#ffd43b" });
    if (yellow.ok || yellow.reason !== "too-light") throw new Error("expected too-light");
    expect(yellow.ratio).toBeLessThan(2);
    expect(contrastRatio(yellow.suggestion, "#ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST_WITH_WHITE);
    // Same hue: the channels keep their proportions (mixed towards black only).
    const [r, g] = [Number.parseInt(yellow.suggestion.slice(1, 3), 16), Number.parseInt(yellow.suggestion.slice(3, 5), 16)];
    expect(g / r).toBeCloseTo(0xd4 / 0xff, 1);
    expect(checkAccent("#777777")).toMatchObject({ ok: false, reason: "too-light" });
    expect(checkAccent("#ffffff")).toMatchObject({ ok: false, reason: "too-light", suggestion: "#767676" });
  });

  it("offers the lightest passing shade, not just any dark one", () => {
    const shade = readableShade("#3b82f6");
    expect(contrastRatio(shade, "#ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST_WITH_WHITE);
    expect(contrastRatio(shade, "#ffffff")).toBeLessThan(MIN_CONTRAST_WITH_WHITE + 0.6);
  });

  it("says when the text is no colour at all", () => {
    expect(checkAccent("oranje")).toEqual({ ok: false, reason: "not-a-colour" });
  });
});

describe("accentProperties", () => {
  it("keeps the Wijkvonk look when no colour is set", () => {
    expect(accentProperties(null)).toBeNull();
  });

  it("gives the dark shade for links and hover and a soft one for backgrounds, both readable", () => {
    for (const accent of ["#c2410c", "#1f3a5f", "#767676", "#0b6e4f", "#6d28d9", readableShade("#ffd43b")]) {
      const vars = accentProperties(accent)!;
      expect(vars["--accent"]).toBe(accent);
      // White on the hover shade, and the dark shade as text on the soft background: both AA.
      expect(contrastRatio(vars["--accent-dark"], "#ffffff"), accent).toBeGreaterThanOrEqual(MIN_CONTRAST_WITH_WHITE);
      expect(contrastRatio(vars["--accent-dark"], vars["--accent-soft"]), accent).toBeGreaterThanOrEqual(MIN_CONTRAST_WITH_WHITE);
      // Ink (#1b2430) on the soft background too.
      expect(contrastRatio("#1b2430", vars["--accent-soft"]), accent).toBeGreaterThanOrEqual(MIN_CONTRAST_WITH_WHITE);
    }
  });
});

describe("ceremonyProperties", () => {
  it("darkens the organisation's colour for the big screen so that its light texts stay readable", () => {
    expect(ceremonyProperties(null)).toBeNull();
    // The lightest colour the rule lets through, and a few ordinary ones.
    for (const accent of ["#767676", readableShade("#ffd43b"), readableShade("#00ffff"), "#c2410c", "#0b6e4f"]) {
      const lightest = ceremonyProperties(accent)!["--ceremony-light"];
      for (const text of CEREMONY_TEXT_COLOURS) expect(contrastRatio(text, lightest), `${text} on ${lightest}`).toBeGreaterThanOrEqual(MIN_CONTRAST_WITH_WHITE);
    }
  });
});

describe("checkLogoUpload", () => {
  it("accepts a PNG, JPEG or WebP up to 2 MB", () => {
    expect(checkLogoUpload({ bytes: png, tooLarge: false })).toBeNull();
  });
  it("refuses an SVG (it can carry scripts), anything else that is no image, nothing at all, and a file over 2 MB", () => {
    expect(checkLogoUpload({ bytes: svg, tooLarge: false })).toBe("not-an-image");
    expect(checkLogoUpload({ bytes: null, tooLarge: false })).toBe("not-an-image");
    expect(checkLogoUpload({ bytes: new Uint8Array([...png, ...new Uint8Array(MAX_LOGO_BYTES)]), tooLarge: false })).toBe("too-large");
    expect(checkLogoUpload({ bytes: null, tooLarge: true })).toBe("too-large");
  });
});
