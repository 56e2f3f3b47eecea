import { demo, expect, expectAccessible, logIn, test } from "./fixtures";
import { moveClock, vonk } from "./ideas-helpers";

test("a resident can edit their idea until the deadline and is refused after it, but can still withdraw it", async ({ page }) => {
  await logIn(page, demo.bewoner);
  await page.goto(`/rondes/${vonk}/ideeen`);
  await page.getByRole("listitem").getByRole("link", { name: "Moestuin voor de hele buurt" }).click();
  await page.getByRole("link", { name: "Idee bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Idee bewerken" })).toBeVisible();
  const editUrl = page.url();

  // Five weeks later submission has closed: the jury is at work.
  await moveClock(page, 35);
  await page.goto(editUrl);
  await expect(page.getByText("Dit kan nu niet.")).toBeVisible();
  await expect(page.getByText(/De fase ‘Ideeën indienen’|Dit kon in de fase ‘Ideeën indienen’/).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto(editUrl.replace(/\/bewerken$/, ""));
  await expect(page.getByRole("link", { name: "Idee bewerken" })).toHaveCount(0);
  await expect(page.getByText(/Bewerken kon tot/)).toBeVisible();

  // Withdrawing is possible at any time.
  await page.getByRole("link", { name: "Idee intrekken" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, trek mijn idee in" }).click();
  await expect(page.getByRole("status")).toHaveText("Je idee is ingetrokken.");
  await expect(page.getByText("Ingetrokken", { exact: true })).toBeVisible();
});
