import { demo, expect, expectAccessible, logIn, test } from "./fixtures";
import { vonk } from "./ideas-helpers";

test("an organiser adds a category and enters a paper idea on a resident's behalf, with consent", async ({ page }) => {
  const category = `Water ${Date.now() % 100000}`;
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${vonk}/ideeen`);
  await expect(page.getByRole("heading", { name: "Ideeën", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Categorieën en buurten" }).click();
  await page.getByLabel("Nieuwe categorie").fill(category);
  await page.getByRole("button", { name: "Toevoegen" }).first().click();
  await expect(page.getByRole("status")).toHaveText("Toegevoegd.");
  await expect(page.getByText(category)).toBeVisible();
  // A category that ideas use cannot go.
  await page.getByRole("button", { name: "Groen en natuur weghalen" }).click();
  await expect(page.getByText("Dit kan niet: er zijn ideeën met deze naam.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Ideeën", exact: true }).first().click();
  await page.getByRole("link", { name: "Papieren idee invoeren" }).click();
  await page.getByLabel("Naam van de bewoner").fill("Henk de Boer");
  await page.getByLabel("Hoe bereik je de bewoner?").fill("Telefoon 0570 654 321");
  await page.getByLabel("Titel").fill("Een waterpunt bij het sportveld");
  await page.getByLabel("Korte samenvatting").fill("Een kraan met drinkwater voor sporters.");
  await page.getByLabel("Beschrijving").fill("In de zomer is er geen water bij het sportveld.");
  await page.getByLabel("Soort idee").selectOption({ label: category });
  await page.getByLabel("Buurt", { exact: true }).selectOption({ label: "Keizerslanden-Zuid" });
  await page.getByLabel("Wat kost het, in euro's?").fill("3500");
  await page.getByLabel("Hoe gaf de bewoner toestemming?").selectOption({ label: "Op het papieren formulier" });

  // Without consent it cannot be entered.
  await page.getByRole("button", { name: "Papieren idee opslaan" }).click();
  await expect(page.getByText("Zonder toestemming van de bewoner kun je het idee niet invoeren.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("De bewoner geeft toestemming").check();
  await page.getByRole("button", { name: "Papieren idee opslaan" }).click();

  await expect(page.getByRole("status")).toHaveText("Het papieren idee is ingevoerd.");
  await expect(page.getByRole("heading", { level: 1, name: "Een waterpunt bij het sportveld" })).toBeVisible();
  await expect(page.getByText("Van Henk de Boer (op papier ingediend, ingevoerd door de organisatie)")).toBeVisible();
  // The contact is for organisers only.
  await expect(page.getByText("0570 654 321")).toHaveCount(0);
  await page.getByRole("link", { name: "Modereren" }).click();
  await expect(page.getByText("Telefoon 0570 654 321")).toBeVisible();
  await expect(page.getByText(/Toestemming: Op het papieren formulier/)).toBeVisible();
});
