import { demo, expect, expectAccessible, logIn, personAt, test } from "./fixtures";
import { afterVote, duringVote, makeCountFinal, seedVoteWorld } from "./results-helpers";
import { placeStickers } from "./voting-helpers";

// Issue 15, ADR 007: after the vote the Uitslag tab shows the turnout, not the totals. The organiser
// checks the votes that stand out, declares one invalid with a reason, and makes the count final;
// only then are the totals shown and the ceremony possible, and voting can no longer be reopened.

test("an organiser checks the votes, declares one invalid, makes the count final and cannot reopen voting", async ({ page, browser, baseURL }) => {
  test.slow();
  const world = seedVoteWorld();
  const [bankje, fietsenrek, weide] = world.ideas;
  for (const [voter, choice] of [
    [world.voters.early, [bankje]],
    [world.voters.late, [fietsenrek, weide]],
  ] as const) {
    const resident = await personAt(browser, baseURL!, voter.email, duringVote);
    await resident.page.goto(`/rondes/${world.slug}/stemmen`);
    await placeStickers(resident.page, choice);
    await expect(resident.page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
    await resident.context.close();
  }

  // The day after the vote: turnout and what stands out, no totals, no ceremony yet.
  await page.context().addCookies([{ name: "wv_test_now", value: String(afterVote), url: baseURL! }]);
  await logIn(page, demo.organisator);
  const resultsTab = `/organiseren/${world.slug}/uitslag`;
  await page.goto(resultsTab);
  const closed = page.getByRole("region", { name: "De stemming is gesloten" });
  await expect(closed).toContainText(
    "Kijk eerst of er iets niet klopt. Je ziet wie stemde, nooit wat iemand koos. 1 stem valt op. 0 stemmen zijn ongeldig verklaard.",
  );
  await expect(page.getByRole("region", { name: "Telling definitief maken" })).toContainText("daarna kan de stemming niet meer open");
  for (const title of world.ideas) await expect(page.getByText(title)).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/organiseren/${world.slug}/uitreiking`);
  await expect(page.getByText("Maak eerst de telling definitief.")).toBeVisible();

  // Stemmen controleren: the account made during the vote stands out; who voted shows, never what.
  await page.goto(resultsTab);
  await closed.getByRole("link", { name: "Stemmen controleren" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Stemmen controleren" })).toBeVisible();
  const late = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: world.voters.late.name }) });
  await expect(late).toContainText("account gemaakt tijdens het stemmen");
  await expect(page.getByRole("heading", { name: world.voters.early.name })).toHaveCount(0);
  for (const title of world.ideas) await expect(page.getByText(title)).toHaveCount(0);
  await expectAccessible(page);
  await late.getByLabel("Reden").selectOption({ label: "nepaccount" });
  await late.getByLabel("Toelichting voor het logboek").fill("Niemand in de wijk kent deze bewoner.");
  await late.getByRole("button", { name: "Stem ongeldig verklaren" }).click();
  await expect(page.getByRole("status")).toHaveText(`De stem van ${world.voters.late.name} is ongeldig verklaard. Dat staat in het logboek.`);
  await expect(page.getByText("Ongeldig verklaard: 1.")).toBeVisible();

  // Final: the totals count the one valid ballot, and the ceremony can start.
  await makeCountFinal(page, world.slug);
  await expect(page.getByRole("region", { name: "Opkomst" })).toContainText("1 bewoner heeft gestemd.");
  const winners = page.getByRole("region", { name: "Winnaars", exact: true });
  await expect(winners).toContainText(bankje);
  await expect(winners).toContainText("1 sticker");
  await expect(winners).not.toContainText(fietsenrek);
  await expect(page.getByRole("link", { name: "Start de prijsuitreiking" })).toBeVisible();
  await expectAccessible(page);

  // A final count cannot be reopened, and no ballot can be declared invalid any more.
  await page.getByRole("navigation", { name: "Onderdelen van de ronde" }).getByRole("link", { name: "Planning" }).click();
  await expect(page.getByText("Is de telling definitief gemaakt (tab Uitslag)? Dan kan de stemming niet meer open")).toBeVisible();
  await page.getByLabel("Wat wil je doen?").selectOption({ label: "Fase weer openen" });
  await page.getByLabel("Welke fase?").selectOption({ label: "Stemmen" });
  await page.getByLabel("Nieuw einde (bij verlengen of weer openen)").fill("2031-04-23T20:00");
  await page.getByLabel("Reden").fill("Nog een paar dagen extra voor wie het miste.");
  await page.getByRole("button", { name: "Aanpassing opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText("De telling is definitief gemaakt. Daarna kan de stemming niet meer open");
  await expect(page.getByRole("heading", { name: "Eerdere aanpassingen" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/organiseren/${world.slug}/stemmen/controle`);
  await expect(page.getByText("De telling is definitief. Je kunt geen stem meer ongeldig verklaren.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Stem ongeldig verklaren" })).toHaveCount(0);

  await page.goto(`/organiseren/${world.slug}/uitreiking`);
  await expect(page.getByRole("heading", { name: "Welkom bij de prijsuitreiking" })).toBeVisible();
});
