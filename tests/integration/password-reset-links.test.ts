import { run } from "~db/query.server";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { passwordResetTokens, users } from "~db/schema";
import { isResetTokenUsable, resetPassword } from "~/modules/auth/accounts.server";
import { useTestDatabase } from "../support/test-db";

// Issue 16.5: using one reset link left a person's other open links valid, so a link from an old
// mail (or one an attacker had asked for and read) could set the password again after the reset.

const { db } = useTestDatabase();
const hour = 60 * 60 * 1000;

async function person(id: string): Promise<void> {
  await run(
    db()
      .insert(users)
      .values({ id, email: `${id}@voorbeeld.nl`, name: id, passwordHash: "x", postcode: "7416 BK", createdAt: new Date() }),
  );
}

/** A link as a reset mail carries it: the token, of which only the hash is stored. */
async function openLink(userId: string, token: string): Promise<string> {
  const tokenHash = createHash("sha256").update(token).digest("hex");
  await run(
    db()
      .insert(passwordResetTokens)
      .values({ tokenHash, userId, expiresAt: new Date(Date.now() + hour) }),
  );
  return token;
}

describe("a password reset", () => {
  it("ends all of that person's other open links, and no one else's", async () => {
    await person("anna");
    await person("bram");
    const used = await openLink("anna", "anna-link-used-0123456789abcdef");
    const older = await openLink("anna", "anna-link-older-0123456789abcdef");
    const later = await openLink("anna", "anna-link-later-0123456789abcdef");
    const brams = await openLink("bram", "bram-link-0123456789abcdef0123");

    expect(await resetPassword({ token: used, password: "een nieuw lang wachtwoord" })).toMatchObject({ ok: true, userId: "anna" });

    for (const token of [used, older, later]) expect(await isResetTokenUsable(token), token).toBe(false);
    expect(await resetPassword({ token: older, password: "nog een ander wachtwoord" })).toEqual({ ok: false });
    expect(await isResetTokenUsable(brams)).toBe(true);
  });
});
