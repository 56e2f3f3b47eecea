import { one, many, run } from "../query.server";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "../client.server";
import { contests, municipalities, realisationMilestones, supporters, taakgroepSignups } from "../schema";
import { changeReferral, contestReferrals, referIdea } from "../../app/modules/aftercare/referrals.server";
import { addMilestone, addSpending, addUpdate, setGrant, setMilestoneDone, setTrackStatus } from "../../app/modules/aftercare/track.server";
import { getContestBySlug } from "../../app/modules/contests/contests.server";
import { revealResults } from "../../app/modules/results/results.server";
import { castDemoCodeBallots, demoUserId, insertDemoContest, type DemoIdea } from "./demo-contest";

// The supporter directory of the demo (issue 8, nazorg): who in Deventer and Assen takes on ideas
// that did not win. Invented organisations with invented contact details.

const directory: Record<string, { name: string; kind: (typeof supporters.$inferInsert)["kind"]; topics: string; contact: string; website?: string }[]> = {
  deventer: [
    { name: "Buurtnetwerk Keizerslanden", kind: "buurtnetwerk", topics: "vrijwilligers vinden, buurtactiviteiten", contact: "buurtnetwerk@keizerslanden.nl" },
    { name: "Welzijn Deventer (voorbeeld)", kind: "welzijn", topics: "ouderen, jongeren, ontmoeting", contact: "0570 123 456 · info@welzijn-voorbeeld.nl" },
    {
      name: "Ideeënmakelaar Deventer",
      kind: "ideeenmakelaar",
      topics: "plan maken, vergunningen, subsidie zoeken",
      contact: "ideeenmakelaar@deventer-voorbeeld.nl",
    },
    {
      name: "Wijkfonds Deventer",
      kind: "fonds",
      topics: "geld voor kleine buurtplannen tot € 2.500",
      contact: "wijkfonds@deventer-voorbeeld.nl",
      website: "https://wijkfonds.example.nl",
    },
    { name: "Crowdfunding Samen Deventer", kind: "crowdfunding", topics: "geld ophalen bij buren en bedrijven", contact: "hallo@samen-deventer.example.nl" },
  ],
  assen: [{ name: "Ideeënmakelaar Assen", kind: "ideeenmakelaar", topics: "plan maken, subsidie zoeken", contact: "ideeen@assen-voorbeeld.nl" }],
};

/** Adds the demo supporters; does nothing when a municipality already has some. */
export async function seedAftercareDemo(db: Db, options: { now: number }): Promise<void> {
  for (const [slug, rows] of Object.entries(directory)) {
    const municipality = await one(db.select().from(municipalities).where(eq(municipalities.slug, slug)));
    if (!municipality) continue;
    if (((await one(db.select({ n: count() }).from(supporters).where(eq(supporters.municipalityId, municipality.id))))?.n ?? 0) > 0) continue;
    await run(db.insert(supporters).values(rows.map((r) => ({ ...r, municipalityId: municipality.id, createdAt: options.now, updatedAt: options.now }))));
  }
}

export const aftercareDemoSlug = "buurtvonk-keizerslanden-2025";

const day = 24 * 60 * 60 * 1000;

const shortlist: DemoIdea[] = [
  {
    title: "Moestuin achter De Linde",
    summary: "Bakken met groente en kruiden achter het buurthuis, voor iedereen die wil helpen.",
    cost: 3500,
    owner: "bewoner@keizerslanden.nl",
  },
  {
    title: "Bankjes langs de Ceintuurbaan",
    summary: "Vier bankjes zodat ouderen onderweg naar de winkels even kunnen uitrusten.",
    cost: 2400,
    owner: "mohamed@voorbeeld.nl",
  },
  {
    title: "Kookclub voor nieuwe buren",
    summary: "Eens per maand samen koken en eten met mensen die net in de wijk wonen.",
    cost: 1500,
    owner: null,
    paper: { name: "Fatima el Amrani", contact: "Via het wijkteam" },
  },
  {
    title: "Fietsenmaker-middag voor kinderen",
    summary: "Kinderen leren hun eigen fiets maken, met hulp van vrijwilligers.",
    cost: 900,
    owner: "bewoner@keizerslanden.nl",
  },
  {
    title: "Zonnepanelen op het buurthuis",
    summary: "Panelen op het dak van De Linde, zodat het buurthuis minder energie koopt.",
    cost: 12000,
    owner: "mohamed@voorbeeld.nl",
  },
];

// Stickers per letter; totals: Moestuin 12, Bankjes 10, Kookclub 6, Fietsenmaker 5, Zonnepanelen 3.
const ballotGroups: [count: number, ideas: number[]][] = [
  [5, [0, 1, 2]],
  [4, [0, 1, 3]],
  [3, [0, 2, 4]],
  [1, [1, 2, 3]],
  [1, [3]],
];

const helpers = ["Ria", "Henk", "Samira", "Jeroen", "Lotte", "Ahmed"];

/**
 * A round whose vote ended two months ago and is now in aftercare, so the follow-up dashboard and the
 * public "Wat is er van geworden?" page have something to show: tracks with news and money, a formed
 * taakgroep and one still looking, referrals for ideas that did not win, and an idea that went quiet.
 * Everything goes in through the use cases, as organisers and initiators would have done it.
 */
export async function seedAftercareContest(db: Db, options: { now: number }): Promise<void> {
  const organiser = await demoUserId(db, "organisator@keizerslanden.nl");
  const anna = await demoUserId(db, "bewoner@keizerslanden.nl");
  const nazorgStart = Math.floor(options.now / day) * day + 9 * 60 * 60 * 1000 - 60 * day;
  const lengths = [14, 28, 14, 21, 14, 7, 365];
  const stemmenEnd = nazorgStart - lengths[5]! * day;
  const made = await insertDemoContest(db, {
    organisationSlug: "wijkteam-keizerslanden",
    areaName: "Keizerslanden",
    contest: {
      slug: aftercareDemoSlug,
      title: "Buurtvonk Keizerslanden 2025",
      intro: "De ideeënronde van vorig jaar. De prijzen zijn uitgereikt. Nu gaan de winnaars aan de slag, en krijgen de andere ideeën hulp van ondersteuners.",
      budgetEuros: 6000,
      outcomeRule: "prizes-by-rank",
      eligibleByAccount: true,
      eligibleByCode: true,
    },
    prizes: [
      ["Eerste prijs", 3000],
      ["Tweede prijs", 2000],
      ["Derde prijs", 1000],
    ],
    lengths,
    anchor: { phase: "nazorg", startsAt: nazorgStart },
    shortlist,
    handedInDaysBefore: 90,
    createdAt: options.now - 200 * day,
  });
  if (!made || !organiser || !anna) return;
  const [moestuin, bankjes, kookclub, fietsen, zonnepanelen] = made.ideaIds as [number, number, number, number, number];
  const contestId = made.contestId;
  const ballots = ballotGroups.flatMap(([count, picks]) => Array.from({ length: count }, () => picks.map((i) => made.ideaIds[i]!)));
  await castDemoCodeBallots({ slug: aftercareDemoSlug, organiser, ballots, now: stemmenEnd - 3 * day });
  // The organiser checked the register and made the count final before the ceremony (ADR 007).
  await run(
    db
      .update(contests)
      .set({ votingFinalAt: stemmenEnd + day })
      .where(eq(contests.id, contestId)),
  );
  const revealed = await revealResults({ details: (await getContestBySlug(aftercareDemoSlug))!, actorUserId: organiser, now: stemmenEnd + day });
  if (!revealed.ok) throw new Error(`aftercare demo: results not revealed: ${JSON.stringify(revealed)}`);

  const byOrganiser = { userId: organiser, isOrganiser: true };
  const byAnna = { userId: anna, isOrganiser: false };
  const at = (daysAfterVote: number) => stemmenEnd + daysAfterVote * day;

  // The first prize: granted, well under way, with news.
  await setGrant({ contestId, ideaId: moestuin, grantedEuros: 3000, writer: byOrganiser, now: at(8) });
  await setTrackStatus({ contestId, ideaId: moestuin, status: "in-uitvoering", writer: byAnna, now: at(20) });
  await addMilestone({ contestId, ideaId: moestuin, title: "Bakken bouwen", dueOn: dayOf(at(30)), writer: byAnna, now: at(10) });
  await addMilestone({ contestId, ideaId: moestuin, title: "Eerste oogst vieren", dueOn: dayOf(at(150)), writer: byAnna, now: at(10) });
  await setMilestoneDone({
    contestId,
    ideaId: moestuin,
    milestoneId: await latestMilestoneId(db, moestuin, "Bakken bouwen"),
    done: true,
    writer: byAnna,
    now: at(31),
  });
  await addSpending({
    contestId,
    ideaId: moestuin,
    description: "Hout en schroeven voor zes bakken",
    amountEuros: 1150,
    spentOn: dayOf(at(25)),
    override: false,
    writer: byAnna,
    now: at(26),
  });
  await addSpending({
    contestId,
    ideaId: moestuin,
    description: "Tuinaarde en zaden",
    amountEuros: 420,
    spentOn: dayOf(at(33)),
    override: false,
    writer: byAnna,
    now: at(34),
  });
  await addUpdate({
    contestId,
    ideaId: moestuin,
    text: "De vergunning is binnen en het hout is besteld. Zaterdag bouwen we de eerste bakken. Kom gerust helpen!",
    photo: null,
    writer: byAnna,
    now: at(14),
  });
  await addUpdate({
    contestId,
    ideaId: moestuin,
    text: "Zes bakken staan er! De kinderen van De Linde hebben sla en radijs gezaaid.",
    photo: null,
    writer: byAnna,
    now: at(40),
  });
  // The second prize went quiet: granted, but no news since.
  await setGrant({ contestId, ideaId: bankjes, grantedEuros: 2000, writer: byOrganiser, now: at(8) });
  await setTrackStatus({ contestId, ideaId: bankjes, status: "in-voorbereiding", writer: byOrganiser, now: at(9) });
  // The third prize is done.
  await setGrant({ contestId, ideaId: kookclub, grantedEuros: 1000, writer: byOrganiser, now: at(8) });
  await setTrackStatus({ contestId, ideaId: kookclub, status: "gerealiseerd", writer: byOrganiser, now: at(45) });
  await addSpending({
    contestId,
    ideaId: kookclub,
    description: "Boodschappen voor vijf kookavonden",
    amountEuros: 640,
    spentOn: dayOf(at(44)),
    override: false,
    writer: byOrganiser,
    now: at(45),
  });
  await addUpdate({
    contestId,
    ideaId: kookclub,
    text: "Vijf kookavonden, met elke keer twintig buren aan tafel. De club gaat zelf verder in het buurthuis.",
    photo: null,
    writer: byOrganiser,
    now: at(45),
  });

  // Ideas that did not win, referred to supporters.
  const supporterIds = new Map((await many(db.select().from(supporters))).map((s) => [s.name, s.id] as const));
  const fund = supporterIds.get("Wijkfonds Deventer");
  const broker = supporterIds.get("Ideeënmakelaar Deventer");
  const crowd = supporterIds.get("Crowdfunding Samen Deventer");
  if (fund && broker && crowd) {
    await referIdea({ contestId, ideaId: fietsen, supporterIds: [fund], note: "Klein bedrag nodig voor gereedschap.", userId: organiser, now: at(12) });
    const referral = (await contestReferrals(contestId)).find((r) => r.ideaId === fietsen)!;
    await changeReferral({
      contestId,
      referralId: referral.id,
      status: "in-contact",
      note: "Aanvraag ingediend bij het wijkfonds.",
      userId: organiser,
      now: at(20),
    });
    await changeReferral({ contestId, referralId: referral.id, status: "geholpen", note: "€ 800 toegekend.", userId: organiser, now: at(35) });
    await setTrackStatus({ contestId, ideaId: fietsen, status: "in-voorbereiding", writer: byAnna, now: at(36) });
    await addUpdate({
      contestId,
      ideaId: fietsen,
      text: "Het wijkfonds betaalt het gereedschap. De eerste middag is in de voorjaarsvakantie.",
      photo: null,
      writer: byAnna,
      now: at(36),
    });
    await referIdea({ contestId, ideaId: zonnepanelen, supporterIds: [broker, crowd], note: null, userId: organiser, now: at(40) });
  }

  // Taakgroepen: the first prize formed one, the bankjes still look for two people.
  const signup = async (ideaId: number, name: string, daysAfterVote: number) =>
    run(
      db.insert(taakgroepSignups).values({
        contestId,
        ideaId,
        name,
        contact: `${name.toLowerCase()}@voorbeeld.nl`,
        consentAt: at(daysAfterVote),
        kind: "signup",
        createdAt: at(daysAfterVote),
        sharesContact: true,
      }),
    );
  for (const [i, name] of helpers.slice(0, 4).entries()) await signup(moestuin, name, -3 + i);
  for (const [i, name] of helpers.slice(4).entries()) await signup(bankjes, name, -2 + i);
}

function dayOf(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

async function latestMilestoneId(db: Db, ideaId: number, title: string): Promise<number> {
  return (await one(
    db
      .select({ id: realisationMilestones.id })
      .from(realisationMilestones)
      .where(and(eq(realisationMilestones.ideaId, ideaId), eq(realisationMilestones.title, title))),
  ))!.id;
}
