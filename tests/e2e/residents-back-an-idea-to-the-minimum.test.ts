import { randomBytes } from "node:crypto";
import { insertAccount, writeE2eDatabase } from "./database-helpers";
import { seedDraagvlakWorld } from "./draagvlak-helpers";
import { demo, expect, expectAccessible, logIn, test, uniqueEmail } from "./fixtures";

// Deventer's signatures from the buurt (issue 21.1): the organiser asks for a minimum of backers,
// residents of the area press "Ik steun dit" until the idea reaches it, and the console shows it.

const duringSubmission = Date.parse("2031-03-12T10:00:00+01:00");

test("an organiser sets a minimum and residents of the area back an idea up to it", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const title = "Bankjes bij de vijver";
  const world = seedDraagvlakWorld({ titles: [title], submittedAt: [Date.parse("2031-03-10T10:00:00+01:00")] });
  const ideaUrl = `/rondes/${world.slug}/ideeen/${world.ideas[0]}`;
  const residents = [uniqueEmail("buur-een"), uniqueEmail("buur-twee")];
  writeE2eDatabase((db) => {
    for (const [i, email] of residents.entries())
      insertAccount(db, { id: `e2e-${randomBytes(8).toString("hex")}`, email, name: `Buur ${i + 1}`, postcode: "7416 AB", createdAt: Date.now() });
  });
  await page.context().addCookies([{ name: "wv_test_now", value: String(duringSubmission), url: baseURL! }]);

  // The organiser asks for two backers from the area.
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${world.slug}`);
  await page.getByRole("link", { name: "Steun en reacties" }).click();
  await page.getByLabel("Minimaal aantal steunbetuigingen").fill("2");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De instellingen zijn opgeslagen.");
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("0 van de 2 nodig");
  await expectAccessible(page);

  // Two residents back it, each once.
  for (const [i, email] of residents.entries()) {
    const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    await context.addCookies([{ name: "wv_test_now", value: String(duringSubmission), url: baseURL! }]);
    const resident = await context.newPage();
    await logIn(resident, email);
    await resident.goto(ideaUrl);
    const card = resident.getByRole("region", { name: "Steun uit de buurt" });
    await expect(card).toContainText(`${i} van de 2 nodig`);
    await card.getByRole("button", { name: "Ik steun dit" }).click();
    await expect(resident.getByRole("status")).toHaveText("Bedankt! Je steunt dit idee.");
    await expect(card).toContainText(`${i + 1} van de 2 nodig`);
    await expect(card).toContainText("Jij steunt dit idee.");
    if (i === 0) {
      await expect(card).toContainText("Nog 1 persoon nodig voordat de jury dit idee kan kiezen.");
      await expect(card.getByRole("progressbar", { name: "Steun voor dit idee" })).toHaveAttribute("value", "1");
      await expectAccessible(resident);
    } else {
      await expect(card).toContainText("Dit idee heeft genoeg steun voor de jury.");
    }
    await context.close();
  }

  // The console sees the minimum reached.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("2 van de 2 nodig");
});

test("a resident from outside the area cannot back an idea", async ({ page, baseURL }) => {
  const world = seedDraagvlakWorld({ titles: ["Fietsenstalling"], submittedAt: [Date.parse("2031-03-10T10:00:00+01:00")] });
  await page.context().addCookies([{ name: "wv_test_now", value: String(duringSubmission), url: baseURL! }]);
  await logIn(page, "sanne@voorbeeld.nl");
  await page.goto(`/rondes/${world.slug}/ideeen/${world.ideas[0]}`);
  const card = page.getByRole("region", { name: "Steun uit de buurt" });
  await expect(card).toContainText("Nog niemand steunt dit idee");
  await expect(card).toContainText("Je postcode ligt niet in het gebied van deze ronde.");
  await expect(card.getByRole("button", { name: "Ik steun dit" })).toHaveCount(0);
});
