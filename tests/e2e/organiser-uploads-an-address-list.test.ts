import type { Page } from "@playwright/test";
import { expect, expectAccessible, logIn, test } from "./fixtures";

// Issue 15: a round that checks addresses uses the municipality's list, uploaded as CSV under
// Stemmen › Adressen. Every line must be right, or nothing is taken; a wrong line is named by number.
// The demo's Assen Top Idee 2027 has a generated list; only this test changes it.

const slug = "assen-top-idee-2027";

async function uploadAddressList(page: Page, lines: string[]) {
  await page
    .getByLabel("Bestand van de gemeente (CSV)")
    .setInputFiles({ name: "adressen.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n"), "utf8") });
  await page.getByRole("button", { name: "Lijst opslaan" }).click();
}

test("an organiser uploads the municipality's address list, and a list with a wrong line is refused by line number", async ({ page }) => {
  await logIn(page, "organisator@assen.nl");
  await page.goto(`/organiseren/${slug}`);
  await page.getByRole("navigation", { name: "Onderdelen van de ronde" }).getByRole("link", { name: "Stemmen" }).click();
  const list = page.getByRole("region", { name: "Adressenlijst" });
  await expect(list).toContainText("De lijst heeft 200 adressen met samen 390 bewoners die mogen stemmen.");
  await list.getByRole("link", { name: "Adressenlijst" }).click();
  await expect(page.getByText("We bewaren het bestand niet.")).toBeVisible();
  await expectAccessible(page);

  const header = "postcode;huisnummer;toevoeging;aantal";
  await uploadAddressList(page, [header, "9407 AA;1;;2", "9407 AA;2;B;1", "9407 AB;drie;;1", "9408 AC;4;;0"]);
  const refusal = page.getByRole("alert");
  await expect(refusal).toContainText("We hebben de lijst niet opgeslagen. Verbeter deze regels en probeer het opnieuw:");
  await expect(refusal.getByRole("listitem")).toHaveText([
    "Regel 4: geen geldige postcode of huisnummer",
    "Regel 5: het aantal bewoners is geen getal van 1 tot 99",
  ]);
  // Nothing of the refused list was taken.
  await expect(page.getByText("De lijst heeft 200 adressen met samen 390 bewoners die mogen stemmen.")).toBeVisible();
  await expectAccessible(page);

  await uploadAddressList(page, [header, "9407 AA;1;;2", "9407 AA;2;B;1", "9407 AB;3;;1", "9408 AC;4;;2"]);
  await expect(page.getByRole("status").filter({ hasText: "De lijst is opgeslagen" })).toHaveText(
    "De lijst is opgeslagen: 4 adressen, 6 bewoners die mogen stemmen.",
  );
  await expect(page.getByText("De lijst heeft 4 adressen met samen 6 bewoners die mogen stemmen.")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});
