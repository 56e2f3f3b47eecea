import { randomBytes } from "node:crypto";
import { demo, expect, expectAccessible, logIn, personAt, test } from "./fixtures";
import { insertAccount, insertIdeas, insertRound, writeE2eDatabase } from "./database-helpers";
import { afterVote, duringVote, makeCountFinal } from "./results-helpers";
import { placeStickers } from "./voting-helpers";

// Issue 22 (ADR 026), the whole way: an organiser divides the budget over two buurten, five residents
// vote, the organiser makes the count final and makes the results public, and everyone reads the
// winners per part, what each part spent and what became of what the parts left.
//
// The round: € 10.000, rule "greedy-stop" (Amsterdam's buurtbudgetten: inside a part, stop at the first
// idea that does not fit), Noord € 6.000 and Zuid € 3.000 (€ 1.000 in no part), leftover "fund what fits".
//   place  idea           part   cost    stickers (ballots below)
//   1      Speeltuin      Noord  3.500   5
//   2      Bankjes        Zuid   2.000   4
//   3      Moestuin       Noord  3.000   3
//   4      Fietsenrek     Zuid   1.200   2
//   5      Bloemenbak     Noord  2.000   1
// Noord: Speeltuin fits (6.000 → 2.500), Moestuin (3.000) does not: Noord stops there, so Bloemenbak is
// not reached (skipping instead of stopping would have funded it in Noord). Zuid: Bankjes fits
// (3.000 → 1.000), Fietsenrek (1.200) does not: Zuid stops. The parts leave 10.000 − 3.500 − 2.000 = 4.500.
// Fund what fits, in score order: Moestuin fits (4.500 → 1.500), Fietsenrek fits (1.500 → 300),
// Bloemenbak (2.000) does not fit in 300. Winners: Noord Speeltuin and Moestuin, Zuid Bankjes and
// Fietsenrek; spent 9.700, of which 4.200 from the leftover.

test("residents vote in a round with its budget in two parts, and the results show the winners per part and the leftover", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const slug = `delen-uitslag-${tag}`;
  const title = `Buurtbudget in delen ${tag}`;
  const idea = {
    speeltuin: `Speeltuin aan de Noordkade ${tag}`,
    bankjes: `Bankjes in Zuid ${tag}`,
    moestuin: `Moestuin bij de Noordschool ${tag}`,
    fietsenrek: `Fietsenrek bij het Zuidplein ${tag}`,
    bloemenbak: `Bloemenbakken in Noord ${tag}`,
  };
  const createdAt = Date.parse("2031-01-01T12:00:00+01:00");
  const voters = [1, 2, 3, 4, 5].map((n) => ({ id: `e2e-delen-${n}-${tag}`, email: `delen-${n}-${tag}@voorbeeld.nl`, name: `Stemmer ${n}`, createdAt }));
  writeE2eDatabase((db) => {
    const contestId = insertRound(db, { slug, title, createdAt });
    db.prepare("UPDATE contests SET outcome_rule = 'greedy-stop' WHERE id = ?").run(contestId);
    const buurt = db.prepare("INSERT INTO idea_buurten (contest_id, name, position) VALUES (?, ?, ?)");
    const noord = Number(buurt.run(contestId, "Noord", 1).lastInsertRowid);
    const zuid = Number(buurt.run(contestId, "Zuid", 2).lastInsertRowid);
    const owner = (db.prepare("SELECT id FROM users WHERE email = ?").get(demo.organisator) as { id: string }).id;
    for (const voter of voters) insertAccount(db, voter);
    const order = [idea.speeltuin, idea.bankjes, idea.moestuin, idea.fietsenrek, idea.bloemenbak];
    const ids = insertIdeas(db, contestId, {
      status: "shortlisted",
      submittedAt: Date.parse("2031-03-10T12:00:00+01:00"),
      ideas: order.map((t) => ({ title: t, ownerId: owner })),
    });
    const set = db.prepare("UPDATE ideas SET buurt_id = ?, cost_euros = ? WHERE id = ?");
    const partAndCost: [number, number][] = [
      [noord, 3500],
      [zuid, 2000],
      [noord, 3000],
      [zuid, 1200],
      [noord, 2000],
    ];
    partAndCost.forEach(([part, cost], i) => set.run(part, cost, ids[i]));
  });

  // Before the round starts, the organiser divides the budget over the two buurten.
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${slug}/instellingen`);
  await page.getByRole("radio", { name: "Over de buurten" }).check();
  await page.getByLabel("Bedrag voor Noord").fill("6.000");
  await page.getByLabel("Bedrag voor Zuid").fill("3.000");
  await page.getByRole("radio", { name: /^Gaat naar de ideeën die nog geen geld kregen en wel passen/ }).check();
  await page.getByRole("button", { name: "Delen opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De delen van het budget zijn opgeslagen.");

  // Five residents vote; stickers may go to ideas of any part.
  const ballots = [
    [idea.speeltuin, idea.bankjes, idea.moestuin],
    [idea.speeltuin, idea.bankjes, idea.moestuin],
    [idea.speeltuin, idea.bankjes, idea.moestuin],
    [idea.speeltuin, idea.bankjes, idea.fietsenrek],
    [idea.speeltuin, idea.fietsenrek, idea.bloemenbak],
  ];
  for (const [i, choice] of ballots.entries()) {
    const resident = await personAt(browser, baseURL!, voters[i]!.email, duringVote);
    await resident.page.goto(`/rondes/${slug}/stemmen`);
    if (i === 0) {
      await expect(resident.page.getByRole("region", { name: /^Noord: € 6\.000/ }).getByRole("heading", { name: idea.bloemenbak })).toBeVisible();
      await expect(resident.page.getByRole("region", { name: /^Zuid: € 3\.000/ }).getByRole("heading", { name: idea.fietsenrek })).toBeVisible();
    }
    await placeStickers(resident.page, choice);
    await expect(resident.page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
    await resident.context.close();
  }

  // The day after the vote the organiser makes the count final, checks the parts, and makes it public.
  await page.context().addCookies([{ name: "wv_test_now", value: String(afterVote), url: baseURL! }]);
  await makeCountFinal(page, slug);
  const consoleParts = page.getByRole("region", { name: "Per deel van het budget" });
  await expect(consoleParts.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Noord" }) })).toContainText(idea.moestuin);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Maak de uitslag openbaar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De uitslag is openbaar." })).toBeVisible();

  // A visitor reads the results.
  const visitorContext = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  await visitorContext.addCookies([{ name: "wv_test_now", value: String(afterVote), url: baseURL! }]);
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/rondes/${slug}/uitslag`);
  await expect(visitor.getByRole("heading", { level: 1, name: `Uitslag van ${title}` })).toBeVisible();

  const winners = visitor.getByRole("region", { name: "Winnaars", exact: true }).getByRole("listitem");
  await expect(winners).toHaveCount(4);
  for (const won of [idea.speeltuin, idea.bankjes, idea.moestuin, idea.fietsenrek]) await expect(winners.filter({ hasText: won })).toHaveCount(1);
  await expect(winners.filter({ hasText: idea.bloemenbak })).toHaveCount(0);

  const parts = visitor.getByRole("region", { name: "Per deel van het budget" });
  const part = (name: string) => parts.getByRole("listitem").filter({ has: visitor.getByRole("heading", { level: 3, name }) });
  await expect(part("Noord")).toContainText(/€\s3\.500 van €\s6\.000 verdeeld binnen dit deel \(incl\. btw\)\./);
  await expect(part("Zuid")).toContainText(/€\s2\.000 van €\s3\.000 verdeeld binnen dit deel \(incl\. btw\)\./);
  const partWinner = (name: string, title: string) => part(name).getByRole("listitem").filter({ hasText: title });
  await expect(partWinner("Noord", idea.speeltuin)).not.toContainText("uit wat de delen over hielden");
  await expect(partWinner("Noord", idea.moestuin)).toContainText("uit wat de delen over hielden");
  await expect(partWinner("Zuid", idea.bankjes)).not.toContainText("uit wat de delen over hielden");
  await expect(partWinner("Zuid", idea.fietsenrek)).toContainText("uit wat de delen over hielden");
  await expect(part("Noord")).not.toContainText(idea.bloemenbak);

  const money = visitor.getByRole("region", { name: "Het geld" });
  await expect(money).toContainText(/Verdeeld: €\s9\.700 .*van €\s10\.000/);
  await expect(money).toContainText(/De delen hielden samen €\s4\.500 .*over\./);
  await expect(money).toContainText(/Daarvan ging €\s4\.200 .*naar ideeën die nog pasten/);

  // Why per idea: Moestuin got its money from the leftover; Bloemenbak was not reached in Noord (which
  // stopped at Moestuin, place 3 of the round) and did not fit in the € 300 the leftover still had.
  const ideaCard = (title: string) => visitor.getByRole("listitem").filter({ has: visitor.getByRole("heading", { level: 3, name: title }) });
  await expect(ideaCard(idea.moestuin)).toContainText("Dit idee hoort bij Noord.");
  await expect(ideaCard(idea.moestuin)).toContainText(/Het paste niet meer in het geld van Noord\. Maar de delen hielden samen nog €\s4\.500/);
  await expect(ideaCard(idea.bloemenbak)).toContainText("Het verdelen van het geld van Noord stopte bij het idee op plaats 3.");
  await expect(ideaCard(idea.bloemenbak)).toContainText(
    /Toen dit idee aan de beurt was, was daarvan nog €\s300 .*over\. Het idee kost €\s2\.000 .*Dat paste niet\./,
  );
  await expect(ideaCard(idea.bloemenbak)).not.toContainText("wordt niet verdeeld");
  const rule = visitor.getByRole("region", { name: "Zo zijn de winnaars gekozen" });
  await expect(rule).toContainText(
    "In elk deel krijgen de ideeën met de meeste stickers om de beurt hun geld uit dat deel, tot er een idee komt dat niet meer past.",
  );
  await expect(rule).toContainText("Wat de delen samen over houden, gaat daarna naar de ideeën die nog geen geld kregen en wel passen");
  await expect(rule).not.toContainText("wordt niet verdeeld");
  await expectAccessible(visitor);

  // On a phone nothing on the page scrolls sideways; screenshots to look at.
  await visitor.setViewportSize({ width: 1280, height: 900 });
  await visitor.screenshot({ path: testInfo.outputPath("uitslag-delen-1280.png"), fullPage: true });
  await visitor.setViewportSize({ width: 375, height: 800 });
  await visitor.screenshot({ path: testInfo.outputPath("uitslag-delen-375.png"), fullPage: true });
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // In English the same page says the same, per part.
  await visitorContext.addCookies([{ name: "wv_lang", value: "en", url: baseURL! }]);
  await visitor.reload();
  const partsInEnglish = visitor.getByRole("region", { name: "Per part of the budget" });
  await expect(partsInEnglish.getByRole("listitem").getByRole("listitem").filter({ hasText: idea.moestuin })).toContainText("from what the parts left");
  await expect(partsInEnglish).toContainText(/€3,500 of €6,000 shared out within this part \(incl\. VAT\)\./);
  await expect(ideaCard(idea.bloemenbak)).toContainText("Sharing out the money of Noord stopped at the idea in place 3.");
  await expectAccessible(visitor);
  await visitorContext.addCookies([{ name: "wv_lang", value: "nl", url: baseURL! }]);

  // The round's own page says the same rule.
  await visitor.setViewportSize({ width: 1280, height: 900 });
  await visitor.goto(`/rondes/${slug}`);
  const contestRule = visitor.getByRole("region", { name: "Zo kiezen we de winnaars" });
  await expect(contestRule).toContainText("Het budget is verdeeld in delen. In elk deel");
  await expect(contestRule).not.toContainText("wordt niet verdeeld");

  // The open data carries the parts and each idea's part.
  const json = await (await visitor.request.get(`/rondes/${slug}/uitslag.json`)).json();
  expect(json.parts.parts).toEqual([
    { name: "Noord", budget: 6000, spent: 3500 },
    { name: "Zuid", budget: 3000, spent: 2000 },
  ]);
  expect(json.parts.spentFromLeftover).toBe(4200);
  await visitorContext.close();

  // The organiser's Pabulib file names the parts as Pabulib does, with the leftover policy.
  await page.goto(`/organiseren/${slug}/uitslag`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hele ronde (Pabulib .pb)" }).click();
  const { readFile } = await import("node:fs/promises");
  const pb = await readFile((await (await download).path())!, "utf8");
  expect(pb).toContain("\nneighborhoods;Noord,Zuid\n");
  expect(pb).toContain("\nbudget_per_neighborhood;6000,3000\n");
  expect(pb).toContain("\nleftover_budget;Fund additional projects that fit within leftover budget ordered by score\n");
});
