import { demo, expect, logIn, test } from "./fixtures";

test("a resident cannot open the organiser or admin pages", async ({ page }) => {
  await logIn(page, demo.bewoner);
  await expect(page.getByRole("link", { name: "Organiseren" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Jury", exact: true })).toHaveCount(0);
  const organise = await page.goto("/organiseren");
  expect(organise?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  const admin = await page.goto("/beheer");
  expect(admin?.status()).toBe(403);
});

test("an anonymous visitor is sent to the login page and comes back after logging in", async ({ page }) => {
  await page.goto("/organiseren");
  await expect(page).toHaveURL(/\/inloggen\?redirectTo=%2Forganiseren/);
  await page.getByLabel("E-mailadres").fill(demo.organisator);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("wijkvonk-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/organiseren$/);
  await expect(page.getByRole("heading", { name: "Vonk Keizerslanden 2027" })).toBeVisible();
});

test("an organiser sees the organiser pages, not the admin pages", async ({ page }) => {
  await logIn(page, demo.organisator);
  await page.getByRole("link", { name: "Organiseren" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Organiseren" })).toBeVisible();
  expect((await page.goto("/beheer"))?.status()).toBe(403);
});

test("a juror finds the jury pages in the menu, a resident does not", async ({ page }) => {
  await logIn(page, demo.jurylid);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Jury" }).first().click();
  await expect(page).toHaveURL(/\/jury$/);
  await expect(page.getByRole("link", { name: /Vonk Keizerslanden 2027/ })).toBeVisible();
});
