import { newResident } from "./account-helpers";
import { demo, expect, expectAccessible, logIn, test } from "./fixtures";
import { ideas, placeStickers, votePage } from "./voting-helpers";

// Issue 18.3: statuses went stale across phases. Each page says what is true now, in the phase the
// round is in: the demo's aftercare round (results revealed, tracks under way), a ballot after voting,
// and a concept round whose schedule is saved but which is not yet published.

const aftercare = "buurtvonk-keizerslanden-2025";

async function openIdea(page: import("@playwright/test").Page, title: string) {
  await page.goto(`/rondes/${aftercare}/ideeen`);
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("a prize winner with a formed taakgroep and a realised idea say what is true after the vote", async ({ page }) => {
  const head = page.locator(".idea-head");
  const taakgroep = page.getByRole("region", { name: "Taakgroep" });

  // Won a prize; four people formed its taakgroep.
  await openIdea(page, "Moestuin achter De Linde");
  await expect(head).toContainText("Gekozen door de wijk");
  await expect(page.getByRole("main")).not.toContainText("Gekozen door de jury");
  await expect(page.getByRole("main")).not.toContainText("Ingediend op");
  await expect(taakgroep).toContainText("Gevormd: genoeg mensen");
  await expect(taakgroep).toContainText("Deze taakgroep heeft genoeg mensen om te beginnen.");
  await expect(taakgroep).not.toContainText("Met 4 mensen vormen jullie een taakgroep");
  await expectAccessible(page);

  // Carried out: nobody is asked to join any more.
  await openIdea(page, "Kookclub voor nieuwe buren");
  await expect(head).toContainText("Uitgevoerd");
  await expect(taakgroep).toContainText("Dit idee is uitgevoerd. De taakgroep zoekt geen mensen meer.");
  await expect(taakgroep).not.toContainText("Zoekt nog");
  await expect(taakgroep.getByRole("link", { name: "Ik doe mee" })).toHaveCount(0);
  // A poster asks for stickers; after the vote there are none to ask for.
  await expect(page.getByRole("link", { name: "Poster maken" })).toHaveCount(0);
  await expectAccessible(page);
});

test("after voting the ballot page is about the vote, not 'choose the best ideas'", async ({ page }) => {
  await newResident(page, "Bram");
  await page.goto(votePage);
  await expect(page.getByRole("heading", { level: 1, name: /^Kies de beste ideeën/ })).toBeVisible();
  await placeStickers(page, [ideas.bomen, ideas.regen]);
  await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
  await page.goto(votePage);
  await expect(page.getByRole("heading", { level: 1, name: "Jouw stickers voor Groen Keizerslanden 2026" })).toBeVisible();
  await expect(page.getByText("Kies de beste ideeën")).toHaveCount(0);
  await expect(page.getByText("Je hebt gestemd", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("a concept round whose schedule is saved says when it will start, not 'Nog geen planning'", async ({ page }) => {
  await logIn(page, demo.organisator);
  await page.goto("/organiseren/buurtbudget-binnenstad-2028");
  await expect(page.getByText(/^De planning is klaar\. Na het publiceren begint de ronde op \d+ \w+ \d{4}/)).toBeVisible();
  await expect(page.getByText("Nog geen planning")).toHaveCount(0);
  await expectAccessible(page);
});
