// What the register keeps to hold "one resident, one set of stickers" (issue 15) without keeping
// more than it needs: keyed hashes of a voter's email address and of a home address, never the
// address itself. The pepper (ADR 007) makes them useless to a thief of the database alone.

import { keyedHash, type Pepper } from "~/lib/keyed-hash";
import { normalizePostcode } from "~/lib/postcode";

/**
 * The key of a confirmed email address in a contest's register. Deleting the account leaves it, so
 * the same address registered again cannot vote in that contest a second time.
 */
export function voterEmailKey(pepper: Pepper, email: string): string {
  return keyedHash(pepper, "wijkvonk:voter-email", email.trim().toLowerCase());
}

export type HomeAddress = { postcode: string; houseNumber: string; addition?: string | null | undefined };

/** The largest Dutch house number is below 100,000; an addition is a letter or a short code ("A", "2-hoog"). */
const HOUSE_NUMBER = /^[1-9]\d{0,4}$/;
const ADDITION = /^[A-Z0-9]{1,6}$/;

/**
 * One spelling per address: "7411ab", "12", " a " and "7411 AB", "12", "A" are one address; the
 * addition loses spaces and dashes ("2-hoog" and "2 HOOG" match). Null when it is no address.
 */
export function normalizeAddress(address: HomeAddress): string | null {
  const postcode = normalizePostcode(address.postcode);
  const houseNumber = address.houseNumber.trim();
  const addition = (address.addition ?? "").toUpperCase().replace(/[\s\-/]+/g, "");
  if (!postcode || !HOUSE_NUMBER.test(houseNumber)) return null;
  if (addition !== "" && !ADDITION.test(addition)) return null;
  return `${postcode.replace(" ", "")}|${Number(houseNumber)}|${addition}`;
}

export function addressKey(pepper: Pepper, normalizedAddress: string): string {
  return keyedHash(pepper, "wijkvonk:home-address", normalizedAddress);
}

export type AddressListProblem = "columns" | "address" | "voters" | "duplicate" | "empty" | "too-many";
export type AddressListResult =
  | { ok: true; addresses: { address: string; voters: number }[]; totalVoters: number }
  | { ok: false; problems: { line: number; problem: AddressListProblem }[] };

/** A municipality's list for a city-wide round stays well below this. */
export const MAX_ADDRESSES = 200_000;
const MAX_PROBLEMS = 20;

/** One line's address and residents, or what is wrong with it. */
function readLine(cells: string[], seen: ReadonlySet<string>): AddressListProblem | { address: string; voters: number } {
  if (cells.length !== 4) return "columns";
  const [postcode, houseNumber, addition, votersText] = cells as [string, string, string, string];
  const address = normalizeAddress({ postcode, houseNumber, addition });
  if (!address) return "address";
  if (!/^\d{1,2}$/.test(votersText) || Number(votersText) < 1) return "voters";
  if (seen.has(address)) return "duplicate";
  return { address, voters: Number(votersText) };
}

/**
 * The municipality's address list as CSV: postcode, house number, addition (may be empty) and the
 * number of residents of voting age, separated by ; or , (a header line is allowed). Every line must
 * be right, or nothing is taken: a half-read list would quietly refuse residents who may vote.
 */
export function parseAddressList(text: string): AddressListResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const seen = new Set<string>();
  const addresses: { address: string; voters: number }[] = [];
  const problems: { line: number; problem: AddressListProblem }[] = [];
  let totalVoters = 0;
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (problems.length >= MAX_PROBLEMS) break;
    // Past the limit the rest of the file is not worth reading.
    if (addresses.length === MAX_ADDRESSES && raw.trim() !== "") return { ok: false, problems: [{ line, problem: "too-many" }] };
    if (raw.trim() === "") continue;
    const cells = raw.split(raw.includes(";") ? ";" : ",").map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    );
    if (index === 0 && !/\d/.test(cells[1] ?? "")) continue; // a header line
    const read = readLine(cells, seen);
    if (typeof read === "string") {
      problems.push({ line, problem: read });
      continue;
    }
    seen.add(read.address);
    addresses.push(read);
    totalVoters += read.voters;
  }
  if (problems.length > 0) return { ok: false, problems };
  if (addresses.length === 0) return { ok: false, problems: [{ line: 1, problem: "empty" }] };
  return { ok: true, addresses, totalVoters };
}
