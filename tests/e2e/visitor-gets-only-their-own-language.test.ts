import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 9, light pages: the browser gets the texts of the reader's language only (entry.client.tsx),
// and after the language switch (a full page load) the page comes to life in the other language.
// Issue 19: and only the sections of texts the page uses (ADR 030).

/** The scripts the page downloads while `load` runs, read once the new document has come to life. */
async function scriptsLoadedBy(page: Page, load: () => Promise<unknown>): Promise<string> {
  const bodies: Promise<string>[] = [];
  const onResponse = (response: { url(): string; text(): Promise<string> }) => {
    if (response.url().endsWith(".js")) bodies.push(response.text());
  };
  page.on("response", onResponse);
  try {
    await load();
    // The catalogue is fetched before hydration starts (entry.client.tsx): once the router exists, it came.
    // "networkidle" alone was not enough on a busy machine.
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.waitForLoadState("networkidle");
    return (await Promise.all(bodies)).join("\n");
  } finally {
    page.off("response", onResponse);
  }
}

test("a Dutch reader downloads the Dutch texts and not the English ones, and the other way round", async ({ page }) => {
  const dutch = await scriptsLoadedBy(page, () => page.goto("/rondes/groen-keizerslanden-2026"));
  expect(dutch).toContain("We gebruiken je e-mailadres alleen hiervoor. Afmelden kan altijd.");
  expect(dutch).not.toContain("We only use your email address for this. You can unsubscribe at any time.");
  // Not the texts of parts of the site the contest page does not show: the taakgroepen, the console.
  expect(dutch).not.toContain("Zoekt nog {n} mensen");
  expect(dutch).not.toContain("Onderdelen van de ronde");

  // The switch is itself a full page load: its scripts are the English reader's. (Loading the page a
  // second time raced the switch's own downloads, which were then read after navigating away.)
  const english = await scriptsLoadedBy(page, async () => {
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
  await expect(page).toHaveURL(/\/rondes\/groen-keizerslanden-2026$/);
  expect(english).toContain("We only use your email address for this. You can unsubscribe at any time.");
  expect(english).not.toContain("We gebruiken je e-mailadres alleen hiervoor. Afmelden kan altijd.");

  // The page came to life in English: a client-side navigation renders English texts.
  await page.getByRole("link", { name: "Log in" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await page.getByRole("button", { name: "Schakel over naar Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
});
