import { createHash, randomBytes } from "node:crypto";

// Secret tokens (drafts without an account, co-initiator invitations): the browser or the mail holds
// the token, the database only its SHA-256, so a leaked database opens nothing.

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function newToken(): string {
  return randomBytes(24).toString("base64url");
}
