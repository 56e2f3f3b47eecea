import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { insertAccount, insertIdeas, insertRound, writeE2eDatabase } from "./database-helpers";

// The count after the vote (issue 15, ADR 007): totals are shown, and the ceremony can start, only
// once an organiser has made the count final on the Uitslag tab.

/** Makes the count of a round whose vote has closed final, on its Uitslag tab, and waits for the totals. */
export async function makeCountFinal(page: Page, slug: string) {
  await page.goto(`/organiseren/${slug}/uitslag`);
  await page.getByRole("region", { name: "Telling definitief maken" }).getByRole("button", { name: "Telling definitief maken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De telling is definitief. Hieronder staat de uitslag." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Zo ziet de uitslag eruit" })).toBeVisible();
}

/** In the middle of the vote of a test round (stemmen runs 12 to 19 April 2031), and the day after it closed. */
export const duringVote = Date.parse("2031-04-15T12:00:00+02:00");
export const afterVote = Date.parse("2031-04-20T12:00:00+02:00");

export type VoteWorld = {
  slug: string;
  title: string;
  ideas: [string, string, string];
  /** A resident with an account from long before the vote, and one whose account was made during it. */
  voters: { early: { name: string; email: string }; late: { name: string; email: string } };
};

/** A round of its own (one prize of € 5.000, three shortlisted ideas) whose vote the test can hold and close without touching the demo rounds. */
export function seedVoteWorld(): VoteWorld {
  const tag = randomBytes(3).toString("hex");
  const slug = `telling-${tag}`;
  const title = `Telling ${tag}`;
  const createdAt = Date.parse("2031-01-01T12:00:00+01:00");
  const ideas: VoteWorld["ideas"] = [`Bankje bij de vijver ${tag}`, `Fietsenrek bij de school ${tag}`, `Bloemenweide ${tag}`];
  const account = (key: string, name: string, at: number) => ({ id: `e2e-${key}-${tag}`, email: `${key}-${tag}@voorbeeld.nl`, name, createdAt: at });
  const indiener = account("indiener", "Iris Indiener", createdAt);
  const early = account("vroeg", "Vera Vroeg", createdAt);
  const late = account("laat", "Lars Laat", Date.parse("2031-04-13T09:00:00+02:00"));
  writeE2eDatabase((db) => {
    const contestId = insertRound(db, { slug, title, createdAt });
    db.prepare("INSERT INTO contest_prizes (contest_id, position, name, amount_euros) VALUES (?, 1, 'Eerste prijs', 5000)").run(contestId);
    for (const person of [indiener, early, late]) insertAccount(db, person);
    insertIdeas(db, contestId, {
      status: "shortlisted",
      submittedAt: Date.parse("2031-03-15T10:00:00+01:00"),
      ideas: ideas.map((t) => ({ title: t, ownerId: indiener.id })),
    });
  });
  return { slug, title, ideas, voters: { early, late } };
}
