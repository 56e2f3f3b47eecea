// Helpers that keep "who voted" apart from "what was voted" in the database
// (docs/decisions/006-ballot-secrecy.md). The voter register names the voter;
// the ballot row does not, and nothing but the server's pepper leads from one
// to the other.

import { randomInt } from "node:crypto";
import { keyedHash, type Pepper } from "~/lib/keyed-hash";

/**
 * A random ballot id (1 to 2^53 - 1). A counting id would line ballots up with
 * the voter register in the order people voted; a random INTEGER PRIMARY KEY
 * also replaces SQLite's hidden rowid, which would otherwise count anyway.
 * A clash (about 1 in 10^8 for 15,000 ballots) fails the insert and the
 * transaction is retried.
 */
export function newBallotId(random: (max: number) => number = randomInt): number {
  for (;;) {
    // randomInt draws below 2^48; two draws give the 53 bits a JavaScript number holds exactly.
    const id = random(2 ** 21) * 2 ** 32 + random(2 ** 32);
    if (id > 0) return id;
  }
}

/**
 * How an account holder finds their own ballot again to move a sticker: the
 * ballot row carries this keyed hash instead of the user id. Without the
 * pepper it cannot be computed, so the database alone does not link a ballot
 * to a person. Cleared when the results are revealed, after which nobody
 * can link them.
 */
export function ballotPointer(pepper: Pepper, contestId: number, userId: string): string {
  if (!Number.isSafeInteger(contestId) || contestId < 1) throw new RangeError(`not a contest id: ${contestId}`);
  if (userId.length === 0) throw new RangeError("a ballot pointer needs a user id");
  return keyedHash(pepper, "wijkvonk:ballot-pointer", `${contestId}:${userId}`);
}

/**
 * A name as the check-in desk compares it: "  Jan  de Vríes " and "jan de vries"
 * are one person at one postcode. Initials and nicknames are not matched; the
 * desk sees everyone at the postcode who already voted and decides.
 */
export function attendeeNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
