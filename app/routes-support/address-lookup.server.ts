import type { ContestDetails } from "~/modules/contests/contests.server";
import { isInAnyArea, parseAreaPostcodes } from "~/modules/contests/postcode";
import { takeAttempt, type Limit } from "~/modules/auth/throttle.server";
import type { ThrottlePolicy } from "~/modules/auth/throttle";
import { addressQuery, type FoundAddress } from "~/lib/geo/address";
import { lookUpAddress } from "~/lib/geo/address-lookup.server";

// One address look-up for a resident's form, with or without JavaScript. Counted before it is made
// (per IP, and for the whole server, so nobody can use us to flood PDOK), and sorted so that
// addresses inside the round's area come first. Ideas have no rule that their place lies inside the
// area (a bench just over the border may serve the wijk), so one outside is marked, not refused.

const minute = 60_000;
const perIp: ThrottlePolicy = { maxFailures: 30, windowMs: 10 * minute, blockMs: 10 * minute };
const perServer: ThrottlePolicy = { maxFailures: 600, windowMs: minute, blockMs: minute };

export type AddressMatch = FoundAddress & { outsideArea: boolean };
export type AddressAnswer =
  { kind: "found"; addresses: AddressMatch[] } | { kind: "not-found" } | { kind: "unavailable" } | { kind: "off" } | { kind: "invalid" } | { kind: "busy" };

export function lookupLimits(ip: string | undefined): Limit[] {
  return [{ key: "address-lookup:all", policy: perServer }, ...(ip ? [{ key: `address-lookup:ip:${ip}`, policy: perIp }] : [])];
}

export async function lookUpForContest(input: { text: string; details: ContestDetails; ip: string | undefined; now: number }): Promise<AddressAnswer> {
  const query = addressQuery(input.text);
  if (!query) return { kind: "invalid" };
  if ((await takeAttempt(lookupLimits(input.ip), input.now)) > 0) return { kind: "busy" };
  const result = await lookUpAddress(query);
  if (result.kind !== "found") return result;
  const areas = input.details.areas.flatMap((a) => {
    const parsed = parseAreaPostcodes(a.postcodes);
    return parsed.ok ? [parsed.area] : [];
  });
  const marked = result.addresses.map((a) => ({
    ...a,
    outsideArea: areas.length > 0 && (a.postcode === null || !isInAnyArea(a.postcode, areas)),
  }));
  // A stable sort: PDOK's own order (best match first) holds within each group.
  marked.sort((a, b) => Number(a.outsideArea) - Number(b.outsideArea));
  return { kind: "found", addresses: marked };
}
