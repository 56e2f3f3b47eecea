import { confirmFromMail, residentPassword, submitRegistration } from "./account-helpers";
import { expect, expectAccessible, logIn, test, uniqueEmail } from "./fixtures";
import { latestMailTo } from "./ideas-helpers";
import { ideas, lookUpReceipt, placeStickers, readReceipt, sticker, votePage } from "./voting-helpers";

// Issue 15: until the address is confirmed the ballot page says what to do; the stickers chosen
// meanwhile are kept, not counted, and the link in the mail stores exactly those, without choosing again.

test("an unconfirmed resident chooses stickers, is told they are kept, and the mailed link stores exactly those", async ({ page }) => {
  const email = uniqueEmail("jasmijn");
  await page.goto("/registreren");
  await submitRegistration(page, { name: "Jasmijn", email });
  await logIn(page, email, residentPassword);

  await page.goto(votePage);
  const confirmFirst = page.getByRole("region", { name: "Bevestig eerst je e-mailadres" });
  await expect(confirmFirst).toContainText("Je kunt pas stemmen als je e-mailadres bevestigd is.");
  await expect(confirmFirst.getByRole("button", { name: "Stuur de e-mail opnieuw" })).toBeVisible();
  await expectAccessible(page);

  const chosen = [ideas.bloemen, ideas.speelplek, ideas.schuur];
  const notChosen = [ideas.bomen, ideas.regen];
  await placeStickers(page, chosen);
  await expect(page.getByRole("status").filter({ hasText: "Je keuze is bewaard." })).toContainText("We hebben je een e-mail gestuurd");
  await expect(confirmFirst).toContainText("Je keuze hieronder is bewaard, maar nog niet meegeteld.");
  for (const title of chosen) await expect(sticker(page, title)).toBeChecked();
  for (const title of notChosen) await expect(sticker(page, title)).not.toBeChecked();
  await expect(page.getByRole("region", { name: "Jouw bon" })).toHaveCount(0);
  await expectAccessible(page);

  // The link in the newest mail confirms the address and casts the kept stickers.
  await confirmFromMail(page, email);
  await expect(page).toHaveURL(new RegExp(`${votePage}$`));
  await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
  const receipt = await readReceipt(page);
  await expect(page.getByText("Je hebt gestemd", { exact: true })).toBeVisible();
  await expect(confirmFirst).toHaveCount(0);
  for (const title of chosen) await expect(sticker(page, title)).toBeChecked();
  for (const title of notChosen) await expect(sticker(page, title)).not.toBeChecked();

  const mail = await latestMailTo(page, email, /Je stem voor Groen Keizerslanden 2026/);
  expect(mail).toContain(receipt);
  const found = await lookUpReceipt(page, receipt);
  for (const title of chosen) await expect(found.getByText(title)).toBeVisible();
  for (const title of notChosen) await expect(found.getByText(title)).toHaveCount(0);
});
