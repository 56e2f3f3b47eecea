// Codes, receipts and ballot pointers are stored only as HMAC-SHA256 with a
// server secret (the pepper, from the environment, never in the database).
// A plain hash would not do: 30^8 voting codes are hashed in minutes on one
// graphics card, so a stolen database would give up every unused code. With a
// pepper the thief has nothing to try the codes against.

import { createHmac } from "node:crypto";

export type Pepper = string | Uint8Array;

/** 256 bits, the HMAC-SHA256 key size; e.g. `openssl rand -base64 48`. */
export const MIN_PEPPER_BYTES = 32;

/**
 * HMAC-SHA256 of `message` under `purpose`, hex. The purpose keeps one kind of
 * value from ever matching another (a receipt that happens to equal a voting
 * code still hashes differently), so one pepper can serve them all.
 */
export function keyedHash(pepper: Pepper, purpose: string, message: string): string {
  const key = typeof pepper === "string" ? Buffer.from(pepper, "utf8") : pepper;
  if (key.length < MIN_PEPPER_BYTES) {
    throw new RangeError(`the pepper must be at least ${MIN_PEPPER_BYTES} bytes, got ${key.length}`);
  }
  if (purpose.includes("\0")) throw new RangeError("a purpose cannot contain a NUL character");
  return createHmac("sha256", key).update(`${purpose}\0${message}`, "utf8").digest("hex");
}
