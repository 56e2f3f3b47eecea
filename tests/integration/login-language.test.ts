import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "~db/schema";
import { registerAccount, updateProfile } from "~/modules/auth/accounts.server";
import { markEmailConfirmed } from "~/modules/auth/email-confirmation.server";
import * as loginRoute from "~/routes/inloggen";
import { callRoute, formOf, type RouteFn } from "../support/route-call";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// Issue 18 (session 7): logging in did not bring the account's language along. A device left in Dutch
// by the previous person, or in English, now follows the account that logs in.

const { db } = useTestDatabase();
const password = "fietsen langs de ijssel";
let ip = 0;

async function account(email: string, locale: "nl" | "en"): Promise<string> {
  const made = await registerAccount({ name: "Lotte", email, password, postcode: "7416 BK", locale: "nl", ip: `10.18.7.${++ip}`, origin: "http://localhost" });
  if (!made.ok || !made.userId) throw new Error(`no account for ${email}`);
  await markEmailConfirmed(made.userId, Date.now());
  const row = (await one(db().select().from(users).where(eq(users.id, made.userId))))!;
  await updateProfile({ userId: row.id, name: row.name, postcode: row.postcode, locale });
  return row.id;
}

const logIn = (email: string, cookie?: string) =>
  callRoute(loginRoute.action as RouteFn, { path: "/inloggen", cookie, body: formOf({ email, password, redirectTo: "/" }) }) as Promise<Response>;

const languageSet = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith("wv_lang="))
    ?.split(";")[0];

describe("logging in", () => {
  it("sets the language cookie to the account's language, over the one the device had", async () => {
    await account("english@voorbeeld.nl", "en");
    const answer = await logIn("english@voorbeeld.nl", "wv_lang=nl");
    expect(statusOf(answer)).toBe(302);
    expect(languageSet(answer)).toBe("wv_lang=en");
  });

  it("sets Dutch for a Dutch account on a device left in English", async () => {
    await account("nederlands@voorbeeld.nl", "nl");
    expect(languageSet(await logIn("nederlands@voorbeeld.nl", "wv_lang=en"))).toBe("wv_lang=nl");
  });

  it("leaves the language alone when the login fails", async () => {
    const answer = await callRoute(loginRoute.action as RouteFn, {
      path: "/inloggen",
      cookie: "wv_lang=en",
      body: formOf({ email: "english@voorbeeld.nl", password: "niet het wachtwoord", redirectTo: "/" }),
    });
    expect(statusOf(answer)).toBe(400);
    expect(answer instanceof Response ? languageSet(answer) : undefined).toBeUndefined();
  });
});
