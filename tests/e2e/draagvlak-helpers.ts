import { randomBytes } from "node:crypto";
import { insertAccount, insertIdeas, insertRound, writeE2eDatabase } from "./database-helpers";
import { uniqueEmail } from "./fixtures";

// A round of its own in 2031 (indienen 8 to 22 March) with handed-in ideas, for the draagvlak journeys.

export type DraagvlakWorld = { slug: string; owners: string[]; ideas: number[] };

export function seedDraagvlakWorld(input: { titles: string[]; submittedAt: number[] }): DraagvlakWorld {
  const slug = `steun-${Date.now()}-${randomBytes(3).toString("hex")}`;
  return writeE2eDatabase((db) => {
    const contestId = insertRound(db, { slug, title: `Steunronde ${slug.slice(-6)}`, createdAt: Date.parse("2031-02-01T09:00:00+01:00") });
    const owners = input.titles.map((title, i) => {
      const email = uniqueEmail(`initiatief${i}`);
      insertAccount(db, {
        id: `e2e-${randomBytes(8).toString("hex")}`,
        email,
        name: `Initiatiefnemer ${i + 1}`,
        createdAt: Date.parse("2031-02-01T09:00:00+01:00"),
      });
      return email;
    });
    const ownerId = (email: string) => (db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: string }).id;
    const ideas = input.titles.map(
      (title, i) =>
        insertIdeas(db, contestId, { status: "submitted", submittedAt: input.submittedAt[i]!, ideas: [{ title, ownerId: ownerId(owners[i]!) }] })[0]!,
    );
    return { slug, owners, ideas };
  });
}
