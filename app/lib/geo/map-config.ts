// Which map tiles and which address look-up this installation uses. PDOK's BRT-Achtergrondkaart (the
// Dutch government's open base map, Kadaster) by default; OpenStreetMap as the alternative. Each
// requires its credit line under the map. The browser only ever loads tiles from this one origin (the
// Content-Security-Policy's img-src allows it and nothing else); addresses are looked up by the server.

export const PDOK_TILES = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";
export const OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const PDOK_LOCATIESERVER = "https://api.pdok.nl/bzk/locatieserver/search/v3_1";

export type MapConfig = { tileUrl: string; attribution: { nl: string; en: string }; maxZoom: number } | null;

const presets = {
  pdok: { tileUrl: PDOK_TILES, attribution: { nl: "Kaartgegevens © Kadaster", en: "Map data © Kadaster" }, maxZoom: 19 },
  osm: { tileUrl: OSM_TILES, attribution: { nl: "© OpenStreetMap-bijdragers", en: "© OpenStreetMap contributors" }, maxZoom: 19 },
} as const;

/** The map as configured (MAP_TILES, MAP_TILE_URL, MAP_ATTRIBUTION); null when maps are off. */
export function mapConfig(settings: { mapTiles: "pdok" | "osm" | "off"; mapTileUrl?: string; mapAttribution?: string }): MapConfig {
  if (settings.mapTiles === "off") return null;
  const preset = presets[settings.mapTiles];
  const attribution = settings.mapAttribution ? { nl: settings.mapAttribution, en: settings.mapAttribution } : preset.attribution;
  return { tileUrl: settings.mapTileUrl ?? preset.tileUrl, attribution, maxZoom: preset.maxZoom };
}

/** The origin tiles come from, for the CSP's img-src; null without a map. */
export function tileOrigin(config: MapConfig): string | null {
  if (!config) return null;
  // The template's braces are not valid in a URL's host, but they never are in the host: only in the path.
  return new URL(config.tileUrl.replace(/\{-?[zxy]\}/g, "0")).origin;
}

/** The look-up's base address (ADDRESS_LOOKUP_URL), or null when it is off. */
export function addressLookupBase(setting: string | undefined): string | null {
  if (setting === "off") return null;
  return (setting ?? PDOK_LOCATIESERVER).replace(/\/+$/, "");
}
