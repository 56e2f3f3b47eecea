import { one, many, run } from "../query.server";
import { transact } from "../transact.server";
import { count, eq } from "drizzle-orm";
import type { Db } from "../client.server";
import { areas, contestAreas, contestPhases, contestPrizes, contests, municipalities, organisations, roleAssignments, users } from "../schema";
import { phaseNames } from "../schema/contests";
import { seedAftercareContest, seedAftercareDemo } from "./aftercare";
import { seedIdeas } from "./ideas";
import { seedDemoPictures } from "./pictures/seed";
import { seedOrganisationLooks } from "./organisation-looks";
import { seedParticipationDemo } from "./participation";
import { seedDraagvlakDemo } from "./draagvlak";
import { seedResultsDemo } from "./results";
import { seedVotingDemo } from "./voting";
import { votingPepper } from "../../app/lib/secrets.server";
import { saveAddressList } from "../../app/modules/voting/address-list.server";
import { normalizeAddress } from "../../app/modules/voting/voter-identity";

export type DemoLogin = { role: string; email: string; password: string };

// One password for every demo account, printed at start and in the README. Never use it for real accounts.
export const demoPassword = "wijkvonk-demo";

type DemoUser = { key: string; name: string; email: string; postcode: string; role: string; beheerder?: boolean };

const demoUsers: DemoUser[] = [
  { key: "beheer", name: "Bram Beheer", email: "beheer@wijkvonk.nl", postcode: "7411 AB", role: "beheerder", beheerder: true },
  { key: "org", name: "Olga Organisator", email: "organisator@keizerslanden.nl", postcode: "7416 BK", role: "organisator (Wijkteam Keizerslanden)" },
  { key: "orgAssen", name: "Otto Oosting", email: "organisator@assen.nl", postcode: "9401 AA", role: "organisator (Gemeente Assen)" },
  { key: "chair", name: "Joke Jansen", email: "jury@keizerslanden.nl", postcode: "7416 CD", role: "jurylid, voorzitter (Vonk Keizerslanden)" },
  { key: "juror2", name: "Hamid Bakker", email: "jury2@keizerslanden.nl", postcode: "7416 EF", role: "jurylid (Vonk Keizerslanden)" },
  { key: "anna", name: "Anna de Vries", email: "bewoner@keizerslanden.nl", postcode: "7416 GH", role: "bewoner (Keizerslanden)" },
  { key: "mo", name: "Mohamed El Amrani", email: "mohamed@voorbeeld.nl", postcode: "7417 AB", role: "bewoner (Keizerslanden)" },
  { key: "sanne", name: "Sanne Visser", email: "sanne@voorbeeld.nl", postcode: "7421 ZZ", role: "bewoner (Colmschate, buiten de ronde)" },
];

const day = 24 * 60 * 60 * 1000;

/** A schedule around `now` with the current phase given, so the demo is always live whatever the date. */
function scheduleAround(
  now: number,
  currentPhase: number,
  lengthsInDays: number[],
): { phase: (typeof phaseNames)[number]; startsAt: number; endsAt: number }[] {
  // Phases start at 09:00 Amsterdam winter time (08:00 UTC) on whole days: readable dates in the demo.
  const today = Math.floor(now / day) * day + 8 * 60 * 60 * 1000;
  let start = today - lengthsInDays.slice(0, currentPhase).reduce((a, b) => a + b, 0) * day - 3 * day;
  if (currentPhase === 0) start = today - 3 * day;
  return phaseNames.map((phase, i) => {
    const window = { phase, startsAt: start, endsAt: start + lengthsInDays[i]! * day };
    start = window.endsAt;
    return window;
  });
}

export function demoLogins(): DemoLogin[] {
  return demoUsers.map((u) => ({ role: u.role, email: u.email, password: demoPassword }));
}

/** Fills an empty database with a Dutch setting; does nothing (and returns false) when there is data already. */
export async function seedDemo(db: Db, options: { hashPassword: (password: string) => Promise<string>; now?: number }): Promise<boolean> {
  const existing = (await one(db.select({ n: count() }).from(municipalities)))?.n ?? 0;
  if (existing > 0) return false;
  const now = options.now ?? Date.now();
  const passwordHash = await options.hashPassword(demoPassword);
  const created = new Date(now);

  await transact(db, async (tx) => {
    const [deventer, assen] = await many(
      tx
        .insert(municipalities)
        .values([
          { name: "Deventer", slug: "deventer" },
          { name: "Assen", slug: "assen" },
        ])
        .returning(),
    );
    const areaRows = await many(
      tx
        .insert(areas)
        .values([
          { municipalityId: deventer!.id, name: "Keizerslanden", kind: "wijk", postcodes: "7416\n7417" },
          { municipalityId: deventer!.id, name: "Binnenstad", kind: "wijk", postcodes: "7411" },
          { municipalityId: deventer!.id, name: "Colmschate", kind: "wijk", postcodes: "7421-7429" },
          { municipalityId: assen!.id, name: "Peelo", kind: "wijk", postcodes: "9407" },
          { municipalityId: assen!.id, name: "Kloosterveen", kind: "wijk", postcodes: "9408" },
        ])
        .returning(),
    );
    const [wijkteam, gemeenteDeventer, gemeenteAssen] = await many(
      tx
        .insert(organisations)
        .values([
          { municipalityId: deventer!.id, name: "Wijkteam Keizerslanden", slug: "wijkteam-keizerslanden" },
          { municipalityId: deventer!.id, name: "Gemeente Deventer", slug: "gemeente-deventer" },
          { municipalityId: assen!.id, name: "Gemeente Assen", slug: "gemeente-assen" },
        ])
        .returning(),
    );

    const userIds = new Map<string, string>();
    for (const [i, u] of demoUsers.entries()) {
      const id = `demo-${u.key}-${i}`;
      userIds.set(u.key, id);
      await run(
        tx.insert(users).values({
          id,
          email: u.email,
          name: u.name,
          passwordHash,
          postcode: u.postcode,
          isBeheerder: u.beheerder ?? false,
          createdAt: created,
          emailConfirmedAt: created,
        }),
      );
    }

    const base = { createdAt: created, updatedAt: created, status: "gepubliceerd" as const };
    const [vonk, assenTop, binnenstad] = await many(
      tx
        .insert(contests)
        .values([
          {
            ...base,
            organisationId: wijkteam!.id,
            slug: "vonk-keizerslanden-2027",
            title: "Vonk Keizerslanden 2027",
            intro:
              "Wat maakt Keizerslanden mooier, groener of gezelliger? Dien je idee in. Een jury van bewoners kiest de beste plannen en daarna kiest de wijk met drie stickers per bewoner.",
            budgetEuros: 25000,
            maxShortlist: 10,
            outcomeRule: "prizes-by-rank",
            eligibleByAccount: true,
            eligibleByCode: true,
            eligibleByPoster: true,
          },
          {
            ...base,
            organisationId: gemeenteAssen!.id,
            slug: "assen-top-idee-2027",
            title: "Assen Top Idee 2027",
            intro:
              "Jongeren uit Peelo en Kloosterveen bedenken plannen voor hun wijk. De gemeente verdeelt het budget eerlijk: iedere stemmer krijgt een even groot deel.",
            budgetEuros: 100000,
            outcomeRule: "equal-shares",
            minVoterAge: 12,
            // The municipality's address list (issue 15), with a small generated list below.
            accountCheck: "address-list",
          },
          {
            ...base,
            status: "concept",
            organisationId: gemeenteDeventer!.id,
            slug: "buurtbudget-binnenstad-2028",
            title: "Buurtbudget Binnenstad 2028",
            intro: "In voorbereiding: de projectgroep schrijft het plan.",
            budgetEuros: 40000,
            outcomeRule: "greedy",
          },
        ])
        .returning(),
    );

    const areaId = (name: string) => areaRows.find((a) => a.name === name)!.id;
    await run(
      tx.insert(contestAreas).values([
        { contestId: vonk!.id, areaId: areaId("Keizerslanden") },
        { contestId: assenTop!.id, areaId: areaId("Peelo") },
        { contestId: assenTop!.id, areaId: areaId("Kloosterveen") },
        { contestId: binnenstad!.id, areaId: areaId("Binnenstad") },
      ]),
    );

    await run(
      tx.insert(contestPrizes).values([
        { contestId: vonk!.id, position: 1, name: "Eerste prijs", amountEuros: 10000, description: "Voor het idee met de meeste stickers" },
        { contestId: vonk!.id, position: 2, name: "Tweede prijs", amountEuros: 7500 },
        { contestId: vonk!.id, position: 3, name: "Derde prijs", amountEuros: 5000 },
        { contestId: vonk!.id, position: 4, name: "Aanmoedigingsprijs", amountEuros: 2500, description: "Voor een idee van jonge bewoners" },
      ]),
    );

    const phaseLengths = [14, 28, 14, 21, 14, 7, 180];
    const phaseRows = [
      ...scheduleAround(now, 1, phaseLengths).map((p) => ({ ...p, contestId: vonk!.id })),
      ...scheduleAround(now, 0, phaseLengths).map((p) => ({ ...p, contestId: assenTop!.id })),
      ...scheduleAround(now + 60 * day, 0, phaseLengths).map((p) => ({ ...p, contestId: binnenstad!.id })),
    ];
    await run(tx.insert(contestPhases).values(phaseRows));

    await run(
      tx.insert(roleAssignments).values([
        { userId: userIds.get("org")!, role: "organisator", organisationId: wijkteam!.id, createdAt: created },
        { userId: userIds.get("org")!, role: "organisator", organisationId: gemeenteDeventer!.id, createdAt: created },
        { userId: userIds.get("orgAssen")!, role: "organisator", organisationId: gemeenteAssen!.id, createdAt: created },
        { userId: userIds.get("chair")!, role: "jurylid", contestId: vonk!.id, isChair: true, createdAt: created },
        { userId: userIds.get("juror2")!, role: "jurylid", contestId: vonk!.id, createdAt: created },
      ]),
    );
  });

  await seedDemoAddressList(db, { now });
  await seedOrganisationLooks(db);
  await seedIdeas(db, { now });
  await seedVotingDemo(db, { now });
  await seedResultsDemo(db, { now });
  await seedAftercareDemo(db, { now });
  await seedAftercareContest(db, { now });
  await seedParticipationDemo(db);
  await seedDraagvlakDemo(db, { now });
  await seedDemoPictures(db);
  return true;
}

/**
 * Assen Top Idee 2027 checks addresses: a generated list for Peelo (9407) and Kloosterveen (9408),
 * postcodes AA to AE with house numbers 1 to 20, one to three residents who may vote at each.
 */
async function seedDemoAddressList(db: Db, options: { now: number }): Promise<void> {
  const contest = await one(db.select({ id: contests.id }).from(contests).where(eq(contests.slug, "assen-top-idee-2027")));
  const organiser = await one(db.select({ id: users.id }).from(users).where(eq(users.email, "organisator@assen.nl")));
  if (!contest || !organiser) return;
  const addresses = ["9407", "9408"].flatMap((digits) =>
    ["AA", "AB", "AC", "AD", "AE"].flatMap((letters) =>
      Array.from({ length: 20 }, (_, i) => ({
        address: normalizeAddress({ postcode: `${digits} ${letters}`, houseNumber: String(i + 1) })!,
        voters: 1 + (i % 3),
      })),
    ),
  );
  await saveAddressList({ actorUserId: organiser.id, contestId: contest.id, addresses, letters: null, pepper: votingPepper(), now: options.now });
}
