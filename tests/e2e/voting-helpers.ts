import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "./fixtures";

// The demo contest in its voting phase (db/seeds/voting.ts): five shortlisted ideas, 3 stickers, no
// stacking, voting with an account, with a code and at the keuzebijeenkomst.
export const votingSlug = "groen-keizerslanden-2026";
export const votePage = `/rondes/${votingSlug}/stemmen`;
export const ideas = {
  bloemen: "Bloemenlint langs de Zwolseweg",
  bomen: "Boomspiegels adopteren",
  regen: "Regenton bij elk buurthuis",
  speelplek: "Groene speelplek Het Hofje",
  schuur: "Gereedschapsschuur voor de buurt",
};

/** A new resident of Keizerslanden (each test its own, so tests never share a ballot). */
export async function registerResident(page: Page, name: string, postcode = "7416 AB"): Promise<string> {
  const email = uniqueEmail(name.toLowerCase());
  await page.goto("/registreren");
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("stickers plakken in de wijk");
  await page.getByLabel("Postcode").fill(postcode);
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("status")).toHaveText(`Welkom, ${name}!`);
  return email;
}

export const sticker = (page: Page, title: string) => page.getByRole("checkbox", { name: `Plak een sticker op ‘${title}’` });
export const ikDoeMee = (page: Page, title: string) => page.getByRole("checkbox", { name: `Ik doe mee met ‘${title}’` });

/** With JavaScript: wait until the sticker form has come to life, so clicks go to the enhanced form. */
export async function waitForEnhancedBallot(page: Page) {
  await expect(page.locator("form.sticker-ballot[data-enhanced]")).toBeAttached();
}

/** The receipt shown once after voting. */
export async function readReceipt(page: Page): Promise<string> {
  const receipt = page.getByRole("region", { name: "Jouw bon" }).locator("code");
  await expect(receipt).toHaveText(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  return receipt.innerText();
}
