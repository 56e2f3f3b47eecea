import { demo, expect, logIn, test } from "./fixtures";

test("an organiser adds a wijk by pasting postcodes, and a wrong entry is named by its line", async ({ page }) => {
  const name = `Zandweerd ${Date.now()}`;
  await logIn(page, demo.organisator);
  await page.goto("/organiseren");
  await page.getByRole("link", { name: "Wijken en buurten" }).click();
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Wijk of buurt toevoegen" }) })
    .first();
  await form.getByLabel("Naam").fill(name);
  await form.getByLabel("Postcodes").fill("7415\n74A1\n7416 aa - 7416 bz");
  await form.getByRole("button", { name: "Wijk of buurt toevoegen" }).click();
  await expect(form.getByLabel("Postcodes")).toHaveAccessibleDescription(/Regel 2: ‘74A1’ is geen postcode/);

  await form.getByLabel("Postcodes").fill("7415\n7416 aa - 7416 bz");
  await form.getByRole("button", { name: "Wijk of buurt toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De wijk of buurt is opgeslagen.");
  const saved = page.locator("details").filter({ hasText: name });
  await expect(saved).toContainText("7415, 7416 AA-7416 BZ");
});
