// One-time voting codes for residents without an account (issue 6): printed on
// a letter or handed out at the keuzebijeenkomst, typed in to vote once.
// The format and how typed codes are read live in code-format.ts (browser-safe);
// this file makes codes and hashes them, which needs node:crypto.

import { randomInt } from "node:crypto";
import { CODE_ALPHABET, codeEntropyBits, groupCode, normalizeCode, VOTING_CODE_GROUPS } from "./code-format";
import { keyedHash, type Pepper } from "~/lib/keyed-hash";

export { CODE_ALPHABET, CODE_CONFUSIONS, isWellFormedCode, normalizeCode } from "./code-format";

export const VOTING_CODE_LENGTH = VOTING_CODE_GROUPS.reduce((sum, g) => sum + g, 0);

/** 8 × log2(30) ≈ 39.26 bits. */
export const VOTING_CODE_ENTROPY_BITS = codeEntropyBits(VOTING_CODE_LENGTH);

/** A city-wide round has up to 15,000 voters; a larger batch is a typing mistake. */
export const MAX_BATCH_SIZE = 50_000;

/** `randomInt(max)`: a uniform whole number from 0 to max - 1. Replaceable only so tests can force collisions. */
export type RandomInt = (max: number) => number;

export interface GenerateOptions {
  /** Codes that already exist (in an earlier batch); the database's unique index is the real guard. */
  readonly isTaken?: (code: string) => boolean;
  readonly random?: RandomInt;
}

/** A random code of the alphabet, grouped as `groups` ("K7QM-3XPA"). Each character is drawn uniformly, no modulo bias. */
export function randomGroupedCode(groups: readonly number[], random: RandomInt = randomInt): string {
  const length = groups.reduce((sum, g) => sum + g, 0);
  let compact = "";
  for (let i = 0; i < length; i++) compact += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return groupCode(compact, groups);
}

/** A batch of distinct codes, as printed. */
export function generateVotingCodes(count: number, options: GenerateOptions = {}): string[] {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_BATCH_SIZE) {
    throw new RangeError(`a batch holds 1 to ${MAX_BATCH_SIZE} codes, got ${count}`);
  }
  const random = options.random ?? randomInt;
  const codes = new Set<string>();
  // Collisions are rare (50,000 codes in 6.6 × 10^11); a cap turns a broken random source into an error, not a hang.
  let attemptsLeft = count * 10 + 100;
  while (codes.size < count) {
    if (attemptsLeft-- <= 0) throw new Error("could not draw enough distinct voting codes; is the random source broken?");
    const code = randomGroupedCode(VOTING_CODE_GROUPS, random);
    if (!codes.has(code) && !options.isTaken?.(code)) codes.add(code);
  }
  return [...codes];
}

/**
 * What the database stores for a code (hex HMAC-SHA256 under the pepper, see
 * keyed-hash.ts). The typed form is normalised first, so "k7qm 3xpa" finds the
 * same row as "K7QM-3XPA". Not a code at all is a bug upstream: check with
 * isWellFormedCode or the form schema first.
 */
export function hashCode(code: string, pepper: Pepper): string {
  const normalized = normalizeCode(code);
  if (normalized === null) throw new RangeError("not a voting code");
  return keyedHash(pepper, "wijkvonk:voting-code", normalized);
}
