import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, test } from "./fixtures";
import { insertIdeas, insertRound, writeE2eDatabase } from "./database-helpers";

// Issue 19 (ADR 029): a round with many ideas shows them 24 a page, in the visitor's own order, with
// real links between the pages. Over the pages every idea shows once; a filter pages as well; a page
// that does not exist says so.

const votingTime = Date.parse("2031-04-14T12:00:00+02:00");
const IDEAS = 54;

/** A round in the vote with 54 ideas, every second one in the buurt Noord (27: two pages). */
function roundWithManyIdeas(): string {
  const slug = `veel-ideeen-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  writeE2eDatabase((db) => {
    const contestId = insertRound(db, { slug, title: `Veel ideeën ${slug}`, createdAt: Date.now() });
    const noord = Number(db.prepare("INSERT INTO idea_buurten (contest_id, name, position) VALUES (?, 'Noord', 1)").run(contestId).lastInsertRowid);
    db.prepare("INSERT INTO idea_buurten (contest_id, name, position) VALUES (?, 'Zuid', 2)").run(contestId);
    const owner = (db.prepare("SELECT id FROM users WHERE email = ?").get(demo.organisator) as { id: string }).id;
    const ids = insertIdeas(db, contestId, {
      status: "shortlisted",
      submittedAt: Date.parse("2031-03-10T12:00:00+01:00"),
      ideas: Array.from({ length: IDEAS }, (_, i) => ({ title: `Plan nummer ${String(i + 1).padStart(2, "0")}`, ownerId: owner })),
    });
    const inNoord = db.prepare("UPDATE ideas SET buurt_id = ? WHERE id = ?");
    ids.forEach((id, i) => i % 2 === 0 && inNoord.run(noord, id));
  });
  return slug;
}

const cardTitles = (page: Page) => page.locator("ul.idea-grid > li h2").allTextContents();

async function atVotingTime(page: Page, baseURL: string) {
  await page.context().addCookies([{ name: "wv_test_now", value: String(votingTime), url: baseURL }]);
}

test("a visitor pages through 54 ideas and a filtered list of 27, without repeats or gaps", async ({ page, baseURL }, testInfo) => {
  // Nine page views, each checked by axe (and again in English afterwards): slow on a busy machine.
  test.setTimeout(90_000);
  const slug = roundWithManyIdeas();
  await atVotingTime(page, baseURL!);
  await page.goto(`/rondes/${slug}/ideeen`);
  await expect(page.getByText(`${IDEAS} ideeën · je ziet 1 tot en met 24`)).toBeVisible();
  const pager = page.getByRole("navigation", { name: "Pagina's met ideeën" });
  await expect(pager.getByText("Pagina 1 van 3")).toBeVisible();
  await expect(pager.getByRole("link", { name: "Vorige" })).toHaveCount(0);
  const first = await cardTitles(page);
  expect(first).toHaveLength(24);
  await expectAccessible(page);

  await pager.getByRole("link", { name: "Volgende" }).click();
  await expect(page).toHaveURL(/pagina=2/);
  await expect(page).toHaveTitle(/^Ideeën, pagina 2 van 3 · /);
  await expect(page.getByText(`${IDEAS} ideeën · je ziet 25 tot en met 48`)).toBeVisible();
  await expect(pager.locator("[aria-current=page]")).toHaveText("Pagina 2");
  const second = await cardTitles(page);
  expect(second).toHaveLength(24);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("idea-list-page-2-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("idea-list-page-2-375.png"), fullPage: true });
  await expectAccessible(page, "axe violations at 375 px");
  await page.setViewportSize({ width: 1280, height: 800 });

  await pager.getByRole("link", { name: "Pagina 3" }).click();
  await expect(page.getByText(`${IDEAS} ideeën · je ziet 49 tot en met ${IDEAS}`)).toBeVisible();
  await expect(pager.getByRole("link", { name: "Volgende" })).toHaveCount(0);
  const third = await cardTitles(page);
  expect(third).toHaveLength(IDEAS - 48);
  const everyPage = [...first, ...second, ...third];
  expect(new Set(everyPage).size).toBe(IDEAS);

  // Back: the same ideas as before, in the same order.
  await pager.getByRole("link", { name: "Vorige" }).click();
  await expect(page).toHaveURL(/pagina=2/);
  expect(await cardTitles(page)).toEqual(second);

  // A filter starts at its first page, and its pages keep the filter.
  await page.getByLabel("Buurt").selectOption({ label: "Noord" });
  await page.getByRole("button", { name: "Toon ideeën" }).click();
  await expect(page.getByText("27 ideeën · je ziet 1 tot en met 24")).toBeVisible();
  const noord1 = await cardTitles(page);
  await pager.getByRole("link", { name: "Volgende" }).click();
  await expect(page.getByText("27 ideeën · je ziet 25 tot en met 27")).toBeVisible();
  await expect(page.getByLabel("Buurt")).toHaveValue(/\d+/);
  const noord2 = await cardTitles(page);
  const noord = [...noord1, ...noord2];
  expect(new Set(noord).size).toBe(27);
  // Noord holds the odd-numbered plans (1, 3, …, 53).
  expect(noord.every((title) => Number(title.slice(-2)) % 2 === 1)).toBe(true);
  await expect(page.locator("ul.idea-grid > li").filter({ hasText: "Zuid" })).toHaveCount(0);
  await expectAccessible(page);

  // A page past the last: a clear message and the way back.
  const missing = await page.goto(`/rondes/${slug}/ideeen?pagina=9`);
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Pagina 9 bestaat niet" })).toBeVisible();
  await expect(page.getByText("Deze lijst heeft 3 pagina's.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ga naar de eerste pagina" }).click();
  await expect(page.getByText(`${IDEAS} ideeën · je ziet 1 tot en met 24`)).toBeVisible();
  expect(await cardTitles(page)).toEqual(first);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.afterEach(async ({ page }) => {
    await page.goto("about:blank");
  });

  test("the pages are plain links that keep the order", async ({ page, baseURL }) => {
    const slug = roundWithManyIdeas();
    await atVotingTime(page, baseURL!);
    await page.goto(`/rondes/${slug}/ideeen`);
    const seen = await cardTitles(page);
    const pager = page.getByRole("navigation", { name: "Pagina's met ideeën" });
    for (const n of [2, 3]) {
      await pager.getByRole("link", { name: "Volgende" }).click();
      await expect(pager.getByText(`Pagina ${n} van 3`)).toBeVisible();
      seen.push(...(await cardTitles(page)));
    }
    expect(seen).toHaveLength(IDEAS);
    expect(new Set(seen).size).toBe(IDEAS);
  });
});
