import { describe, expect, it } from "vitest";
import { fitPoints, fromWorldPixel, offsetFromCenter, pointAtOffset, roundCoordinate, tilesAround, tileUrl, toWorldPixel } from "./tiles";

const deventer = { latitude: 52.2661, longitude: 6.1783 };

// The slippy-map formula as OpenStreetMap's wiki writes it, to check ours against a second way of saying it.
function osmTile(lat: number, lng: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n) };
}

describe("Web Mercator", () => {
  it("puts 0,0 in the middle of the world", () => {
    expect(toWorldPixel({ latitude: 0, longitude: 0 }, 0)).toEqual({ x: 128, y: 128 });
    expect(toWorldPixel({ latitude: 0, longitude: -180 }, 1)).toEqual({ x: 0, y: 256 });
  });

  it("finds the same tile as the OpenStreetMap formula", () => {
    for (const z of [3, 10, 15, 18]) {
      const p = toWorldPixel(deventer, z);
      expect({ x: Math.floor(p.x / 256), y: Math.floor(p.y / 256) }).toEqual(osmTile(deventer.latitude, deventer.longitude, z));
    }
  });

  it("goes back from a pixel to the same point", () => {
    const back = fromWorldPixel(toWorldPixel(deventer, 16), 16);
    expect(back.latitude).toBeCloseTo(deventer.latitude, 9);
    expect(back.longitude).toBeCloseTo(deventer.longitude, 9);
  });

  it("clamps the poles instead of running to infinity", () => {
    expect(Number.isFinite(toWorldPixel({ latitude: 90, longitude: 0 }, 2).y)).toBe(true);
    expect(toWorldPixel({ latitude: 90, longitude: 0 }, 2).y).toBeCloseTo(0, 3);
  });
});

describe("tilesAround", () => {
  it("covers the whole view and places the centre tile around the middle", () => {
    const tiles = tilesAround(deventer, 15, 600, 300);
    const centre = osmTile(deventer.latitude, deventer.longitude, 15);
    const middle = tiles.find((t) => t.x === centre.x && t.y === centre.y)!;
    expect(middle).toBeDefined();
    expect(middle.left).toBeLessThanOrEqual(0);
    expect(middle.left).toBeGreaterThan(-256);
    expect(middle.top).toBeLessThanOrEqual(0);
    expect(middle.top).toBeGreaterThan(-256);
    expect(Math.min(...tiles.map((t) => t.left))).toBeLessThanOrEqual(-300);
    expect(Math.max(...tiles.map((t) => t.left + 256))).toBeGreaterThanOrEqual(300);
    expect(Math.min(...tiles.map((t) => t.top))).toBeLessThanOrEqual(-150);
    expect(Math.max(...tiles.map((t) => t.top + 256))).toBeGreaterThanOrEqual(150);
  });

  it("wraps columns around the date line and leaves out rows beyond the poles", () => {
    const tiles = tilesAround({ latitude: 80, longitude: 179.9 }, 2, 1024, 1024);
    expect(tiles.every((t) => t.x >= 0 && t.x < 4 && t.y >= 0 && t.y < 4)).toBe(true);
    expect(tiles.some((t) => t.x === 0)).toBe(true);
  });
});

describe("offsets", () => {
  it("a point and the pixel it lands on agree", () => {
    const other = { latitude: 52.27, longitude: 6.19 };
    const offset = offsetFromCenter(other, deventer, 15);
    expect(offset.x).toBeGreaterThan(0);
    expect(offset.y).toBeLessThan(0);
    const back = pointAtOffset(deventer, 15, offset);
    expect(back.latitude).toBeCloseTo(other.latitude, 8);
    expect(back.longitude).toBeCloseTo(other.longitude, 8);
  });
});

describe("fitPoints", () => {
  it("has nothing to fit without points", () => {
    expect(fitPoints([], 300, 200)).toBeNull();
  });

  it("zooms in no further than the maximum for one point", () => {
    expect(fitPoints([deventer], 300, 200, 16)).toEqual({ center: expect.objectContaining({}), zoom: 16 });
  });

  it("picks the closest zoom at which every point is in view", () => {
    const points = [deventer, { latitude: 52.2561, longitude: 6.1583 }, { latitude: 52.2761, longitude: 6.1983 }];
    const fit = fitPoints(points, 320, 240)!;
    for (const p of points) {
      const o = offsetFromCenter(p, fit.center, fit.zoom);
      expect(Math.abs(o.x)).toBeLessThanOrEqual(160);
      expect(Math.abs(o.y)).toBeLessThanOrEqual(120);
    }
    // One step closer and they no longer fit.
    const closer = points.map((p) => offsetFromCenter(p, fit.center, fit.zoom + 1));
    expect(closer.some((o) => Math.abs(o.x) > 160 - 24 || Math.abs(o.y) > 120 - 24)).toBe(true);
  });
});

describe("tileUrl", () => {
  it("fills in the template", () => {
    expect(tileUrl("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png", { z: 15, x: 16946, y: 10820 })).toBe(
      "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/15/16946/10820.png",
    );
    expect(tileUrl("https://tiles.example/{z}/{x}/{-y}.png", { z: 2, x: 1, y: 0 })).toBe("https://tiles.example/2/1/3.png");
  });

  it("rounds a coordinate to six decimals", () => {
    expect(roundCoordinate(52.26612345678)).toBe(52.266123);
  });
});
