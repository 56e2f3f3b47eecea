import type { Db } from "../client.server";
import { insertDemoContest, type DemoIdea } from "./demo-contest";

// A second demo contest of Wijkteam Keizerslanden that is in its voting phase, with a shortlist of
// worked-out ideas: the demo's sticker vote (issue 6). Anna (bewoner@keizerslanden.nl) and Mohamed
// live in its area and can vote with their accounts; organisers can make voting codes, register
// attendees at the desk and enter the poster counts.

export const votingDemoSlug = "groen-keizerslanden-2026";

const day = 24 * 60 * 60 * 1000;

const shortlist: DemoIdea[] = [
  {
    title: "Bloemenlint langs de Zwolseweg",
    summary: "Een strook bloemen en kruiden langs de stoep, van de school tot de supermarkt. Goed voor bijen en vlinders.",
    cost: 4200,
    owner: "bewoner@keizerslanden.nl",
  },
  {
    title: "Boomspiegels adopteren",
    summary: "Buren planten en verzorgen de kale grond rond de straatbomen. De wijk levert plantjes en gereedschap.",
    cost: 1800,
    owner: "mohamed@voorbeeld.nl",
  },
  {
    title: "Regenton bij elk buurthuis",
    summary: "Vier grote regentonnen, zodat de moestuinen en plantenbakken water hebben zonder kraan.",
    cost: 1600,
    owner: null,
    paper: { name: "Gerrit Smit", contact: "Telefoon 0570 000 000" },
  },
  {
    title: "Groene speelplek Het Hofje",
    summary: "Tegels eruit, gras en boomstammen erin: een natuurlijke speelplek voor de kinderen van het Hofje.",
    cost: 9500,
    owner: "mohamed@voorbeeld.nl",
  },
  {
    title: "Gereedschapsschuur voor de buurt",
    summary: "Een schuur met gedeeld tuingereedschap. Je leent een schop of kruiwagen met je buurtpas.",
    cost: 3100,
    owner: "bewoner@keizerslanden.nl",
  },
];

/** Adds the voting demo contest; does nothing when it exists or when the demo's organisation is missing. */
export async function seedVotingDemo(db: Db, options: { now: number }): Promise<void> {
  await insertDemoContest(db, {
    organisationSlug: "wijkteam-keizerslanden",
    areaName: "Keizerslanden",
    contest: {
      slug: votingDemoSlug,
      title: "Groen Keizerslanden 2026",
      intro:
        "Een groenere wijk, met je buren. De jury koos vijf plannen. Kies nu met je stickers welke plannen er komen. Stem online, met de code uit je brief, of met stickers op de posters bij de keuzebijeenkomst.",
      budgetEuros: 15000,
      outcomeRule: "prizes-by-rank",
      eligibleByAccount: true,
      eligibleByCode: true,
      eligibleByPoster: true,
    },
    prizes: [
      ["Eerste prijs", 7500],
      ["Tweede prijs", 5000],
      ["Derde prijs", 2500],
    ],
    lengths: [14, 28, 14, 21, 14, 7, 180],
    // Voting started three days ago at 09:00 Amsterdam winter time and runs for two weeks.
    anchor: { phase: "stemmen", startsAt: Math.floor(options.now / day) * day + 8 * 60 * 60 * 1000 - 3 * day },
    shortlist,
    handedInDaysBefore: 40,
    createdAt: options.now - 120 * day,
  });
}
