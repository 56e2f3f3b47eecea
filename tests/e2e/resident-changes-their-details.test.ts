import { newResident } from "./account-helpers";
import { expect, expectAccessible, test } from "./fixtures";
import { ideas, placeStickers, votePage } from "./voting-helpers";

// Issue 18.5: a resident changes name, postcode after a move, language and password on Mijn account.
// A ballot already cast stays as it is; from outside the area the stickers can no longer be moved.

test("a resident who voted moves house, changes name, language and password", async ({ page }) => {
  const email = await newResident(page, "Sara");
  await page.goto(votePage);
  await placeStickers(page, [ideas.bomen]);
  await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("link", { name: "Gegevens of wachtwoord wijzigen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gegevens wijzigen" })).toBeVisible();
  await expect(page.getByLabel("Postcode", { exact: true })).toHaveValue("7416 AB");
  await expect(page.getByText("Je stem blijft tellen in de ronde waar je stemde.")).toBeVisible();
  await expectAccessible(page);

  // A postcode that is not one is refused, and says why.
  await page.getByLabel("Postcode", { exact: true }).fill("123");
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByLabel("Postcode", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // Moved to Colmschate, outside the round's area.
  await page.getByLabel("Naam", { exact: true }).fill("Sara Jansen");
  await page.getByLabel("Postcode", { exact: true }).fill("7423ab");
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Je gegevens zijn opgeslagen.");
  await expect(page.getByRole("main")).toContainText("Sara Jansen");
  await expect(page.getByRole("main")).toContainText("7423 AB");

  // The home page says no running round is here, and where to change the postcode if that is wrong.
  await page.goto("/");
  await expect(page.getByRole("note").filter({ hasText: "Je postcode 7423 AB ligt niet in het gebied van de rondes die nu lopen." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Wijzig je postcode bij Mijn account" })).toHaveAttribute("href", "/account/wijzigen");

  // The ballot still counts; from outside the area it cannot be changed.
  await page.goto(votePage);
  await expect(page.getByText("Je hebt in deze ronde gestemd en je stem telt mee. Je postcode ligt nu buiten de wijk.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Verplaatsing bevestigen" })).toHaveCount(0);

  // A wrong current password changes nothing; the right one does.
  await page.goto("/account/wijzigen");
  await page.getByLabel("Je huidige wachtwoord").fill("niet mijn wachtwoord");
  await page.getByLabel("Nieuw wachtwoord").fill("een nieuw lang wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByText("Je huidige wachtwoord klopt niet.")).toBeVisible();
  await page.getByLabel("Je huidige wachtwoord").fill("wijkvonk-demo");
  await page.getByLabel("Nieuw wachtwoord").fill("een nieuw lang wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByRole("status")).toHaveText("Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.");

  // English from now on, for the site (and the mails).
  await page.goto("/account/wijzigen");
  await page.getByLabel("Taal van de site en van je e-mails").selectOption("en");
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Your details have been saved.");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The page that came back in the browser is English throughout: its English texts were loaded first (ADR 030).
  await expect(page.getByRole("navigation", { name: "Main menu" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await page.goto("/account/wijzigen");
  await expectAccessible(page);

  // The new password logs in on another device.
  await page.context().clearCookies();
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("een nieuw lang wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sara Jansen" })).toBeVisible();
});
