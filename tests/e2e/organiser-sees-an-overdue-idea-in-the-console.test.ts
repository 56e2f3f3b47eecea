import { seedDraagvlakWorld } from "./draagvlak-helpers";
import { demo, expect, expectAccessible, logIn, logOut, test } from "./fixtures";

// An answer in time (issue 21.3): with a promise of three working days, an idea handed in on Monday
// 10 March 2031 is due by the end of Thursday 13 March; on Monday 17 March it is overdue. One handed
// in on Thursday is still waiting (Friday, Monday, Tuesday). Its initiator sees the promise.

const monday17 = Date.parse("2031-03-17T10:00:00+01:00");

test("an organiser sees an overdue idea in the console, and an initiator sees the promise", async ({ page, baseURL }) => {
  const world = seedDraagvlakWorld({
    titles: ["Speeltuin opknappen", "Boekenkastje bij de bushalte"],
    submittedAt: [Date.parse("2031-03-10T11:00:00+01:00"), Date.parse("2031-03-13T15:00:00+01:00")],
  });
  await page.context().addCookies([{ name: "wv_test_now", value: String(monday17), url: baseURL! }]);

  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${world.slug}/draagvlak`);
  await expect(page.getByText("Er is geen antwoordtermijn ingesteld.")).toBeVisible();
  await page.getByLabel("Antwoord binnen (werkdagen)").fill("3");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De instellingen zijn opgeslagen.");

  const waiting = page.getByRole("region", { name: /Wachten op antwoord/ });
  await expect(waiting.getByText("1 te laat")).toBeVisible();
  const items = waiting.getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("Speeltuin opknappen");
  await expect(items.nth(0)).toContainText("Te laat sinds donderdag 13 maart 2031");
  await expect(items.nth(1)).toContainText("Boekenkastje bij de bushalte");
  await expect(items.nth(1)).toContainText("Wacht, uiterlijk dinsdag 18 maart 2031");
  await expectAccessible(page);

  // The initiator of the second idea sees when the answer is due.
  await logOut(page);
  await logIn(page, world.owners[1]!);
  await page.goto(`/rondes/${world.slug}/ideeen/${world.ideas[1]}`);
  const promise = page.getByRole("region", { name: "Wanneer hoor je iets?" });
  await expect(promise).toContainText("De organisatie belooft binnen 3 werkdagen te reageren op elk nieuw idee.");
  await expect(promise).toContainText("Je hoort uiterlijk dinsdag 18 maart 2031 iets.");
});
