import { demo, expect, expectAccessible, logIn, test, uniqueEmail } from "./fixtures";

test("a resident registers, logs out and logs in again", async ({ page, context }) => {
  const email = uniqueEmail("nieuw");
  await page.goto("/");
  await page.getByRole("link", { name: "Account maken" }).first().click();
  await expect(page).toHaveTitle(/Account maken/);
  await expectAccessible(page);

  await page.getByLabel("Naam").fill("Fatima");
  await page.getByLabel("E-mailadres").fill(email.toUpperCase());
  await page.getByLabel("Wachtwoord").fill("fietsen langs de ijssel");
  await page.getByLabel("Postcode").fill("7416bk");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("status")).toHaveText("Welkom, Fatima!");

  const session = (await context.cookies()).find((c) => c.name === "wv_session");
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });

  await page.getByRole("link", { name: "Mijn account" }).click();
  await expect(page.getByText("7416 BK")).toBeVisible();
  await expect(page.getByText(email.toLowerCase())).toBeVisible();

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("status")).toHaveText("Je bent uitgelogd.");
  await expect(page.getByRole("link", { name: "Inloggen" })).toBeVisible();

  await logIn(page, email, "fietsen langs de ijssel");
  await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();
});

test("registration refuses a taken email, a weak password and a bad postcode, beside each field", async ({ page }) => {
  await page.goto("/registreren");
  await page.getByLabel("Naam").fill("Kees");
  await page.getByLabel("E-mailadres").fill(demo.bewoner);
  await page.getByLabel("Wachtwoord").fill("wachtwoord123");
  await page.getByLabel("Postcode").fill("74A1");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByLabel("Wachtwoord")).toHaveAccessibleDescription(/te makkelijk te raden/);
  await expect(page.getByLabel("Postcode")).toHaveAccessibleDescription(/postcode in zoals 7411 AB/);

  await page.getByLabel("Wachtwoord").fill("een veel beter wachtwoord");
  await page.getByLabel("Postcode").fill("7416 BK");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByLabel("E-mailadres")).toHaveAccessibleDescription(/al een account met dit e-mailadres/);
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
