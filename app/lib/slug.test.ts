import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("makes readable URL names", () => {
    expect(slugify("Vonk Keizerslanden 2027")).toBe("vonk-keizerslanden-2027");
    expect(slugify("Ideeën voor de Één-straat!")).toBe("ideeen-voor-de-een-straat");
    expect(slugify("???")).toBe("ronde");
  });
});
