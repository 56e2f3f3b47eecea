import { demo, expect, expectAccessible, logIn, logOut, test } from "./fixtures";
import { latestMailTo, vonk } from "./ideas-helpers";

test("a resident reports an idea, an organiser hides it with a reason and restores it", async ({ page }) => {
  const title = "Muurschildering in de onderdoorgang";
  await page.goto(`/rondes/${vonk}/ideeen`);
  // The list's card; the idea's pin on the map beside it links there too.
  await page.getByRole("listitem").getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const ideaUrl = page.url();
  await page.getByRole("link", { name: "Meld dit idee" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meld dit idee" })).toBeVisible();
  await page.getByLabel("Het is reclame of spam").check();
  await page.getByLabel(/Uitleg/).fill("Dit lijkt op reclame voor een schildersbedrijf.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByRole("status")).toHaveText("Dank je. De organisatie kijkt naar je melding.");

  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${vonk}/ideeen`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("1 open")).toBeVisible();
  await expectAccessible(page);
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByText("Dit lijkt op reclame voor een schildersbedrijf.")).toBeVisible();

  // A reason is required.
  await page.getByRole("button", { name: "Idee verbergen" }).click();
  await expect(page.getByText("Schrijf in een paar woorden waarom (minstens 5 tekens).")).toBeVisible();
  await page.getByLabel("Reden").first().fill("Er staat een bedrijfsnaam in. Pas het aan, dan zetten we het terug.");
  await page.getByRole("button", { name: "Idee verbergen" }).click();
  await expect(page.getByRole("status")).toHaveText("Verborgen. De indiener krijgt een e-mail met de reden.");
  await expect(page.getByText("Afgehandeld: verborgen")).toBeVisible();
  await expectAccessible(page);

  // The indiener gets the reason by email.
  const mail = await latestMailTo(page, "mohamed@voorbeeld.nl", /Je idee is verborgen/);
  expect(mail).toContain("Er staat een bedrijfsnaam in.");

  // Visitors see that it was hidden, not a silent gap, and it is out of the list.
  await logOut(page);
  await page.goto(ideaUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Dit idee is verborgen door de organisatie." })).toBeVisible();
  await page.goto(`/rondes/${vonk}/ideeen`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  // Restoring brings it back.
  await logIn(page, demo.organisator);
  await page.goto(ideaUrl);
  await page.getByRole("link", { name: "Modereren" }).click();
  await page.getByRole("button", { name: "Idee terugzetten" }).click();
  await expect(page.getByRole("status")).toHaveText("Teruggezet. Iedereen ziet het weer.");
  await page.goto(`/rondes/${vonk}/ideeen`);
  await expect(page.getByRole("listitem").getByRole("link", { name: title })).toBeVisible();
});
