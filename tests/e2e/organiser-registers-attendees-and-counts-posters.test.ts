import { demo, expect, logIn, test } from "./fixtures";
import { ideas, sticker, votePage, votingSlug, waitForEnhancedBallot } from "./voting-helpers";

const console = `/organiseren/${votingSlug}/stemmen`;

test("at the keuzebijeenkomst the desk registers an attendee once, and sees an online voter has voted", async ({ page }) => {
  await logIn(page, demo.organisator);
  await page.goto(console);
  await page.getByRole("link", { name: "Inschrijven bij de keuzebijeenkomst" }).click();
  const byName = page.getByRole("form", { name: "Met naam en postcode" });
  const name = `Truus ${Date.now()}`;
  await byName.getByLabel("Naam").fill(name);
  await byName.getByLabel("Postcode").fill("7416 ab");
  await byName.getByRole("button", { name: "Opzoeken" }).click();
  await page.getByRole("button", { name: "Inschrijven en stickers geven" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ingeschreven. Geef 3 stickers." })).toBeVisible();

  // The same person again (spelled a little differently): the database refuses a second set of stickers.
  await byName.getByLabel("Naam").fill(`  ${name.toLowerCase()} `);
  await byName.getByLabel("Postcode").fill("7416AB");
  await byName.getByRole("button", { name: "Opzoeken" }).click();
  await expect(page.getByText("Op deze postcode stemden al:")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `${name} (bij de keuzebijeenkomst)` })).toBeVisible();
  await page.getByRole("button", { name: "Inschrijven en stickers geven" }).click();
  await expect(page.getByRole("alert")).toHaveText("Heeft al gestemd (bij de keuzebijeenkomst).");

  // An account that voted online is "heeft al gestemd" at the desk (the organiser lives in the wijk too).
  await page.goto(votePage);
  await waitForEnhancedBallot(page);
  await sticker(page, ideas.bomen).check();
  await page.getByRole("button", { name: /bevestigen/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /Je stem is opgeslagen|Je stickers zijn verplaatst/ })).toBeVisible();
  await page.goto(`${console}/balie`);
  const byAccount = page.getByRole("form", { name: "Met het e-mailadres van een account" });
  await byAccount.getByLabel("E-mailadres").fill(demo.organisator);
  await byAccount.getByRole("button", { name: "Opzoeken" }).click();
  await expect(page.getByText("Heeft al gestemd", { exact: true })).toBeVisible();
  await expect(page.getByText("(online)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Inschrijven en stickers geven" })).toHaveCount(0);

  // Outside the area: no stickers.
  await byName.getByLabel("Naam").fill("Kees");
  await byName.getByLabel("Postcode").fill("9401 AA");
  await byName.getByRole("button", { name: "Opzoeken" }).click();
  await expect(page.getByText("Deze postcode ligt niet in het gebied van de ronde.")).toBeVisible();
});

test("two organisers count the posters; a difference is resolved before the counts count", async ({ page, browser }) => {
  const enter = async (p: typeof page, counts: number[]) => {
    await p.goto(`${console}/posters`);
    const titles = [ideas.bloemen, ideas.bomen, ideas.regen, ideas.speelplek, ideas.schuur];
    for (const [i, title] of titles.entries()) await p.getByLabel(`Stickers op ‘${title}’`).first().fill(String(counts[i]));
    await p.getByRole("button", { name: "Telling opslaan" }).click();
    await expect(p.getByRole("status").filter({ hasText: "Je telling is opgeslagen." })).toBeVisible();
  };
  await logIn(page, demo.organisator);
  await enter(page, [12, 7, 3, 9, 0]);
  await expect(page.getByText("Wacht op de tweede telling.")).toBeVisible();

  const second = await browser.newPage();
  await logIn(second, demo.beheerder);
  await enter(second, [12, 7, 4, 9, 0]);
  const row = second.getByRole("row").filter({ hasText: ideas.regen });
  await expect(row).toContainText("Verschil");
  await expect(second.getByText("De tellingen kloppen.")).toHaveCount(0);
  const resolve = second.getByRole("form", { name: `Oplossen: ${ideas.regen}` });
  await resolve.getByLabel(`Stickers op ‘${ideas.regen}’`).fill("4");
  await resolve.getByLabel("Waarom dit aantal?").fill("Samen opnieuw geteld");
  await resolve.getByRole("button", { name: "Oplossen" }).click();
  await expect(second.getByRole("status").filter({ hasText: "Het verschil is opgelost." })).toBeVisible();
  await expect(second.getByText("De tellingen kloppen. Ze tellen mee in de uitslag.")).toBeVisible();
  await second.close();
});
