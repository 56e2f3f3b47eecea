import { demo, expect, logIn, test } from "./fixtures";

// Issue 18.11: the console on a 375 px phone. No tab may make the page wider than the screen (the
// overview was 483 px wide, Taakgroepen 788 px): a phone then zooms out or scrolls sideways. Rounds in
// three phases, so that each tab shows what it shows in those phases (forms, tables, lists).

const rounds = ["vonk-keizerslanden-2027", "groen-keizerslanden-2026", "buurtvonk-keizerslanden-2025"];

test.use({ viewport: { width: 375, height: 800 } });

test("every console tab fits a 375 px phone without sideways scrolling", async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, demo.organisator);
  // A batch of voting codes, so that the Stemmen tab shows its table of batches (with hidden labels).
  await page.goto("/organiseren/groen-keizerslanden-2026/stemmen");
  await page.getByLabel("Naam van de reeks").fill(`Brieven ${Date.now()}`);
  await page.getByLabel("Aantal codes").fill("1");
  await page.getByRole("button", { name: "Maak brieven om te printen" }).click();
  await expect(page.getByRole("heading", { name: /^Stembrieven: / })).toBeVisible();
  const tooWide: string[] = [];
  const letters = await page.evaluate(() => document.documentElement.scrollWidth);
  if (letters > 375) tooWide.push(`letters to print: ${letters} px`);
  for (const slug of rounds) {
    await page.goto(`/organiseren/${slug}`);
    const tabs = page.getByRole("navigation", { name: "Onderdelen van de ronde" }).getByRole("link");
    const paths = await tabs.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(paths.length, slug).toBeGreaterThanOrEqual(10);
    for (const path of paths) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) tooWide.push(`${path}: ${width} px`);
    }
  }
  expect(tooWide).toEqual([]);
});
