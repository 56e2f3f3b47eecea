import sharp from "sharp";
import { demo, expect, expectAccessible, logIn, test } from "./fixtures";

// A schedule far in the future, so the test moves the clock instead of waiting for it.
const plan: [phase: string, start: string, end: string][] = [
  ["Aankondiging", "2030-03-01T09:00", "2030-03-08T09:00"],
  ["Ideeën indienen", "2030-03-08T09:00", "2030-03-22T17:00"],
  ["Juryselectie", "2030-03-22T17:00", "2030-03-29T17:00"],
  ["Uitwerken", "2030-03-29T17:00", "2030-04-12T17:00"],
  ["Stemmen", "2030-04-12T17:00", "2030-04-19T20:00"],
  ["Prijsuitreiking", "2030-04-19T20:00", "2030-04-26T20:00"],
  ["Nazorg", "2030-04-26T20:00", "2030-10-01T09:00"],
];

test("an organiser sets up a contest, publishes it and sees it move through its phases", async ({ page, context, baseURL }) => {
  const title = `Speelplekken Keizerslanden ${Date.now()}`;
  await logIn(page, demo.organisator);
  await page.goto("/organiseren");
  await page.getByRole("link", { name: "Nieuwe ronde" }).click();
  await expectAccessible(page);
  await page.getByLabel("Naam van de ronde").fill(title);
  await page.getByLabel("Budget in euro's").fill("12.500");
  await page.getByRole("button", { name: "Ronde aanmaken" }).click();
  await expect(page.getByRole("status")).toHaveText("De ronde is aangemaakt. Vul nu de instellingen in.");
  const consoleUrl = page.url().replace(/\/instellingen$/, "");

  await page.getByRole("checkbox", { name: "Keizerslanden" }).check();
  await page.getByLabel("Naam van prijs 1").fill("Eerste prijs");
  await page.getByLabel("Bedrag van prijs 1 in euro's").fill("5000");
  await page.getByLabel("Stickers per bewoner").fill("3");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("De instellingen zijn opgeslagen.");

  // A picture: something that is not an image is refused beside the field; a photo is kept.
  await page.getByLabel("Kies een foto").setInputFiles({ name: "plan.txt", mimeType: "image/png", buffer: Buffer.from("geen plaatje") });
  await page.getByLabel("Wat staat er op de foto?").fill("Kinderen op het speelveld");
  await page.getByRole("button", { name: "Afbeelding opslaan" }).click();
  await expect(page.getByLabel("Kies een foto")).toHaveAccessibleDescription(/geen foto|not a photo|JPEG/i);
  const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#2b7a3d" } })
    .jpeg()
    .toBuffer();
  await page.getByLabel("Kies een foto").setInputFiles({ name: "speelveld.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByLabel("Wat staat er op de foto?").fill("Kinderen op het speelveld");
  await page.getByRole("button", { name: "Afbeelding opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De afbeelding is opgeslagen.");
  await expect(page.getByRole("img", { name: "Kinderen op het speelveld" })).toBeVisible();

  await page.getByRole("link", { name: "Planning" }).click();
  // An end before the start is refused beside the field.
  await page.getByLabel("Aankondiging: Begin").fill("2030-03-01T09:00");
  await page.getByLabel("Aankondiging: Einde").fill("2030-02-01T09:00");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByLabel("Aankondiging: Einde")).toHaveAccessibleDescription("Het einde moet na het begin liggen.");
  for (const [phase, start, end] of plan) {
    await page.getByLabel(`${phase}: Begin`).fill(start);
    await page.getByLabel(`${phase}: Einde`).fill(end);
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("De planning is opgeslagen.");

  await page.getByRole("link", { name: "Overzicht" }).click();
  await page.getByRole("button", { name: "Ronde publiceren" }).click();
  await expect(page.getByRole("status")).toHaveText("De ronde is gepubliceerd.");

  const at = async (moment: string) => {
    await context.addCookies([{ name: "wv_test_now", value: String(Date.parse(moment)), url: baseURL! }]);
    await page.goto(consoleUrl);
  };
  // The overview's timeline marks the running phase (issue 18.8); before the announcement none runs yet.
  const where = page.getByRole("region", { name: "Waar staat de ronde?" });
  const running = where.locator('[aria-current="step"]');
  await at("2030-02-20T12:00:00+01:00");
  await expect(running).toHaveCount(0);
  await expect(where).toContainText("Aankondiging begint op 1 maart 2030, 09:00");
  await at("2030-03-10T12:00:00+01:00");
  await expect(running).toContainText("Ideeën indienen");
  await expect(page.getByText("22 maart 2030, 17:00")).toBeVisible();

  // Extending the submission phase moves what follows, with the reason in the log.
  await page.getByRole("link", { name: "Planning" }).click();
  await page.getByLabel("Wat wil je doen?").selectOption("extend");
  await page.getByLabel("Welke fase?").selectOption("indienen");
  await page.getByLabel("Nieuw einde").fill("2030-03-25T17:00");
  await page.getByLabel("Reden").fill("De basisscholen doen ook mee");
  await page.getByRole("button", { name: "Aanpassing opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De planning is aangepast.");

  // The public page shows the picture.
  await page.goto(consoleUrl.replace("/organiseren/", "/rondes/"));
  await expect(page.getByRole("img", { name: "Kinderen op het speelveld" })).toBeVisible();

  await at("2030-04-16T12:00:00+02:00");
  await expect(running).toContainText("Stemmen");

  // Once voting runs the rules are fixed: the form says so, and a crafted post is refused.
  await page.getByRole("link", { name: "Instellingen" }).click();
  await expect(page.getByText("Het stemmen is begonnen.")).toBeVisible();
  await expect(page.getByLabel("Stickers per bewoner")).toHaveCount(0);
  const crafted = await page.request.post(`${consoleUrl}/instellingen`, {
    form: { title, intro: "", minTaakgroepSize: "4", votesPerResident: "5" },
  });
  expect(crafted.status()).toBe(409);

  await page.getByRole("link", { name: "Logboek" }).click();
  // Issue 18.9: each entry is a sentence; the raw record is folded away under "Details".
  for (const line of [
    /maakte de ronde ‘.+’ aan, met een budget van/,
    /veranderde de instellingen: /,
    /koos een nieuwe foto voor de ronde\./,
    /legde de planning vast\./,
    /publiceerde de ronde\./,
    /verlengde de fase ‘Ideeën indienen’ tot \d+ \w+ \d{4}, \d\d:\d\d\./,
  ]) {
    await expect(page.getByRole("heading", { name: line })).toBeVisible();
  }
  await expect(page.getByRole("main")).not.toContainText(/idea:\d|inputsHash|supporterIds/);
  const details = page.locator("details").filter({ hasText: "budgetEuros" }).first();
  await expect(details.getByRole("table")).toBeHidden();
  await details.getByText("Details").click();
  await expect(details.getByRole("table")).toBeVisible();
  await expect(page.getByText("Reden: De basisscholen doen ook mee")).toBeVisible();
});

test("an organiser of one organisation cannot open the console of another's contest", async ({ page }) => {
  await logIn(page, "organisator@assen.nl");
  const response = await page.goto("/organiseren/vonk-keizerslanden-2027/instellingen");
  expect(response?.status()).toBe(403);
});
