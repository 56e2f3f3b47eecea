import { fileURLToPath } from "node:url";
import { demo, expect, expectAccessible, logIn, test } from "./fixtures";

// An organiser takes over a past round from a Pabulib file (issue 7). A real Amsterdam file whose budget
// is divided per neighbourhood (Centrum 2020) is taken over with its parts, and its results page shows the
// official winners per part as a live round with parts does (issue 22, ADR 026); a file whose parts add up to
// more than its budget is refused with the reason in the reader's language; a file with a ballot that names
// an idea twice is taken over, and its results page says so.
const OUD_OOST = fileURLToPath(new URL("../fixtures/pabulib/Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb", import.meta.url));
const CENTRUM = fileURLToPath(new URL("../fixtures/pabulib/Netherlands_Amsterdam_2020_Centrum.pb", import.meta.url));

// Hand-made: three ideas, three voters; voter b named idea 2 twice. The votes column counts it twice,
// as Amsterdam's official counts do.
const WITH_A_DUPLICATE = [
  "META",
  "key;value",
  "description;Buurtbudget Dubbel Geteld",
  "country;Netherlands",
  "unit;Deventer",
  "instance;2021",
  "budget;1000",
  "vote_type;approval",
  "rule;greedy",
  "PROJECTS",
  "project_id;cost;votes;name;selected",
  "1;600;2;Bankjes in het park;1",
  "2;500;3;Moestuin bij school;0",
  "3;300;1;Buurtfeest;1",
  "VOTES",
  "voter_id;vote",
  "a;1,2",
  "b;2,2,1",
  "c;3",
  "",
].join("\n");

test("the organiser imports Pabulib files: parts over the budget are refused, a doubled vote is pointed out", async ({ page, baseURL }) => {
  const { readFile } = await import("node:fs/promises");
  const overBudget = (await readFile(OUD_OOST, "utf8")).replace(/^budget_per_category;.*$/m, "budget_per_category;190610,57312,71364,80715");
  await logIn(page, demo.organisator);
  await page.goto("/organiseren/importeren");

  await page.getByLabel("Bestand van de oude ronde").setInputFiles({ name: "oud-oost.pb", mimeType: "text/plain", buffer: Buffer.from(overBudget) });
  await page.getByRole("button", { name: "Ronde overnemen" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Dit bestand kunnen we niet overnemen. Het budget is verdeeld in delen: Meer groen in de buurt € 190.610, Kindvriendelijke buurt € 57.312, Kinder- en jongerenactiviteiten € 71.364, Klimaat en duurzaamheid € 80.715. Samen is dat € 400.001. Dat is meer dan het budget van € 300.000. Daarom hebben we niets overgenomen.",
  );
  await expectAccessible(page);
  // The same refusal in English, for an organiser who reads the site in English.
  await page.context().addCookies([{ name: "wv_lang", value: "en", url: baseURL! }]);
  await page.goto("/organiseren/importeren");
  await page.getByLabel("File of the earlier round").setInputFiles({ name: "oud-oost.pb", mimeType: "text/plain", buffer: Buffer.from(overBudget) });
  await page.getByRole("button", { name: "Import round" }).click();
  await expect(page.getByRole("alert")).toContainText("We cannot import this file. The budget is divided into parts: Meer groen in de buurt €190,610,");
  await expect(page.getByRole("alert")).toContainText("Together that is €400,001, more than the budget of €300,000. So nothing was imported.");
  await page.context().addCookies([{ name: "wv_lang", value: "nl", url: baseURL! }]);
  await page.goto("/organiseren/importeren");

  await page.getByLabel("Bestand van de oude ronde").setInputFiles({ name: "dubbel.pb", mimeType: "text/plain", buffer: Buffer.from(WITH_A_DUPLICATE) });
  await page.getByRole("button", { name: "Ronde overnemen" }).click();
  await expect(page).toHaveURL(/\/rondes\/buurtbudget-dubbel-geteld[^/]*\/uitslag$/);
  await expect(page.getByText("Op 1 stembiljet in het bestand staat een idee twee keer. Wij tellen dat als één stem.")).toBeVisible();
  await expectAccessible(page);
  const json = await page.request.get(`${new URL(page.url()).pathname}.json`);
  expect(await json.json()).toMatchObject({ archived: true, duplicateBallots: 1 });
});

// Centrum 2020 has 85 projects: a page long enough that it gets a test of its own.
test("the organiser takes over Centrum 2020, divided over three neighbourhoods, and sees the official winners per part", async ({
  page,
  baseURL,
}, testInfo) => {
  // Axe twice and two full-page screenshots of an 85-project page: slow on a shared machine.
  test.setTimeout(90_000);
  await logIn(page, demo.organisator);
  await page.goto("/organiseren/importeren");
  // Centrum 2020, divided over three neighbourhoods: taken over with its parts.
  await page.getByLabel("Bestand van de oude ronde").setInputFiles(CENTRUM);
  await page.getByRole("button", { name: "Ronde overnemen" }).click();
  await expect(page).toHaveURL(/\/rondes\/centrum-begroot[^/]*\/uitslag$/);
  const parts = page.getByRole("region", { name: "Per deel van het budget" });
  const part = (name: string) => parts.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await expect(part("Oostelijke Eilanden")).toContainText(/€\s138\.100 van €\s150\.000 verdeeld binnen dit deel/);
  await expect(part("Oostelijke Eilanden")).toContainText("Drijvende Tuinen Oostelijke Eilanden");
  await expect(part("Haarlemmerhouttuinen")).toContainText(/€\s85\.500 van €\s100\.000/);
  await expect(part("Haarlemmerhouttuinen")).toContainText("Plantenbakken in Mouthaansteeg");
  await expect(part("Other")).toContainText(/€\s232\.700 van €\s250\.000/);
  await expect(part("Other")).toContainText("2020: 20 groene parkjes in het Centrum erbij!");
  // A project of Other that Amsterdam did not fund is in no block.
  await expect(parts).not.toContainText("Een groene oase in de stad");
  await expect(parts).not.toContainText("uit wat de delen over hielden");
  const rule = page.getByRole("region", { name: "Zo zijn de winnaars gekozen" });
  await expect(rule).toContainText(
    "In elk deel kregen de ideeën met de meeste stemmen om de beurt hun geld uit dat deel, tot er een idee kwam dat niet meer paste.",
  );
  await expect(rule).toContainText("Wat de delen over hielden, werd niet verdeeld.");
  await expect(rule).toContainText(/De delen hielden samen €\s43\.700 (incl\. btw )?over\.\s*Dat geld blijft over\./);
  const ideas = page.getByRole("region", { name: "De ideeën en de officiële uitslag" });
  await expect(ideas.getByRole("listitem").filter({ hasText: "Drijvende Tuinen Oostelijke Eilanden" }).first()).toContainText(
    "Dit idee hoort bij Oostelijke Eilanden.",
  );
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("archief-delen-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("archief-delen-375.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 900 });
  // In English, per part the same.
  const centrumPath = new URL(page.url()).pathname;
  await page.context().addCookies([{ name: "wv_lang", value: "en", url: baseURL! }]);
  await page.reload();
  const partsInEnglish = page.getByRole("region", { name: "Per part of the budget" });
  await expect(partsInEnglish).toContainText(/€138,100 of €150,000 shared out within this part/);
  await expect(page.getByRole("region", { name: /How the winners were chosen/ })).toContainText(
    "the ideas with the most votes got their money from that part in turn",
  );
  await expectAccessible(page);
  await page.context().addCookies([{ name: "wv_lang", value: "nl", url: baseURL! }]);
  // The open data carries the parts and each idea's part.
  const centrumJson = await (await page.request.get(`${centrumPath}.json`)).json();
  expect(centrumJson.parts).toEqual({
    kind: "buurt",
    leftover: "unspent",
    parts: [
      { name: "Oostelijke Eilanden", budget: 150000 },
      { name: "Haarlemmerhouttuinen", budget: 100000 },
      { name: "Other", budget: 250000 },
    ],
  });
  expect(centrumJson.ideas.find((i: { sourceId: string }) => i.sourceId === "35352")).toMatchObject({ part: "Oostelijke Eilanden", selected: 1 });
});
