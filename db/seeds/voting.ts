import { eq } from "drizzle-orm";
import type { Db } from "../client.server";
import { areas, contestAreas, contestPhases, contestPrizes, contests, ideas, organisations, users } from "../schema";
import { phaseNames } from "../schema/contests";

// A second demo contest of Wijkteam Keizerslanden that is in its voting phase, with a shortlist of
// worked-out ideas: the demo's sticker vote (issue 6). Anna (bewoner@keizerslanden.nl) and Mohamed
// live in its area and can vote with their accounts; organisers can make voting codes, register
// attendees at the desk and enter the poster counts.

export const votingDemoSlug = "groen-keizerslanden-2026";

const day = 24 * 60 * 60 * 1000;

const shortlist: { title: string; summary: string; cost: number; owner: string | null; paper?: string }[] = [
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
    paper: "Gerrit Smit",
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
export function seedVotingDemo(db: Db, options: { now: number }): void {
  if (db.select({ id: contests.id }).from(contests).where(eq(contests.slug, votingDemoSlug)).get()) return;
  const wijkteam = db.select().from(organisations).where(eq(organisations.slug, "wijkteam-keizerslanden")).get();
  const keizerslanden = db.select().from(areas).where(eq(areas.name, "Keizerslanden")).get();
  if (!wijkteam || !keizerslanden) return;
  const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
  const organiser = userId("organisator@keizerslanden.nl");
  const created = new Date(options.now - 120 * day);

  db.transaction((tx) => {
    const contest = tx
      .insert(contests)
      .values({
        organisationId: wijkteam.id,
        slug: votingDemoSlug,
        title: "Groen Keizerslanden 2026",
        intro:
          "Een groenere wijk, met je buren. De jury koos vijf plannen. Kies nu met je stickers welke plannen er komen. Stem online, met de code uit je brief, of met stickers op de posters bij de keuzebijeenkomst.",
        status: "gepubliceerd",
        budgetEuros: 15000,
        outcomeRule: "prizes-by-rank",
        eligibleByAccount: true,
        eligibleByCode: true,
        eligibleByPoster: true,
        createdAt: created,
        updatedAt: created,
      })
      .returning()
      .get();
    tx.insert(contestAreas).values({ contestId: contest.id, areaId: keizerslanden.id }).run();
    tx.insert(contestPrizes)
      .values([
        { contestId: contest.id, position: 1, name: "Eerste prijs", amountEuros: 7500 },
        { contestId: contest.id, position: 2, name: "Tweede prijs", amountEuros: 5000 },
        { contestId: contest.id, position: 3, name: "Derde prijs", amountEuros: 2500 },
      ])
      .run();

    // Voting started three days ago at 09:00 Amsterdam winter time and runs for two weeks.
    const stemmenStart = Math.floor(options.now / day) * day + 8 * 60 * 60 * 1000 - 3 * day;
    const lengths = [14, 28, 14, 21, 14, 7, 180];
    const stemmenIndex = phaseNames.indexOf("stemmen");
    let start = stemmenStart - lengths.slice(0, stemmenIndex).reduce((a, b) => a + b, 0) * day;
    tx.insert(contestPhases)
      .values(
        phaseNames.map((phase, i) => {
          const row = { contestId: contest.id, phase, startsAt: start, endsAt: start + lengths[i]! * day };
          start = row.endsAt;
          return row;
        }),
      )
      .run();

    for (const [i, idea] of shortlist.entries()) {
      const at = new Date(stemmenStart - (40 + i) * day);
      const owner = idea.owner ? userId(idea.owner) : null;
      const author =
        owner !== null
          ? { ownerUserId: owner }
          : { isPaper: true, paperName: idea.paper ?? "Bewoner", paperContact: "Telefoon 0570 000 000", paperConsentAt: at, paperConsentHow: "paper-form", enteredByUserId: organiser };
      tx.insert(ideas)
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
        .run();
    }
  });
}
