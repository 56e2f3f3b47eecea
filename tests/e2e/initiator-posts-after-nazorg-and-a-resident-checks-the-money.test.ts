import { readFile } from "node:fs/promises";
import { demo, expect, expectAccessible, personAt, test, untilLive } from "./fixtures";

// Issue 21.5, on the demo round in aftercare (db/seeds/aftercare.ts), a year on: nazorg has ended and
// the round is archived, but the initiative goes on. The initiator names a partner and posts news on
// the dashboard (spending is left to the organisers now); a resident reads it on the idea page, opens
// the round's money overview and downloads it as CSV.

const slug = "buurtvonk-keizerslanden-2025";
// The initiator writes on an idea no other journey reads news from; the money is checked on the first prize.
const idea = "Fietsenmaker-middag voor kinderen";
const winner = "Moestuin achter De Linde";
const day = 24 * 60 * 60 * 1000;
// The demo's nazorg began 60 days ago and lasts 365 days: 330 days from now the round is archived.
const aYearOn = Date.now() + 330 * day;

test("an initiator posts news after nazorg ended, and a resident checks and downloads the round's money", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const { context, page } = await personAt(browser, baseURL!, demo.bewoner, aYearOn);

  await page.goto(`/rondes/${slug}/ideeen`);
  await page.getByRole("link", { name: idea }).first().click();
  const track = page.getByRole("region", { name: "Uitvoering" });
  await expect(track).toContainText("De ronde is afgesloten, maar het initiatief gaat door.");
  await track.getByRole("link", { name: "Uitvoering bijhouden" }).click();
  await expect(page.getByText("De ronde is afgesloten. Je kunt nog steeds nieuws plaatsen")).toBeVisible();
  // The money is the organisers' now: no spending form for the initiator.
  await expect(page.getByRole("button", { name: "Uitgave toevoegen" })).toHaveCount(0);
  await untilLive(page);

  // A partner needs a role: the form says so when sent, and keeps the name.
  await page.getByLabel("Naam van de partner").fill("Woningcorporatie IJsselland");
  await page.getByRole("button", { name: "Partner toevoegen" }).click();
  await expect(page.getByText("Vul dit in.")).toBeVisible();
  await page.getByLabel("Wat doet de partner?").fill("Zorgt voor water en een schuur voor het gereedschap.");
  await page.getByRole("button", { name: "Partner toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");

  const dashboard = page.getByRole("region", { name: "Partners, gemeente en wat helpt" });
  await dashboard.getByRole("textbox", { name: "Wat helpt" }).fill("Vaste tuinders die elke zaterdag komen.");
  await dashboard.getByRole("button", { name: "Teksten opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");

  await page.getByLabel("Nieuwsbericht").fill("Een jaar later: twintig vaste tuinders en een tweede oogstfeest.");
  await page.getByRole("button", { name: "Nieuws plaatsen" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");
  await expectAccessible(page, "axe on the dashboard's edit page");
  await context.close();

  // A resident, not logged in, at the same moment.
  const resident = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  await resident.addCookies([{ name: "wv_test_now", value: String(aYearOn), url: baseURL! }]);
  const reader = await resident.newPage();
  await reader.goto(`/rondes/${slug}/wat-is-er-van-geworden`);
  await reader.getByRole("link", { name: "Geld van deze ronde: toegekend en uitgegeven" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: "Geld: toegekend en uitgegeven" })).toBeVisible();
  await expect(reader.getByText("Alle bedragen zijn incl. btw.")).toBeVisible();
  const table = reader.getByRole("table", { name: /Geld: toegekend en uitgegeven/ });
  const row = table.getByRole("row", { name: new RegExp(winner) });
  await expect(row).toContainText("3.000");
  await expect(table.getByRole("row", { name: /Totaal/ })).toBeVisible();
  await expectAccessible(reader, "axe on the money overview");
  await reader.setViewportSize({ width: 1280, height: 900 });
  await reader.screenshot({ path: testInfo.outputPath("geld-1280.png"), fullPage: true });
  await reader.setViewportSize({ width: 375, height: 800 });
  await reader.screenshot({ path: testInfo.outputPath("geld-375.png"), fullPage: true });

  const downloading = reader.waitForEvent("download");
  await reader.getByRole("link", { name: "Download als CSV (voor een spreadsheet)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`geld-${slug}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("idee_id,idee,toegekend_euro,uitgegeven_euro,over_euro,bedragen_inclusief_btw");
  expect(lines.find((l) => l.includes(winner))).toMatch(/^\d+,Moestuin achter De Linde,3000,\d+,-?\d+,ja$/);
  expect(lines.at(-1)).toMatch(/^,Totaal,\d+,\d+,-?\d+,ja$/);

  // The idea page shows the dashboard to everyone: the partner, what helps, and the news of a year on.
  await reader.setViewportSize({ width: 1280, height: 900 });
  await reader.goto(`/rondes/${slug}/ideeen`);
  await reader.getByRole("link", { name: idea }).first().click();
  const publicTrack = reader.getByRole("region", { name: "Uitvoering" });
  await expect(publicTrack).toContainText("Woningcorporatie IJsselland");
  await expect(publicTrack).toContainText("Vaste tuinders die elke zaterdag komen.");
  await expect(publicTrack).toContainText("Een jaar later: twintig vaste tuinders");
  await expect(publicTrack.getByRole("link", { name: "Uitvoering bijhouden" })).toHaveCount(0);
  await publicTrack.screenshot({ path: testInfo.outputPath("dashboard-1280.png") });
  await reader.setViewportSize({ width: 375, height: 800 });
  await publicTrack.screenshot({ path: testInfo.outputPath("dashboard-375.png") });
  await expectAccessible(reader, "axe on the idea page with its dashboard");

  // The same pages in English, axe clean too.
  await resident.addCookies([{ name: "wv_lang", value: "en", url: baseURL! }]);
  await reader.reload();
  await expect(reader.getByRole("region", { name: "Realisation" })).toContainText("What helps");
  await expectAccessible(reader, "axe on the idea page in English");
  await reader.goto(`/rondes/${slug}/geld`);
  await expect(reader.getByRole("heading", { level: 1, name: "Money: granted and spent" })).toBeVisible();
  await expectAccessible(reader, "axe on the money overview in English");
  await resident.close();
});
