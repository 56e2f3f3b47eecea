import { isUniqueViolation } from "~db/refusals.server";
import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Tx } from "~db/client.server";
import { passwordResetTokens, users } from "~db/schema";
import { sendMailLater } from "~/lib/mail.server";
import { translator, type Locale } from "~/lib/i18n";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { signupIpKey } from "./signup-ip.server";
import { mailConfirmationLink } from "./email-confirmation.server";
import { clearAttempts, giveBackAttempt, loginLimits, mailingLimits, takeAttempt } from "./throttle.server";
import { endAllSessions } from "./session.server";

const resetTokenLifetimeMs = 60 * 60 * 1000;

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function newUserId(): string {
  return randomBytes(15).toString("base64url");
}

export type RegisterResult = { ok: true; userId: string | null } | { ok: false; reason: "throttled"; retryAfterMinutes: number };

const retryMinutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * Makes an account whose address is not confirmed yet and mails the confirmation link. The answer is
 * the same whether or not the address has an account (issue 15: the form must not tell): for a known
 * address the password is hashed all the same, nothing is stored and the owner gets a mail saying so.
 * `userId` is for the caller that goes on with the new account (the idea hand-in); never shown.
 * Counted per IP and per address before anything else, in the database.
 */
export async function registerAccount(input: {
  name: string;
  email: string;
  password: string;
  postcode: string;
  locale: Locale;
  ip: string | undefined;
  origin: string;
  redirectTo?: string | null;
  /** False when another mail (an idea's confirmation) carries the link that confirms the address. */
  confirmationMail?: boolean;
  now?: number;
}): Promise<RegisterResult> {
  const now = input.now ?? Date.now();
  const wait = await takeAttempt(mailingLimits("register", input.email, input.ip), now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMinutes: retryMinutes(wait) };
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  const existing = await one(db.select().from(users).where(eq(users.email, input.email)));
  if (existing) {
    mailExistingAccount(existing, input.origin);
    return { ok: true, userId: null };
  }
  const userId = newUserId();
  try {
    await run(
      db.insert(users).values({
        id: userId,
        email: input.email,
        name: input.name,
        passwordHash,
        postcode: input.postcode,
        locale: input.locale,
        createdAt: new Date(now),
        signupIpKey: input.ip ? signupIpKey(input.ip) : null,
      }),
    );
  } catch (error) {
    // Two registrations with one email at the same moment: the unique index decides, the answer does not change.
    if (isUniqueViolation(error)) return { ok: true, userId: null };
    throw error;
  }
  if (input.confirmationMail !== false) {
    await mailConfirmationLink({
      user: { id: userId, email: input.email, name: input.name, locale: input.locale },
      redirectTo: input.redirectTo ?? null,
      origin: input.origin,
      now,
    });
  }
  return { ok: true, userId };
}

function mailExistingAccount(user: { email: string; name: string; locale: Locale }, origin: string): void {
  const t = translator(user.locale);
  const params = { name: user.name, loginLink: `${origin}/inloggen`, resetLink: `${origin}/wachtwoord-vergeten` };
  sendMailLater({ to: user.email, subject: t("auth.existingMailSubject"), text: t("auth.existingMailBody", params) }, "existing-account mail");
}

/** A new confirmation link for a logged-in account whose address is not confirmed; limited like registrations. */
export async function resendConfirmation(input: {
  user: { id: string; email: string; name: string; locale: Locale };
  redirectTo: string | null;
  origin: string;
  now: number;
}): Promise<RegisterResult> {
  const wait = await takeAttempt(mailingLimits("register", input.user.email, undefined), input.now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMinutes: retryMinutes(wait) };
  await mailConfirmationLink({ ...input });
  return { ok: true, userId: input.user.id };
}

export type LoginResult =
  { ok: true; userId: string; name: string; locale: Locale } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/**
 * The attempt is counted before the password is checked (issue 16): parallel guesses cannot all pass a
 * check that none of them has been counted in yet. A right password takes its count back.
 */
export async function verifyLogin(input: { email: string; password: string; ip: string | undefined; now?: number }): Promise<LoginResult> {
  const now = input.now ?? Date.now();
  const limits = loginLimits(input.email, input.ip);
  const blocked = await takeAttempt(limits.ip ? [limits.account, limits.ip] : [limits.account], now);
  if (blocked > 0) return { ok: false, reason: "throttled", retryAfterMinutes: retryMinutes(blocked) };
  const user = await one(getDb().select().from(users).where(eq(users.email, input.email)));
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await clearAttempts(limits.account.key);
  if (limits.ip) await giveBackAttempt(limits.ip);
  return { ok: true, userId: user.id, name: user.name, locale: user.locale };
}

/**
 * Always looks the same from outside, whether or not the email has an account: the same answer, and
 * the same time, since the token and the mail are made after the answer has gone (issue 16). Limited
 * per address and per IP, so nobody can fill a mailbox with reset mails.
 */
export async function requestPasswordReset(input: {
  email: string;
  origin: string;
  locale: Locale;
  ip?: string | undefined;
  now?: number;
}): Promise<{ ok: true } | { ok: false; retryAfterMinutes: number }> {
  const now = input.now ?? Date.now();
  const wait = await takeAttempt(mailingLimits("reset", input.email, input.ip), now);
  if (wait > 0) return { ok: false, retryAfterMinutes: retryMinutes(wait) };
  sendMailLater(async () => {
    const made = await newResetToken(input.email, now);
    if (!made) return null;
    const { user, token } = made;
    const t = translator(user.locale ?? input.locale);
    const link = `${input.origin}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`;
    return { to: user.email, subject: t("auth.resetMailSubject"), text: t("auth.resetMailBody", { name: user.name, link }) };
  }, "reset mail");
  return { ok: true };
}

/**
 * A reset token for the account with this address, stored; null when there is none. Read and written in
 * one transaction: an account deleted in between (which ends its reset links) must not get a new one.
 * Exported for the test that runs it beside a deletion.
 */
export async function newResetToken(email: string, now: number): Promise<{ user: typeof users.$inferSelect; token: string } | null> {
  const token = randomBytes(32).toString("base64url");
  return transact(getDb(), async (tx) => {
    const user = await one(tx.select().from(users).where(eq(users.email, email)));
    if (!user || user.deletedAt) return null;
    await run(tx.insert(passwordResetTokens).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(now + resetTokenLifetimeMs) }));
    return { user, token };
  });
}

/** Sets the new password once per token, and logs out every other device. */
export async function resetPassword(input: { token: string; password: string; now?: number }): Promise<{ ok: true; userId: string } | { ok: false }> {
  const db = getDb();
  const now = new Date(input.now ?? Date.now());
  const tokenHash = sha256(input.token);
  const row = await one(
    db
      .select()
      .from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now))),
  );
  if (!row) return { ok: false };
  const passwordHash = await hashPassword(input.password);
  const claimed = await transact(db, async (tx) => {
    // The usedAt condition makes a second use of the same link fail even when both arrive at once.
    const used = await run(
      tx
        .update(passwordResetTokens)
        .set({ usedAt: now })
        .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt))),
    );
    if (used.changes !== 1) return false;
    await setPassword(tx, { userId: row.userId, passwordHash, now });
    return true;
  });
  if (!claimed) return { ok: false };
  await endAllSessions(row.userId);
  return { ok: true, userId: row.userId };
}

/**
 * Every change of a password goes through here: it also ends the person's other open reset links
 * (issue 16.5), so that a link mailed before the change cannot undo it.
 */
async function setPassword(tx: Tx, input: { userId: string; passwordHash: string; now: Date }): Promise<void> {
  await run(tx.update(users).set({ passwordHash: input.passwordHash }).where(eq(users.id, input.userId)));
  await run(
    tx
      .update(passwordResetTokens)
      .set({ usedAt: input.now })
      .where(and(eq(passwordResetTokens.userId, input.userId), isNull(passwordResetTokens.usedAt))),
  );
}

/**
 * Mijn account's details (issue 18.5). A new postcode counts from now on: a ballot already cast stays
 * where it is (the voter register and the ballot are not touched), and whether stickers may still be
 * moved is checked against the new postcode when they are (castBallot). The email address is not
 * changed here: the register's email key (ADR 019) and the confirmation depend on it.
 */
export async function updateProfile(input: { userId: string; name: string; postcode: string; locale: Locale }): Promise<void> {
  await run(getDb().update(users).set({ name: input.name, postcode: input.postcode, locale: input.locale }).where(eq(users.id, input.userId)));
}

export type PasswordChangeResult = { ok: true } | { ok: false; reason: "wrong-current" } | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/**
 * A new password with the current one. Counted against the same limit as logging in to the account,
 * before the check, so an open session cannot be used to guess the password faster than the login
 * page allows. Every other device is logged out; the caller gives this one a new session.
 */
export async function changePassword(input: { userId: string; currentPassword: string; newPassword: string; now: number }): Promise<PasswordChangeResult> {
  const db = getDb();
  const user = await one(db.select().from(users).where(eq(users.id, input.userId)));
  if (!user) return { ok: false, reason: "wrong-current" };
  const { account } = loginLimits(user.email, undefined);
  const blocked = await takeAttempt([account], input.now);
  if (blocked > 0) return { ok: false, reason: "throttled", retryAfterMinutes: retryMinutes(blocked) };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false, reason: "wrong-current" };
  await clearAttempts(account.key);
  const passwordHash = await hashPassword(input.newPassword);
  await transact(db, async (tx) => setPassword(tx, { userId: user.id, passwordHash, now: new Date(input.now) }));
  await endAllSessions(user.id);
  return { ok: true };
}

export async function isResetTokenUsable(token: string, now = Date.now()): Promise<boolean> {
  return (
    (await one(
      getDb()
        .select({ userId: passwordResetTokens.userId })
        .from(passwordResetTokens)
        .where(and(eq(passwordResetTokens.tokenHash, sha256(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, new Date(now)))),
    )) !== undefined
  );
}
