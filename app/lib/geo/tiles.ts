// Web Mercator (EPSG:3857) tile maths for the small map component (app/ui/map). A "world pixel" is a
// position on the whole world drawn at one zoom level: 256 × 2^zoom pixels square, (0, 0) top left.
// Pure functions, so the map can be drawn on the server (without JavaScript) and moved in the browser.

export const TILE_SIZE = 256;
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 19;
// Web Mercator stops here: beyond it the projection runs to infinity.
const MAX_LATITUDE = 85.0511287798;

export type LatLng = { latitude: number; longitude: number };
export type Pixel = { x: number; y: number };
export type Tile = { z: number; x: number; y: number };

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom)));
}

function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

export function toWorldPixel(point: LatLng, zoom: number): Pixel {
  const size = worldSize(zoom);
  const latitude = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, point.latitude));
  const sin = Math.sin((latitude * Math.PI) / 180);
  return {
    x: ((point.longitude + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  };
}

export function fromWorldPixel(pixel: Pixel, zoom: number): LatLng {
  const size = worldSize(zoom);
  const longitude = (pixel.x / size) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * pixel.y) / size;
  const latitude = (180 / Math.PI) * Math.atan(Math.sinh(n));
  return { latitude, longitude };
}

/**
 * The tiles that cover a view of `width` × `height` pixels around `center`, each with where its top-left
 * corner lands relative to the view's centre. Rows outside the world are left out; columns wrap around.
 */
export function tilesAround(center: LatLng, zoom: number, width: number, height: number): (Tile & { left: number; top: number })[] {
  const c = toWorldPixel(center, zoom);
  const count = 2 ** zoom;
  const firstX = Math.floor((c.x - width / 2) / TILE_SIZE);
  const lastX = Math.floor((c.x + width / 2) / TILE_SIZE);
  const firstY = Math.max(0, Math.floor((c.y - height / 2) / TILE_SIZE));
  const lastY = Math.min(count - 1, Math.floor((c.y + height / 2) / TILE_SIZE));
  const tiles: (Tile & { left: number; top: number })[] = [];
  for (let y = firstY; y <= lastY; y++) {
    for (let x = firstX; x <= lastX; x++) {
      tiles.push({ z: zoom, x: ((x % count) + count) % count, y, left: x * TILE_SIZE - c.x, top: y * TILE_SIZE - c.y });
    }
  }
  return tiles;
}

/** Where a point lands relative to the view's centre, in pixels. */
export function offsetFromCenter(point: LatLng, center: LatLng, zoom: number): Pixel {
  const p = toWorldPixel(point, zoom);
  const c = toWorldPixel(center, zoom);
  return { x: p.x - c.x, y: p.y - c.y };
}

/** The point under a pixel offset from the view's centre (a click, or a pan by the arrow keys). */
export function pointAtOffset(center: LatLng, zoom: number, offset: Pixel): LatLng {
  const c = toWorldPixel(center, zoom);
  return fromWorldPixel({ x: c.x + offset.x, y: c.y + offset.y }, zoom);
}

/**
 * The centre and the highest zoom at which all points fit in `width` × `height` pixels (minus a margin
 * for the markers), no closer than `maxZoom`. Null without points.
 */
export function fitPoints(points: readonly LatLng[], width: number, height: number, maxZoom = 17, margin = 24): { center: LatLng; zoom: number } | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.latitude);
  const lngs = points.map((p) => p.longitude);
  const north = Math.max(...lats);
  const south = Math.min(...lats);
  const west = Math.min(...lngs);
  const east = Math.max(...lngs);
  let zoom = clampZoom(maxZoom);
  for (; zoom > MIN_ZOOM; zoom--) {
    const nw = toWorldPixel({ latitude: north, longitude: west }, zoom);
    const se = toWorldPixel({ latitude: south, longitude: east }, zoom);
    if (se.x - nw.x <= width - 2 * margin && se.y - nw.y <= height - 2 * margin) break;
  }
  const nw = toWorldPixel({ latitude: north, longitude: west }, zoom);
  const se = toWorldPixel({ latitude: south, longitude: east }, zoom);
  return { center: fromWorldPixel({ x: (nw.x + se.x) / 2, y: (nw.y + se.y) / 2 }, zoom), zoom };
}

/**
 * A tile's address from a template with {z}, {x} and {y} (and {-y} for TMS services that count rows from
 * the bottom). Only those placeholders are replaced.
 */
export function tileUrl(template: string, tile: Tile): string {
  return template
    .replaceAll("{z}", String(tile.z))
    .replaceAll("{x}", String(tile.x))
    .replaceAll("{-y}", String(2 ** tile.z - 1 - tile.y))
    .replaceAll("{y}", String(tile.y));
}

/** Rounds a coordinate to 6 decimals (about 10 cm), as the point field shows it. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
