import sharp from "sharp";
import { demo, expect, expectAccessible, logIn, test } from "./fixtures";
import type { Locator } from "@playwright/test";

// Issue 18.14: the demo looked like a wireframe. Its ideas and rounds show drawn pictures with a text
// alternative; an idea without a photo shows its first letter instead; an organiser's cover shows on
// the round's page and can be taken away again.

async function expectLoaded(image: Locator) {
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

test("the demo's idea list, idea page and round page show pictures with text alternatives", async ({ page }) => {
  await page.goto("/rondes/vonk-keizerslanden-2027/ideeen");
  const cards = page.locator(".idea-card");
  const pond = cards.filter({ hasText: "Bankjes en bloemen bij de vijver" }).getByRole("img", { name: /tekening van een vijver/ });
  await expect(pond).toBeVisible();
  await expectLoaded(pond);
  await expect(cards.getByRole("img")).toHaveCount(5);
  // The paper idea has no photo: its card shows its first letter, not an empty box, and no image to describe.
  const meal = cards.filter({ hasText: "Buurtmaaltijd op woensdag" });
  await expect(meal.locator(".idea-monogram")).toHaveText("B");
  await expect(meal.getByRole("img")).toHaveCount(0);
  await expectAccessible(page);

  await cards.getByRole("link", { name: "Speeltuin voor de kleintjes" }).click();
  await expect(page).toHaveURL(/\/ideeen\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Speeltuin voor de kleintjes" })).toBeVisible();
  await expectLoaded(page.getByRole("img", { name: /tekening van een schommel/ }).first());

  await page.goto("/rondes/vonk-keizerslanden-2027");
  const cover = page.getByRole("img", { name: /slinger vlaggetjes/ });
  await expectLoaded(cover);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/rondefotos\/.+\.webp$/);

  await page.goto("/rondes");
  const roundCards = page.locator(".contest-card-image");
  expect(await roundCards.count()).toBeGreaterThanOrEqual(3);
  await expectLoaded(roundCards.first());
  await expectAccessible(page);

  // The ballot's posters have pictures too.
  await logIn(page, demo.bewoner);
  await page.goto("/rondes/groen-keizerslanden-2026/stemmen");
  await expectLoaded(page.getByRole("img", { name: /groene regenton/ }));
});

test("an organiser removes a round's cover and uploads one of their own, which the round page shows", async ({ page }) => {
  await logIn(page, demo.organisator);
  await page.goto("/organiseren/buurtbudget-binnenstad-2028/instellingen");
  await expect(page.getByRole("img", { name: /gracht met een bootje/ })).toBeVisible();
  await page.getByRole("button", { name: "Foto weghalen" }).click();
  await expect(page.getByRole("status")).toHaveText("De foto is weggehaald.");
  await page.goto("/rondes/buurtbudget-binnenstad-2028");
  await expect(page.locator(".contest-image")).toHaveCount(0);

  await page.goto("/organiseren/buurtbudget-binnenstad-2028/instellingen");
  const photo = await sharp({ create: { width: 1600, height: 700, channels: 3, background: "#c2410c" } })
    .jpeg()
    .toBuffer();
  await page.getByLabel("Kies een foto").setInputFiles({ name: "markt.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByLabel("Wat staat er op de foto?").fill("De Brink op marktdag");
  await page.getByRole("button", { name: "Afbeelding opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De afbeelding is opgeslagen.");
  await expectAccessible(page);
  await page.goto("/rondes/buurtbudget-binnenstad-2028");
  await expectLoaded(page.getByRole("img", { name: "De Brink op marktdag" }));
  await expectAccessible(page);
});
