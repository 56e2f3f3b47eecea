import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { passwordResetTokens, users } from "~db/schema";
import { sendMail } from "~/lib/mail.server";
import { translator, type Locale } from "~/lib/i18n";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from "./throttle.server";
import { endAllSessions } from "./session.server";

const resetTokenLifetimeMs = 60 * 60 * 1000;

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function newUserId(): string {
  return randomBytes(15).toString("base64url");
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}

export async function registerAccount(input: {
  name: string;
  email: string;
  password: string;
  postcode: string;
  locale: Locale;
}): Promise<{ ok: true; userId: string } | { ok: false; field: "email"; message: "validation.emailTaken" }> {
  const db = getDb();
  const taken = { ok: false, field: "email", message: "validation.emailTaken" } as const;
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) return taken;
  const userId = newUserId();
  const passwordHash = await hashPassword(input.password);
  try {
    db.insert(users)
      .values({ id: userId, email: input.email, name: input.name, passwordHash, postcode: input.postcode, locale: input.locale, createdAt: new Date() })
      .run();
  } catch (error) {
    // Two registrations with one email at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
  return { ok: true, userId };
}

export type LoginResult =
  | { ok: true; userId: string; name: string }
  | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export async function verifyLogin(input: { email: string; password: string; ip: string | undefined; now?: number }): Promise<LoginResult> {
  const now = input.now ?? Date.now();
  const blocked = loginBlockedFor(input.email, input.ip, now);
  if (blocked > 0) return { ok: false, reason: "throttled", retryAfterMinutes: Math.ceil(blocked / 60_000) };
  const user = getDb().select().from(users).where(eq(users.email, input.email)).get();
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false);
  if (!user || !valid) {
    recordLoginFailure(input.email, input.ip, now);
    return { ok: false, reason: "invalid" };
  }
  clearLoginFailures(input.email);
  return { ok: true, userId: user.id, name: user.name };
}

/** Always looks the same from outside, whether or not the email has an account. */
export async function requestPasswordReset(input: { email: string; origin: string; locale: Locale; now?: number }): Promise<void> {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.email, input.email)).get();
  if (!user) return;
  const token = randomBytes(32).toString("base64url");
  const now = input.now ?? Date.now();
  db.insert(passwordResetTokens)
    .values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(now + resetTokenLifetimeMs) })
    .run();
  const t = translator(user.locale ?? input.locale);
  const link = `${input.origin}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`;
  await sendMail({ to: user.email, subject: t("auth.resetMailSubject"), text: t("auth.resetMailBody", { name: user.name, link }) });
}

/** Sets the new password once per token, and logs out every other device. */
export async function resetPassword(input: { token: string; password: string; now?: number }): Promise<{ ok: true; userId: string } | { ok: false }> {
  const db = getDb();
  const now = new Date(input.now ?? Date.now());
  const tokenHash = sha256(input.token);
  const row = db
    .select()
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .get();
  if (!row) return { ok: false };
  const passwordHash = await hashPassword(input.password);
  const claimed = db.transaction((tx) => {
    // The usedAt condition makes a second use of the same link fail even when both arrive at once.
    const used = tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt)))
      .run();
    if (used.changes !== 1) return false;
    tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId)).run();
    return true;
  });
  if (!claimed) return { ok: false };
  await endAllSessions(row.userId);
  return { ok: true, userId: row.userId };
}

export function isResetTokenUsable(token: string, now = Date.now()): boolean {
  return (
    getDb()
      .select({ userId: passwordResetTokens.userId })
      .from(passwordResetTokens)
      .where(
        and(eq(passwordResetTokens.tokenHash, sha256(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, new Date(now))),
      )
      .get() !== undefined
  );
}
