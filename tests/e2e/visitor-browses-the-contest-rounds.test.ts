import { expect, expectAccessible, test } from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;

test("the list shows the demo contests in the right groups, and hides the concept", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Ideeënrondes" }).click();
  await expect(page).toHaveURL(/\/rondes$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ideeënrondes" })).toBeVisible();

  const current = page.getByRole("region", { name: /^Nu bezig/ });
  const upcoming = page.getByRole("region", { name: /^Binnenkort/ });
  const past = page.getByRole("region", { name: /^Afgelopen/ });
  await expect(current.getByRole("link", { name: "Vonk Keizerslanden 2027" })).toBeVisible();
  await expect(current.getByText("Ideeën indienen tot")).toBeVisible();
  // Groen Keizerslanden 2026 (voting) is current too: the countdown of the Vonk card.
  const vonkCard = current.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Vonk Keizerslanden 2027" }) });
  await expect(vonkCard.getByText(/^nog \d+ dagen/)).toBeVisible();
  await expect(current.getByRole("link", { name: "Groen Keizerslanden 2026" })).toBeVisible();
  await expect(upcoming.getByRole("link", { name: "Assen Top Idee 2027" })).toBeVisible();
  await expect(upcoming.getByText("Ideeën indienen vanaf")).toBeVisible();
  await expect(upcoming.getByText("Kloosterveen, Peelo")).toBeVisible();
  // Last year's round is in aftercare (db/seeds/aftercare.ts): done with voting, so under "Afgelopen".
  const lastYear = past.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Buurtvonk Keizerslanden 2025" }) });
  await expect(lastYear.getByText("Nazorg", { exact: true })).toBeVisible();
  await expect(page.getByText("Buurtbudget Binnenstad 2028")).toHaveCount(0);

  await upcoming.getByRole("link", { name: "Assen Top Idee 2027" }).click();
  await expect(page).toHaveURL(/\/rondes\/assen-top-idee-2027$/);
  await expect(page.getByRole("heading", { level: 1, name: "Assen Top Idee 2027" })).toBeVisible();
});

test("later in the year both contests are in aftercare, under 'Afgelopen'", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "wv_test_now", value: String(Date.now() + 200 * DAY), url: baseURL! }]);
  await page.goto("/rondes");
  await expect(page.getByRole("region", { name: /^Nu bezig/ }).getByText("Er loopt nu geen ronde.")).toBeVisible();
  const past = page.getByRole("region", { name: /^Afgelopen/ });
  for (const title of ["Vonk Keizerslanden 2027", "Assen Top Idee 2027"]) {
    const card = past.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
    await expect(card.getByText("Nazorg", { exact: true })).toBeVisible();
    await expect(card.getByText("Nazorg tot")).toBeVisible();
  }
});

test("before its announcement a contest is not public: not listed, and its page is a 404", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "wv_test_now", value: String(Date.now() - 10 * DAY), url: baseURL! }]);
  await page.goto("/rondes");
  await expect(page.getByRole("region", { name: /^Binnenkort/ }).getByRole("link", { name: "Vonk Keizerslanden 2027" })).toBeVisible();
  await expect(page.getByText("Assen Top Idee 2027")).toHaveCount(0);
  await expectAccessible(page);
  const response = await page.goto("/rondes/assen-top-idee-2027");
  expect(response?.status()).toBe(404);
});

test("the home page cards show the phase and lead to the contest page", async ({ page }) => {
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Vonk Keizerslanden 2027" }) });
  await expect(card.getByText("Ideeën indienen", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Assen Top Idee 2027" })).toBeVisible();
  await card.getByRole("link", { name: "Vonk Keizerslanden 2027" }).click();
  await expect(page).toHaveURL(/\/rondes\/vonk-keizerslanden-2027$/);
});
