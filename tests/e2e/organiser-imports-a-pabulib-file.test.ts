import { fileURLToPath } from "node:url";
import { demo, expect, expectAccessible, logIn, test } from "./fixtures";

// An organiser takes over a past round from a Pabulib file (issue 7). A real Amsterdam file whose
// budget is divided per theme is refused with the reason in the reader's language (archived rounds
// cannot show budget parts yet, issue 22); a file with a ballot that names an idea twice is taken over, and its results page
// says so.
const OUD_OOST = fileURLToPath(new URL("../fixtures/pabulib/Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb", import.meta.url));

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

test("the organiser imports a Pabulib file: parts are refused, a doubled vote is pointed out", async ({ page, baseURL }) => {
  await logIn(page, demo.organisator);
  await page.goto("/organiseren/importeren");

  await page.getByLabel("Bestand van de oude ronde").setInputFiles(OUD_OOST);
  await page.getByRole("button", { name: "Ronde overnemen" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Dit bestand kunnen we niet overnemen. In het bestand is het budget verdeeld over thema's: Meer groen in de buurt € 90.610, Kindvriendelijke buurt € 57.312, Kinder- en jongerenactiviteiten € 71.364, Klimaat en duurzaamheid € 80.715. Een overgenomen ronde kan een budget in delen nog niet laten zien, en zonder de delen zou de pagina de uitslag verkeerd uitleggen. Daarom hebben we niets overgenomen.",
  );
  await expectAccessible(page);
  // The same refusal in English, for an organiser who reads the site in English.
  await page.context().addCookies([{ name: "wv_lang", value: "en", url: baseURL! }]);
  await page.goto("/organiseren/importeren");
  await page.getByLabel("File of the earlier round").setInputFiles(OUD_OOST);
  await page.getByRole("button", { name: "Import round" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "We cannot import this file. In the file the budget is divided over themes: Meer groen in de buurt €90,610,",
  );
  await expect(page.getByRole("alert")).toContainText("An imported round cannot show a budget in parts yet");
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
