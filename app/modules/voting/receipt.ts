// The receipt (issue 6): a code shown once after confirming (and mailed to an
// account holder) with which the voter can later see that their ballot was
// counted. The server keeps only its hash, on the anonymous ballot row, not on
// anything that names the voter; see docs/decisions/006-ballot-secrecy.md.
//
// 10 characters of the voting-code alphabet (49 bits): too many to guess a
// receipt of somebody else, and two groups of 5 so nobody mistakes it for a
// voting code (two groups of 4).

import { randomInt } from "node:crypto";
import { codeEntropyBits, normalizeReceipt, printedReceipt, RECEIPT_GROUPS } from "./code-format";
import { keyedHash, type Pepper } from "~/lib/keyed-hash";
import { randomGroupedCode, type RandomInt } from "./voting-codes";

export { isWellFormedReceipt, normalizeReceipt, printedReceipt } from "./code-format";

export const RECEIPT_LENGTH = RECEIPT_GROUPS.reduce((sum, g) => sum + g, 0);

/** 10 × log2(30) ≈ 49.07 bits. */
export const RECEIPT_ENTROPY_BITS = codeEntropyBits(RECEIPT_LENGTH);

/** A fresh receipt as the voter sees it: "BON-K7QMA-3XPAD". */
export function newReceiptCode(random: RandomInt = randomInt): string {
  return printedReceipt(randomGroupedCode(RECEIPT_GROUPS, random));
}

/** What the ballot row stores. The typed form is normalised first, like a voting code. */
export function hashReceipt(receipt: string, pepper: Pepper): string {
  const normalized = normalizeReceipt(receipt);
  if (normalized === null) throw new RangeError("not a receipt code");
  return keyedHash(pepper, "wijkvonk:receipt", normalized);
}
