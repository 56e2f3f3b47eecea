import path from "node:path";
import Database from "better-sqlite3";
import { demo, expect, expectAccessible, logIn, test } from "./fixtures";
import { moveClock, vonk } from "./ideas-helpers";

// The jury feature will set "shortlisted"; until then the test sets it in the database, as the jury would.
function shortlist(title: string) {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? "./data/e2e", "e2e.sqlite"));
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("UPDATE ideas SET status = 'shortlisted' WHERE title = ?").run(title);
  } finally {
    db.close();
  }
}

test("a shortlisted initiator works out the plan during uitwerken", async ({ page }) => {
  const title = "Veilig oversteken bij de school";
  shortlist(title);
  await logIn(page, demo.bewoner);
  // Six weeks on: the jury has chosen and the shortlisted ideas are being worked out.
  await moveClock(page, 42);
  await page.goto(`/rondes/${vonk}/ideeen?status=shortlisted`);
  await page.getByRole("listitem").getByRole("link", { name: title }).click();
  await expect(page.getByText("Gekozen door de jury").first()).toBeVisible();
  await page.getByRole("link", { name: "Idee uitwerken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Idee uitwerken" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Het plan").fill("Eerst meten we hoe hard er gereden wordt, dan komt de drempel.");
  await page.getByLabel("Planning").fill("April: meten. Mei: drempel en zebrapad.");
  await page.getByLabel("Wie helpt er mee?").fill("De ouderraad en de wijkagent.");
  // The round counts VAT included (issue 21.6): the cost field says so, as the idea form does.
  await expect(page.getByText("Reken de btw mee: bedragen in deze ronde zijn inclusief btw.")).toBeVisible();
  await page.getByLabel("Wat kost het, in euro's?").fill("");
  await page.getByRole("button", { name: "Uitwerking opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Je uitwerking is opgeslagen.");
  await expect(page.getByRole("heading", { name: "Uitgewerkt plan" })).toBeVisible();
  await expect(page.getByText("Eerst meten we hoe hard er gereden wordt")).toBeVisible();
  // The cost is now the sum of the breakdown lines kept from handing in.
  await expect(page.getByText("€ 3.200", { exact: true }).filter({ visible: true }).first()).toBeVisible();
});
