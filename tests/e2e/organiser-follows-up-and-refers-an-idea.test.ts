import { demo, expect, logIn, test } from "./fixtures";
import { latestMailTo, photoFile } from "./ideas-helpers";

// Issue 8, nazorg, on the demo round in aftercare (db/seeds/aftercare.ts): the organiser adds a
// supporter, refers an idea that did not win and moves the referral through its statuses, reminds a
// quiet initiator; the initiator posts news with a photo; everyone reads what became of the ideas.

const slug = "buurtvonk-keizerslanden-2025";
const nonWinner = "Zonnepanelen op het buurthuis";
const supporter = "Energiecoöperatie Deventer";

test("an organiser refers a non-winner to a new supporter and follows the referral to 'geholpen'", async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, demo.organisator);

  // A new supporter in the municipality's directory.
  await page.goto("/organiseren");
  await page.getByRole("link", { name: "Ondersteuners" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ondersteuners" })).toBeVisible();
  const add = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Ondersteuner toevoegen" }) })
    .first();
  await add.getByLabel("Naam").fill(supporter);
  await add.getByLabel("Soort").selectOption({ label: "Fonds" });
  await add.getByLabel("Waarmee helpen ze?").fill("duurzame energie, zonnepanelen");
  await add.getByLabel("Contact").fill("info@energie-deventer.example.nl");
  await add.getByLabel("Website (niet verplicht)").fill("ftp://verkeerd");
  await add.getByRole("button", { name: "Ondersteuner toevoegen" }).click();
  await expect(add.getByText("Vul een webadres in dat begint met https://.")).toBeVisible();
  await add.getByLabel("Website (niet verplicht)").fill("https://energie-deventer.example.nl");
  await add.getByRole("button", { name: "Ondersteuner toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De ondersteuner staat in de lijst.");
  await expect(add.getByLabel("Naam")).toHaveValue("");

  // The Nazorg tab: what needs attention.
  await page.goto(`/organiseren/${slug}`);
  await page.getByRole("link", { name: "Nazorg", exact: true }).click();
  const attention = page.getByRole("region", { name: "Vraagt aandacht" });
  await expect(attention).toContainText("Bankjes langs de Ceintuurbaan");
  await expect(attention).toContainText(`${nonWinner} bij Ideeënmakelaar Deventer`);

  // Refer the non-winner.
  const card = page.getByRole("article", { name: new RegExp(nonWinner) });
  await expect(card).toContainText("Niet gewonnen");
  // A disclosure (<summary>) has no role Playwright can name, so it is found by its text.
  await card.locator("summary", { hasText: "Doorverwijzen" }).click();
  await card.getByRole("button", { name: `Doorverwijzen: ${nonWinner}` }).click();
  await expect(card.getByRole("alert")).toHaveText("Kies minstens één ondersteuner.");
  await card.getByRole("checkbox", { name: new RegExp(supporter) }).check();
  await card.getByLabel("Notitie (niet verplicht)").fill("Zij hebben een regeling voor buurthuizen.");
  await card.getByRole("button", { name: `Doorverwijzen: ${nonWinner}` }).click();
  await expect(page.getByRole("status")).toHaveText("Het idee is doorverwezen.");

  // Move the referral on: in contact, then helped, with notes; the history keeps each step.
  const referral = () =>
    page
      .getByRole("article", { name: new RegExp(nonWinner) })
      .getByRole("listitem")
      .filter({ hasText: supporter })
      .first();
  await expect(referral()).toContainText("Verwezen");
  await referral().getByLabel(`Nieuwe stand voor ${supporter}`).selectOption({ label: "In contact" });
  await referral().getByLabel("Notitie", { exact: true }).fill("Eerste gesprek op het buurthuis.");
  await referral().getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De verwijzing is bijgewerkt.");
  await expect(referral()).toContainText("In contact");
  await referral().getByLabel(`Nieuwe stand voor ${supporter}`).selectOption({ label: "Geholpen" });
  await referral().getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De verwijzing is bijgewerkt.");
  await expect(referral()).toContainText("Geholpen");
  await referral().locator("summary", { hasText: "Wat er gebeurde" }).click();
  await expect(referral()).toContainText("Eerste gesprek op het buurthuis.");
  // From 'geholpen' it can only be reopened.
  await expect(referral().getByLabel(`Nieuwe stand voor ${supporter}`).locator("option")).toHaveText(["Geholpen", "In contact"]);

  // A reminder to the quiet second prize; a second one must wait a fortnight.
  const quiet = page.getByRole("article", { name: /Bankjes langs de Ceintuurbaan/ });
  await quiet.getByRole("button", { name: "Herinnering sturen aan de indieners van Bankjes langs de Ceintuurbaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De herinnering is verstuurd.");
  await expect(page.getByRole("article", { name: /Bankjes langs de Ceintuurbaan/ })).toContainText("Volgende herinnering kan vanaf");
  const mail = await latestMailTo(page, "mohamed@voorbeeld.nl", /Hoe gaat het met "Bankjes langs de Ceintuurbaan"\?/);
  expect(mail).toContain(`/rondes/${slug}/ideeen/`);

  // The public page tells who helps, never the organiser's notes.
  await page.context().clearCookies();
  await page.goto(`/rondes/${slug}`);
  await page.getByRole("link", { name: "Wat is er van geworden?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wat is er van geworden?" })).toBeVisible();
  const story = page.getByRole("article", { name: nonWinner });
  await expect(story).toContainText(`Krijgt hulp van: ${supporter}`);
  await expect(page.locator("main")).not.toContainText("regeling voor buurthuizen");
});

test("the initiator posts news with a photo, which the story page shows with its description", async ({ page }) => {
  await logIn(page, demo.bewoner);
  await page.goto(`/rondes/${slug}/ideeen`);
  await page.getByRole("link", { name: "Moestuin achter De Linde" }).first().click();
  await page.getByRole("region", { name: "Uitvoering" }).getByRole("link", { name: "Uitvoering bijhouden" }).click();
  await page.getByLabel("Nieuwsbericht").fill("De eerste tomaten zijn rood!");
  await page.getByLabel("Foto toevoegen (niet verplicht)").setInputFiles(await photoFile("tomaten.jpg"));
  await page.getByRole("button", { name: "Nieuws plaatsen" }).click();
  await expect(page.getByText("Schrijf kort wat er op de foto staat.")).toBeVisible();
  await page.getByLabel("Foto toevoegen (niet verplicht)").setInputFiles(await photoFile("tomaten.jpg"));
  await page.getByLabel("Wat staat er op de foto?").fill("Rode tomaten in een houten bak");
  await page.getByRole("button", { name: "Nieuws plaatsen" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");

  await page.context().clearCookies();
  await page.goto(`/rondes/${slug}/wat-is-er-van-geworden`);
  const winners = page.getByRole("region", { name: "De winnaars" });
  const moestuin = winners.getByRole("article", { name: "Moestuin achter De Linde" });
  await expect(moestuin).toContainText("Eerste prijs");
  await expect(moestuin).toContainText("De eerste tomaten zijn rood!");
  const photo = moestuin.getByRole("img", { name: "Rode tomaten in een houten bak" });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});
