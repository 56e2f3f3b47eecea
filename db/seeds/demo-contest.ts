import { one, run } from "../query.server";
import { dialectOf, transact } from "../transact.server";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "../client.server";
import { areas, contestAreas, contestPhases, contestPrizes, contests, ideas, organisations, users, type NewContest } from "../schema";
import { phaseNames } from "../schema/contests";
import { votingPepper } from "../../app/lib/secrets.server";
import { getContestBySlug } from "../../app/modules/contests/contests.server";
import { generateCodeBatch } from "../../app/modules/voting/codes.server";
import { castBallotWithCode, votingContestOf } from "../../app/modules/voting/votes.server";

// What the demo rounds share: a published contest of a demo organisation in one area, with prizes,
// a schedule of seven phases placed around one anchor, and a shortlist of ideas by residents or on paper.

const day = 24 * 60 * 60 * 1000;

export type DemoIdea = { title: string; summary: string; cost: number; owner: string | null; paper?: { name: string; contact: string } };

export type DemoContestInput = {
  organisationSlug: string;
  areaName: string;
  contest: Pick<NewContest, "slug" | "title" | "intro" | "budgetEuros"> &
    Partial<Pick<NewContest, "allowStacking" | "outcomeRule" | "eligibleByAccount" | "eligibleByCode" | "eligibleByPoster">>;
  prizes: readonly (readonly [name: string, amountEuros: number])[];
  /** Days per phase, aankondiging to nazorg. */
  lengths: readonly number[];
  /** The schedule is placed so that this phase starts at this instant. */
  anchor: { phase: (typeof phaseNames)[number]; startsAt: number };
  shortlist: readonly DemoIdea[];
  /** Idea i was handed in this many days (plus i) before the anchor. */
  handedInDaysBefore: number;
  createdAt: number;
};

export async function demoUserId(db: Db, email: string): Promise<string | null> {
  return (await one(db.select({ id: users.id }).from(users).where(eq(users.email, email))))?.id ?? null;
}

/** Adds the contest; null when it exists already or the demo's organisation, area or organiser is missing. Idea ids in shortlist order. */
export async function insertDemoContest(db: Db, input: DemoContestInput): Promise<{ contestId: number; ideaIds: number[] } | null> {
  if (await one(db.select({ id: contests.id }).from(contests).where(eq(contests.slug, input.contest.slug)))) return null;
  const organisation = await one(db.select().from(organisations).where(eq(organisations.slug, input.organisationSlug)));
  const area = await one(db.select().from(areas).where(eq(areas.name, input.areaName)));
  const organiser = await demoUserId(db, "organisator@keizerslanden.nl");
  if (!organisation || !area || !organiser) return null;
  const created = new Date(input.createdAt);
  return transact(db, async (tx) => {
    const contest = await one(
      tx
        .insert(contests)
        .values({ organisationId: organisation.id, status: "gepubliceerd", ...input.contest, createdAt: created, updatedAt: created })
        .returning(),
    );
    await run(tx.insert(contestAreas).values({ contestId: contest.id, areaId: area.id }));
    await run(tx.insert(contestPrizes).values(input.prizes.map(([name, amountEuros], i) => ({ contestId: contest.id, position: i + 1, name, amountEuros }))));
    const anchorIndex = phaseNames.indexOf(input.anchor.phase);
    let start = input.anchor.startsAt - input.lengths.slice(0, anchorIndex).reduce((a, b) => a + b, 0) * day;
    await run(
      tx.insert(contestPhases).values(
        phaseNames.map((phase, i) => {
          const row = { contestId: contest.id, phase, startsAt: start, endsAt: start + input.lengths[i]! * day };
          start = row.endsAt;
          return row;
        }),
      ),
    );
    const insertIdea = async (idea: (typeof input.shortlist)[number], i: number): Promise<number> => {
      const at = new Date(input.anchor.startsAt - (input.handedInDaysBefore + i) * day);
      const owner = idea.owner ? await demoUserId(tx as unknown as Db, idea.owner) : null;
      const author =
        owner !== null
          ? { ownerUserId: owner }
          : {
              isPaper: true,
              paperName: idea.paper?.name ?? "Bewoner",
              paperContact: idea.paper?.contact ?? "Via het wijkteam",
              paperConsentAt: at,
              paperConsentHow: "paper-form",
              enteredByUserId: organiser,
            };
      return (
        await one(
          tx
            .insert(ideas)
            .values({
              contestId: contest.id,
              status: "shortlisted",
              title: idea.title,
              summary: idea.summary,
              description: idea.summary,
              costEuros: idea.cost,
              createdAt: at,
              updatedAt: at,
              submittedAt: at,
              contactConfirmedAt: at,
              ...author,
            })
            .returning({ id: ideas.id }),
        )
      ).id;
    };
    // One after the other: the ideas' ids follow the shortlist's order, which the ballot shows.
    const ideaIds: number[] = [];
    for (const [i, idea] of input.shortlist.entries()) ideaIds.push(await insertIdea(idea, i));
    return { contestId: contest.id, ideaIds };
  });
}

/** Casts ballots (each a list of idea ids, one per sticker) through the vote's own use case, as letters with a code would. */
export async function castDemoCodeBallots(input: { slug: string; organiser: string; ballots: readonly (readonly number[])[]; now: number }): Promise<void> {
  const details = await getContestBySlug(input.slug);
  if (!details) return;
  const contest = votingContestOf(details);
  const pepper = votingPepper();
  const { codes } = await generateCodeBatch({
    actorUserId: input.organiser,
    contestId: contest.id,
    label: "Brieven (demo)",
    size: input.ballots.length,
    pepper,
    now: input.now - day,
  });
  const cast = (ideaIds: readonly number[], i: number) =>
    castBallotWithCode({
      contest,
      code: codes[i]!,
      ballot: { stickers: ideaIds.map((ideaId) => ({ ideaId })), ikDoeMee: [] },
      helper: null,
      pepper,
      now: input.now,
    });
  // On SQLite the ballots share the vote writer's batches. On PostgreSQL each vote is a transaction of
  // its own, and votes of one round at once all count on one turnout row: one at a time, no conflicts.
  const results = [];
  if (dialectOf(getDb()) === "postgres") for (const [i, ideaIds] of input.ballots.entries()) results.push(await cast(ideaIds, i));
  else results.push(...(await Promise.all(input.ballots.map(cast))));
  const refused = results.filter((r) => !r.ok);
  if (refused.length > 0) throw new Error(`${input.slug} demo: ${refused.length} ballots refused: ${JSON.stringify(refused[0])}`);
}
