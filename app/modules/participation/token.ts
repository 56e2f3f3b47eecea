import { randomBytes, timingSafeEqual } from "node:crypto";
import { keyedHash, type Pepper } from "~/lib/keyed-hash";
import type { Moment } from "./questions";

// One answer per vote or hand-in (issue 9), without a link to either (ADR 014). The confirmation
// page's form carries a signed token "s.<nonce>.<signature>" (i for a hand-in); answering stores
// only a keyed hash of the nonce, so the same token cannot answer twice. No token is stored when it
// is handed out: the vote's fast path (ADR 010) does not change at all.

const MOMENT_LETTER: Record<Moment, string> = { stemmen: "s", indienen: "i" };
const NONCE = /^[0-9a-f]{32}$/;

function signature(input: { contestId: number; moment: Moment; nonce: string; pepper: Pepper }): string {
  return keyedHash(input.pepper, "wijkvonk:participation-token", `${input.contestId}:${input.moment}:${input.nonce}`).slice(0, 32);
}

function tokenOf(input: { contestId: number; moment: Moment; nonce: string; pepper: Pepper }): string {
  return `${MOMENT_LETTER[input.moment]}.${input.nonce}.${signature(input)}`;
}

/**
 * The token shown after a vote, made from its receipt: the same vote always gives the same token, so
 * reloading the page (or forging the flash cookie with one's own receipt) cannot give a second one.
 * Only a page that has just checked the receipt against a ballot hands it out.
 */
export function voteToken(input: { contestId: number; receipt: string; pepper: Pepper }): string {
  const nonce = keyedHash(input.pepper, "wijkvonk:participation-vote", `${input.contestId}:${input.receipt}`).slice(0, 32);
  return tokenOf({ contestId: input.contestId, moment: "stemmen", nonce, pepper: input.pepper });
}

/** The token for an idea just handed in: random, nothing to do with the idea. */
export function handInToken(input: { contestId: number; pepper: Pepper; random?: (bytes: number) => Buffer }): string {
  const nonce = (input.random ?? randomBytes)(16).toString("hex");
  return tokenOf({ contestId: input.contestId, moment: "indienen", nonce, pepper: input.pepper });
}

/** The moment and nonce of a token this server signed for this contest; null for anything else. */
export function readToken(token: string, input: { contestId: number; pepper: Pepper }): { moment: Moment; nonce: string } | null {
  const [letter, nonce, sig, ...rest] = token.split(".");
  if (rest.length > 0 || !nonce || !sig || !NONCE.test(nonce)) return null;
  const moment = (Object.keys(MOMENT_LETTER) as Moment[]).find((m) => MOMENT_LETTER[m] === letter);
  if (!moment) return null;
  const expected = Buffer.from(signature({ contestId: input.contestId, moment, nonce, pepper: input.pepper }));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { moment, nonce } : null;
}

/** What the database keeps of a token that has answered. */
export function usedTokenHash(nonce: string, pepper: Pepper): string {
  return keyedHash(pepper, "wijkvonk:participation-used", nonce);
}
