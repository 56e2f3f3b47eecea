import { confirmedFlash, confirmFromMail, submitRegistration } from "./account-helpers";
import { demo, expect, expectAccessible, logIn, test, uniqueEmail, untilLive } from "./fixtures";
import { latestMailTo } from "./ideas-helpers";

test("a resident registers, confirms the address from the mail, logs out and logs in again", async ({ page, context }) => {
  const email = uniqueEmail("nieuw");
  await page.goto("/");
  await page.getByRole("link", { name: "Account maken" }).first().click();
  await expect(page).toHaveTitle(/Account maken/);
  await expectAccessible(page);

  await submitRegistration(page, { name: "Fatima", email: email.toUpperCase(), password: "fietsen langs de ijssel", postcode: "7416bk" });
  await expectAccessible(page);
  // Registering does not log in: the mail proves the address first.
  await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "wv_session")).toBeUndefined();

  await confirmFromMail(page, email);
  await expect(page.getByRole("status").filter({ hasText: confirmedFlash })).toBeVisible();
  const session = (await context.cookies()).find((c) => c.name === "wv_session");
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });

  await page.getByRole("link", { name: "Mijn account" }).click();
  await expect(page.getByText("7416 BK")).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("status")).toHaveText("Je bent uitgelogd.");
  await expect(page.getByRole("link", { name: "Inloggen" })).toBeVisible();

  await logIn(page, email, "fietsen langs de ijssel");
  await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();
});

test("registration refuses a weak password and a bad postcode beside each field, and does not tell that an address has an account", async ({ page }) => {
  await page.goto("/registreren");
  await page.getByLabel("Naam").fill("Kees");
  await page.getByLabel("E-mailadres").fill(demo.bewoner);
  await page.getByLabel("Wachtwoord").fill("wachtwoord123");
  await page.getByLabel("Postcode").fill("74A1");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByLabel("Wachtwoord")).toHaveAccessibleDescription(/te makkelijk te raden/);
  await expect(page.getByLabel("Postcode")).toHaveAccessibleDescription(/postcode in zoals 7411 AB/);

  // A known address gets the answer a new one gets; only the mail to it says there is an account.
  await submitRegistration(page, { name: "Kees", email: demo.bewoner, password: "een veel beter wachtwoord", postcode: "7416 BK" });
  await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();
  const mail = await latestMailTo(page, demo.bewoner, /^Je hebt al een account bij Wijkvonk$/);
  expect(mail).toContain("Je hebt al een account, dus er is niets veranderd.");
  expect(mail).toMatch(/https?:\/\/\S+\/wachtwoord-vergeten/);
});

test("one click on the button sends the form: the browser's check shows every problem and moves to the first", async ({ page }) => {
  // A check on blur showed the postcode's message as the click took the focus; the button moved down
  // under the pointer and the click was lost (seen in CI when the page came to life after the typing).
  await page.goto("/registreren");
  await untilLive(page);
  await page.getByLabel("Naam").fill("Kees");
  await page.getByLabel("E-mailadres").fill("kees@voorbeeld.nl");
  await page.getByLabel("Wachtwoord").fill("wachtwoord123");
  await page.getByLabel("Postcode").fill("74A1");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByLabel("Wachtwoord")).toHaveAccessibleDescription(/te makkelijk te raden/);
  await expect(page.getByLabel("Postcode")).toHaveAccessibleDescription(/postcode in zoals 7411 AB/);
  await expect(page.getByLabel("Wachtwoord")).toBeFocused();
});

test("a wrong password shows one message that does not reveal whether the account exists", async ({ page }) => {
  const attempt = async (email: string) => {
    await page.goto("/inloggen");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill("helemaal verkeerd");
    await page.getByRole("button", { name: "Inloggen" }).click();
    const message = page.getByRole("alert");
    await expect(message).toBeVisible();
    return message.innerText();
  };
  const known = await attempt(demo.bewoner);
  const unknown = await attempt("bestaat-niet@voorbeeld.nl");
  expect(known).toBe("Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw.");
  expect(unknown).toBe(known);
});
