import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { devMailbox, passwordResetTokens, sessions, users } from "~db/schema";
import { registerAccount, requestPasswordReset, resetPassword, verifyLogin } from "~/modules/auth/accounts.server";
import { createSessionCookie, getAuth } from "~/modules/auth/session.server";
import { useTestDatabase } from "../support/test-db";

const { db } = useTestDatabase();

async function register(email: string, password = "fietsen langs de ijssel") {
  const result = await registerAccount({ name: "Test", email, password, postcode: "7416 BK", locale: "nl" });
  if (!result.ok) throw new Error("registration failed");
  return result.userId;
}

function requestWithCookie(cookie: string) {
  return new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } });
}

describe("registration", () => {
  it("stores an argon2id hash, never the password", async () => {
    const id = await register("hash@voorbeeld.nl");
    const row = db().select().from(users).where(eq(users.id, id)).get()!;
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("fietsen");
  });

  it("refuses a second account with the same email", async () => {
    await register("dubbel@voorbeeld.nl");
    const again = await registerAccount({ name: "X", email: "dubbel@voorbeeld.nl", password: "nog een lang wachtwoord", postcode: "7416 BK", locale: "nl" });
    expect(again).toEqual({ ok: false, field: "email", message: "validation.emailTaken" });
  });

  it("the database itself refuses a duplicate or upper-case email", () => {
    const row = { name: "X", passwordHash: "x", postcode: "7416 BK", createdAt: new Date() };
    db().insert(users).values({ ...row, id: "a1", email: "uniek@voorbeeld.nl" }).run();
    expect(() => db().insert(users).values({ ...row, id: "a2", email: "uniek@voorbeeld.nl" }).run()).toThrow(/UNIQUE/);
    expect(() => db().insert(users).values({ ...row, id: "a3", email: "Hoofd@voorbeeld.nl" }).run()).toThrow(/CHECK/);
  });
});

describe("login", () => {
  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    await register("login@voorbeeld.nl");
    expect(await verifyLogin({ email: "login@voorbeeld.nl", password: "fietsen langs de ijssel", ip: "10.0.0.1" })).toMatchObject({ ok: true });
    expect(await verifyLogin({ email: "login@voorbeeld.nl", password: "fout", ip: "10.0.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin({ email: "niemand@voorbeeld.nl", password: "fout", ip: "10.0.0.1" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows an account down after five wrong passwords, even for the right one", async () => {
    await register("traag@voorbeeld.nl");
    const now = Date.now();
    for (let i = 0; i < 5; i++) await verifyLogin({ email: "traag@voorbeeld.nl", password: "fout", ip: `10.1.0.${i}`, now });
    const blocked = await verifyLogin({ email: "traag@voorbeeld.nl", password: "fietsen langs de ijssel", ip: "10.1.1.1", now: now + 1000 });
    expect(blocked).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 15 });
    const later = await verifyLogin({ email: "traag@voorbeeld.nl", password: "fietsen langs de ijssel", ip: "10.1.1.1", now: now + 16 * 60_000 });
    expect(later).toMatchObject({ ok: true });
  });

  it("slows an IP address down after many wrong passwords across accounts", async () => {
    const now = Date.now();
    for (let i = 0; i < 30; i++) await verifyLogin({ email: `raden${i}@voorbeeld.nl`, password: "fout", ip: "10.9.9.9", now });
    await register("ander@voorbeeld.nl");
    expect(await verifyLogin({ email: "ander@voorbeeld.nl", password: "fietsen langs de ijssel", ip: "10.9.9.9", now })).toMatchObject({
      reason: "throttled",
    });
    expect(await verifyLogin({ email: "ander@voorbeeld.nl", password: "fietsen langs de ijssel", ip: "10.9.9.8", now })).toMatchObject({ ok: true });
  });
});

describe("sessions", () => {
  it("sets an httpOnly, SameSite=Lax cookie and finds the user from it", async () => {
    const id = await register("sessie@voorbeeld.nl");
    const cookie = await createSessionCookie(id);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const auth = await getAuth(requestWithCookie(cookie));
    expect(auth.user?.email).toBe("sessie@voorbeeld.nl");
    expect(auth.actor).toEqual({ userId: id, isBeheerder: false, grants: [] });
    expect(auth.setCookie).toBeNull();
  });

  it("extends a session that is past half its life (sliding expiry)", async () => {
    const id = await register("glijdend@voorbeeld.nl");
    const cookie = await createSessionCookie(id);
    const sessionId = cookie.split(";")[0]!.split("=")[1]!;
    const soon = Math.floor(Date.now() / 1000) + 5 * 24 * 3600;
    db().update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, sessionId)).run();
    const auth = await getAuth(requestWithCookie(cookie));
    expect(auth.setCookie).toMatch(/Max-Age=2592000/);
    expect(db().select().from(sessions).where(eq(sessions.id, sessionId)).get()!.expiresAt).toBeGreaterThan(soon + 20 * 24 * 3600);
  });

  it("clears the cookie of an unknown or expired session", async () => {
    const auth = await getAuth(requestWithCookie("wv_session=bestaatniet"));
    expect(auth.user).toBeNull();
    expect(auth.setCookie).toMatch(/Max-Age=0/);
  });
});

describe("password reset", () => {
  it("mails a link whose token is stored only as a hash, works once, and logs out other devices", async () => {
    const id = await register("reset@voorbeeld.nl");
    const otherDevice = await createSessionCookie(id);
    await requestPasswordReset({ email: "reset@voorbeeld.nl", origin: "http://localhost", locale: "nl" });
    const mail = db().select().from(devMailbox).where(eq(devMailbox.to, "reset@voorbeeld.nl")).get()!;
    const token = decodeURIComponent(mail.text.match(/token=(\S+)/)![1]!);
    const stored = db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(mail.subject).toBe("Nieuw wachtwoord voor Wijkvonk");

    expect(await resetPassword({ token, password: "een heel nieuw wachtwoord" })).toEqual({ ok: true, userId: id });
    expect(await resetPassword({ token, password: "nog een ander wachtwoord" })).toEqual({ ok: false });
    expect((await getAuth(requestWithCookie(otherDevice))).user).toBeNull();
    expect(await verifyLogin({ email: "reset@voorbeeld.nl", password: "een heel nieuw wachtwoord", ip: undefined })).toMatchObject({ ok: true });
  });

  it("refuses an expired token", async () => {
    await register("verlopen@voorbeeld.nl");
    const anHourAgo = Date.now() - 61 * 60_000;
    await requestPasswordReset({ email: "verlopen@voorbeeld.nl", origin: "http://localhost", locale: "nl", now: anHourAgo });
    const mail = db().select().from(devMailbox).where(eq(devMailbox.to, "verlopen@voorbeeld.nl")).get()!;
    const token = decodeURIComponent(mail.text.match(/token=(\S+)/)![1]!);
    expect(await resetPassword({ token, password: "een heel nieuw wachtwoord" })).toEqual({ ok: false });
  });

  it("sends nothing for an unknown email, and says nothing about it", async () => {
    const before = db().select().from(devMailbox).all().length;
    await expect(requestPasswordReset({ email: "onbekend@voorbeeld.nl", origin: "http://localhost", locale: "nl" })).resolves.toBeUndefined();
    expect(db().select().from(devMailbox).all()).toHaveLength(before);
  });
});
