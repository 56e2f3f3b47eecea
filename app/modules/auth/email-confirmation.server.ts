import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { emailConfirmations, users } from "~db/schema";
import { translator, type Locale } from "~/lib/i18n";
import { sendMailLater } from "~/lib/mail.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { CONFIRM_EMAIL_PATH } from "./paths";

// Proof that a person reads the address of their account (issue 15): only then does the account
// vote. A link in a mail, used with a button (mail scanners open links, they do not press buttons).

const lifetimeMs = 3 * 24 * 60 * 60 * 1000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Stores a new link for the account's current address and mails it (after the answer). */
export async function mailConfirmationLink(input: {
  user: { id: string; email: string; name: string; locale: Locale };
  redirectTo: string | null;
  origin: string;
  now: number;
}): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  await run(
    getDb()
      .insert(emailConfirmations)
      .values({
        tokenHash: sha256(token),
        userId: input.user.id,
        email: input.user.email,
        redirectTo: input.redirectTo ? safeRedirectPath(input.redirectTo) : null,
        createdAt: new Date(input.now),
        expiresAt: new Date(input.now + lifetimeMs),
      }),
  );
  const t = translator(input.user.locale);
  const link = `${input.origin}${CONFIRM_EMAIL_PATH}?token=${encodeURIComponent(token)}`;
  sendMailLater(
    { to: input.user.email, subject: t("auth.confirmMailSubject"), text: t("auth.confirmMailBody", { name: input.user.name, link }) },
    "confirmation mail",
  );
}

async function openLink(token: string, now: number) {
  return one(
    getDb()
      .select({ userId: emailConfirmations.userId, email: emailConfirmations.email, redirectTo: emailConfirmations.redirectTo })
      .from(emailConfirmations)
      .innerJoin(users, eq(users.id, emailConfirmations.userId))
      .where(
        and(
          eq(emailConfirmations.tokenHash, sha256(token)),
          isNull(emailConfirmations.usedAt),
          gt(emailConfirmations.expiresAt, new Date(now)),
          // A link for an address the account no longer has confirms nothing.
          eq(users.email, emailConfirmations.email),
          isNull(users.deletedAt),
        ),
      ),
  );
}

export async function isConfirmationUsable(token: string, now: number): Promise<boolean> {
  return (await openLink(token, now)) !== undefined;
}

/** Marks the address confirmed and ends every open link of the account; null for a used, expired or unknown link. */
export async function confirmEmail(input: { token: string; now: number }): Promise<{ userId: string; redirectTo: string | null } | null> {
  const db = getDb();
  return transact(db, async (tx) => {
    const link = await openLink(input.token, input.now);
    if (!link) return null;
    const at = new Date(input.now);
    await run(
      tx
        .update(emailConfirmations)
        .set({ usedAt: at })
        .where(and(eq(emailConfirmations.userId, link.userId), isNull(emailConfirmations.usedAt))),
    );
    await run(
      tx
        .update(users)
        .set({ emailConfirmedAt: at })
        .where(and(eq(users.id, link.userId), isNull(users.emailConfirmedAt))),
    );
    return { userId: link.userId, redirectTo: link.redirectTo };
  });
}

/**
 * The link in an idea's submission mail went to the account's address too (an account's address never
 * changes), so using it confirms the address as well: one mail, not two, for a new account.
 */
export async function markEmailConfirmed(userId: string, now: number): Promise<void> {
  await run(
    getDb()
      .update(users)
      .set({ emailConfirmedAt: new Date(now) })
      .where(and(eq(users.id, userId), isNull(users.emailConfirmedAt), isNull(users.deletedAt))),
  );
}
