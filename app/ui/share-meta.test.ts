import { describe, expect, it } from "vitest";
import { shareDescription, shareMeta } from "./share-meta";

const card = {
  title: "Vonk Keizerslanden 2027",
  description: "Heb je een idee   voor de wijk?\nDien het in.",
  url: "https://wijkvonk.example.nl/rondes/vonk",
  image: { url: "https://wijkvonk.example.nl/deelkaart.png", alt: "Wijkvonk" },
  siteName: "Wijkvonk",
  locale: "nl" as const,
};

describe("share meta", () => {
  it("gives the Open Graph and Twitter tags with absolute URLs", () => {
    const tags = shareMeta(card);
    const tag = (key: "property" | "name", value: string) => (tags as Record<string, unknown>[]).find((t) => t[key] === value)?.content;
    const prop = (p: string) => tag("property", p);
    const name = (n: string) => tag("name", n);
    expect(prop("og:title")).toBe("Vonk Keizerslanden 2027");
    expect(prop("og:description")).toBe("Heb je een idee voor de wijk? Dien het in.");
    expect(prop("og:url")).toBe(card.url);
    expect(prop("og:image")).toBe(card.image.url);
    expect(prop("og:locale")).toBe("nl_NL");
    expect(name("twitter:card")).toBe("summary_large_image");
    expect(name("description")).toBe(prop("og:description"));
  });

  it("cuts a long text at a word, with an ellipsis", () => {
    const long = `${"woord ".repeat(60)}einde`;
    const short = shareDescription(long);
    expect(short.length).toBeLessThanOrEqual(200);
    expect(short.endsWith("woord…")).toBe(true);
  });

  it("leaves a short text as it is", () => {
    expect(shareDescription("Kort.")).toBe("Kort.");
  });
});
