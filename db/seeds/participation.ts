import { one, many, run } from "../query.server";
import { transact } from "../transact.server";
import { eq } from "drizzle-orm";
import type { Db } from "../client.server";
import { contests, ideaBuurten, participationCounts, participationResidents } from "../schema";
import { counterKeys, type Moment } from "../../app/modules/participation/questions";
import { resultsDemoSlug } from "./results";
import { votingDemoSlug } from "./voting";

// Who takes part (issue 9, ADR 014) in the demo: buurten to choose from in the voting demo round,
// and in last spring's round (Buurtprijs Keizerslanden 2026, 38 voters, 6 ideas) the counted answers
// of those who filled in the questions, with the residents of Keizerslanden per buurt and age band.

const buurtNames = ["Keizerslanden-Noord", "Keizerslanden-Midden", "Keizerslanden-Zuid"] as const;

/** Answers per moment, by question and answer; buurten by their place in buurtNames. */
const answers: Record<Moment, { forms: number; leeftijd: Record<string, number>; buurt: number[]; elders: number; eersteKeer: { ja: number; nee: number } }> = {
  stemmen: {
    forms: 31,
    leeftijd: { "tot-18": 0, "18-29": 2, "30-44": 7, "45-64": 11, "65-79": 7, "80-plus": 2 },
    buurt: [17, 9, 3],
    elders: 1,
    eersteKeer: { ja: 11, nee: 17 },
  },
  indienen: {
    forms: 5,
    leeftijd: { "30-44": 2, "45-64": 3 },
    buurt: [4, 1, 0],
    elders: 0,
    eersteKeer: { ja: 3, nee: 2 },
  },
};

const residentsPerBuurt = [3400, 2900, 2600];
const residentsPerAge: Record<string, number> = { "tot-18": 1800, "18-29": 1300, "30-44": 1500, "45-64": 2300, "65-79": 1400, "80-plus": 600 };

async function buurtenOf(db: Db, contestId: number) {
  const existing = await many(db.select().from(ideaBuurten).where(eq(ideaBuurten.contestId, contestId)));
  if (existing.length > 0) return existing;
  return many(
    db
      .insert(ideaBuurten)
      .values(buurtNames.map((name, i) => ({ contestId, name, position: i + 1 })))
      .returning(),
  );
}

export async function seedParticipationDemo(db: Db): Promise<void> {
  const contestId = async (slug: string) => (await one(db.select({ id: contests.id }).from(contests).where(eq(contests.slug, slug))))?.id;
  const voting = await contestId(votingDemoSlug);
  if (voting !== undefined) await buurtenOf(db, voting);

  const results = await contestId(resultsDemoSlug);
  if (results === undefined) return;
  if (await one(db.select().from(participationCounts).where(eq(participationCounts.contestId, results)))) return;
  const buurten = await buurtenOf(db, results);
  const options = buurten.map((b) => ({ key: `b${b.id}`, name: b.name }));
  await transact(db, async (tx) => {
    for (const moment of ["stemmen", "indienen"] as const) {
      const a = answers[moment];
      const n = (question: string, answer: string): number => {
        if (question === "antwoorden") return a.forms;
        if (question === "leeftijd") return a.leeftijd[answer] ?? 0;
        if (question === "eerste-keer") return a.eersteKeer[answer as "ja" | "nee"];
        if (answer === "elders") return a.elders;
        return a.buurt[options.findIndex((o) => o.key === answer)] ?? 0;
      };
      await run(
        tx.insert(participationCounts).values(
          counterKeys(options).map((k) => ({
            contestId: results,
            moment,
            question: k.question,
            answer: k.answer,
            count: n(k.question, k.answer),
            published: n(k.question, k.answer),
          })),
        ),
      );
    }
    await run(
      tx
        .insert(participationResidents)
        .values([
          ...options.map((o, i) => ({ contestId: results, kind: "buurt" as const, key: o.key, residents: residentsPerBuurt[i]! })),
          ...Object.entries(residentsPerAge).map(([key, residents]) => ({ contestId: results, kind: "leeftijd" as const, key, residents })),
        ]),
    );
  });
}
