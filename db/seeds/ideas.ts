import { one, many, run } from "../query.server";
import { transact } from "../transact.server";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client.server";
import { contests, ideaBuurten, ideaCategories, ideaCoInitiators, ideaCostLines, ideas, users } from "../schema";

// Demo ideas for Vonk Keizerslanden (in phase indienen in the demo) and the categories and buurten of
// both public demo contests. Their pictures are drawn and stored by ./pictures/seed.ts.

const day = 24 * 60 * 60 * 1000;

type DemoIdea = {
  title: string;
  summary: string;
  description: string;
  helpNeeded?: string;
  locationText?: string;
  category: string;
  buurt: string;
  lines: [string, number][];
  owner?: string;
  coInitiator?: string;
  paper?: { name: string; contact: string };
  daysAgo: number;
};

// Demo points in Keizerslanden, Deventer, so the round's map has pins (issue 18); the meal has no one place.
const demoPoints: Record<string, [number, number]> = {
  "Bankjes en bloemen bij de vijver": [52.2601, 6.1838],
  "Speeltuin voor de kleintjes": [52.2572, 6.1881],
  "Veilig oversteken bij de school": [52.2556, 6.1809],
  "Muurschildering in de onderdoorgang": [52.2538, 6.1768],
  "Moestuin voor de hele buurt": [52.2589, 6.1925],
};

const demoIdeas: DemoIdea[] = [
  {
    title: "Bankjes en bloemen bij de vijver",
    summary: "Drie bankjes en een bloemenrand bij de vijver, zodat je er even kunt zitten en praten.",
    description:
      "Bij de vijver kun je nergens zitten. Ouderen lopen er graag een rondje, maar moeten dan zonder pauze terug.\n\nWe willen drie stevige bankjes en een rand met bloemen die bijen trekken. Buren geven de bloemen water in de zomer.",
    helpNeeded: "Buren die in de zomer één keer per week water willen geven.",
    locationText: "Vijver aan de noordkant van het park",
    category: "Groen en natuur",
    buurt: "Keizerslanden-Midden",
    lines: [
      ["Drie bankjes van gerecycled plastic", 3600],
      ["Bloembollen en vaste planten", 700],
      ["Tegels en plaatsing", 500],
    ],
    owner: "bewoner@keizerslanden.nl",
    daysAgo: 2,
  },
  {
    title: "Speeltuin voor de kleintjes",
    summary: "Een kleine speeltuin met zandbak en schommel voor kinderen tot zes jaar.",
    description:
      "In Keizerslanden-Noord wonen veel jonge gezinnen, maar de dichtstbijzijnde speeltuin is voor grote kinderen. We willen een veilige plek met een zandbak, een babyschommel en een bankje voor de ouders.",
    helpNeeded: "Iemand die verstand heeft van veilige speeltoestellen.",
    category: "Spelen en sport",
    buurt: "Keizerslanden-Noord",
    lines: [
      ["Zandbak met deksel", 2500],
      ["Babyschommel", 4200],
      ["Valdempende tegels", 4800],
      ["Bankje", 1000],
    ],
    owner: "mohamed@voorbeeld.nl",
    coInitiator: "bewoner@keizerslanden.nl",
    daysAgo: 3,
  },
  {
    title: "Buurtmaaltijd op woensdag",
    summary: "Eén keer per maand samen koken en eten in het wijkcentrum. Iedereen is welkom.",
    description:
      "Veel mensen in de buurt eten alleen. Een vaste maaltijd op woensdag brengt mensen bij elkaar. Vrijwilligers koken, gasten betalen wat ze kunnen.",
    helpNeeded: "Koks en mensen die willen afwassen.",
    locationText: "Wijkcentrum",
    category: "Samen en ontmoeten",
    buurt: "Keizerslanden-Midden",
    lines: [],
    paper: { name: "Truus Hendriks", contact: "Telefoon 0570 123 456" },
    daysAgo: 1,
  },
  {
    title: "Veilig oversteken bij de school",
    summary: "Een zebrapad en een verkeersdrempel bij de basisschool, zodat kinderen veilig oversteken.",
    description:
      "Elke ochtend rijden auto's hier te hard, juist als de kinderen naar school gaan. Een zebrapad met een drempel en een bord maakt het veiliger. De school en de ouderraad steunen het plan.",
    category: "Verkeer en veiligheid",
    buurt: "Keizerslanden-Zuid",
    lines: [
      ["Verkeersdrempel", 2000],
      ["Zebrapad en borden", 1200],
    ],
    owner: "bewoner@keizerslanden.nl",
    daysAgo: 1,
  },
  {
    title: "Muurschildering in de onderdoorgang",
    summary: "Jongeren uit de buurt beschilderen de grijze onderdoorgang samen met een kunstenaar.",
    description:
      "De onderdoorgang is donker en vol graffiti. Met een kunstenaar ontwerpen jongeren een vrolijke muurschildering over de geschiedenis van de wijk. Dat maakt de plek lichter en de jongeren trots.",
    helpNeeded: "Een kunstenaar die workshops wil geven.",
    locationText: "Onderdoorgang bij het spoor",
    category: "Kunst en cultuur",
    buurt: "Keizerslanden-Noord",
    lines: [
      ["Kunstenaar, 4 workshops", 3000],
      ["Verf en materiaal", 1800],
      ["Extra verlichting", 1200],
    ],
    owner: "mohamed@voorbeeld.nl",
    daysAgo: 2,
  },
  {
    title: "Moestuin voor de hele buurt",
    summary: "Een gezamenlijke moestuin op het braakliggende stuk grond achter de flats.",
    description:
      "Achter de flats ligt een stuk grond waar niets mee gebeurt. Met moestuinbakken kunnen buren samen groente kweken. Kinderen van de school mogen één bak gebruiken.",
    helpNeeded: "Mensen die willen tuinieren, ook zonder ervaring.",
    category: "Groen en natuur",
    buurt: "Keizerslanden-Zuid",
    lines: [],
    owner: "bewoner@keizerslanden.nl",
    daysAgo: 0,
  },
];

const fixedCosts: Record<string, number> = { "Buurtmaaltijd op woensdag": 1500, "Moestuin voor de hele buurt": 2750 };

/** Categories and buurten for the public demo contests, and the demo ideas of Vonk Keizerslanden. */
export async function seedIdeas(db: Db, options: { now: number }): Promise<void> {
  const bySlug = new Map(
    (
      await many(
        db
          .select()
          .from(contests)
          .where(inArray(contests.slug, ["vonk-keizerslanden-2027", "assen-top-idee-2027"])),
      )
    ).map((c) => [c.slug, c]),
  );
  const vonk = bySlug.get("vonk-keizerslanden-2027");
  const assen = bySlug.get("assen-top-idee-2027");
  if (!vonk || !assen) return;
  const userId = async (email: string) => (await one(db.select({ id: users.id }).from(users).where(eq(users.email, email))))!.id;
  const organiser = await userId("organisator@keizerslanden.nl");

  await transact(db, async (tx) => {
    const categoryNames = ["Groen en natuur", "Spelen en sport", "Samen en ontmoeten", "Verkeer en veiligheid", "Kunst en cultuur"];
    const categories = await many(
      tx
        .insert(ideaCategories)
        .values(categoryNames.map((name, i) => ({ contestId: vonk.id, name, position: i + 1 })))
        .returning(),
    );
    const buurten = await many(
      tx
        .insert(ideaBuurten)
        .values(["Keizerslanden-Noord", "Keizerslanden-Midden", "Keizerslanden-Zuid"].map((name, i) => ({ contestId: vonk.id, name, position: i + 1 })))
        .returning(),
    );
    await run(
      tx.insert(ideaCategories).values(["Sport en spel", "Natuur", "Ontmoeten", "Cultuur"].map((name, i) => ({ contestId: assen.id, name, position: i + 1 }))),
    );
    await run(tx.insert(ideaBuurten).values(["Peelo", "Kloosterveen"].map((name, i) => ({ contestId: assen.id, name, position: i + 1 }))));

    for (const demo of demoIdeas) {
      const at = new Date(options.now - demo.daysAgo * day - 3 * 60 * 60 * 1000);
      const cost = fixedCosts[demo.title] ?? demo.lines.reduce((sum, [, amount]) => sum + amount, 0);
      const author = demo.paper
        ? {
            isPaper: true,
            paperName: demo.paper.name,
            paperContact: demo.paper.contact,
            paperConsentAt: at,
            paperConsentHow: "paper-form",
            enteredByUserId: organiser,
          }
        : { ownerUserId: await userId(demo.owner!) };
      const idea = await one(
        tx
          .insert(ideas)
          .values({
            contestId: vonk.id,
            status: "submitted",
            title: demo.title,
            summary: demo.summary,
            description: demo.description,
            helpNeeded: demo.helpNeeded ?? "",
            locationText: demo.locationText ?? null,
            latitude: demoPoints[demo.title]?.[0] ?? null,
            longitude: demoPoints[demo.title]?.[1] ?? null,
            costEuros: cost,
            categoryId: categories.find((c) => c.name === demo.category)!.id,
            buurtId: buurten.find((b) => b.name === demo.buurt)!.id,
            createdAt: at,
            updatedAt: at,
            submittedAt: at,
            contactConfirmedAt: at,
            ...author,
          })
          .returning({ id: ideas.id }),
      );
      if (demo.lines.length > 0) {
        await run(
          tx.insert(ideaCostLines).values(demo.lines.map(([description, amountEuros], i) => ({ ideaId: idea.id, position: i + 1, description, amountEuros }))),
        );
      }
      if (demo.coInitiator) {
        await run(
          tx.insert(ideaCoInitiators).values({
            ideaId: idea.id,
            email: demo.coInitiator,
            tokenHash: `demo-accepted-${idea.id}`,
            invitedAt: at,
            userId: await userId(demo.coInitiator),
            acceptedAt: at,
          }),
        );
      }
    }
  });
}
