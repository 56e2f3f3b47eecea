import { demo, expect, logIn, test } from "./fixtures";
import { duringJury, seedJuryWorld } from "./jury-helpers";

// Juries change: an invitation goes to a wrong address, a juror falls ill. The organiser withdraws
// the one and takes the other off the jury, after being told what goes with them.

test("an organiser withdraws a wrong invitation and takes a juror off the jury, who then loses the jury pages", async ({ page, browser, baseURL }) => {
  const world = seedJuryWorld();
  await page.context().addCookies([{ name: "wv_test_now", value: String(duringJury), url: baseURL! }]);
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${world.slug}/jury`);

  // A refused invitation keeps what was typed, beside the reason.
  await page.getByLabel("E-mailadres").fill(world.jurors.second);
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByText("Deze persoon zit al in de jury.")).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toHaveValue(world.jurors.second);

  const wrong = `verkeerd-${world.slug}@voorbeeld.nl`;
  await page.getByLabel("E-mailadres").fill(wrong);
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toHaveText(`De uitnodiging is verstuurd naar ${wrong}.`);
  // The form is empty again for the next invitation (it kept the address sent, once).
  await expect(page.getByLabel("E-mailadres")).toHaveValue("");
  await page.getByRole("button", { name: `Uitnodiging voor ${wrong} intrekken` }).click();
  await expect(page.getByRole("status")).toHaveText("De uitnodiging is ingetrokken. De link in de mail werkt niet meer.");
  await expect(page.getByRole("listitem").filter({ hasText: wrong })).toHaveCount(0);

  // The second juror has not scored yet: the confirmation says only what changes for him.
  await page.getByText("Jan Jurylid uit de jury halen").click();
  await expect(page.getByText("Jan Jurylid kan daarna niet meer meedoen met de jury. Je kunt Jan Jurylid later opnieuw uitnodigen.")).toBeVisible();
  await page.getByRole("button", { name: "Ja, haal Jan Jurylid uit de jury" }).click();
  await expect(page.getByRole("status")).toHaveText("Jan Jurylid zit niet meer in de jury.");
  await expect(page.getByRole("listitem").filter({ hasText: "Jan Jurylid" })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Vera Voorzitter" })).toBeVisible();

  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "wv_test_now", value: String(duringJury), url: baseURL! }]);
  const removed = await context.newPage();
  await logIn(removed, world.jurors.second);
  const response = await removed.goto(`/jury/${world.slug}`);
  expect(response?.status()).toBe(403);
  await context.close();
});
