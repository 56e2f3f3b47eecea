import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client.server";
import { contests, ideaBuurten, ideaCategories, ideaCoInitiators, ideaCostLines, ideaPhotos, ideas, users } from "../schema";
import { processPhoto, writePhotoFiles } from "../../app/lib/photos.server";

// Demo ideas for Vonk Keizerslanden (in phase indienen in the demo), the categories and buurten of
// both public demo contests, and a few illustrated photos drawn as SVG and stored like any upload.

const day = 24 * 60 * 60 * 1000;

type Scene = "pond" | "playground" | "crossing" | "mural" | "garden";

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
  photo?: { scene: Scene; alt: string };
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
    photo: { scene: "pond", alt: "Een vijver met riet en een wilg, en een leeg grasveld ernaast." },
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
    photo: { scene: "playground", alt: "Een tekening van een schommel en een zandbak op een grasveld." },
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
    photo: { scene: "crossing", alt: "Een straat met een zebrapad en een school op de achtergrond." },
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
    photo: { scene: "mural", alt: "Een kleurige muurschildering met huizen en een zon in een tunnel." },
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
    photo: { scene: "garden", alt: "Houten moestuinbakken met tomaten en sla." },
  },
];

const fixedCosts: Record<string, number> = { "Buurtmaaltijd op woensdag": 1500, "Moestuin voor de hele buurt": 2750 };

/** A flat illustration, 1500 × 1000, drawn as SVG: the demo's "photos". */
function sceneSvg(scene: Scene): string {
  const sky = `<rect width="1500" height="1000" fill="#cfe8f7"/><circle cx="1250" cy="170" r="90" fill="#ffd43b"/>`;
  const ground = (colour: string) => `<rect y="640" width="1500" height="360" fill="${colour}"/>`;
  const tree = (x: number, s = 1) =>
    `<rect x="${x - 14 * s}" y="${520 - 10 * s}" width="${28 * s}" height="${140 * s}" fill="#7a4e2d"/><circle cx="${x}" cy="${470 - 30 * s}" r="${110 * s}" fill="#2b7a3d"/><circle cx="${x - 60 * s}" cy="${520 - 30 * s}" r="${70 * s}" fill="#3d9150"/>`;
  switch (scene) {
    case "pond":
      return `${sky}${ground("#8cc56b")}<ellipse cx="750" cy="800" rx="520" ry="130" fill="#4a90c2"/><ellipse cx="700" cy="780" rx="300" ry="50" fill="#6fb0dd"/>${tree(260, 1.3)}${tree(1250, 1)}<g fill="#4d7a2a">${Array.from({ length: 14 }, (_, i) => `<rect x="${240 + i * 18}" y="${690 - (i % 3) * 20}" width="8" height="${90 + (i % 3) * 20}"/>`).join("")}</g>`;
    case "playground":
      return `${sky}${ground("#8cc56b")}<rect x="860" y="700" width="420" height="160" rx="20" fill="#f2d398"/><rect x="900" y="690" width="340" height="30" fill="#c99a4e"/><g stroke="#c2410c" stroke-width="22" fill="none"><path d="M250 880 L380 420 L510 880"/><path d="M600 880 L730 420 L860 880"/><path d="M360 430 L750 430"/></g><g stroke="#1f3a5f" stroke-width="8"><path d="M470 430 V700"/><path d="M560 430 V700"/></g><rect x="450" y="690" width="130" height="26" rx="8" fill="#1f3a5f"/>${tree(1300, 0.9)}`;
    case "crossing":
      return `${sky}<rect x="880" y="300" width="480" height="340" fill="#e6b8a2"/><polygon points="860,310 1120,170 1380,310" fill="#9a3412"/><rect x="1060" y="480" width="110" height="160" fill="#1f3a5f"/><g fill="#ffffff">${Array.from({ length: 4 }, (_, i) => `<rect x="${920 + i * 110}" y="360" width="70" height="70"/>`).join("")}</g><rect y="640" width="1500" height="360" fill="#5b6470"/><g fill="#ffffff">${Array.from({ length: 7 }, (_, i) => `<rect x="${420 + i * 95}" y="690" width="60" height="290"/>`).join("")}</g><rect x="250" y="420" width="16" height="260" fill="#4a5566"/><circle cx="258" cy="410" r="55" fill="#1c64f2"/><polygon points="228,430 258,380 288,430" fill="#fff"/>`;
    case "mural":
      return `<rect width="1500" height="1000" fill="#3b3f46"/><path d="M0 1000 V260 Q750 -60 1500 260 V1000 Z" fill="#59606b"/><rect x="150" y="330" width="1200" height="480" fill="#fff1e8"/><circle cx="1150" cy="450" r="80" fill="#ffd43b"/><g>${Array.from({ length: 6 }, (_, i) => `<rect x="${210 + i * 165}" y="${560 - (i % 2) * 60}" width="130" height="${250 + (i % 2) * 60}" fill="${["#c2410c", "#2b7a3d", "#1c64f2", "#9a3412", "#1f3a5f", "#e0a800"][i]}"/><polygon points="${200 + i * 165},${560 - (i % 2) * 60} ${275 + i * 165},${490 - (i % 2) * 60} ${350 + i * 165},${560 - (i % 2) * 60}" fill="#4a5566"/>`).join("")}</g><rect y="860" width="1500" height="140" fill="#2a2d33"/>`;
    case "garden":
      return `${sky}${ground("#a0703f")}${Array.from({ length: 3 }, (_, i) => `<rect x="${120 + i * 460}" y="620" width="400" height="220" fill="#c99a4e" stroke="#7a4e2d" stroke-width="14"/>${Array.from({ length: 5 }, (_, j) => `<circle cx="${170 + i * 460 + j * 75}" cy="600" r="${i === 1 ? 30 : 40}" fill="${i === 1 ? "#c2410c" : "#3d9150"}"/><rect x="${166 + i * 460 + j * 75}" y="600" width="8" height="30" fill="#2b7a3d"/>`).join("")}`).join("")}${tree(1380, 0.8)}`;
  }
}

/** Categories and buurten for the public demo contests, and the demo ideas of Vonk Keizerslanden. */
export async function seedIdeas(db: Db, options: { now: number; withPhotos?: boolean }): Promise<void> {
  const bySlug = new Map(
    db
      .select()
      .from(contests)
      .where(inArray(contests.slug, ["vonk-keizerslanden-2027", "assen-top-idee-2027"]))
      .all()
      .map((c) => [c.slug, c]),
  );
  const vonk = bySlug.get("vonk-keizerslanden-2027");
  const assen = bySlug.get("assen-top-idee-2027");
  if (!vonk || !assen) return;
  const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  const organiser = userId("organisator@keizerslanden.nl");

  const photos = new Map<string, Awaited<ReturnType<typeof processPhoto>>>();
  if (options.withPhotos !== false) {
    for (const idea of demoIdeas) {
      if (!idea.photo) continue;
      const processed = await processPhoto(new Uint8Array(await svgToPng(sceneSvg(idea.photo.scene))));
      if (processed) {
        await writePhotoFiles(processed);
        photos.set(idea.title, processed);
      }
    }
  }

  db.transaction((tx) => {
    const categoryNames = ["Groen en natuur", "Spelen en sport", "Samen en ontmoeten", "Verkeer en veiligheid", "Kunst en cultuur"];
    const categories = tx
      .insert(ideaCategories)
      .values(categoryNames.map((name, i) => ({ contestId: vonk.id, name, position: i + 1 })))
      .returning()
      .all();
    const buurten = tx
      .insert(ideaBuurten)
      .values(["Keizerslanden-Noord", "Keizerslanden-Midden", "Keizerslanden-Zuid"].map((name, i) => ({ contestId: vonk.id, name, position: i + 1 })))
      .returning()
      .all();
    tx.insert(ideaCategories)
      .values(["Sport en spel", "Natuur", "Ontmoeten", "Cultuur"].map((name, i) => ({ contestId: assen.id, name, position: i + 1 })))
      .run();
    tx.insert(ideaBuurten)
      .values(["Peelo", "Kloosterveen"].map((name, i) => ({ contestId: assen.id, name, position: i + 1 })))
      .run();

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
        : { ownerUserId: userId(demo.owner!) };
      const idea = tx
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
        .returning({ id: ideas.id })
        .get();
      if (demo.lines.length > 0) {
        tx.insert(ideaCostLines)
          .values(demo.lines.map(([description, amountEuros], i) => ({ ideaId: idea.id, position: i + 1, description, amountEuros })))
          .run();
      }
      if (demo.coInitiator) {
        tx.insert(ideaCoInitiators)
          .values({
            ideaId: idea.id,
            email: demo.coInitiator,
            tokenHash: `demo-accepted-${idea.id}`,
            invitedAt: at,
            userId: userId(demo.coInitiator),
            acceptedAt: at,
          })
          .run();
      }
      const photo = photos.get(demo.title);
      if (photo && demo.photo) {
        tx.insert(ideaPhotos)
          .values({ ideaId: idea.id, storageKey: photo.storageKey, altText: demo.photo.alt, width: photo.width, height: photo.height, createdAt: at })
          .run();
      }
    }
  });
}

async function svgToPng(svg: string): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="1000" viewBox="0 0 1500 1000">${svg}</svg>`))
    .png()
    .toBuffer();
}
