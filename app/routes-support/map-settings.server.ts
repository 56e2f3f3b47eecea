import { getEnv } from "~/lib/env.server";
import { mapConfig, tileOrigin, type MapConfig } from "~/lib/geo/map-config";
import { fitPoints, type LatLng } from "~/lib/geo/tiles";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { publicIdeaPoints } from "~/modules/ideas/ideas.server";

// What a page with a map hands the browser: the tile address and its credit line (from the
// environment), and where the map starts.

export function currentMap(): MapConfig {
  const env = getEnv();
  return mapConfig({ mapTiles: env.mapTiles, mapTileUrl: env.mapTileUrl, mapAttribution: env.mapAttribution });
}

/** The tile host for the CSP's img-src (server.mjs asks through the build's entry module). */
export function mapImageOrigin(): string | null {
  return tileOrigin(currentMap());
}

// The middle of the Netherlands, for a round with no point yet: the resident zooms in from there.
const NETHERLANDS = { center: { latitude: 52.16, longitude: 5.39 }, zoom: 7 };

/** Where a map of the round starts: around the round's ideas that have a point, else the whole country. */
export function startView(points: readonly LatLng[]): { center: LatLng; zoom: number } {
  return fitPoints(points, 320, 260, 15) ?? NETHERLANDS;
}

/** What the idea form's place fields need: where to look up addresses, the map, and where it starts. */
export async function placeSettings(details: ContestDetails) {
  return {
    lookupUrl: `/rondes/${details.contest.slug}/adres-zoeken`,
    map: currentMap(),
    start: startView(await publicIdeaPoints(details.contest.id)),
  };
}
