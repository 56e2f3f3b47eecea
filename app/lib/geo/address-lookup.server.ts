import { getEnv } from "~/lib/env.server";
import { log } from "~/lib/log.server";
import { readLocatieserverAnswer, type FoundAddress } from "./address";
import { addressLookupBase } from "./map-config";

// The server asks the PDOK Locatieserver (or what ADDRESS_LOOKUP_URL names) where an address is. The
// browser never does: the resident's typing goes to us only, and the CSP's connect-src stays 'self'.
// A slow or broken service must not hold a resident's form: a short timeout, a cap on the answer's
// size, and every failure is "unavailable", which the form says in plain words (the idea is kept).

export type LookupResult = { kind: "found"; addresses: FoundAddress[] } | { kind: "not-found" } | { kind: "unavailable" } | { kind: "off" };

export const LOOKUP_TIMEOUT_MS = 4000;
export const LOOKUP_MAX_BYTES = 64 * 1024;
export const LOOKUP_ROWS = 5;

type Options = { base?: string | null; timeoutMs?: number; maxBytes?: number };

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Looks up an address (already checked with addressQuery) in the Netherlands' address register. */
export async function lookUpAddress(query: string, options: Options = {}): Promise<LookupResult> {
  const base = options.base === undefined ? addressLookupBase(getEnv().addressLookupUrl) : options.base;
  if (!base) return { kind: "off" };
  const url = new URL(`${base}/free`);
  url.searchParams.set("q", query);
  url.searchParams.set("fq", "type:adres");
  url.searchParams.set("rows", String(LOOKUP_ROWS));
  url.searchParams.set("fl", "weergavenaam,centroide_ll,postcode");
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? LOOKUP_TIMEOUT_MS),
      headers: { accept: "application/json" },
      redirect: "error",
    });
    if (!response.ok) {
      log.warn({ status: response.status }, "address look-up answered with an error");
      await response.body?.cancel();
      return { kind: "unavailable" };
    }
    const text = await readCapped(response, options.maxBytes ?? LOOKUP_MAX_BYTES);
    if (text === null) {
      log.warn("address look-up answer too large");
      return { kind: "unavailable" };
    }
    const addresses = readLocatieserverAnswer(JSON.parse(text), LOOKUP_ROWS);
    if (addresses === null) {
      log.warn("address look-up answer not understood");
      return { kind: "unavailable" };
    }
    return addresses.length > 0 ? { kind: "found", addresses } : { kind: "not-found" };
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.name : String(error) }, "address look-up failed");
    return { kind: "unavailable" };
  }
}
