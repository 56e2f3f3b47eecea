import { describe, expect, it } from "vitest";
import { messageWithParams, translateMessage, translator } from "./index";

describe("translateMessage", () => {
  const nl = translator("nl");
  const en = translator("en");

  it("translates a message key, and shows any other text as it is", () => {
    expect(translateMessage(en, "validation.required")).toBe(en("validation.required"));
    expect(translateMessage(nl, "Invalid input: expected string")).toBe("Invalid input: expected string");
    expect(translateMessage(nl, "Is dit een vraag? Ja.")).toBe("Is dit een vraag? Ja.");
  });

  it("fills in the params a message carries", () => {
    const message = messageWithParams("console.areaEdit", { name: "Keizerslanden & Rande?" });
    expect(translateMessage(nl, message)).toBe("Postcodes van Keizerslanden & Rande? aanpassen");
    expect(translateMessage(en, message)).toBe("Change the postcodes of Keizerslanden & Rande?");
  });
});
