import { one, many, run } from "../query.server";
import { eq } from "drizzle-orm";
import type { Db } from "../client.server";
import { contests, draagvlakSettings, ideaBackers, ideas, users } from "../schema";

// Draagvlak in the demo (issue 21): Wijkteam Keizerslanden promises an answer within five working
// days, Gemeente Assen within three; a few neighbours back the first handed-in idea of the Vonk.
// No round asks a minimum of backers: the jury's demo decides without one (an organiser sets it on
// the Steun en reacties tab).

export async function seedDraagvlakDemo(db: Db, input: { now: number }): Promise<void> {
  const contestId = async (slug: string) => (await one(db.select({ id: contests.id }).from(contests).where(eq(contests.slug, slug))))?.id;
  const at = new Date(input.now);
  for (const [slug, days] of [
    ["vonk-keizerslanden-2027", 5],
    ["assen-top-idee-2027", 3],
  ] as const) {
    const id = await contestId(slug);
    if (id === undefined) continue;
    await run(db.insert(draagvlakSettings).values({ contestId: id, answerWorkingDays: days, updatedAt: at }).onConflictDoNothing());
  }
  const vonk = await contestId("vonk-keizerslanden-2027");
  if (vonk === undefined) return;
  const first = (await many(db.select().from(ideas).where(eq(ideas.contestId, vonk)))).find((i) => i.status === "submitted" && i.hiddenAt === null);
  if (!first) return;
  for (const email of ["mohamed@voorbeeld.nl", "jury2@keizerslanden.nl"]) {
    const user = await one(db.select({ id: users.id }).from(users).where(eq(users.email, email)));
    if (user && user.id !== first.ownerUserId)
      await run(db.insert(ideaBackers).values({ ideaId: first.id, userId: user.id, createdAt: at }).onConflictDoNothing());
  }
}
