import { randomBytes } from "node:crypto";
import { insertAccount, writeE2eDatabase } from "./database-helpers";
import { seedDraagvlakWorld } from "./draagvlak-helpers";
import { expect, expectAccessible, logIn, test, uniqueEmail } from "./fixtures";

// Reactions (issue 21.2): a resident asks a question without JavaScript, the initiator answers it,
// and the resident reads the answer on the idea page.

const duringSubmission = Date.parse("2031-03-12T10:00:00+01:00");

test("a resident asks a question without JavaScript and the initiator answers it", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const title = "Boomspiegels met bloemen";
  const world = seedDraagvlakWorld({ titles: [title], submittedAt: [Date.parse("2031-03-10T10:00:00+01:00")] });
  const ideaUrl = `/rondes/${world.slug}/ideeen/${world.ideas[0]}`;
  const resident = uniqueEmail("vraagsteller");
  writeE2eDatabase((db) => insertAccount(db, { id: `e2e-${randomBytes(8).toString("hex")}`, email: resident, name: "Vera Vraag", createdAt: Date.now() }));
  const question = "Wie geeft de bloemen water in de zomer?";
  const answer = "Wij maken een rooster met de buren van nummer 2 tot 20.";

  // The resident, without JavaScript.
  const noScript = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam", javaScriptEnabled: false });
  await noScript.addCookies([{ name: "wv_test_now", value: String(duringSubmission), url: baseURL! }]);
  const residentPage = await noScript.newPage();
  await logIn(residentPage, resident);
  await residentPage.goto(ideaUrl);
  const reactions = residentPage.getByRole("region", { name: "Reacties" });
  await expect(reactions).toContainText("Nog geen reacties.");
  await reactions.getByLabel("Vraag", { exact: true }).check();
  await reactions.getByLabel("Je reactie").fill(question);
  await reactions.getByRole("button", { name: "Plaatsen" }).click();
  await expect(residentPage.getByRole("status")).toHaveText("Je reactie staat op de pagina.");
  await expect(reactions.getByRole("article", { name: "Vraag: Vera Vraag" })).toContainText(question);

  // The initiator answers it.
  await page.context().addCookies([{ name: "wv_test_now", value: String(duringSubmission), url: baseURL! }]);
  await logIn(page, world.owners[0]!);
  await page.goto(ideaUrl);
  const own = page.getByRole("region", { name: "Reacties" });
  await expect(own.getByRole("article", { name: "Vraag: Vera Vraag" })).toContainText(question);
  await own.getByText("Antwoord geven", { exact: true }).click();
  await own.getByLabel("Je antwoord").fill(answer);
  await own.getByRole("button", { name: "Antwoorden" }).click();
  await expect(page.getByRole("status")).toHaveText("Je antwoord staat op de pagina.");
  await expect(own.getByRole("list", { name: "Antwoord op de reactie van Vera Vraag" })).toContainText(answer);
  await expectAccessible(page);

  // The resident reads the answer.
  await residentPage.reload();
  const answers = reactions.getByRole("list", { name: "Antwoord op de reactie van Vera Vraag" });
  await expect(answers.getByRole("article", { name: "Antwoord: Initiatiefnemer 1" })).toContainText(answer);
  await expect(answers).toContainText("(initiatiefnemer)");
  await noScript.close();
});
