import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { insertAccount, writeE2eDatabase } from "./database-helpers";
import { logIn, uniqueEmail } from "./fixtures";
import { latestMailTo } from "./ideas-helpers";

// Residents for the journeys. Registration is limited to 10 per IP address per hour (issue 15), and
// every test here comes from one address to one server: only the journeys about registering use the
// form (registerResident); a journey that needs a resident for something else gets one straight in
// the database (newResident).

export const residentPassword = "stickers plakken in de wijk";
/** The flash after the confirmation link, unless it cast a kept ballot. */
export const confirmedFlash = "Je e-mailadres is bevestigd. Je kunt nu stemmen.";

const emailFor = (name: string) => uniqueEmail(name.toLowerCase().replace(/[^a-z]+/g, "-"));

/** Fills in the registration form and sends it; the answer is "Kijk in je mail", for a new address and a known one alike. */
export async function submitRegistration(page: Page, person: { name: string; email: string; password?: string; postcode?: string }) {
  await page.getByLabel("Naam").fill(person.name);
  await page.getByLabel("E-mailadres").fill(person.email);
  await page.getByLabel("Wachtwoord").fill(person.password ?? residentPassword);
  await page.getByLabel("Postcode").fill(person.postcode ?? "7416 AB");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kijk in je mail" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("We hebben je een e-mail gestuurd.");
}

/** Opens the newest confirmation link mailed to this address: a page with a button (mail scanners open links, they do not press buttons). */
export async function openConfirmationLink(page: Page, email: string): Promise<string> {
  const mail = await latestMailTo(page, email, /^Bevestig je e-mailadres voor Wijkvonk$/);
  const link = mail.match(/https?:\/\/\S+\/e-mailadres-bevestigen\?token=\S+/)?.[0];
  expect(link, "confirmation link in the mail").toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: "E-mailadres bevestigen" })).toBeVisible();
  return link!;
}

/** Opens the newest confirmation link and presses its button, which confirms the address and logs in. */
export async function confirmFromMail(page: Page, email: string) {
  await openConfirmationLink(page, email);
  await page.getByRole("button", { name: "Bevestig mijn e-mailadres" }).click();
}

/** A new resident through the form and the mail: registered, confirmed and logged in. Counts against the limit per IP. */
export async function registerResident(page: Page, name: string, postcode = "7416 AB"): Promise<string> {
  const email = emailFor(name);
  await page.goto("/registreren");
  await submitRegistration(page, { name, email, postcode });
  await confirmFromMail(page, email);
  await expect(page.getByRole("status").filter({ hasText: confirmedFlash })).toBeVisible();
  return email;
}

/** A new resident of Keizerslanden with a confirmed address (each test its own, so tests never share a ballot), logged in with the demo password. */
export async function newResident(page: Page, name: string, postcode = "7416 AB"): Promise<string> {
  const email = emailFor(name);
  writeE2eDatabase((db) => insertAccount(db, { id: `e2e-${randomBytes(8).toString("hex")}`, email, name, postcode, createdAt: Date.now() }));
  await logIn(page, email);
  return email;
}
