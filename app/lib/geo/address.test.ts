import { describe, expect, it } from "vitest";
import { addressQuery, parseWktPoint, readLocatieserverAnswer } from "./address";

describe("addressQuery", () => {
  it("folds whitespace and keeps the words", () => {
    expect(addressQuery("  Zwolseweg   1,\n Deventer ")).toBe("Zwolseweg 1, Deventer");
  });

  it("refuses what cannot be an address", () => {
    expect(addressQuery("")).toBeNull();
    expect(addressQuery("ab")).toBeNull();
    expect(addressQuery("1234")).toBeNull();
    expect(addressQuery("x".repeat(121))).toBeNull();
  });

  it("drops control characters", () => {
    expect(addressQuery("Brink\u0000 5")).toBe("Brink 5");
  });
});

describe("parseWktPoint", () => {
  it("reads longitude first, as WKT does", () => {
    expect(parseWktPoint("POINT(6.17830 52.26610)")).toEqual({ latitude: 52.2661, longitude: 6.1783 });
  });

  it("refuses other shapes and impossible points", () => {
    expect(parseWktPoint("POINT(6.1 52.2 3)")).toBeNull();
    expect(parseWktPoint("POLYGON((1 2, 3 4))")).toBeNull();
    expect(parseWktPoint("POINT(200 52)")).toBeNull();
    expect(parseWktPoint(42)).toBeNull();
  });
});

describe("readLocatieserverAnswer", () => {
  const doc = { weergavenaam: "Zwolseweg 1, 7412AA Deventer", centroide_ll: "POINT(6.1783 52.2661)", postcode: "7412AA" };

  it("reads name, point and postcode", () => {
    expect(readLocatieserverAnswer({ response: { numFound: 1, docs: [doc] } })).toEqual([
      { label: "Zwolseweg 1, 7412AA Deventer", point: { latitude: 52.2661, longitude: 6.1783 }, postcode: "7412 AA" },
    ]);
  });

  it("gives an empty list when nothing was found", () => {
    expect(readLocatieserverAnswer({ response: { numFound: 0, docs: [] } })).toEqual([]);
  });

  it("skips documents it cannot read and keeps at most the maximum", () => {
    const answer = { response: { docs: [{ weergavenaam: "Geen punt" }, "rommel", doc, doc, doc] } };
    expect(readLocatieserverAnswer(answer, 2)).toHaveLength(2);
    expect(readLocatieserverAnswer({ response: { docs: [{ ...doc, postcode: "onzin" }] } })![0]!.postcode).toBeNull();
  });

  it("says null for an answer of another shape", () => {
    expect(readLocatieserverAnswer(null)).toBeNull();
    expect(readLocatieserverAnswer({ error: "boom" })).toBeNull();
    expect(readLocatieserverAnswer({ response: { docs: "x" } })).toBeNull();
  });
});
