import { confirmedFlash, openConfirmationLink, submitRegistration } from "./account-helpers";
import { expect, expectAccessible, test, uniqueEmail } from "./fixtures";
import { ideas, placeStickers, readReceipt, sticker, votePage, votingSlug } from "./voting-helpers";

// Issue 15: an account votes only from a confirmed email address. A new resident reads who may vote,
// makes an account from the ballot page, confirms it with the link in the mail and comes back to vote.

test("a resident registers from the ballot page, confirms the address from the mail and votes", async ({ page }) => {
  const email = uniqueEmail("marit");
  await page.goto(`/rondes/${votingSlug}`);
  const rules = page.getByRole("region", { name: "Zo kiezen we de winnaars" });
  await expect(rules.getByRole("heading", { name: "Wie mag stemmen?" })).toBeVisible();
  await expect(rules).toContainText("Met een account: een bevestigd e-mailadres en een postcode in Keizerslanden. Dit is de laagste drempel");
  await expect(rules).toContainText("Een account verwijderen en opnieuw maken geeft geen tweede stem.");

  await page.getByRole("link", { name: "Stem nu" }).click();
  await page.getByRole("main").getByRole("link", { name: "Account maken" }).click();
  await submitRegistration(page, { name: "Marit", email });
  await expectAccessible(page);

  const link = await openConfirmationLink(page, email);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bevestig mijn e-mailadres" }).click();
  // Back where she was going, logged in and allowed to vote.
  await expect(page.getByRole("status").filter({ hasText: confirmedFlash })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${votePage}$`));
  await expect(page.getByRole("heading", { name: "Bevestig eerst je e-mailadres" })).toHaveCount(0);

  await placeStickers(page, [ideas.bomen, ideas.regen, ideas.schuur]);
  await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
  await readReceipt(page);
  for (const title of [ideas.bomen, ideas.regen, ideas.schuur]) await expect(sticker(page, title)).toBeChecked();

  // The link works once.
  await page.goto(link);
  await expect(page.getByText("Deze link werkt niet meer. Hij is al gebruikt of te oud.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Bevestig mijn e-mailadres" })).toHaveCount(0);
});
