import { demo, expect, expectAccessible, logIn, test } from "./fixtures";
import { newResident } from "./account-helpers";
import { ideas, placeStickers, readReceipt, sticker, votePage, votingSlug } from "./voting-helpers";

// Who takes part (issue 9, ADR 014): after voting, a resident answers three optional questions in a
// small form of its own; the organiser's page shows the figures, but no group under 5 people.

const questions = (page: import("@playwright/test").Page) => page.getByRole("region", { name: "Wil je nog 3 korte vragen beantwoorden?" });

test("a resident votes and answers the questions; the organiser sees 'minder dan 5' for small groups", async ({ page, browser }) => {
  test.slow();
  await newResident(page, "Greet");
  await page.goto(votePage);
  await placeStickers(page, [ideas.bomen, ideas.regen, ideas.schuur]);
  await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
  const receipt = await readReceipt(page);

  // Every question may be skipped; this resident answers all three.
  const form = questions(page);
  await expect(form.getByText("Je antwoorden zijn anoniem")).toBeVisible();
  // The fixture checks the last page only: this one has the questions on it.
  await expectAccessible(page);
  await form.getByRole("group", { name: "Hoe oud ben je?" }).getByLabel("65 tot 80 jaar").check();
  await form.getByRole("group", { name: "In welke buurt woon je?" }).getByLabel("Keizerslanden-Zuid").check();
  await form.getByRole("group", { name: "Stem je voor het eerst mee over ideeën voor je wijk?" }).getByLabel("Ja").check();
  await form.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(form.getByRole("status")).toContainText("Bedankt voor je antwoorden!");
  // The page stays as it was: the receipt, shown only once, is still there.
  expect(await readReceipt(page)).toBe(receipt);

  // Coming back later, the questions are not asked again.
  await page.reload();
  await expect(page.getByText("Je hebt gestemd", { exact: true })).toBeVisible();
  await expect(questions(page)).toHaveCount(0);

  const organiserContext = await browser.newContext();
  const organiser = await organiserContext.newPage();
  await logIn(organiser, demo.organisator);
  await organiser.goto(`/organiseren/${votingSlug}`);
  await organiser.getByRole("navigation", { name: "Onderdelen van de ronde" }).getByRole("link", { name: "Wie doet mee" }).click();
  await expect(organiser.getByRole("heading", { level: 2, name: "Wie doet mee?" })).toBeVisible();
  const summary = organiser.locator("dl.participation-summary");
  await expect(summary.getByText("Stemmers die de vragen invulden").locator("..")).toContainText("minder dan 5");
  const ages = organiser.getByRole("region", { name: "Per leeftijd" });
  await expect(ages.getByRole("row", { name: /65 tot 80 jaar/ })).toContainText("minder dan 5");
  const buurten = organiser.getByRole("region", { name: "Per buurt" });
  await expect(buurten.getByRole("row", { name: /Keizerslanden-Zuid/ })).toContainText("minder dan 5");
  await expect(organiser.getByText(/Stemmers die voor het eerst meedoen: minder dan 5/)).toBeVisible();
  await expectAccessible(organiser);

  // With the residents of the area entered, the page can compare, once there are enough answers.
  const perBuurt = organiser.getByRole("group", { name: "Bewoners per buurt" });
  await perBuurt.getByLabel("Keizerslanden-Noord").fill("3.400");
  await perBuurt.getByLabel("Keizerslanden-Midden").fill("2900");
  await perBuurt.getByLabel("Keizerslanden-Zuid").fill("2 600");
  await organiser.getByRole("group", { name: "Bewoners per leeftijd" }).getByLabel("65 tot 80 jaar").fill("1400");
  await organiser.getByRole("button", { name: "Aantallen opslaan" }).click();
  await expect(organiser.getByRole("status").filter({ hasText: "De aantallen bewoners zijn opgeslagen." })).toBeVisible();
  await expect(organiser.getByRole("group", { name: "Bewoners per buurt" }).getByLabel("Keizerslanden-Noord")).toHaveValue("3400");
  await expect(buurten.getByRole("row", { name: /Keizerslanden-Noord/ })).toContainText("3.400 (38%)");
  await expect(organiser.getByRole("note", { name: "Wie bereik je minder?" })).toContainText("Er zijn nog te weinig antwoorden om te vergelijken.");
  await expectAccessible(organiser);
  await organiserContext.close();

  // The form's link explains how the answers stay anonymous (the fixture checks this page with axe).
  await page.goto(`/rondes/${votingSlug}/deelname`);
  await expect(page.getByRole("heading", { level: 1, name: "Wie doet er mee? Zo blijven je antwoorden anoniem" })).toBeVisible();
  await expect(page.getByText("De organisatie ziet geen groepen van minder dan 5 mensen.", { exact: false })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.afterEach(async ({ page }) => {
    await page.goto("about:blank");
  });

  test("the answers go in with a plain form", async ({ page }) => {
    await newResident(page, "Kees");
    await page.goto(votePage);
    await sticker(page, ideas.bloemen).check();
    await page.getByRole("button", { name: "Stickers bevestigen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
    await questions(page).getByLabel("30 tot 45 jaar").check();
    await questions(page).getByRole("button", { name: "Antwoorden versturen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Bedankt voor je antwoorden!" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Niemand kan zien wat jij hebt ingevuld.");
  });
});
