import { newResident } from "./account-helpers";
import { expect, logIn, logOut, test } from "./fixtures";
import { latestMailTo } from "./ideas-helpers";

test("a resident resets a forgotten password through the emailed link", async ({ page }) => {
  const email = await newResident(page, "Piet");
  await logOut(page);

  await page.goto("/inloggen");
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  // Both pages have an email field: wait for the new page before typing.
  await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur de link" }).click();
  await expect(page.getByText("Als dit e-mailadres bij ons bekend is")).toBeVisible();

  const body = await latestMailTo(page, email, /^Nieuw wachtwoord voor Wijkvonk$/);
  const link = body.match(/https?:\/\/\S+wachtwoord-herstellen\?token=\S+/)?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await page.getByLabel("Nieuw wachtwoord").fill("nieuwe fiets op de brink");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Je wachtwoord is veranderd. Je bent nu ingelogd.");

  // The link works once only.
  await page.goto(link!);
  await expect(page.getByText("Deze link werkt niet meer.")).toBeVisible();

  await logOut(page);
  await logIn(page, email, "nieuwe fiets op de brink");
});
