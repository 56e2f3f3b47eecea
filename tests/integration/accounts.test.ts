import { one, many, run } from "~db/query.server";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { devMailbox, emailConfirmations, passwordResetTokens, sessions, users } from "~db/schema";
import { registerAccount, requestPasswordReset, resetPassword, verifyLogin } from "~/modules/auth/accounts.server";
import { confirmEmail, isConfirmationUsable } from "~/modules/auth/email-confirmation.server";
import { createSessionCookie, getAuth } from "~/modules/auth/session.server";
import { useTestDatabase } from "../support/test-db";
import { refusedBy } from "../support/refused-by";

const { db } = useTestDatabase();
const origin = "http://localhost";

let ipCounter = 0;
/** Each registration from its own address, unless a test is about one address. */
const freshIp = () => `10.200.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function register(email: string, password = "fietsen langs de ijssel", ip = freshIp()) {
  const result = await registerAccount({ name: "Test", email, password, postcode: "7416 BK", locale: "nl", ip, origin });
  if (!result.ok || result.userId === null) throw new Error("registration failed");
  return result.userId;
}

/** Mails go out after the answer (sendMailLater): wait for the one to this address. */
async function mailsTo(email: string, count = 1) {
  return vi.waitFor(async () => {
    const mails = await many(db().select().from(devMailbox).where(eq(devMailbox.to, email)));
    if (mails.length < count) throw new Error(`${mails.length} mails to ${email}`);
    return mails;
  });
}

const tokenIn = (text: string) => decodeURIComponent(text.match(/token=(\S+)/)![1]!);
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function requestWithCookie(cookie: string) {
  return new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } });
}

describe("registration", () => {
  it("stores an argon2id hash, never the password", async () => {
    const id = await register("hash@voorbeeld.nl");
    const row = (await one(db().select().from(users).where(eq(users.id, id))))!;
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("fietsen");
  });

  it("answers a second registration with the same email as the first, and mails the owner instead (issue 15)", async () => {
    const id = await register("dubbel@voorbeeld.nl");
    await mailsTo("dubbel@voorbeeld.nl");
    const again = await registerAccount({
      name: "X",
      email: "dubbel@voorbeeld.nl",
      password: "nog een lang wachtwoord",
      postcode: "7416 BK",
      locale: "nl",
      ip: freshIp(),
      origin,
    });
    expect(again).toEqual({ ok: true, userId: null });
    const mails = await mailsTo("dubbel@voorbeeld.nl", 2);
    expect(mails[1]!.subject).toBe("Je hebt al een account bij Wijkvonk");
    expect(mails[1]!.text).toContain(`${origin}/wachtwoord-vergeten`);
    // Nothing about the account changed.
    const row = await many(db().select().from(users).where(eq(users.email, "dubbel@voorbeeld.nl")));
    expect(row.map((u) => [u.id, u.name])).toEqual([[id, "Test"]]);
  });

  it("makes an account that is not confirmed until the mailed link is used, once", async () => {
    const id = await register("bevestig@voorbeeld.nl");
    expect((await one(db().select().from(users).where(eq(users.id, id))))!.emailConfirmedAt).toBeNull();
    const [mail] = await mailsTo("bevestig@voorbeeld.nl");
    expect(mail!.subject).toBe("Bevestig je e-mailadres voor Wijkvonk");
    const token = tokenIn(mail!.text);
    expect((await one(db().select().from(emailConfirmations).where(eq(emailConfirmations.userId, id))))!.tokenHash).not.toContain(token);
    expect(await isConfirmationUsable(token, Date.now())).toBe(true);
    expect(await confirmEmail({ token, now: Date.now() })).toEqual({ userId: id, redirectTo: null });
    expect((await one(db().select().from(users).where(eq(users.id, id))))!.emailConfirmedAt).not.toBeNull();
    expect(await confirmEmail({ token, now: Date.now() })).toBeNull();
    expect(await confirmEmail({ token: "verzonnen-token-van-voldoende-lengte", now: Date.now() })).toBeNull();
  });

  it("refuses an expired confirmation link", async () => {
    await register("laat@voorbeeld.nl");
    const token = tokenIn((await mailsTo("laat@voorbeeld.nl"))[0]!.text);
    expect(await confirmEmail({ token, now: Date.now() + 4 * 24 * 3600_000 })).toBeNull();
  });

  it("lets one IP register ten accounts an hour, not thirty (issue 15: a burst from one address)", async () => {
    const ip = "10.77.0.1";
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 30; i++) {
      results.push(
        await registerAccount({
          name: "Nep",
          email: `nep${i}@voorbeeld.nl`,
          password: "fietsen langs de ijssel",
          postcode: "7416 BK",
          locale: "nl",
          ip,
          origin,
          now,
        }),
      );
    }
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results[10]).toMatchObject({ ok: false, reason: "throttled", retryAfterMinutes: 60 });
    expect((await many(db().select().from(users))).filter((u) => u.email.startsWith("nep"))).toHaveLength(10);
    const later = await registerAccount({
      name: "Nep",
      email: "nep-later@voorbeeld.nl",
      password: "fietsen langs de ijssel",
      postcode: "7416 BK",
      locale: "nl",
      ip,
      origin,
      now: now + 61 * 60_000,
    });
    expect(later).toMatchObject({ ok: true });
  });

  it("counts parallel registrations from one IP before hashing a single password", async () => {
    const ip = "10.78.0.1";
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        registerAccount({
          name: "Nep",
          email: `tegelijk${i}@voorbeeld.nl`,
          password: "fietsen langs de ijssel",
          postcode: "7416 BK",
          locale: "nl",
          ip,
          origin,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
  });

  it("mails one address at most three times an hour, from any IP", async () => {
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push(
        await registerAccount({
          name: "X",
          email: "vol@voorbeeld.nl",
          password: "fietsen langs de ijssel",
          postcode: "7416 BK",
          locale: "nl",
          ip: freshIp(),
          origin,
        }),
      );
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    await mailsTo("vol@voorbeeld.nl", 3);
    await settle();
    expect(await many(db().select().from(devMailbox).where(eq(devMailbox.to, "vol@voorbeeld.nl")))).toHaveLength(3);
  });

  it("the database itself refuses a duplicate or upper-case email", async () => {
    const row = { name: "X", passwordHash: "x", postcode: "7416 BK", createdAt: new Date() };
    await run(
      db()
        .insert(users)
        .values({ ...row, id: "a1", email: "uniek@voorbeeld.nl" }),
    );
    await expect(async () =>
      run(
        db()
          .insert(users)
          .values({ ...row, id: "a2", email: "uniek@voorbeeld.nl" }),
      ),
    ).rejects.toThrow(refusedBy("unique"));
    await expect(async () =>
      run(
        db()
          .insert(users)
          .values({ ...row, id: "a3", email: "Hoofd@voorbeeld.nl" }),
      ),
    ).rejects.toThrow(refusedBy("check"));
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

  it("checks at most five of a hundred parallel guesses for one account (issue 16: count before check)", async () => {
    await register("parallel@voorbeeld.nl");
    const guesses = Array.from({ length: 100 }, (_, i) => (i === 60 ? "fietsen langs de ijssel" : `fout-${i}`));
    const results = await Promise.all(guesses.map((password) => verifyLogin({ email: "parallel@voorbeeld.nl", password, ip: "10.5.5.5" })));
    const checked = results.filter((r) => r.ok || r.reason === "invalid");
    expect(checked).toHaveLength(5);
    expect(results[60]).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("does not hold a right password from a shared IP against the next resident there", async () => {
    const now = Date.now();
    for (let i = 0; i < 34; i++) {
      const email = `buur${i}@voorbeeld.nl`;
      await register(email);
      expect(await verifyLogin({ email, password: "fietsen langs de ijssel", ip: "10.6.6.6", now })).toMatchObject({ ok: true });
    }
    await register("buur-laatste@voorbeeld.nl");
    expect(await verifyLogin({ email: "buur-laatste@voorbeeld.nl", password: "fietsen langs de ijssel", ip: "10.6.6.6", now })).toMatchObject({ ok: true });
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
    await run(db().update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, sessionId)));
    const auth = await getAuth(requestWithCookie(cookie));
    expect(auth.setCookie).toMatch(/Max-Age=2592000/);
    expect((await one(db().select().from(sessions).where(eq(sessions.id, sessionId))))!.expiresAt).toBeGreaterThan(soon + 20 * 24 * 3600);
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
    const mail = (await mailsTo("reset@voorbeeld.nl", 2)).find((m) => m.subject === "Nieuw wachtwoord voor Wijkvonk")!;
    const token = decodeURIComponent(mail.text.match(/token=(\S+)/)![1]!);
    const stored = await many(db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, id)));
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
    const mail = (await mailsTo("verlopen@voorbeeld.nl", 2)).find((m) => m.subject === "Nieuw wachtwoord voor Wijkvonk")!;
    const token = decodeURIComponent(mail.text.match(/token=(\S+)/)![1]!);
    expect(await resetPassword({ token, password: "een heel nieuw wachtwoord" })).toEqual({ ok: false });
  });

  it("sends nothing for an unknown email, and says nothing about it", async () => {
    const before = (await many(db().select().from(devMailbox))).length;
    expect(await requestPasswordReset({ email: "onbekend@voorbeeld.nl", origin: "http://localhost", locale: "nl" })).toEqual({ ok: true });
    await settle();
    expect(await many(db().select().from(devMailbox))).toHaveLength(before);
  });

  it("answers before looking the address up, so a known address takes no longer than an unknown one (issue 16)", async () => {
    const id = await register("snel@voorbeeld.nl");
    expect(await requestPasswordReset({ email: "snel@voorbeeld.nl", origin, locale: "nl" })).toEqual({ ok: true });
    // Nothing has been looked up or written yet when the answer is given: the work follows it.
    expect(await many(db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, id)))).toHaveLength(0);
    await mailsTo("snel@voorbeeld.nl", 2);
    expect(await many(db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, id)))).toHaveLength(1);
  });

  it("mails one address at most three reset links an hour (issue 16: thirty in a row gave thirty mails)", async () => {
    await register("veel@voorbeeld.nl");
    const answers = await Promise.all(
      Array.from({ length: 30 }, async () => requestPasswordReset({ email: "veel@voorbeeld.nl", origin, locale: "nl", ip: freshIp() })),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    await mailsTo("veel@voorbeeld.nl", 4);
    await settle();
    expect(
      (await many(db().select().from(devMailbox).where(eq(devMailbox.to, "veel@voorbeeld.nl")))).filter((m) => m.subject === "Nieuw wachtwoord voor Wijkvonk"),
    ).toHaveLength(3);
  });
});
