import { readFile } from "node:fs/promises";
import { newResident } from "./account-helpers";
import { demoPassword, expect, test } from "./fixtures";

// Issue 9, AVG: a resident downloads everything stored about them, then deletes the account.

test("a resident downloads their data as JSON and deletes their account", async ({ page }) => {
  const email = await newResident(page, "Ingrid");
  await page.goto("/account");
  const privacy = page.getByRole("heading", { name: "Jouw gegevens en je privacy" });
  await expect(privacy).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download al je gegevens (JSON)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^wijkvonk-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(data.account).toMatchObject({ name: "Ingrid", email });

  await page.getByRole("link", { name: "Account verwijderen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account verwijderen" })).toBeVisible();
  await expect(page.getByText("Je stemmen blijven meetellen. Ze zijn niet aan jou gekoppeld.")).toBeVisible();
  await page.getByLabel("Je wachtwoord, om te laten zien dat jij het bent").fill("niet mijn wachtwoord");
  await page.getByRole("checkbox", { name: /Ik begrijp dat mijn account weg is/ }).check();
  await page.getByRole("button", { name: "Verwijder mijn account" }).click();
  await expect(page.getByText("Dit wachtwoord klopt niet.")).toBeVisible();

  await page.getByLabel("Je wachtwoord, om te laten zien dat jij het bent").fill(demoPassword);
  await page.getByRole("checkbox", { name: /Ik begrijp dat mijn account weg is/ }).check();
  await page.getByRole("button", { name: "Verwijder mijn account" }).click();
  await expect(page.getByRole("status")).toHaveText("Je account is verwijderd. Bedankt voor je hulp aan de wijk.");
  await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();

  // The account is gone: logging in with it fails, and /account asks to log in.
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/inloggen/);
  await expect(page.getByRole("status").filter({ hasText: "Welkom" })).toHaveCount(0);
});
