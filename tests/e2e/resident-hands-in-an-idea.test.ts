import { expect, expectAccessible, test, uniqueEmail } from "./fixtures";
import { latestMailTo, photoFile, vonk } from "./ideas-helpers";

test("a resident hands in an idea with a photo without an account, confirms it by email, edits it and finds it in the list", async ({ page }) => {
  const email = uniqueEmail("idee");
  const title = `Bloembakken op het plein ${Date.now() % 100000}`;

  await page.goto(`/rondes/${vonk}/ideeen`);
  await page.getByRole("link", { name: "Dien je idee in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dien je idee in" })).toBeVisible();
  await expect(page.getByText("Je hebt nog geen account nodig.")).toBeVisible();

  // Handing in too early shows what is missing, beside the fields.
  await page.getByRole("button", { name: "Idee indienen" }).click();
  await expect(page.getByText("Geef je idee een titel.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Korte samenvatting").fill("Zes grote bloembakken maken het plein groener.");
  await page.getByLabel("Beschrijving").fill("Het plein is grijs. <script>alert('x')</script> Met bloembakken wordt het mooier en komen er bijen.");
  await page.getByLabel("Soort idee").selectOption({ label: "Groen en natuur" });
  await page.getByLabel("Buurt", { exact: true }).selectOption({ label: "Keizerslanden-Midden" });
  await page.getByLabel("Wat kost het, in euro's?").fill("2.400");
  await page.getByLabel("Foto toevoegen (niet verplicht)").setInputFiles(await photoFile());
  await page.getByLabel("Wat staat er op de foto?").fill("Een grijs plein met tegels.");
  await page.getByRole("button", { name: "Idee indienen" }).click();

  // The account is made at the end.
  await expect(page.getByRole("heading", { name: "Nog één stap: je account" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Naam").fill("Ilse");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("bloemen op het plein");
  await page.getByLabel("Postcode").fill("7416 AB");
  await page.getByRole("button", { name: "Account maken en indienen" }).click();
  await expect(page.getByRole("status")).toContainText("Je idee is ingediend.");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Bevestig je e-mailadres met de link in je mail.")).toBeVisible();
  // Typed HTML stays text.
  await expect(page.getByText("<script>alert('x')</script>", { exact: false })).toBeVisible();
  await expect(page.getByRole("img", { name: "Een grijs plein met tegels." })).toBeVisible();
  await expectAccessible(page);

  // The confirmation mail, with the link that puts the idea in the list.
  const mail = await latestMailTo(page, email, new RegExp(`Je idee is ingediend: ${title}`));
  const confirm = mail.match(/https?:\/\/\S+\/ideeen\/bevestigen\?token=\S+/)?.[0];
  expect(confirm).toBeTruthy();
  await page.goto(confirm!);
  await page.getByRole("button", { name: "Bevestig mijn e-mailadres" }).click();
  await expect(page.getByRole("status")).toHaveText("Dank je! Je e-mailadres is bevestigd. Je idee staat nu in de lijst.");

  // Editing until the deadline.
  await page.getByRole("link", { name: "Idee bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Idee bewerken" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Een grijs plein met tegels." })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Titel").fill(`${title} en bankjes`);
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Je wijzigingen zijn opgeslagen.");
  await expect(page.getByRole("heading", { level: 1, name: `${title} en bankjes` })).toBeVisible();

  // And in the list, found by searching.
  await page.getByRole("link", { name: "Ideeën", exact: true }).click();
  await page.getByRole("searchbox", { name: "Zoek" }).fill("bloembakken plein");
  await page.getByRole("button", { name: "Toon ideeën" }).click();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `${title} en bankjes` }) });
  await expect(card).toBeVisible();
  await expect(card.getByText("€ 2.400")).toBeVisible();
  await expect(card.getByText("Keizerslanden-Midden")).toBeVisible();
  await expect(card.getByRole("img", { name: "Een grijs plein met tegels." })).toBeVisible();
});
