// Dutch postcodes: 4 digits (not starting with 0) and 2 letters, "7411 AB". PostNL never uses the
// letter pairs SA, SD and SS, so those are not postcodes. Accounts, areas and the voter register read
// them alike; the areas a contest is open to are in modules/contests/postcode.ts.

export const UNUSED_LETTERS = new Set(["SA", "SD", "SS"]);

/** "7411ab", " 7411  AB " -> "7411 AB"; null when it is not a Dutch postcode. */
export function normalizePostcode(input: string): string | null {
  const parsed = splitPostcode(input);
  return parsed ? `${parsed.number} ${parsed.letters}` : null;
}

export function splitPostcode(input: string): { number: number; letters: string } | null {
  const match = /^([1-9]\d{3})([A-Z]{2})$/.exec(input.replace(/\s+/g, "").toUpperCase());
  if (!match || UNUSED_LETTERS.has(match[2]!)) return null;
  return { number: Number(match[1]), letters: match[2]! };
}
