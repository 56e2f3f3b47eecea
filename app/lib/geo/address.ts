import type { LatLng } from "./tiles";

// Reading what a resident types as an address, and what the PDOK Locatieserver answers. Pure, so the
// rules are tested without the service (app/lib/geo/address-lookup.server.ts does the HTTP).

export const MAX_ADDRESS_QUERY = 120;

export type FoundAddress = { label: string; point: LatLng; postcode: string | null };

/** How a look-up went, as the form and the map's search tell the resident. */
export type LookupKind = "found" | "not-found" | "unavailable" | "off" | "invalid" | "busy";
/** What the form says after a look-up: the address it chose, and whether that is outside the round's area. */
export type LookupNotice = { kind: LookupKind; label?: string; outsideArea?: boolean };

/**
 * The text to send to the look-up: whitespace folded, control characters dropped; null when it is too
 * short to be an address (a look-up for "a" answers half the country) or too long to be one.
 */
export function addressQuery(input: string): string | null {
  const text = input
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length < 3 || text.length > MAX_ADDRESS_QUERY) return null;
  if (!/\p{L}/u.test(text)) return null;
  return text;
}

/** "POINT(6.1783 52.2661)" (longitude first, as WKT has it) into a point; null for anything else. */
export function parseWktPoint(wkt: unknown): LatLng | null {
  if (typeof wkt !== "string") return null;
  const match = wkt.trim().match(/^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i);
  if (!match) return null;
  const longitude = Number(match[1]);
  const latitude = Number(match[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/**
 * The addresses in a Locatieserver answer (`/free` with `fl=weergavenaam,centroide_ll,postcode`), at
 * most `max`. Documents without a readable name or point are skipped; an answer of another shape gives
 * null (the service changed, or something else answered), which the caller treats as "unavailable".
 */
export function readLocatieserverAnswer(body: unknown, max = 5): FoundAddress[] | null {
  if (typeof body !== "object" || body === null) return null;
  const response = (body as { response?: unknown }).response;
  if (typeof response !== "object" || response === null) return null;
  const docs = (response as { docs?: unknown }).docs;
  if (!Array.isArray(docs)) return null;
  const found: FoundAddress[] = [];
  for (const doc of docs) {
    if (found.length >= max) break;
    if (typeof doc !== "object" || doc === null) continue;
    const { weergavenaam, centroide_ll, postcode } = doc as Record<string, unknown>;
    const point = parseWktPoint(centroide_ll);
    if (typeof weergavenaam !== "string" || weergavenaam.trim() === "" || !point) continue;
    found.push({
      label: weergavenaam.trim().slice(0, 200),
      point,
      postcode: typeof postcode === "string" && /^\d{4}\s?[A-Z]{2}$/.test(postcode) ? postcode.replace(/^(\d{4})\s?/, "$1 ") : null,
    });
  }
  return found;
}
