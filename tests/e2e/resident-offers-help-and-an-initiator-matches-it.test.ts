import { demo, expect, logIn, test } from "./fixtures";

// Issue 21.4: the beursvloer. A business offers a tool; the initiator of an idea asks for one, matches
// the offer to the request and agrees; the organiser's print overview shows the match with the contact.

test("an offer of help is matched to what an idea needs", async ({ page, browser, baseURL }) => {
  const run = Date.now();
  const offerName = `Klusbedrijf ${run}`;
  const needText = `Een boormachine voor een dag ${run}`;

  // Mohamed offers a tool as a business.
  await logIn(page, "mohamed@voorbeeld.nl");
  await page.goto("/rondes/vonk-keizerslanden-2027");
  await page.getByRole("link", { name: "Naar de beursvloer: hulp vragen en aanbieden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Beursvloer" })).toBeVisible();
  await page.getByLabel("Ondernemer").check();
  await page.getByLabel("Naam (van jou of je bedrijf)").fill(offerName);
  await page.getByLabel("Wat bied je aan?").selectOption("gereedschap");
  await page.getByLabel("Beschrijf wat je aanbiedt").fill("Een boormachine en een ladder, te leen");
  await page.getByLabel("Wat vraag je terug? (niet verplicht)").fill("Een vermelding in de wijkkrant");
  await page.getByLabel("Hoe kunnen ze je bereiken?").fill("06-12345678");
  await page.getByRole("button", { name: "Bied aan" }).click();
  await expect(page.getByRole("status")).toHaveText("Dank je! Je aanbod staat op de beursvloer.");
  const offers = page.getByRole("region", { name: "Wat mensen aanbieden" });
  await expect(offers.getByText(offerName)).toBeVisible();

  // A visitor sees the offer, but not how to reach Mohamed.
  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/rondes/vonk-keizerslanden-2027/beursvloer");
  await expect(visitorPage.getByText(offerName)).toBeVisible();
  await expect(visitorPage.getByText("06-12345678")).toHaveCount(0);
  await visitor.close();

  // Anna, who handed in an idea, asks for a tool and matches Mohamed's offer to it.
  const annaContext = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const anna = await annaContext.newPage();
  await logIn(anna, demo.bewoner);
  await anna.goto("/rondes/vonk-keizerslanden-2027/beursvloer");
  await anna.getByLabel("Soort").selectOption("gereedschap");
  await anna.getByLabel("Wat precies?").fill(needText);
  await anna.getByRole("button", { name: "Voeg toe" }).click();
  await expect(anna.getByRole("status")).toHaveText("De vraag staat op de beursvloer.");
  const need = anna.getByRole("listitem").filter({ hasText: needText }).last();
  await expect(need.getByText("Nog open")).toBeVisible();
  const offerOption = await need.getByLabel("Past bij deze vraag").locator("option", { hasText: offerName }).getAttribute("value");
  await need.getByLabel("Past bij deze vraag").selectOption(offerOption!);
  await need.getByRole("button", { name: "Stel voor" }).click();
  await expect(anna.getByRole("status")).toHaveText("Het aanbod is voorgesteld bij de vraag.");
  const matched = anna.getByRole("listitem").filter({ hasText: needText }).last();
  await expect(matched.getByText("Er is iets voorgesteld")).toBeVisible();
  // Now that it is matched to her idea, Anna sees how to reach Mohamed.
  await expect(matched.getByText("Contact: 06-12345678")).toBeVisible();
  await matched.getByRole("button", { name: `Afgesproken: ${offerName}, ${needText}` }).click();
  await expect(anna.getByRole("status")).toHaveText("De status is bijgewerkt.");
  await expect(anna.getByRole("listitem").filter({ hasText: needText }).last().getByText("Afgesproken", { exact: true })).toBeVisible();
  await annaContext.close();

  // The organiser's overview for the beursvloer meeting shows the match and the contact.
  const orgContext = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const organiser = await orgContext.newPage();
  await logIn(organiser, demo.organisator);
  await organiser.goto("/rondes/vonk-keizerslanden-2027/beursvloer");
  await organiser.getByRole("link", { name: "Overzicht om te printen (voor de beursvloer-bijeenkomst)" }).click();
  const row = organiser.getByRole("row").filter({ hasText: needText });
  await expect(row).toContainText(`Afgesproken: ${offerName} (06-12345678)`);
  await orgContext.close();
});
