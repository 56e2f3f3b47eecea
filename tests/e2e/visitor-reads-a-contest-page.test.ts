import { demo, expect, logIn, test } from "./fixtures";

test("the contest page shows the plan, the timeline with the current phase, and what to do now", async ({ page }) => {
  await page.goto("/rondes/vonk-keizerslanden-2027");
  await expect(page.getByRole("heading", { level: 1, name: "Vonk Keizerslanden 2027" })).toBeVisible();
  await expect(page.getByText("Door Wijkteam Keizerslanden · Keizerslanden")).toBeVisible();

  const timeline = page.getByRole("list", { name: "Planning" });
  const steps = timeline.getByRole("listitem");
  await expect(steps).toHaveCount(7);
  const current = steps.filter({ hasText: "Ideeën indienen" });
  await expect(current).toHaveAttribute("aria-current", "step");
  await expect(current).toContainText("Vandaag");
  await expect(current).toContainText("Nu bezig");
  await expect(steps.filter({ hasText: "Aankondiging" })).toContainText("Klaar");
  await expect(steps.filter({ hasText: "Stemmen" })).toContainText("Nog niet begonnen");
  await expect(timeline.locator("[aria-current]")).toHaveCount(1);

  await expect(page.getByRole("heading", { name: "Wat kun je nu doen?" })).toBeVisible();
  await expect(page.getByText(/Je kunt het nu indienen, tot \d+ \w+ 20\d\d, \d\d:\d\d\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "In het kort" }).getByText(/^nog \d+ dagen/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Budget en prijzen" }).getByRole("listitem")).toHaveText([
    /Eerste prijs€ 10\.000/,
    /Tweede prijs€ 7\.500/,
    /Derde prijs€ 5\.000/,
    /Aanmoedigingsprijs€ 2\.500/,
  ]);
  await expect(page.getByText("Het idee met de meeste stickers krijgt de eerste prijs")).toBeVisible();
  await expect(page.getByText("Iedere bewoner krijgt 3 stickers.")).toBeVisible();
  // During submitting, handing in comes first; keeping up to date (with the last day) comes after it.
  const now = page.getByRole("region", { name: "Wat kun je nu doen?" });
  await expect(now.locator(".button").first()).toHaveText("Dien je idee in");
  await expect(now.getByRole("group", { name: "Blijf op de hoogte van deze ronde" })).toContainText(
    "Je krijgt een e-mail met de laatste dag om je idee in te dienen",
  );
});

test("the timeline runs across on a desktop and down on a phone", async ({ page }) => {
  await page.goto("/rondes/vonk-keizerslanden-2027");
  const steps = page.getByRole("list", { name: "Planning" }).getByRole("listitem");
  const top = async (i: number) => (await steps.nth(i).boundingBox())!.y;
  expect(await top(6)).toBe(await top(0));
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await top(6)).toBeGreaterThan((await top(0)) + 300);
});

test("an unknown contest and a concept are 404 for visitors", async ({ page }) => {
  expect((await page.goto("/rondes/bestaat-niet"))?.status()).toBe(404);
  const concept = await page.goto("/rondes/buurtbudget-binnenstad-2028");
  expect(concept?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Deze pagina bestaat niet" })).toBeVisible();
});

test("a resident who does not organise the contest cannot preview a concept", async ({ page }) => {
  await logIn(page, demo.bewoner);
  expect((await page.goto("/rondes/buurtbudget-binnenstad-2028"))?.status()).toBe(404);
});

test("an organiser previews a concept contest with a clear banner", async ({ page }) => {
  await logIn(page, demo.organisator);
  const response = await page.goto("/rondes/buurtbudget-binnenstad-2028");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("note")).toContainText("Voorbeeld: nog niet openbaar");
  await expect(page.getByRole("heading", { level: 1, name: "Buurtbudget Binnenstad 2028" })).toBeVisible();
  // A concept is off the clock: its planned phases show, none of them current.
  const steps = page.getByRole("list", { name: "Planning" }).getByRole("listitem");
  await expect(steps).toHaveCount(7);
  await expect(page.getByRole("list", { name: "Planning" }).locator("[aria-current]")).toHaveCount(0);
});
