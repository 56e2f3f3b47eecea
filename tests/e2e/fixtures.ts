import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const demoPassword = "wijkvonk-demo";
export const demo = {
  beheerder: "beheer@wijkvonk.nl",
  organisator: "organisator@keizerslanden.nl",
  jurylid: "jury@keizerslanden.nl",
  bewoner: "bewoner@keizerslanden.nl",
};

/** Fails the test on any WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, "axe violations").toEqual([]);
}

export async function logIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Welkom" })).toBeVisible();
}

/** A unique email per test run, so tests never collide on the shared database. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@voorbeeld.nl`;
}

// Every page a test visits is checked by axe before the test ends.
export const test = base.extend<{ axeOnEveryPage: void }>({
  axeOnEveryPage: [
    async ({ page }, use) => {
      await use();
      if (page.url().startsWith("http")) await expectAccessible(page);
    },
    { auto: true },
  ],
});
export { expect };
