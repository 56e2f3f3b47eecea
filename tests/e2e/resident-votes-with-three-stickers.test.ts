import { expect, test } from "./fixtures";
import { latestMailTo } from "./ideas-helpers";
import { newResident } from "./account-helpers";
import { ideas, ikDoeMee, lookUpReceipt, readReceipt, sticker, votePage, votingSlug, waitForEnhancedBallot } from "./voting-helpers";

test("a resident votes with three stickers, says 'ik doe mee' once, and checks the receipt", async ({ page }) => {
  const email = await newResident(page, "Fleur");
  await page.goto(`/rondes/${votingSlug}`);
  await expect(page.getByRole("region", { name: "Zoveel bewoners stemden al" })).toBeVisible();
  await page.getByRole("link", { name: "Stem nu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Kies de beste ideeën/ })).toBeVisible();
  await waitForEnhancedBallot(page);
  await expect(page.getByText("Nog 3 stickers", { exact: true })).toBeVisible();

  await sticker(page, ideas.bloemen).check();
  await expect(page.getByText("Nog 2 stickers", { exact: true })).toBeVisible();
  await sticker(page, ideas.regen).check();
  await sticker(page, ideas.speelplek).check();
  await expect(page.getByText("Je stickers zijn op", { exact: true })).toBeVisible();
  await ikDoeMee(page, ideas.regen).check();
  // "Ik doe mee" sits beside a sticker: not on an idea without one.
  await expect(ikDoeMee(page, ideas.bomen)).toBeHidden();

  await page.getByRole("button", { name: "Stickers bevestigen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
  const receipt = await readReceipt(page);
  await expect(page.getByText("Deel deze code met niemand.")).toBeVisible();
  await expect(page.getByText("Je hebt gestemd", { exact: true })).toBeVisible();
  for (const title of [ideas.bloemen, ideas.regen, ideas.speelplek]) await expect(sticker(page, title)).toBeChecked();
  await expect(ikDoeMee(page, ideas.regen)).toBeChecked();

  // The receipt came by email too, with what was voted for.
  const mail = await latestMailTo(page, email, /Je stem voor Groen Keizerslanden 2026/);
  expect(mail).toContain(receipt);
  expect(mail).toContain(ideas.regen);

  // The receipt shows the stickers of the ballot; nothing about the person.
  const found = await lookUpReceipt(page, receipt);
  for (const title of [ideas.bloemen, ideas.regen, ideas.speelplek]) await expect(found.getByText(title)).toBeVisible();
  await expect(found.getByText(ideas.bomen)).toHaveCount(0);
});

test("a fourth sticker is refused, and a sticker moves to another idea until voting closes", async ({ page }) => {
  await newResident(page, "Daan", "7417 CD");
  await page.goto(votePage);
  await waitForEnhancedBallot(page);
  for (const title of [ideas.bloemen, ideas.bomen, ideas.regen]) await sticker(page, title).check();
  // The fourth: the box does not stay ticked and the page says why.
  await sticker(page, ideas.schuur).click();
  await expect(sticker(page, ideas.schuur)).not.toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Je stickers zijn op. Haal eerst een sticker weg, of verplaats er een." })).toBeAttached();
  await page.getByRole("button", { name: "Stickers bevestigen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();

  // Move the sticker from the rain barrels to the tool shed, as with a real sticker.
  await page.getByRole("button", { name: `Verplaats de sticker van ‘${ideas.regen}’` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kies het idee waar je de sticker" })).toBeAttached();
  await page.getByRole("button", { name: `Plak hier: de sticker naar ‘${ideas.schuur}’` }).click();
  await expect(sticker(page, ideas.schuur)).toBeChecked();
  await expect(sticker(page, ideas.regen)).not.toBeChecked();
  await page.getByRole("button", { name: "Verplaatsing bevestigen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je stickers zijn verplaatst." })).toBeVisible();
  await page.reload();
  for (const title of [ideas.bloemen, ideas.bomen, ideas.schuur]) await expect(sticker(page, title)).toBeChecked();
  await expect(sticker(page, ideas.regen)).not.toBeChecked();
  // No new receipt for a move: the first one stays valid.
  await expect(page.getByRole("region", { name: "Jouw bon" })).toHaveCount(0);
});

test("after voting closes the ballot is final", async ({ page, context, baseURL }) => {
  await newResident(page, "Sem");
  await context.addCookies([{ name: "wv_test_now", value: String(Date.now() + 30 * 24 * 60 * 60 * 1000), url: baseURL! }]);
  const response = await page.goto(votePage);
  expect(response?.status()).toBe(409);
  await expect(page.getByRole("heading", { name: "Dit kan nu niet" })).toBeVisible();
});
