import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, logIn, personAt, test } from "./fixtures";
import { duringJury, seedJuryWorld, type JuryWorld } from "./jury-helpers";

// Three jurors score (one of them invited through the console and the emailed link), one declares
// a conflict of interest, the chair shortlists with a motivation for every idea, and every indiener
// gets the outcome by email and on their idea page.

/** Scores the idea open on the page: the same score on every criterion, then "Opslaan en volgende". */
async function scoreIdea(page: Page, title: string, score: number) {
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  const groups = page.locator("fieldset.score-scale");
  const count = await groups.count();
  expect(count).toBe(5);
  for (let i = 0; i < count; i++)
    await groups
      .nth(i)
      .getByRole("radio", { name: new RegExp(`^${score}\\b`) })
      .check();
  await page.getByRole("button", { name: "Opslaan en volgende" }).click();
  await expect(page.getByRole("status")).toHaveText("Je scores zijn opgeslagen.");
}

test("three jurors score, one declares a conflict, the chair shortlists and the indieners hear why", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const world: JuryWorld = seedJuryWorld();
  const [bloembakken, boules, kastje] = world.ideas;
  await page.context().addCookies([{ name: "wv_test_now", value: String(duringJury), url: baseURL! }]);

  // The organiser invites a third juror from the console's Jury tab.
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${world.slug}`);
  await page.getByRole("link", { name: "Jury", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Waar let de jury op?" })).toBeVisible();
  await expect(page.getByText("De jury is begonnen. De punten en gewichten liggen nu vast.")).toBeVisible();
  await page.getByLabel("E-mailadres").fill(world.jurors.invited);
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toHaveText(`De uitnodiging is verstuurd naar ${world.jurors.invited}.`);
  await expect(page.getByRole("listitem").filter({ hasText: world.jurors.invited })).toContainText("uitgenodigd op");

  // She accepts with the link in the email, logged in with the invited address.
  const invited = await personAt(browser, baseURL!, world.jurors.invited, duringJury);
  await invited.page.goto("/dev/mail");
  const mail = invited.page
    .getByRole("listitem")
    .filter({ hasText: world.jurors.invited })
    .filter({ hasText: `Uitnodiging: jury van ${world.title}` });
  const link = (await mail.locator("pre").innerText()).match(/https?:\/\/\S+\/jury\/uitnodiging\?token=\S+/)![0];
  await invited.page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expectAccessible(invited.page);
  await invited.page.getByRole("button", { name: "Ik doe mee in de jury" }).click();
  await expect(invited.page.getByRole("status")).toHaveText("Welkom in de jury!");
  await expect(invited.page.getByText("Je hebt 0 van de 3 ideeën beoordeeld.")).toBeVisible();

  // Juror 1 (the invited one) scores all three ideas, one after the other.
  await invited.page.getByRole("link", { name: bloembakken!.title, exact: true }).click();
  await expectAccessible(invited.page);
  await scoreIdea(invited.page, bloembakken!.title, 5);
  await scoreIdea(invited.page, boules!.title, 3);
  await scoreIdea(invited.page, kastje!.title, 2);
  await expect(invited.page.getByText("Je hebt 3 van de 3 ideeën beoordeeld.")).toBeVisible();
  await expect(invited.page.getByText("Je bent klaar.")).toBeVisible();

  // Juror 2 knows the indiener of the jeu de boules plan: a conflict, then the other two.
  const second = await personAt(browser, baseURL!, world.jurors.second, duringJury);
  await second.page.goto(`/jury/${world.slug}`);
  await expect(second.page.getByText("De scores van de andere juryleden zie je als je zelf alle ideeën hebt beoordeeld.")).toBeVisible();
  await second.page.getByRole("link", { name: boules!.title, exact: true }).click();
  await second.page.getByText("Ken je de indiener?").click();
  await second.page.getByLabel("Wat is je belang? (mag je leeg laten)").fill("Bert is mijn zwager.");
  await second.page.getByLabel("Ik heb een belang bij dit idee en beoordeel het niet.").check();
  await expectAccessible(second.page);
  await second.page.getByRole("button", { name: "Belang melden" }).click();
  await expect(second.page.getByRole("status")).toHaveText("Je belang is gemeld. Dit idee staat niet meer op je lijst om te beoordelen.");
  await expect(second.page.getByText("Je hebt 0 van de 2 ideeën beoordeeld.")).toBeVisible();
  await second.page.getByRole("link", { name: bloembakken!.title, exact: true }).click();
  await scoreIdea(second.page, bloembakken!.title, 4);
  await scoreIdea(second.page, kastje!.title, 2);
  await expect(second.page.getByText("Je hebt 2 van de 2 ideeën beoordeeld.")).toBeVisible();
  await expect(second.page.getByText("Gemiddelde van de jury: 4,5 (juryleden: 2)")).toBeVisible();

  // The chair cannot see the overview before finishing; then scores, sees it, and decides.
  const chair = await personAt(browser, baseURL!, world.jurors.chair, duringJury);
  await chair.page.goto(`/jury/${world.slug}/overzicht`);
  await expect(chair.page.getByText("Je ziet het overzicht als je zelf alle ideeën hebt beoordeeld.")).toBeVisible();
  await chair.page.getByRole("link", { name: "Beoordelen" }).first().click();
  await chair.page.getByRole("link", { name: bloembakken!.title, exact: true }).click();
  await scoreIdea(chair.page, bloembakken!.title, 4);
  await scoreIdea(chair.page, boules!.title, 4);
  await scoreIdea(chair.page, kastje!.title, 1);

  await chair.page.getByRole("link", { name: "Overzicht" }).click();
  await expectAccessible(chair.page);
  const table = chair.page.getByRole("table");
  const row = (title: string) => table.getByRole("row").filter({ has: chair.page.getByRole("rowheader", { name: title }) });
  // Bloembakken: 5, 4, 4 → 4,3 from three jurors; the boules plan: 3 and 4 from two (one conflict).
  await expect(row(bloembakken!.title)).toContainText("4,3");
  await expect(row(boules!.title)).toContainText("1 belang");
  await expect(row(boules!.title).getByRole("cell").nth(3)).toHaveText("2 · 1 belang");
  await expect(chair.page.getByRole("figure")).toContainText(bloembakken!.title);
  // Sortable without JavaScript: by spread, biggest disagreement first.
  await chair.page.getByRole("link", { name: "Sorteer op Verschil" }).click();
  await expect(chair.page.getByRole("columnheader", { name: /Verschil/ })).toHaveAttribute("aria-sort", "descending");

  await chair.page.getByRole("link", { name: "Besluit" }).click();
  await expect(chair.page.getByText("Er kunnen hoogstens 1 ideeën door.")).toBeVisible();
  const decide = async (title: string, outcome: "Ja, gaat door" | "Nee, gaat niet door", motivation: string) => {
    const group = chair.page.getByRole("group", { name: `Gaat ‘${title}’ door?` });
    await group.getByRole("radio", { name: outcome }).check();
    await group.getByLabel("Waarom? (de indiener leest dit)").fill(motivation);
  };
  // Two "yes" where only one may go on: refused beside the form.
  await decide(bloembakken!.title, "Ja, gaat door", "Veel buren doen mee en het past ruim in het budget.");
  await decide(boules!.title, "Ja, gaat door", "Een mooie plek om elkaar te ontmoeten.");
  await chair.page.getByRole("button", { name: "Opslaan" }).click();
  await expect(chair.page.getByRole("alert")).toContainText("Er gaan meer ideeën door dan het maximum.");
  await decide(boules!.title, "Nee, gaat niet door", "Een mooie plek, maar de grond is van de gemeente en nog niet vrij.");
  await decide(kastje!.title, "Nee, gaat niet door", "Er staat al een kastje om de hoek, bij de bakker.");
  await expectAccessible(chair.page);
  await chair.page.getByRole("button", { name: "Besluit afronden en indieners mailen" }).click();
  await expect(chair.page.getByRole("status")).toHaveText("Het besluit is afgerond. De indieners krijgen een e-mail.");
  await expect(chair.page.getByRole("heading", { name: "Het besluit is genomen" })).toBeVisible();

  // Every indiener has an email with the outcome and the jury's motivation.
  await chair.page.goto("/dev/mail");
  const mailTo = (email: string) => chair.page.getByRole("listitem").filter({ hasText: email });
  await expect(mailTo(bloembakken!.indiener).getByRole("heading", { name: `Je idee ‘${bloembakken!.title}’ gaat door` })).toBeVisible();
  await expect(mailTo(bloembakken!.indiener)).toContainText("Veel buren doen mee en het past ruim in het budget.");
  await expect(mailTo(boules!.indiener).getByRole("heading", { name: `Het besluit van de jury over je idee ‘${boules!.title}’` })).toBeVisible();
  await expect(mailTo(boules!.indiener)).toContainText("de grond is van de gemeente");
  await expect(mailTo(boules!.indiener)).toContainText("Je idee hoeft hier niet te stoppen.");
  await expect(mailTo(kastje!.indiener)).toContainText("Er staat al een kastje om de hoek");

  // The indiener of a plan that does not go on reads the answer and the aftercare offer on the idea page.
  const ideaLink = (await mailTo(boules!.indiener).locator("pre").innerText()).match(/https?:\/\/\S+\/rondes\/\S+\/ideeen\/\d+/)![0];
  const indiener = await personAt(browser, baseURL!, boules!.indiener, duringJury);
  await indiener.page.goto(ideaLink.replace(/^https?:\/\/[^/]+/, ""));
  const answer = indiener.page.getByRole("region", { name: "Het besluit van de jury" });
  await expect(answer).toContainText("Gaat niet door");
  await expect(answer).toContainText("de grond is van de gemeente en nog niet vrij");
  await expect(answer.getByRole("heading", { name: "Hoe kan je idee toch verder?" })).toBeVisible();
  await expectAccessible(indiener.page);
  // A visitor sees the outcome, not the jury's motivation (that is for the indiener).
  const visitor = await browser.newContext({ baseURL: baseURL!, locale: "nl-NL" });
  await visitor.addCookies([{ name: "wv_test_now", value: String(duringJury), url: baseURL! }]);
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(ideaLink.replace(/^https?:\/\/[^/]+/, ""));
  await expect(visitorPage.getByRole("region", { name: "Het besluit van de jury" })).toContainText("Gaat niet door");
  await expect(visitorPage.getByText("de grond is van de gemeente")).toHaveCount(0);
  await visitor.close();

  // Scores are frozen now: the scoring page says so.
  await second.page.goto(`/jury/${world.slug}`);
  await expect(second.page.getByText("Het besluit is genomen. Scores veranderen kan niet meer.")).toBeVisible();

  // The organiser's log has the decision.
  await page.goto(`/organiseren/${world.slug}/logboek`);
  await expect(page.getByRole("heading", { name: /sloot het besluit van de jury\. (1 idee gaat|\d+ ideeën gaan) door\./ })).toBeVisible();

  for (const person of [invited, second, chair, indiener]) await person.context.close();
});
