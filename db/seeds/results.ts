import { eq } from "drizzle-orm";
import type { Db } from "../client.server";
import { areas, contestAreas, contestPhases, contestPrizes, contests, ideas, organisations, users } from "../schema";
import { phaseNames } from "../schema/contests";
import { votingPepper } from "../../app/lib/secrets.server";
import { getContestBySlug } from "../../app/modules/contests/contests.server";
import { generateCodeBatch } from "../../app/modules/voting/codes.server";
import { castBallotWithCode, votingContestOf } from "../../app/modules/voting/votes.server";

// A demo contest of Wijkteam Keizerslanden whose vote closed yesterday: the prize ceremony can
// start (issue 7). 38 residents voted with the code from their letter, cast through the voting
// module's own use case. Stacking is allowed, so the ranking shows the written tie-break at work:
// two ideas end with 20 stickers each, and the one more residents put a sticker on goes first.

export const resultsDemoSlug = "buurtprijs-keizerslanden-2026";

const day = 24 * 60 * 60 * 1000;

const shortlist = [
  { key: "A", title: "Jeu-de-boulesbaan bij De Linde", summary: "Een baan voor jeu de boules naast het buurthuis, met een bankje en een lamp.", cost: 4500, owner: "bewoner@keizerslanden.nl" },
  { key: "B", title: "Buurtbieb in de oude telefooncel", summary: "Boeken ruilen in een opgeknapte telefooncel op het pleintje.", cost: 1200, owner: "mohamed@voorbeeld.nl" },
  { key: "C", title: "Lichtjes in de Weteringstraat", summary: "Lichtsnoeren tussen de bomen in de winter, aan en uit met een tijdklok.", cost: 3000, owner: null },
  { key: "D", title: "Repair Café elke maand", summary: "Vrijwilligers repareren kapotte spullen, met koffie en gereedschap.", cost: 2500, owner: "bewoner@keizerslanden.nl" },
  { key: "E", title: "Picknicktafels in het Keizerspark", summary: "Drie stevige picknicktafels bij de speeltuin, ook voor rolstoelen.", cost: 2800, owner: "mohamed@voorbeeld.nl" },
  { key: "F", title: "Muurschildering bij de fietstunnel", summary: "Kinderen uit de wijk ontwerpen een schildering voor de grijze tunnelmuur.", cost: 6000, owner: null },
] as const;

type Key = (typeof shortlist)[number]["key"];

// How many letters gave which stickers. Totals: D 23 (15 residents), A 21, B 20 (20 residents), E 20 (18), C 15, F 7.
const ballotGroups: [number, Key[]][] = [
  [9, ["A", "B", "D"]],
  [6, ["A", "E", "C"]],
  [4, ["D", "D", "D"]],
  [5, ["B", "E", "F"]],
  [3, ["C", "C", "A"]],
  [2, ["E", "E", "B"]],
  [2, ["B"]],
  [2, ["F"]],
  [3, ["A", "C", "E"]],
  [2, ["B", "D", "E"]],
];

/** Adds the results demo contest; does nothing when it exists or when the demo's organisation is missing. */
export async function seedResultsDemo(db: Db, options: { now: number }): Promise<void> {
  if (db.select({ id: contests.id }).from(contests).where(eq(contests.slug, resultsDemoSlug)).get()) return;
  const wijkteam = db.select().from(organisations).where(eq(organisations.slug, "wijkteam-keizerslanden")).get();
  const keizerslanden = db.select().from(areas).where(eq(areas.name, "Keizerslanden")).get();
  const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
  const organiser = userId("organisator@keizerslanden.nl");
  if (!wijkteam || !keizerslanden || !organiser) return;
  const created = new Date(options.now - 150 * day);
  // Voting closed yesterday at 20:00 (Amsterdam winter time); the prize-giving week runs until six days from now.
  const stemmenEnd = Math.floor(options.now / day) * day + 19 * 60 * 60 * 1000 - day;
  const lengths = [14, 28, 14, 21, 14, 7, 90];
  const stemmenIndex = phaseNames.indexOf("stemmen");
  const votedAt = stemmenEnd - 2 * day;

  const ideaIds = db.transaction((tx) => {
    const contest = tx
      .insert(contests)
      .values({
        organisationId: wijkteam.id,
        slug: resultsDemoSlug,
        title: "Buurtprijs Keizerslanden 2026",
        intro:
          "Zes plannen voor een gezelligere wijk. Iedere bewoner kreeg drie stickers, en mocht er ook meer op één plan plakken. Het stemmen is voorbij. De winnaars horen het bij de prijsuitreiking.",
        status: "gepubliceerd",
        budgetEuros: 10000,
        allowStacking: true,
        outcomeRule: "prizes-by-rank",
        eligibleByAccount: true,
        eligibleByCode: true,
        eligibleByPoster: false,
        createdAt: created,
        updatedAt: created,
      })
      .returning()
      .get();
    tx.insert(contestAreas).values({ contestId: contest.id, areaId: keizerslanden.id }).run();
    tx.insert(contestPrizes)
      .values([
        { contestId: contest.id, position: 1, name: "Eerste prijs", amountEuros: 5000 },
        { contestId: contest.id, position: 2, name: "Tweede prijs", amountEuros: 3000 },
        { contestId: contest.id, position: 3, name: "Derde prijs", amountEuros: 2000 },
      ])
      .run();
    let start = stemmenEnd - lengths.slice(0, stemmenIndex + 1).reduce((a, b) => a + b, 0) * day;
    tx.insert(contestPhases)
      .values(
        phaseNames.map((phase, i) => {
          const row = { contestId: contest.id, phase, startsAt: start, endsAt: start + lengths[i]! * day };
          start = row.endsAt;
          return row;
        }),
      )
      .run();
    const byKey = new Map<Key, number>();
    for (const [i, idea] of shortlist.entries()) {
      const at = new Date(stemmenEnd - (50 + i) * day);
      const owner = idea.owner ? userId(idea.owner) : null;
      const author =
        owner !== null
          ? { ownerUserId: owner }
          : { isPaper: true, paperName: "Bewoner van de Weteringstraat", paperContact: "Via het wijkteam", paperConsentAt: at, paperConsentHow: "paper-form", enteredByUserId: organiser };
      const row = tx
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
        .returning({ id: ideas.id })
        .get();
      byKey.set(idea.key, row.id);
    }
    return byKey;
  });

  // The ballots go in through the vote's own use case, as letters with a code would.
  const details = getContestBySlug(resultsDemoSlug);
  if (!details) return;
  const contest = votingContestOf(details);
  const pepper = votingPepper();
  const size = ballotGroups.reduce((sum, [count]) => sum + count, 0);
  const { codes } = generateCodeBatch({ actorUserId: organiser, contestId: contest.id, label: "Brieven (demo)", size, pepper, now: votedAt - day });
  const ballots = ballotGroups.flatMap(([count, keys]) => Array.from({ length: count }, () => keys));
  const results = await Promise.all(
    ballots.map((keys, i) =>
      castBallotWithCode({
        contest,
        code: codes[i]!,
        ballot: { stickers: keys.map((key) => ({ ideaId: ideaIds.get(key)! })), ikDoeMee: [] },
        helper: null,
        pepper,
        now: votedAt,
      }),
    ),
  );
  const refused = results.filter((r) => !r.ok);
  if (refused.length > 0) throw new Error(`results demo: ${refused.length} ballots refused: ${JSON.stringify(refused[0])}`);
}
