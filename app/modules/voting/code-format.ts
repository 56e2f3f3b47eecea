// How voting codes and receipt codes look and how typed ones are read back.
// No node:crypto here, so the code-entry form can check a code in the browser
// too; generating and hashing live in voting-codes.ts and receipt.ts, the forms' schemas in
// code-schemas.ts (zod stays off the pages that only show a code or a receipt).
//
// The alphabet is the ten digits plus the twenty letters that do not look like
// a digit: B, I, L, O, S and Z are left out. Every left-out letter stands in
// for the digit it is mistaken for (O→0, I→1, L→1, Z→2, S→5, B→8), so a
// resident who reads "0" as "O" off a letter still types a working code, and
// every letter or digit a resident types means something. Q stays (its tail
// tells it from 0 in the letter's font) and gives the 30th character.
// 30 characters, 8 of them: 30^8 ≈ 6.6 × 10^11 codes, 39.26 bits.

export const CODE_ALPHABET = "0123456789ACDEFGHJKMNPQRTUVWXY";

/** Letters that are read as a digit, and the digit they are taken to mean. */
export const CODE_CONFUSIONS: Readonly<Record<string, string>> = { O: "0", I: "1", L: "1", Z: "2", S: "5", B: "8" };

/** A voting code: two groups of 4, "K7QM-3XPA". */
export const VOTING_CODE_GROUPS = [4, 4] as const;
/** A receipt: two groups of 5, "K7QMA-3XPAD"; longer than a voting code so the two are not mixed up. */
export const RECEIPT_GROUPS = [5, 5] as const;

// Spaces, dashes of any length, dots and underscores are how people group what they copy.
const SEPARATORS = /[\s\u00a0\-\u2010-\u2015\u2212_.]/g;
const ALPHABET_SET = new Set(CODE_ALPHABET);

/** Entropy of a code of `length` characters from the alphabet, in bits. */
export function codeEntropyBits(length: number): number {
  return length * Math.log2(CODE_ALPHABET.length);
}

/**
 * Reads a typed code: any case, spaces, missing or extra dashes, and the
 * look-alike letters. Returns it as printed ("K7QM-3XPA"), or null when it
 * cannot be a code of that shape.
 */
export function normalizeGroupedCode(input: string, groups: readonly number[]): string | null {
  const compact = [...input.normalize("NFKC").replace(SEPARATORS, "").toUpperCase()].map((char) => CODE_CONFUSIONS[char] ?? char).join("");
  const length = groups.reduce((sum, g) => sum + g, 0);
  if (compact.length !== length || ![...compact].every((char) => ALPHABET_SET.has(char))) return null;
  return groupCode(compact, groups);
}

/** "K7QM3XPA" → "K7QM-3XPA". */
export function groupCode(compact: string, groups: readonly number[]): string {
  const parts: string[] = [];
  let start = 0;
  for (const size of groups) {
    parts.push(compact.slice(start, start + size));
    start += size;
  }
  return parts.join("-");
}

export function normalizeCode(input: string): string | null {
  return normalizeGroupedCode(input, VOTING_CODE_GROUPS);
}

/** Would this typed text count as a voting code? (Whether it exists is for the database to say.) */
export function isWellFormedCode(input: string): boolean {
  return normalizeCode(input) !== null;
}

/**
 * Receipts are printed with this label in front ("BON-K7QMA-3XPAD", issue 18.12), so nobody takes one
 * for a voting code ("K7QM-3XPA") or the other way round. B and O are not in the alphabet, so the label
 * can never be part of a code. Receipts handed out before the label still work: it is optional when typed.
 */
export const RECEIPT_LABEL = "BON";
const RECEIPT_LABEL_TYPED = /^\s*BON[\s\-\u2010-\u2015\u2212_.:]*/i;

/** The receipt as stored and compared, without its label: "K7QMA-3XPAD". */
export function normalizeReceipt(input: string): string | null {
  return normalizeGroupedCode(input.normalize("NFKC").replace(RECEIPT_LABEL_TYPED, ""), RECEIPT_GROUPS);
}

/** The receipt as printed for the voter: "BON-K7QMA-3XPAD". */
export function printedReceipt(receipt: string): string {
  const normalized = normalizeReceipt(receipt);
  return normalized === null ? receipt : `${RECEIPT_LABEL}-${normalized}`;
}

export function isWellFormedReceipt(input: string): boolean {
  return normalizeReceipt(input) !== null;
}
