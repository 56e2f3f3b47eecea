import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 9, light pages: the browser gets the catalogue of the reader's language only (entry.client.tsx),
// and after the language switch (a full page load) the page comes to life in the other language.

async function scriptsOf(page: Page, path: string): Promise<string> {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) bodies.push(response.text());
  });
  await page.goto(path);
  // The catalogue is fetched before hydration starts (entry.client.tsx): once the router exists, it came.
  // "networkidle" alone was not enough on a busy machine.
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.waitForLoadState("networkidle");
  return (await Promise.all(bodies)).join("\n");
}

test("a Dutch reader downloads the Dutch texts and not the English ones, and the other way round", async ({ page }) => {
  const dutch = await scriptsOf(page, "/rondes/groen-keizerslanden-2026");
  expect(dutch).toContain("Zoekt nog {n} mensen");
  expect(dutch).not.toContain("Still looking for {n} people");

  page.removeAllListeners("response");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/rondes\/groen-keizerslanden-2026$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const english = await scriptsOf(page, "/rondes/groen-keizerslanden-2026");
  expect(english).toContain("Still looking for {n} people");
  expect(english).not.toContain("Zoekt nog {n} mensen");

  // The page came to life in English: a client-side navigation renders English texts.
  await page.getByRole("link", { name: "Log in" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await page.getByRole("button", { name: "Schakel over naar Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
});
