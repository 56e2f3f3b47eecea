import { submitRegistration, confirmFromMail, newResident } from "./account-helpers";
import { expect, expectAccessible, test, uniqueEmail } from "./fixtures";
import { ideas, sticker, votePage, votingSlug, waitForEnhancedBallot } from "./voting-helpers";

// Issue 18.6: what a resident met on a 375 px phone. A landing sticker made the ballot 382 px wide (the
// page scrolled sideways and the phone zoomed out), the opened menu stayed open over the next page, and
// "Ik doe mee" → Inloggen → "Account maken" lost where the resident was going.

test.use({ viewport: { width: 375, height: 800 } });

test("placing stickers never makes the ballot wider than the phone, not even while a sticker lands", async ({ page }) => {
  await newResident(page, "Noor");
  await page.goto(votePage);
  await waitForEnhancedBallot(page);
  // The widest the page gets in any frame, from before the first sticker until after the last has landed.
  await page.evaluate(() => {
    const w = window as unknown as { widest: number };
    w.widest = 0;
    const measure = () => {
      w.widest = Math.max(w.widest, document.documentElement.scrollWidth);
      requestAnimationFrame(measure);
    };
    measure();
  });
  for (const title of [ideas.regen, ideas.schuur, ideas.bomen]) {
    await sticker(page, title).check();
    await page.waitForTimeout(450); // the landing animation takes 360 ms
  }
  const widest = await page.evaluate(() => (window as unknown as { widest: number }).widest);
  expect(widest, "widest the page got").toBeLessThanOrEqual(375);
  await expect(page.getByRole("button", { name: "Stickers bevestigen" })).toBeInViewport();
});

test("the folded menu closes once a link in it is followed", async ({ page }) => {
  await page.goto("/");
  const menu = page.locator("details.nav-mobile");
  await menu.getByText("Menu").click();
  await expect(menu).toHaveAttribute("open", "");
  await menu.getByRole("link", { name: "Ideeënrondes" }).click();
  await expect(page).toHaveURL(/\/rondes$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(menu).not.toHaveAttribute("open", "");
  await expect(menu.getByRole("link", { name: "Inloggen" })).toBeHidden();
  await expectAccessible(page);
});

test("'Ik doe mee' → Inloggen → Account maken → the mail's link ends at 'Ik doe mee', not on the home page", async ({ page }) => {
  const email = uniqueEmail("jip");
  await page.goto(`/rondes/${votingSlug}/ideeen`);
  await page.getByRole("link", { name: ideas.regen }).first().click();
  await page.getByRole("region", { name: "Taakgroep" }).getByRole("link", { name: "Ik doe mee" }).click();
  await expect(page).toHaveURL(/\/inloggen\?redirectTo=/);
  const joinPath = decodeURIComponent(new URL(page.url()).searchParams.get("redirectTo")!);
  expect(joinPath).toMatch(new RegExp(`^/rondes/${votingSlug}/ideeen/\\d+/meedoen`));

  await page.getByRole("main").getByRole("link", { name: "Account maken" }).click();
  await expect(page).toHaveURL(/\/registreren\?redirectTo=/);
  await submitRegistration(page, { name: "Jip", email });
  // "Ik heb al een account" on the check-your-mail page keeps it too.
  await expect(page.getByRole("main").getByRole("link", { name: "Inloggen" })).toHaveAttribute("href", `/inloggen?redirectTo=${encodeURIComponent(joinPath)}`);

  await confirmFromMail(page, email);
  await expect(page).toHaveURL(new RegExp(`${joinPath}$`));
  await expect(page.getByLabel("Je naam")).toHaveValue("Jip");
  await expectAccessible(page);
});
