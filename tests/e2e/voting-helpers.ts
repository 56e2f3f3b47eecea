import { expect, type Page } from "@playwright/test";
import { demo, logIn } from "./fixtures";

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

export const sticker = (page: Page, title: string) => page.getByRole("checkbox", { name: `Plak een sticker op ‘${title}’` });
export const ikDoeMee = (page: Page, title: string) => page.getByRole("checkbox", { name: `Ik doe mee met ‘${title}’` });

/** With JavaScript: wait until the sticker form has come to life, so clicks go to the enhanced form. */
export async function waitForEnhancedBallot(page: Page) {
  await expect(page.locator("form.sticker-ballot[data-enhanced]")).toBeAttached();
}

/** On the ballot page: one sticker on each of these ideas, then "Stickers bevestigen". */
export async function placeStickers(page: Page, titles: readonly string[]) {
  await waitForEnhancedBallot(page);
  for (const title of titles) await sticker(page, title).check();
  await page.getByRole("button", { name: "Stickers bevestigen" }).click();
}

/** The receipt shown once after voting. */
export async function readReceipt(page: Page): Promise<string> {
  const receipt = page.getByRole("region", { name: "Jouw bon" }).locator("code");
  await expect(receipt).toHaveText(/^BON-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  return receipt.innerText();
}

/** Looks a receipt up on the check page and returns what it found: the stickers of the ballot, nothing about the person. */
export async function lookUpReceipt(page: Page, receipt: string) {
  await page.goto(`${votePage}/bon`);
  await page.getByLabel("Code van je bon").fill(receipt.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Controleren" }).click();
  const found = page.getByRole("status").filter({ hasText: "Je stem is meegeteld." });
  await expect(found).toBeVisible();
  return found;
}

/** An organiser makes a batch of letters and reads the codes off the printable page (shown this once). */
export async function makeLetterCodes(page: Page, label: string, size: number): Promise<string[]> {
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${votingSlug}`);
  await page.getByRole("link", { name: "Stemmen" }).click();
  await expect(page.getByRole("heading", { name: "Opkomst" })).toBeVisible();
  await page.getByLabel("Naam van de reeks").fill(label);
  await page.getByLabel("Aantal codes").fill(String(size));
  await page.getByRole("button", { name: "Maak brieven om te printen" }).click();
  await expect(page.getByRole("heading", { name: `Stembrieven: ${label}` })).toBeVisible();
  const codes = await page.locator(".letter-code").allInnerTexts();
  expect(codes).toHaveLength(size);
  for (const code of codes) expect(code).toMatch(/^[0-9ACDEFGHJKMNPQRTUVWXY]{4}-[0-9ACDEFGHJKMNPQRTUVWXY]{4}$/);
  // Issue 18.12: each letter names its sender, gives a short address to type and a QR code to scan.
  const letter = page.getByRole("region", { name: codes[0]! });
  await expect(letter).toContainText("Van: Wijkteam Keizerslanden");
  await expect(letter).toContainText(/Ga naar \S+\/stem en vul je stemcode in\./);
  await expect(letter.getByRole("img", { name: "QR-code die de stempagina opent met je stemcode" })).toBeVisible();
  // The codes exist only on that page: the batch list shows counts, never a code.
  await page.goto(`/organiseren/${votingSlug}/stemmen`);
  await expect(page.getByRole("row").filter({ hasText: label })).toContainText(`0 van ${size} gebruikt`);
  await expect(page.getByText(codes[0]!)).toHaveCount(0);
  return codes;
}
