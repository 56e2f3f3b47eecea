// Fills one database file for a bench, in a process of its own: the demo seeds use the process's one
// connection (getDb(), from DATABASE_PATH), so each file gets its own process. Run by
// bench/support/databases.ts, which sets DATABASE_PATH and VOTING_PEPPER:
//
//   node --import tsx bench/support/prepare-database.ts '{"residents":1000,"sessions":true,"cityRound":true}'
//
// Prints one line "PREPARED <json>" with the contest ids and idea ids the bench needs.

import { one } from "~db/query.server";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "../../db/client.server";
import { contests } from "../../db/schema";
import { seedDemo } from "../../db/seeds/demo";
import { insertDemoContest, type DemoIdea } from "../../db/seeds/demo-contest";
import { votingDemoSlug } from "../../db/seeds/voting";
import { hashPassword } from "../../app/modules/auth/password.server";
import { seededRandom } from "../../tests/support/seeded-random";
import { citySlug, generateCityRound } from "./city-round";
import type { Prepared, PrepareOptions } from "./databases";
import { addBenchResidents } from "./residents";

const day = 24 * 60 * 60 * 1000;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const kinds = [
  "Speeltuin",
  "Moestuin",
  "Bankjes",
  "Fietsenstalling",
  "Buurtfeest",
  "Geveltuinen",
  "Boomgaard",
  "Trapveldje",
  "Jeu-de-boulesbaan",
  "Ontmoetingsplek",
];
const places = [
  "Het Hofje",
  "de Zwolseweg",
  "het Keizersplein",
  "de Rembrandtlaan",
  "het park",
  "de school",
  "de Brink",
  "de vijver",
  "het winkelcentrum",
  "de sporthal",
];

/** The city round as a contest in stemmen: 100 paper ideas, and per voter a register row and a ballot, as castBallot writes them. */
async function insertCityRound(now: number): Promise<Prepared["city"]> {
  const db = getDb();
  const round = generateCityRound();
  const shortlist: DemoIdea[] = round.projects.map((p, i) => ({
    title: `${kinds[i % kinds.length]} bij ${places[Math.floor(i / kinds.length) % places.length]} (${p.id})`,
    summary: "Een plan van buren voor buren: wat het kost staat hieronder, en wie meedoet helpt het uitvoeren. Zo wordt de wijk een beetje mooier.",
    cost: p.cost,
    owner: null,
    paper: { name: `Bewoner ${p.id}`, contact: "Via het wijkteam" },
  }));
  const inserted = await insertDemoContest(db, {
    organisationSlug: "wijkteam-keizerslanden",
    areaName: "Keizerslanden",
    contest: {
      slug: citySlug,
      title: "Begroot Keizerslanden 2026",
      intro: "Een stadsbrede ronde voor de benchmarks: honderd plannen, vijftienduizend stemmers.",
      budgetEuros: round.budget,
      outcomeRule: "equal-shares",
      eligibleByAccount: true,
      eligibleByCode: false,
      eligibleByPoster: false,
    },
    // The budget is shared out by the rule; one prize row because every demo round has prizes.
    prizes: [["Budget voor de wijk", round.budget]],
    lengths: [14, 28, 14, 21, 14, 7, 180],
    anchor: { phase: "stemmen", startsAt: Math.floor(now / day) * day + 8 * 60 * 60 * 1000 - 3 * day },
    shortlist,
    handedInDaysBefore: 40,
    createdAt: now - 120 * day,
  });
  if (!inserted) throw new Error("could not add the city round (is the demo organisation missing?)");
  const ideaOf = new Map(round.projects.map((p, i) => [p.id, inserted.ideaIds[i]!]));
  const random = seededRandom(99);
  const sqlite = db.$client;
  const addUser = sqlite.prepare("INSERT INTO users (id, email, name, password_hash, postcode, created_at) VALUES (?, ?, ?, 'bench-no-login', '7416 AB', ?)");
  // An account vote keeps a key of its email address (ADR 019); the bench's stand-in is unique per voter.
  const register = sqlite.prepare("INSERT INTO voter_register (contest_id, method, user_id, email_key, registered_at) VALUES (?, 'account', ?, ?, ?)");
  const ballot = sqlite.prepare("INSERT INTO ballots (id, contest_id, channel, stickers, voter_pointer, receipt_hash) VALUES (?, ?, 'online', ?, ?, ?)");
  sqlite.transaction(() => {
    for (const [i, vote] of round.ballots.entries()) {
      const userId = `city-user-${i}`;
      addUser.run(userId, `city-${i}@bench.invalid`, `Stemmer ${i}`, now);
      register.run(inserted.contestId, userId, sha256(`city-email:${i}`), now - Math.floor(random() * 3 * day));
      const stickers = JSON.stringify(vote.map((id) => ideaOf.get(id)!).sort((a, b) => a - b));
      const id = Math.floor(random() * 2 ** 21) * 2 ** 32 + Math.floor(random() * 2 ** 32);
      ballot.run(id, inserted.contestId, stickers, sha256(`city:${i}`), sha256(`city-receipt:${i}`));
    }
  })();
  return { slug: citySlug, contestId: inserted.contestId, ideaIds: inserted.ideaIds, voters: round.ballots.length };
}

async function main() {
  const options = JSON.parse(process.argv[2] ?? "{}") as PrepareOptions;
  const now = Date.now();
  const db = getDb();
  await seedDemo(db, { hashPassword, now });
  const contest = await one(db.select().from(contests).where(eq(contests.slug, votingDemoSlug)));
  if (!contest) throw new Error(`the demo seed has no contest ${votingDemoSlug}`);
  const { ideaIds } = await addBenchResidents(db, { contestId: contest.id, count: options.residents, withSessions: options.sessions, now });
  const city = options.cityRound ? await insertCityRound(now) : null;
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  await closeDb();
  const prepared: Prepared = { voting: { slug: votingDemoSlug, contestId: contest.id, ideaIds }, city };
  console.log(`PREPARED ${JSON.stringify(prepared)}`);
}

await main();
