import { demo, expect, expectAccessible, logIn, test } from "./fixtures";

// Issue 18.8: the console's overview is the page an organiser opens each morning: where the round is on
// its timeline, what needs them now (each with a link to where it is done), and turnout over time.

test("the overview shows the timeline, what needs doing with links, and turnout against the previous round", async ({ page }) => {
  test.setTimeout(90_000);
  // A resident reports an idea in the round that is voting now.
  await page.goto("/rondes/groen-keizerslanden-2026/ideeen");
  await page.getByRole("main").getByRole("heading", { level: 2 }).getByRole("link").first().click();
  await page.getByRole("link", { name: "Meld dit idee" }).click();
  await page.getByLabel("Het klopt niet").check();
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByRole("status")).toHaveText("Dank je. De organisatie kijkt naar je melding.");

  await logIn(page, demo.organisator);
  await page.goto("/organiseren/groen-keizerslanden-2026");
  await expect(page.getByText("Juryvoortgang en stemmers komen hier")).toHaveCount(0);

  // Where the round is: the seven phases, voting running now.
  const where = page.getByRole("region", { name: "Waar staat de ronde?" });
  const current = where.getByRole("listitem").and(where.locator('[aria-current="step"]'));
  await expect(current).toContainText("Stemmen");
  await expect(where.getByRole("listitem")).toHaveCount(7);
  await expect(where).toContainText(/Deze fase loopt tot .+ \(nog .+\)\./);

  // What needs the organiser: the report, with a link to the ideas.
  const todo = page.getByRole("region", { name: "Nu voor jou" });
  await expect(todo).toContainText(/gemeld door (een bewoner|bewoners)/);

  // Turnout, next to the organisation's previous round on the same day of its vote.
  const turnout = page.getByRole("region", { name: "Opkomst" });
  await expect(turnout).toContainText(/\d+ bewoners? (heeft|hebben) gestemd\./);
  await expect(turnout).toContainText(/Buurtvonk Keizerslanden 2025 had op dag \d+ van het stemmen: \d+ stemmers?\./);
  await expect(turnout.getByRole("img", { name: "Opkomst per dag van het stemmen" })).toBeVisible();
  await turnout.getByText("De cijfers per dag").click();
  await expect(turnout.getByRole("columnheader", { name: "Vorige ronde" })).toBeVisible();
  await expect(turnout.getByRole("link", { name: "Naar deelname" })).toBeVisible();
  await expectAccessible(page);

  await todo.getByRole("link", { name: "Naar de ideeën" }).click();
  await expect(page).toHaveURL(/\/organiseren\/groen-keizerslanden-2026\/ideeen$/);
  await expect(page.getByText(/\d+ open/).first()).toBeVisible();

  // A round in its follow-up: taakgroepen short of people and ideas without news, each leading to its tab.
  await page.goto("/organiseren/buurtvonk-keizerslanden-2025");
  await expect(page.getByRole("region", { name: "Waar staat de ronde?" }).locator('[aria-current="step"]')).toContainText("Nazorg");
  const later = page.getByRole("region", { name: "Nu voor jou" });
  await expect(later).toContainText(/al zes weken geen nieuws/);
  await expect(page.getByRole("region", { name: "Opkomst" })).toContainText(/\d+ bewoners hebben gestemd\./);
  await expectAccessible(page);
  await later.getByRole("link", { name: "Naar de nazorg" }).click();
  await expect(page).toHaveURL(/\/organiseren\/buurtvonk-keizerslanden-2025\/nazorg$/);

  // A round that takes ideas: nothing to vote yet, so turnout says when voting begins.
  await page.goto("/organiseren/vonk-keizerslanden-2027");
  await expect(page.getByRole("region", { name: "Opkomst" })).toContainText(/Het stemmen begint op \d+ \w+ \d{4}\./);
});
