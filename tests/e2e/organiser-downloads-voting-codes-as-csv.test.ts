import { readFile } from "node:fs/promises";
import { demo, expect, logIn, test } from "./fixtures";
import { votePage, votingSlug } from "./voting-helpers";

test("an organiser downloads a batch of voting codes as CSV, and a code from it lets a resident in", async ({ page, browser }) => {
  const label = `Mailing ${Date.now()}`;
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${votingSlug}/stemmen`);
  await page.getByLabel("Naam van de reeks").fill(label);
  await page.getByLabel("Aantal codes").fill("3");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download als CSV-bestand" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^stemcodes-${votingSlug}-\\d+\\.csv$`));
  const csv = await readFile((await download.path())!, "utf8");
  const codes = csv.match(/[0-9ACDEFGHJKMNPQRTUVWXY]{4}-[0-9ACDEFGHJKMNPQRTUVWXY]{4}/g) ?? [];
  expect(new Set(codes).size).toBe(3);

  // The batch is listed with its counts, never its codes.
  await page.goto(`/organiseren/${votingSlug}/stemmen`);
  await expect(page.getByRole("row").filter({ hasText: label })).toContainText("0 van 3 gebruikt");
  await expect(page.getByText(codes[0]!)).toHaveCount(0);

  const resident = await browser.newPage();
  await resident.goto(votePage);
  await resident.getByRole("link", { name: "Stemmen met een code" }).click();
  await resident.getByLabel("Je stemcode").fill(codes[1]!);
  await resident.getByRole("button", { name: "Verder" }).click();
  await expect(resident.getByText("Je code klopt. Plak nu je stickers.")).toBeVisible();
  await resident.close();
});
