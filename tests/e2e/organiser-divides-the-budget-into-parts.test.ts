import { demo, expect, expectAccessible, logIn, personAt, test } from "./fixtures";
import { insertIdeas, insertRound, writeE2eDatabase } from "./database-helpers";

// Issue 22 (ADR 026): an organiser divides a round's budget over two buurten before voting; residents
// then see the ballot per part; once voting has started the parts stay as they are.

const votingTime = Date.parse("2031-04-14T12:00:00+02:00");

test("an organiser divides the budget over two buurten and the ballot shows the ideas per part", async ({ page, browser, baseURL }) => {
  const slug = `delen-${Date.now()}`;
  writeE2eDatabase((db) => {
    const contestId = insertRound(db, { slug, title: `Wijkbudget in delen ${slug}`, createdAt: Date.now() });
    db.prepare("UPDATE contests SET outcome_rule = 'greedy' WHERE id = ?").run(contestId);
    const buurt = db.prepare("INSERT INTO idea_buurten (contest_id, name, position) VALUES (?, ?, ?)");
    const noord = Number(buurt.run(contestId, "Noord", 1).lastInsertRowid);
    const zuid = Number(buurt.run(contestId, "Zuid", 2).lastInsertRowid);
    const owner = (db.prepare("SELECT id FROM users WHERE email = ?").get(demo.organisator) as { id: string }).id;
    const ids = insertIdeas(db, contestId, {
      status: "shortlisted",
      submittedAt: Date.parse("2031-03-10T12:00:00+01:00"),
      ideas: [
        { title: "Bankjes bij de vijver", ownerId: owner },
        { title: "Moestuin achter de school", ownerId: owner },
        { title: "Speeltoestel op het plein", ownerId: owner },
      ],
    });
    const setBuurt = db.prepare("UPDATE ideas SET buurt_id = ? WHERE id = ?");
    setBuurt.run(noord, ids[0]);
    setBuurt.run(zuid, ids[1]);
    setBuurt.run(noord, ids[2]);
  });

  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${slug}/instellingen`);
  await page.getByRole("radio", { name: "Over de buurten" }).check();
  await page.getByLabel("Bedrag voor Noord").fill("6.000");
  await page.getByLabel("Bedrag voor Zuid").fill("5.000");
  await page.getByRole("button", { name: "Delen opslaan" }).click();
  // 6.000 + 5.000 is more than the round's 10.000: said beside the choice.
  await expect(page.getByText("De delen zijn samen meer dan het budget van de ronde.")).toBeVisible();
  await page.getByLabel("Bedrag voor Zuid").fill("4.000");
  await page.getByRole("button", { name: "Delen opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De delen van het budget zijn opgeslagen.");
  await expect(page.getByLabel("Bedrag voor Noord")).toHaveValue("6000");
  await expectAccessible(page);

  const resident = await personAt(browser, baseURL!, demo.bewoner, votingTime);
  await resident.page.goto(`/rondes/${slug}/stemmen`);
  const noord = resident.page.getByRole("region", { name: /^Noord: € 6\.000/ });
  const zuid = resident.page.getByRole("region", { name: /^Zuid: € 4\.000/ });
  await expect(noord.getByRole("heading", { name: "Bankjes bij de vijver" })).toBeVisible();
  await expect(noord.getByRole("heading", { name: "Speeltoestel op het plein" })).toBeVisible();
  await expect(zuid.getByRole("heading", { name: "Moestuin achter de school" })).toBeVisible();
  await expectAccessible(resident.page);
  await resident.context.close();

  // Voting has started: the organiser sees the parts fixed, without a form to change them.
  const organiser = await personAt(browser, baseURL!, demo.organisator, votingTime);
  await organiser.page.goto(`/organiseren/${slug}/instellingen`);
  await expect(organiser.page.getByText("De delen van het budget staan vast")).toBeVisible();
  await expect(organiser.page.getByRole("button", { name: "Delen opslaan" })).toHaveCount(0);
  await organiser.context.close();
});
