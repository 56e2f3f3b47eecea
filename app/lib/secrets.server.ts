import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "./env.server";

let pepper: string | undefined;
const derived = new Map<string, string>();

/**
 * The secret key under which voting codes, receipts and ballot pointers are hashed (ADR 007).
 * Production sets VOTING_PEPPER and backs it up apart from the database (it does not start without
 * it). Elsewhere (a developer's machine, a test) a random one is made once and kept beside the
 * database file, so codes keep working across restarts; the demo (`npm start`) passes that one in.
 */
export function votingPepper(): string {
  if (pepper) return pepper;
  const env = getEnv();
  if (env.votingPepper) return (pepper = env.votingPepper);
  const file = path.join(path.dirname(path.resolve(env.databasePath)), "voting-pepper.secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return (pepper = readFileSync(file, "utf8").trim());
}

export function resetSecretsForTests(): void {
  pepper = undefined;
  derived.clear();
}

/**
 * A key for another purpose, derived from the same secret, so one secret is kept and backed up while
 * a key leaked from one use tells nothing about the other (the purposes are in the HMAC message).
 */
export function derivedKey(purpose: "mail-links" | "cookies"): string {
  // Asked once per mail recipient by the notice jobs: computed once per pepper and purpose.
  let key = derived.get(purpose);
  if (!key) derived.set(purpose, (key = createHmac("sha256", votingPepper()).update(`wijkvonk:${purpose}`).digest("base64url")));
  return key;
}
