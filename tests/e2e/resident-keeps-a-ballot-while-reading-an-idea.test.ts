import { newResident } from "./account-helpers";
import { expect, test } from "./fixtures";
import { ideas, makeLetterCodes, placeStickers, sticker, votePage, waitForEnhancedBallot } from "./voting-helpers";

// Issue 18: a letter-code voter who opened "Lees meer" was asked for the code again and lost the
// stickers; an account voter lost a move that was not confirmed yet. The ballot in progress stays.

const kept = "Je stickers van daarnet staan er nog.";

test("a letter-code voter reads an idea and comes back to the same code and stickers", async ({ page, browser }) => {
  const [code] = await makeLetterCodes(page, `Brieven lezen ${Date.now()}`, 1);
  const resident = await browser.newPage();
  await resident.goto(`${votePage}/code`);
  await resident.getByLabel("Je stemcode").fill(code!);
  await resident.getByRole("button", { name: "Verder" }).click();
  await waitForEnhancedBallot(resident);
  await sticker(resident, ideas.bomen).check();
  await sticker(resident, ideas.schuur).check();

  await resident.getByRole("link", { name: `Lees meer over ‘${ideas.schuur}’` }).click();
  await expect(resident.getByRole("heading", { level: 1, name: ideas.schuur })).toBeVisible();
  await resident.getByRole("link", { name: "Terug naar je stembiljet" }).click();

  await waitForEnhancedBallot(resident);
  await expect(resident.getByLabel("Je stemcode")).toHaveCount(0);
  await expect(resident.getByRole("status").filter({ hasText: kept })).toBeVisible();
  await expect(sticker(resident, ideas.bomen)).toBeChecked();
  await expect(sticker(resident, ideas.schuur)).toBeChecked();
  await resident.getByRole("button", { name: "Stickers bevestigen" }).click();
  await expect(resident.getByRole("heading", { level: 1, name: "Je hebt gestemd" })).toBeVisible();

  // Once the vote is stored, the code is forgotten: the next person on this device starts afresh.
  await resident.goto(`${votePage}/code`);
  await expect(resident.getByLabel("Je stemcode")).toBeVisible();
  await resident.close();
});

test("an account voter's move that is not confirmed yet survives a look at an idea", async ({ page }) => {
  await newResident(page, "Lezer");
  await page.goto(votePage);
  await placeStickers(page, [ideas.bomen]);
  await expect(page.getByText("Je hebt gestemd", { exact: true })).toBeVisible();

  await waitForEnhancedBallot(page);
  await sticker(page, ideas.bomen).uncheck();
  await sticker(page, ideas.schuur).check();
  await page.getByRole("link", { name: `Lees meer over ‘${ideas.bomen}’` }).click();
  await page.getByRole("link", { name: "Terug naar je stembiljet" }).click();

  await waitForEnhancedBallot(page);
  await expect(page.getByRole("status").filter({ hasText: kept })).toBeVisible();
  await expect(sticker(page, ideas.schuur)).toBeChecked();
  await expect(sticker(page, ideas.bomen)).not.toBeChecked();
});
