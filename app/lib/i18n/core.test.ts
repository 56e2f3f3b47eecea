import { describe, expect, it } from "vitest";
import { loadedCatalogue, messageWithParams, registerCatalogue, translateMessage, translatorFor } from "./core";
import { en } from "./en";
import { nl } from "./nl";

// In the browser only the reader's catalogue is loaded (core.ts); these rules must hold with one.

describe("translateMessage with one catalogue", () => {
  const t = translatorFor(en);
  it("translates a message key, also one carrying parameters", () => {
    expect(translateMessage(t, "aftercare.errors.pickSupporter")).toBe("Choose at least one supporter.");
    expect(translateMessage(t, messageWithParams("taakgroepen.statusZoekt", { n: 3 }))).toBe("Still looking for 3 people");
  });
  it("shows anything that is not a key as it is", () => {
    expect(translateMessage(t, "Invalid input")).toBe("Invalid input");
    expect(translateMessage(t, "geen.sleutel?n=1")).toBe("geen.sleutel?n=1");
  });
});

describe("loadedCatalogue", () => {
  it("gives the reader's catalogue once loaded, and never nothing", () => {
    registerCatalogue("nl", nl);
    expect(loadedCatalogue("en")).toBe(nl);
    registerCatalogue("en", en);
    expect(loadedCatalogue("en")).toBe(en);
  });
});
