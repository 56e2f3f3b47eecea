import { demo, expect, expectAccessible, logIn, test } from "./fixtures";
import { makeCountFinal } from "./results-helpers";

// The results demo (db/seeds/results.ts): a contest whose vote closed yesterday, 38 code ballots,
// three prizes. Only this test uses it, because the reveal happens once.
const slug = "buurtprijs-keizerslanden-2026";
const resultsPage = `/rondes/${slug}/uitslag`;
const DAY = 24 * 60 * 60 * 1000;

test("the organiser runs the prize ceremony, and the public results page appears", async ({ page, context, baseURL, browser }) => {
  const visitorContext = await browser.newContext({ baseURL, locale: "nl-NL" });
  const visitor = await visitorContext.newPage();

  // During the vote (three days ago) the results are secret, and the ceremony cannot start (409).
  await context.addCookies([{ name: "wv_test_now", value: String(Date.now() - 3 * DAY), url: baseURL! }]);
  await page.goto(resultsPage);
  await expect(page.getByRole("heading", { name: "De uitslag is nog geheim" })).toBeVisible();
  await expect(page.getByText("Er wordt nog gestemd.")).toBeVisible();
  await logIn(page, demo.organisator);
  const early = await page.goto(`/organiseren/${slug}/uitreiking`);
  expect(early?.status()).toBe(409);
  await expect(page.getByText(/Dit kan nu niet\. Het is nu de fase ‘Stemmen’/)).toBeVisible();
  await expectAccessible(page);

  // Voting has closed. Before the reveal a visitor still sees only that the results are coming.
  await context.addCookies([{ name: "wv_test_now", value: String(Date.now()), url: baseURL! }]);
  await visitor.goto(resultsPage);
  await expect(visitor.getByText("Het stemmen is voorbij. De uitslag wordt bekendgemaakt bij de prijsuitreiking.")).toBeVisible();
  await expect(visitor.getByText("Repair Café elke maand")).toHaveCount(0);
  expect((await visitor.request.get(`${resultsPage}.json`)).status()).toBe(404);

  // The organiser sees the turnout in the console, makes the count final, sees the totals (not yet
  // public) and starts the ceremony.
  await page.goto(`/organiseren/${slug}`);
  await page.getByRole("navigation", { name: "Onderdelen van de ronde" }).getByRole("link", { name: "Uitslag" }).click();
  await expect(page.getByRole("region", { name: "De stemming is gesloten" })).toContainText("38 bewoners");
  await expect(page.getByText("Repair Café elke maand")).toHaveCount(0);
  await makeCountFinal(page, slug);
  await expect(page.getByText("Alleen organisatoren zien deze uitslag.")).toBeVisible();
  await page.getByRole("link", { name: "Start de prijsuitreiking" }).click();
  await page.emulateMedia({ reducedMotion: "reduce" });
  const ceremony = page.getByRole("region", { name: "Buurtprijs Keizerslanden 2026" });
  await expect(ceremony.getByRole("heading", { name: "Welkom bij de prijsuitreiking" })).toBeVisible();
  await expect(page.locator(".ceremony[data-enhanced]")).toBeAttached();
  // The organisation's logo on the big screen (ADR 025), its name as the text.
  await expect(ceremony.getByRole("img", { name: "Wijkteam Keizerslanden" })).toBeVisible();
  await expectAccessible(page);

  // Space and the arrows move through it: turnout, then the prizes from the lowest to the first.
  await page.keyboard.press("Space");
  await expect(ceremony.getByText("38 bewoners")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(ceremony.getByText("Derde prijs")).toBeVisible();
  await expect(ceremony.getByText("gaat naar …")).toBeVisible();
  await expect(ceremony.getByText("Buurtbieb in de oude telefooncel")).toHaveCount(0);
  await page.keyboard.press("ArrowRight");
  await expect(ceremony.getByRole("heading", { name: "Buurtbieb in de oude telefooncel" })).toBeVisible();
  await expect(ceremony.getByText("20 stickers")).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(ceremony.getByText("gaat naar …")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(ceremony.getByText("Tweede prijs")).toBeVisible();
  // The buttons do the same.
  await ceremony.getByRole("link", { name: "Volgende" }).click();
  await expect(ceremony.getByRole("heading", { name: "Jeu-de-boulesbaan bij De Linde" })).toBeVisible();
  await expect(page).toHaveURL(/\/uitreiking\?stap=6$/);
  await page.keyboard.press("ArrowRight");
  await expect(ceremony.getByText("Eerste prijs")).toBeVisible();
  await expect(ceremony.getByText("€ 5.000")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(ceremony.getByRole("heading", { name: "Repair Café elke maand" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(ceremony.getByRole("heading", { name: "Gefeliciteerd!" })).toBeVisible();
  await expect(ceremony.getByText("Stap 9 van 9")).toBeVisible();
  await expectAccessible(page);

  // On the last slide the organiser makes the results public.
  await ceremony.getByRole("button", { name: "Maak de uitslag nu openbaar" }).click();
  await expect(ceremony.getByText("De uitslag is openbaar.")).toBeVisible();
  await expect(ceremony.getByRole("heading", { name: "Gefeliciteerd!" })).toBeVisible();

  // The public page has appeared: winners, the turnout, and why each idea did or did not win.
  await visitor.reload();
  await expect(visitor.getByRole("heading", { level: 1, name: "Uitslag van Buurtprijs Keizerslanden 2026" })).toBeVisible();
  const winners = visitor.getByRole("region", { name: "Winnaars" }).getByRole("listitem");
  await expect(winners).toHaveCount(3);
  await expect(winners.nth(0)).toContainText("Eerste prijs");
  await expect(winners.nth(0)).toContainText("Repair Café elke maand");
  await expect(winners.nth(2)).toContainText("Buurtbieb in de oude telefooncel");
  await expect(visitor.getByRole("region", { name: "Opkomst" })).toContainText("38 bewoners hebben gestemd.");
  const chart = visitor.getByRole("list", { name: "Stickers per idee" });
  await expect(chart.getByRole("listitem")).toHaveCount(6);
  await expect(chart.getByRole("listitem").first()).toContainText("23 stickers");
  await expect(
    visitor.getByText("Evenveel stickers als het idee op plaats 4. Dit idee ging voor, omdat meer bewoners er een sticker op plakten."),
  ).toBeVisible();
  await expect(visitor.getByText(/^De code van de loting is [2-9A-Z]{5}-[2-9A-Z]{5}\.$/)).toBeVisible();
  await expectAccessible(visitor);

  // The same results as open data, at the stable URL.
  const json = await (await visitor.request.get(`${resultsPage}.json`)).json();
  expect(json.version).toBe(1);
  expect(json.turnout.total).toBe(38);
  expect(json.ideas.slice(0, 3).map((idea: { title: string; prize: { position: number } }) => [idea.title, idea.prize.position])).toEqual([
    ["Repair Café elke maand", 1],
    ["Jeu-de-boulesbaan bij De Linde", 2],
    ["Buurtbieb in de oude telefooncel", 3],
  ]);

  // The contest page links to the results.
  await visitor.goto(`/rondes/${slug}`);
  await visitor.getByRole("link", { name: "Bekijk de uitslag" }).click();
  await expect(visitor).toHaveURL(new RegExp(`${resultsPage}$`));
  await visitorContext.close();

  // The organiser can now download the open data.
  await page.goto(`/organiseren/${slug}/uitslag`);
  await expect(page.getByText(/De uitslag is openbaar sinds/)).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hele ronde (Pabulib .pb)" }).click();
  const pb = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(pb!, "utf8");
  expect(text).toMatch(/^META\nkey;value\ndescription;Buurtprijs Keizerslanden 2026\n/);
  expect(text).toContain("vote_type;cumulative");
});
