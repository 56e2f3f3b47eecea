import { demo, expect, expectAccessible, logIn, test } from "./fixtures";

// Issue 21.7: the next edition of a round is a copy of its settings, areas, criteria and prizes, as a
// concept without ideas; and a round's link shares with a proper title, text and picture.

test("an organiser starts the next edition of a round as a copy", async ({ page }) => {
  const title = `Vonk Keizerslanden editie ${Date.now()}`;
  await logIn(page, demo.organisator);
  await page.goto("/organiseren/vonk-keizerslanden-2027");
  await page.getByRole("link", { name: "Begin de volgende editie van deze ronde" }).click();
  await expect(page.getByLabel("Naam van de nieuwe ronde")).toHaveValue("Vonk Keizerslanden 2028");
  await page.getByLabel("Naam van de nieuwe ronde").fill(title);
  await page.getByRole("button", { name: "Begin de volgende editie" }).click();
  await expect(page.getByRole("status")).toHaveText("De volgende editie staat klaar als concept. Kies nu de data bij Planning.");

  // The copy's settings: the same area, budget, VAT terms and prizes as the demo round.
  await expect(page.getByLabel("Naam van de ronde")).toHaveValue(title);
  await expect(page.getByRole("checkbox", { name: "Keizerslanden" })).toBeChecked();
  await expect(page.getByLabel("Budget in euro's")).toHaveValue("25000");
  await expect(page.getByLabel("Btw")).toHaveValue("inclusief");
  await expect(page.getByLabel("Naam van prijs 1")).toHaveValue("Eerste prijs");
  await expectAccessible(page);

  // Without the old edition's ideas.
  await page.goto(page.url().replace(/\/instellingen$/, "/ideeen"));
  await expect(page.getByRole("main")).not.toContainText("Bankjes en bloemen bij de vijver");
});

test("a round's link shares with its title, text and picture, and its flyer has a QR code", async ({ page }) => {
  await page.goto("/rondes/vonk-keizerslanden-2027");
  const og = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content");
  expect(await og("og:title")).toBe(await page.getByRole("heading", { level: 1 }).textContent());
  expect(await og("og:description")).toMatch(/\S/);
  expect(await og("og:url")).toMatch(/^https?:\/\/[^/]+\/rondes\/vonk-keizerslanden-2027$/);
  expect(await og("og:image")).toMatch(/^https?:\/\/[^/]+\//);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");

  await page.goto("/rondes/vonk-keizerslanden-2027/flyer");
  await expect(page.getByRole("img", { name: /QR-code naar de pagina van deze ronde: https?:\/\/.+\/rondes\/vonk-keizerslanden-2027/ })).toBeVisible();
  await expect(page.getByText(/Er is € [\d.]+ incl\. btw te verdelen/)).toBeVisible();
  await expectAccessible(page);
});
