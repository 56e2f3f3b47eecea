import { readFile } from "node:fs/promises";
import { demo, expect, logIn, test } from "./fixtures";
import { latestMailTo, moveClock } from "./ideas-helpers";
import { newResident } from "./account-helpers";
import { ideas, votingSlug } from "./voting-helpers";

// Issue 8: residents sign up for an idea's taakgroep on its page during the vote; the fourth sign-up
// forms the group and the members are mailed; the initiator sees only members who agreed to share
// their contact; an organiser marks the group and downloads the record as CSV.

const idea = ideas.schuur; // handed in by bewoner@keizerslanden.nl

async function openIdea(page: import("@playwright/test").Page) {
  await page.goto(`/rondes/${votingSlug}/ideeen`);
  await page.getByRole("link", { name: idea }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: idea })).toBeVisible();
}

test("four residents form a taakgroep, the initiator and an organiser see it", async ({ page }) => {
  test.setTimeout(120_000);
  const taakgroep = () => page.getByRole("region", { name: "Taakgroep" });
  const people = [
    { name: "Fleur", consent: true },
    { name: "Kees", consent: false },
    { name: "Ayla", consent: true },
    { name: "Joost", consent: true },
  ];
  const emails: string[] = [];
  for (const [i, person] of people.entries()) {
    await page.context().clearCookies();
    emails.push(await newResident(page, person.name));
    await openIdea(page);
    if (i === 0) await expect(taakgroep()).toContainText("Zoekt nog 4 mensen");
    await taakgroep().getByRole("link", { name: "Ik doe mee" }).click();
    await expect(page.getByLabel("Je naam")).toHaveValue(person.name);
    await page.getByLabel("Wat kun je doen?").fill(`${person.name} kan goed timmeren.`);
    await page.getByRole("checkbox", { name: "Praktisch werk" }).check();
    await page.getByLabel("Hoeveel tijd heb je?").fill("Een middag per maand");
    const consent = page.getByRole("checkbox", { name: /mogen mijn naam en contact zien/ });
    if (person.consent) await consent.check();
    else await consent.uncheck();
    await page.getByRole("button", { name: "Ik doe mee" }).click();
    if (i < 3) {
      await expect(page.getByRole("status")).toHaveText("Je doet mee. Dank je wel!");
      await expect(taakgroep()).toContainText(3 - i === 1 ? "Zoekt nog 1 persoon" : `Zoekt nog ${3 - i} mensen`);
    } else {
      await expect(page.getByRole("status")).toHaveText("Je doet mee. De taakgroep is nu gevormd!");
      await expect(taakgroep()).toContainText("Gevormd");
    }
    await expect(taakgroep()).toContainText("Je doet mee met deze taakgroep.");
  }

  // Every member hears that the group is formed, with the contacts of those who agreed.
  const mail = await latestMailTo(page, emails[0]!, new RegExp(`Je taakgroep is gevormd: ${idea}`));
  expect(mail).toContain(emails[2]!);
  expect(mail).not.toContain(emails[1]!);
  await latestMailTo(page, emails[1]!, /Je taakgroep is gevormd/);

  // The initiator sees the members who agreed, never Kees's contact.
  await page.context().clearCookies();
  await logIn(page, demo.bewoner);
  await openIdea(page);
  const members = taakgroep().getByRole("heading", { name: "Wie doet mee" });
  await expect(members).toBeVisible();
  await expect(taakgroep()).toContainText(emails[0]!);
  await expect(taakgroep()).toContainText(emails[3]!);
  await expect(taakgroep()).not.toContainText(emails[1]!);
  await expect(taakgroep()).toContainText("Mensen die meedoen zonder hun gegevens te delen: 1.");

  // An organiser marks the group active and downloads the record.
  await page.context().clearCookies();
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${votingSlug}`);
  await page.getByRole("link", { name: "Taakgroepen" }).click();
  await expect(page.getByRole("heading", { name: "Taakgroepen" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: idea }) });
  await expect(row).toContainText("Gevormd");
  await row.getByRole("combobox").selectOption({ label: "Actief" });
  await row.getByRole("button", { name: /Opslaan/ }).click();
  await expect(page.getByRole("status")).toHaveText("De status van de taakgroep is opgeslagen.");
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: idea }) })).toContainText("Actief");

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download alle aanmeldingen (CSV)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`taakgroepen-${votingSlug}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain("idee,titel,soort,naam,contact");
  expect(csv).toContain(emails[0]!);
  expect(csv).not.toContain(emails[1]!);
  expect(csv.split("\r\n").filter((l) => l.includes(idea)).length).toBeGreaterThanOrEqual(4);
});

test("after the vote the initiator keeps the realisation track, the organiser grants money", async ({ page }) => {
  await logIn(page, demo.bewoner);
  await moveClock(page, 20); // past the prize-giving: nazorg
  await openIdea(page);
  const track = page.getByRole("region", { name: "Uitvoering" });
  await expect(track).toContainText("Nog niet begonnen");
  await track.getByRole("link", { name: "Uitvoering bijhouden" }).click();

  await page.getByLabel("Stand van zaken").selectOption({ label: "In voorbereiding" });
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");
  await page.getByLabel("Nieuwsbericht").fill("De schuur is besteld bij de houthandel.");
  await page.getByRole("button", { name: "Nieuws plaatsen" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");
  // What was posted is on the page; the form is empty for the next message.
  await expect(page.getByLabel("Nieuwsbericht")).toHaveValue("");
  await page.getByLabel("Wat gebeurt er?").fill("Opening van de schuur");
  await page.getByLabel("Wanneer?").fill("2027-03-01");
  await page.getByRole("button", { name: "Mijlpaal toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");
  await page.getByRole("button", { name: "Klaar: Opening van de schuur" }).click();
  await expect(page.getByRole("button", { name: "Toch niet klaar: Opening van de schuur" })).toBeVisible();
  // Without a grant, an initiator cannot book spending.
  await page.getByLabel("Waaraan?").fill("Hout");
  await page.getByLabel("Bedrag in hele euro's, inclusief btw", { exact: true }).fill("400");
  await page.getByLabel("Datum").fill("2027-01-10");
  await page.getByRole("button", { name: "Uitgave toevoegen" }).click();
  await expect(page.getByText("Er is nog geen bedrag toegekend.")).toBeVisible();
  await expect(page.getByLabel("Waaraan?")).toHaveValue("Hout");

  await page.context().clearCookies();
  await logIn(page, demo.organisator);
  await moveClock(page, 20);
  await openIdea(page);
  await page.getByRole("region", { name: "Uitvoering" }).getByRole("link", { name: "Uitvoering bijhouden" }).click();
  await page.getByLabel("Toegekend bedrag in hele euro's").fill("3100");
  await page.getByRole("button", { name: "Bedrag opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");
  await page.getByLabel("Waaraan?").fill("Schuur en gereedschap");
  await page.getByLabel("Bedrag in hele euro's, inclusief btw", { exact: true }).fill("2800");
  await page.getByLabel("Datum").fill("2027-01-10");
  await page.getByRole("button", { name: "Uitgave toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitvoering is bijgewerkt.");

  // Residents see it all on the idea page.
  await page.context().clearCookies();
  await moveClock(page, 20);
  await openIdea(page);
  const publicTrack = page.getByRole("region", { name: "Uitvoering" });
  await expect(publicTrack).toContainText("In voorbereiding");
  await expect(publicTrack).toContainText("De schuur is besteld bij de houthandel.");
  await expect(publicTrack.getByRole("listitem").filter({ hasText: "Opening van de schuur" })).toContainText("klaar");
  await expect(publicTrack).toContainText("Schuur en gereedschap");
  await expect(publicTrack.getByRole("row", { name: /Over/ })).toContainText("300");
  await expect(publicTrack.getByRole("link", { name: "Uitvoering bijhouden" })).toBeHidden();
});
