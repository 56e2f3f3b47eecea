import type { Db } from "../client.server";
import { castDemoCodeBallots, demoUserId, insertDemoContest } from "./demo-contest";

// A demo contest of Wijkteam Keizerslanden whose vote closed yesterday: the prize ceremony can
// start (issue 7). 38 residents voted with the code from their letter, cast through the voting
// module's own use case. Stacking is allowed, so the ranking shows the written tie-break at work:
// two ideas end with 20 stickers each, and the one more residents put a sticker on goes first.

export const resultsDemoSlug = "buurtprijs-keizerslanden-2026";

const day = 24 * 60 * 60 * 1000;

const shortlist = [
  {
    key: "A",
    title: "Jeu-de-boulesbaan bij De Linde",
    summary: "Een baan voor jeu de boules naast het buurthuis, met een bankje en een lamp.",
    cost: 4500,
    owner: "bewoner@keizerslanden.nl",
  },
  {
    key: "B",
    title: "Buurtbieb in de oude telefooncel",
    summary: "Boeken ruilen in een opgeknapte telefooncel op het pleintje.",
    cost: 1200,
    owner: "mohamed@voorbeeld.nl",
  },
  {
    key: "C",
    title: "Lichtjes in de Weteringstraat",
    summary: "Lichtsnoeren tussen de bomen in de winter, aan en uit met een tijdklok.",
    cost: 3000,
    owner: null,
  },
  {
    key: "D",
    title: "Repair Café elke maand",
    summary: "Vrijwilligers repareren kapotte spullen, met koffie en gereedschap.",
    cost: 2500,
    owner: "bewoner@keizerslanden.nl",
  },
  {
    key: "E",
    title: "Picknicktafels in het Keizerspark",
    summary: "Drie stevige picknicktafels bij de speeltuin, ook voor rolstoelen.",
    cost: 2800,
    owner: "mohamed@voorbeeld.nl",
  },
  {
    key: "F",
    title: "Muurschildering bij de fietstunnel",
    summary: "Kinderen uit de wijk ontwerpen een schildering voor de grijze tunnelmuur.",
    cost: 6000,
    owner: null,
  },
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
  const organiser = await demoUserId(db, "organisator@keizerslanden.nl");
  // Voting closed yesterday at 20:00 (Amsterdam winter time); the prize-giving week runs until six days from now.
  const stemmenEnd = Math.floor(options.now / day) * day + 19 * 60 * 60 * 1000 - day;
  const votedAt = stemmenEnd - 2 * day;
  const made = await insertDemoContest(db, {
    organisationSlug: "wijkteam-keizerslanden",
    areaName: "Keizerslanden",
    contest: {
      slug: resultsDemoSlug,
      title: "Buurtprijs Keizerslanden 2026",
      intro:
        "Zes plannen voor een gezelligere wijk. Iedere bewoner kreeg drie stickers, en mocht er ook meer op één plan plakken. Het stemmen is voorbij. De winnaars horen het bij de prijsuitreiking.",
      budgetEuros: 10000,
      allowStacking: true,
      outcomeRule: "prizes-by-rank",
      eligibleByAccount: true,
      eligibleByCode: true,
      eligibleByPoster: false,
    },
    prizes: [
      ["Eerste prijs", 5000],
      ["Tweede prijs", 3000],
      ["Derde prijs", 2000],
    ],
    lengths: [14, 28, 14, 21, 14, 7, 90],
    anchor: { phase: "prijsuitreiking", startsAt: stemmenEnd },
    shortlist: shortlist.map((idea) => ({ ...idea, paper: { name: "Bewoner van de Weteringstraat", contact: "Via het wijkteam" } })),
    handedInDaysBefore: 50,
    createdAt: options.now - 150 * day,
  });
  if (!made || !organiser) return;
  const ideaIds = new Map(shortlist.map((idea, i) => [idea.key, made.ideaIds[i]!] as const));

  const ballots = ballotGroups.flatMap(([count, keys]) => Array.from({ length: count }, () => keys.map((key) => ideaIds.get(key)!)));
  await castDemoCodeBallots({ slug: resultsDemoSlug, organiser, ballots, now: votedAt });
}
