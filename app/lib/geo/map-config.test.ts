import { describe, expect, it } from "vitest";
import { addressLookupBase, mapConfig, PDOK_LOCATIESERVER, PDOK_TILES, tileOrigin } from "./map-config";

describe("mapConfig", () => {
  it("uses PDOK's base map with Kadaster's credit line by default", () => {
    const config = mapConfig({ mapTiles: "pdok" });
    expect(config?.tileUrl).toBe(PDOK_TILES);
    expect(config?.attribution.nl).toBe("Kaartgegevens © Kadaster");
    expect(tileOrigin(config)).toBe("https://service.pdok.nl");
  });

  it("credits OpenStreetMap's contributors when its tiles are used", () => {
    const config = mapConfig({ mapTiles: "osm" });
    expect(config?.attribution).toEqual({ nl: "© OpenStreetMap-bijdragers", en: "© OpenStreetMap contributors" });
    expect(tileOrigin(config)).toBe("https://tile.openstreetmap.org");
  });

  it("takes a configured tile address and credit line", () => {
    const config = mapConfig({ mapTiles: "osm", mapTileUrl: "https://kaart.example.nl:8443/t/{z}/{x}/{y}.png", mapAttribution: "© Gemeente" });
    expect(tileOrigin(config)).toBe("https://kaart.example.nl:8443");
    expect(config?.attribution.en).toBe("© Gemeente");
  });

  it("has no map and no tile origin when maps are off", () => {
    expect(mapConfig({ mapTiles: "off" })).toBeNull();
    expect(tileOrigin(null)).toBeNull();
  });
});

describe("addressLookupBase", () => {
  it("is PDOK's Locatieserver unless configured, and can be turned off", () => {
    expect(addressLookupBase(undefined)).toBe(PDOK_LOCATIESERVER);
    expect(addressLookupBase("http://127.0.0.1:9000/stub/")).toBe("http://127.0.0.1:9000/stub");
    expect(addressLookupBase("off")).toBeNull();
  });
});
