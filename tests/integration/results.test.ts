import { one, many, run } from "~db/query.server";
import { statSync } from "node:fs";
import { readdirSync, readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, ballots, contests, ideaBuurten, organisations, resultDraws, resultPublications, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { resultsDemoSlug } from "~db/seeds/results";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { getContestBySlug, type ContestDetails } from "~/modules/contests/contests.server";
import { finaliseVoting } from "~/modules/contests/console.server";
import { OutsidePhase } from "~/modules/contests/phase-guard.server";
import { phaseAt } from "~/modules/contests/phases";
import { parsePb } from "~/modules/results/pb-format";
import {
  anonymousBallotsOf,
  correctResults,
  countContest,
  drawSeedFor,
  newDrawSeed,
  publishedResultsOf,
  resultsForOrganiser,
  revealResults,
} from "~/modules/results/results.server";
import { archivedResultsOf, importArchivedContest, pbDateToInstant } from "~/modules/results/archive.server";
import { archivedPartsView } from "~/modules/results/archived-parts-view";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { registerByName } from "~/modules/voting/desk.server";
import { savePosterCount } from "~/modules/voting/poster-counts.server";
import { ballotIdeaIds, castBallot, castBallotWithCode, votingContestOf } from "~/modules/voting/votes.server";
import { useTestDatabase } from "../support/test-db";
import { refusedBy } from "../support/refused-by";

// Results on a real SQLite file: ballots cast through the voting module's own use cases, counted,
// revealed (only after voting closed), corrected with a logged reason, and .pb files imported.

const { db, file } = useTestDatabase();
const now = Date.now();
const PABULIB = new URL("../fixtures/pabulib/", import.meta.url);
let details: ContestDetails;
let afterVoting = 0;
let ids: number[] = [];
const people: Record<string, { id: string; name: string; email: string; postcode: string }> = {};

const sticks = (...ideaIds: number[]) => ({ stickers: ideaIds.map((ideaId) => ({ ideaId })), ikDoeMee: [] as number[] });
const fresh = async () => (await getContestBySlug(votingDemoSlug))!;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  details = await fresh();
  afterVoting = details.schedule!.stemmen.end + 60_000;
  const contest = votingContestOf(details);
  ids = await ballotIdeaIds(contest.id);
  for (const [key, email] of [
    ["anna", "bewoner@keizerslanden.nl"],
    ["mo", "mohamed@voorbeeld.nl"],
    ["org", "organisator@keizerslanden.nl"],
    ["chair", "jury@keizerslanden.nl"],
  ] as const) {
    const u = (await one(db().select().from(users).where(eq(users.email, email))))!;
    people[key] = { id: u.id, name: u.name, email: u.email, postcode: u.postcode };
  }
  const [i0, i1, i2, i3, i4] = ids as [number, number, number, number, number];
  const pepper = votingPepper();
  expect(await castBallot({ contest, voter: people.anna!, ballot: sticks(i0, i1, i3), ageDeclaration: undefined, pepper, now })).toMatchObject({ ok: true });
  expect(await castBallot({ contest, voter: people.mo!, ballot: sticks(i0, i3), ageDeclaration: undefined, pepper, now })).toMatchObject({ ok: true });
  const { codes } = await generateCodeBatch({ actorUserId: people.org!.id, contestId: contest.id, label: "Brieven", size: 5, pepper, now });
  const codeBallots = [sticks(i0, i1, i2), sticks(i0, i2), sticks(i3, i4), sticks(i1), sticks(i3, i0)];
  for (const [n, ballot] of codeBallots.entries()) {
    expect(await castBallotWithCode({ contest, code: codes[n]!, ballot, helper: null, pepper, now })).toMatchObject({ ok: true });
  }
});

describe("before voting closes", () => {
  it("organisers see the turnout only, and the results cannot be revealed (409)", async () => {
    const view = await resultsForOrganiser(details, now);
    expect(view).toMatchObject({ state: "voting-open", turnout: { online: 2, code: 5, poster: 0, total: 7 } });
    await expect(async () => revealResults({ details, actorUserId: people.org!.id, now })).rejects.toThrow(OutsidePhase);
    expect(await publishedResultsOf(details.contest.id)).toBeNull();
  });
});

describe("once voting closes, before the count is final (ADR 007)", () => {
  it("shows the turnout but no totals, and refuses the reveal", async () => {
    expect(await resultsForOrganiser(details, afterVoting)).toEqual({ state: "not-final", turnout: { online: 2, code: 5, poster: 0, total: 7 } });
    expect(await revealResults({ details, actorUserId: people.org!.id, now: afterVoting })).toEqual({ ok: false, reason: "not-final" });
    expect(await publishedResultsOf(details.contest.id)).toBeNull();
  });

  it("is made final only after voting has ended, once, logged", async () => {
    expect(await finaliseVoting({ actor: { userId: people.org!.id }, details, now })).toEqual({ ok: false, reason: "voting-not-ended" });
    expect(await finaliseVoting({ actor: { userId: people.org!.id }, details, now: afterVoting })).toEqual({ ok: true });
    details = await fresh();
    expect(details.contest.votingFinalAt).toBe(afterVoting);
    expect(await finaliseVoting({ actor: { userId: people.org!.id }, details, now: afterVoting + 1 })).toEqual({ ok: true });
    expect((await fresh()).contest.votingFinalAt).toBe(afterVoting);
    const logged = await many(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.contestId, details.contest.id), eq(auditLog.action, "contest.voting-final"))),
    );
    expect(logged).toHaveLength(1);
  });
});

describe("after voting closes", () => {
  it("counts from the stored ballots, with the written tie-break and a recorded draw seed", async () => {
    expect(phaseAt(details.clock, afterVoting).phase).toBe("prijsuitreiking");
    const view = await resultsForOrganiser(details, afterVoting);
    if (view.state !== "ready") throw new Error(`not ready: ${JSON.stringify(view)}`);
    const [i0, i1, i2, i3, i4] = ids;
    const outcome = view.live.outcome;
    expect(outcome.ideas.map((i) => [i.ideaId, i.stickers])).toEqual([
      [i0, 5],
      [i3, 4],
      [i1, 3],
      [i2, 2],
      [i4, 1],
    ]);
    expect(outcome.winners).toEqual([i0, i3, i1]);
    expect(outcome.ideas[0]?.prize).toMatchObject({ position: 1, amountEuros: 7500 });
    expect(view.live.turnout).toEqual({ online: 2, code: 5, poster: 0, total: 7 });
    expect(view.published).toBeNull();
    const seed = (await one(db().select().from(resultDraws).where(eq(resultDraws.contestId, details.contest.id))))!.seed;
    expect(outcome.drawSeed).toBe(seed);
    expect(await drawSeedFor(details.contest.id, afterVoting + 1000)).toBe(seed);
  });

  it("gives the same count every time (no counter that can drift)", async () => {
    const a = await countContest(details, afterVoting);
    const b = await countContest(details, afterVoting + 5000);
    expect(a).toEqual(b);
  });

  it("waits for the poster counts once there was a keuzebijeenkomst, then adds them", async () => {
    const contest = votingContestOf(details);
    expect(await registerByName({ contest, name: "Gerda Jansen", postcode: "7416 AB", actorUserId: people.org!.id, now })).toMatchObject({ ok: true });
    expect(await resultsForOrganiser(details, afterVoting)).toMatchObject({ state: "problem", problem: { code: "poster-counts-open" } });
    const counts = ids.map((ideaId, n) => ({ ideaId, count: n === 4 ? 3 : 0 }));
    await savePosterCount({ contestId: details.contest.id, actorUserId: people.org!.id, counts, now });
    expect(await resultsForOrganiser(details, afterVoting)).toMatchObject({ state: "problem" });
    await savePosterCount({ contestId: details.contest.id, actorUserId: people.chair!.id, counts, now });
    const view = await resultsForOrganiser(details, afterVoting);
    if (view.state !== "ready") throw new Error("not ready");
    expect(view.live.turnout).toEqual({ online: 2, code: 5, poster: 1, total: 8 });
    // Idea 5 now has 1 + 3 = 4 stickers, tied with idea 4 (4 digital); idea 5 has 4 voters, so does idea 4.
    const five = view.live.outcome.ideas.find((i) => i.ideaId === ids[4])!;
    expect([five.stickers, five.digital, five.poster, five.voters]).toEqual([4, 1, 3, 4]);
  });
});

describe("the reveal", () => {
  it("publishes the count, clears the ballot pointers and logs it; only once", async () => {
    const before = await resultsForOrganiser(details, afterVoting);
    if (before.state !== "ready") throw new Error("not ready");
    expect((await many(db().select().from(ballots).where(eq(ballots.contestId, details.contest.id)))).some((b) => b.voterPointer !== null)).toBe(true);

    expect(statSync(`${file()}-wal`).size).toBeGreaterThan(0);
    expect(await revealResults({ details, actorUserId: people.org!.id, now: afterVoting })).toEqual({ ok: true });
    // ADR 007: the WAL that held the votes in the order they came is emptied after the reveal.
    expect(statSync(`${file()}-wal`).size).toBe(0);
    const published = (await publishedResultsOf(details.contest.id))!;
    expect(published.revealedAt).toBe(afterVoting);
    expect(published.snapshot.outcome).toEqual(before.live.outcome);
    expect(published.snapshot.ideas.map((i) => i.title)).toContain("Bloemenlint langs de Zwolseweg");
    expect(published.corrections).toEqual([]);
    expect((await many(db().select().from(ballots).where(eq(ballots.contestId, details.contest.id)))).every((b) => b.voterPointer === null)).toBe(true);
    const audit = await many(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.contestId, details.contest.id), eq(auditLog.action, "results.revealed"))),
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ winners: before.live.outcome.winners, ballotPointersCleared: true });

    expect(await revealResults({ details, actorUserId: people.org!.id, now: afterVoting + 1 })).toEqual({ ok: false, reason: "already-revealed" });
    await expect(async () =>
      run(
        db()
          .insert(resultPublications)
          .values({ contestId: details.contest.id, kind: "reveal", at: 1, inputsHash: "0".repeat(64), snapshot: "{}" }),
      ),
    ).rejects.toThrow(refusedBy("unique"));
  });

  it("a later change in the counts reaches the public only through a logged correction with a reason", async () => {
    const published = (await publishedResultsOf(details.contest.id))!;
    // One poster was counted again.
    const counts = ids.map((ideaId, n) => ({ ideaId, count: n === 4 ? 9 : 0 }));
    await savePosterCount({ contestId: details.contest.id, actorUserId: people.org!.id, counts, now: afterVoting });
    await savePosterCount({ contestId: details.contest.id, actorUserId: people.chair!.id, counts, now: afterVoting });

    const view = await resultsForOrganiser(details, afterVoting + 10);
    if (view.state !== "ready") throw new Error("not ready");
    expect(view.changedSincePublished).toBe(true);
    expect(view.live.outcome.winners[0]).toBe(ids[4]);
    // The public still sees what was revealed.
    expect((await publishedResultsOf(details.contest.id))!.snapshot).toEqual(published.snapshot);

    await expect(async () => correctResults({ details, actorUserId: people.org!.id, reason: "kort", now: afterVoting })).rejects.toThrow(RangeError);
    expect(
      await correctResults({ details, actorUserId: people.org!.id, reason: "Poster van de schuur opnieuw geteld: 9 stickers", now: afterVoting + 20 }),
    ).toEqual({
      ok: true,
    });
    const corrected = (await publishedResultsOf(details.contest.id))!;
    expect(corrected.revealedAt).toBe(afterVoting);
    expect(corrected.snapshot.outcome.winners[0]).toBe(ids[4]);
    expect(corrected.corrections).toEqual([{ at: afterVoting + 20, reason: "Poster van de schuur opnieuw geteld: 9 stickers" }]);
    const audit = (await one(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.contestId, details.contest.id), eq(auditLog.action, "results.corrected"))),
    ))!;
    expect(audit.reason).toBe("Poster van de schuur opnieuw geteld: 9 stickers");
    expect(JSON.parse(audit.before!).winners).toEqual(published.snapshot.outcome.winners);

    expect(await correctResults({ details, actorUserId: people.org!.id, reason: "Nog een keer gepubliceerd", now: afterVoting + 30 })).toEqual({
      ok: false,
      reason: "unchanged",
    });
    const after = await resultsForOrganiser(details, afterVoting + 40);
    expect(after).toMatchObject({ state: "ready", changedSincePublished: false });
  });

  it("exports the ballots anonymised: sorted by content", async () => {
    const exported = await anonymousBallotsOf(details);
    expect(exported).toHaveLength(7);
    expect(exported.map((b) => JSON.stringify(b))).toEqual(
      [...exported]
        .sort((a, b) => {
          for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
          return a.length - b.length;
        })
        .map((b) => JSON.stringify(b)),
    );
  });
});

describe("importing a .pb file as an archived round", () => {
  // Files whose budget is divided into parts are refused until archived rounds can show parts.
  const parted = ["Geuzenveld", "Oud_Oost", "Amsterdam_2020_Centrum"];
  const files = readdirSync(PABULIB).filter((name) => name.endsWith(".pb") && !parted.some((part) => name.includes(part)));

  it.each(files)("imports %s as a closed round with the official outcome", async (name) => {
    const text = readFileSync(new URL(name, PABULIB), "utf8");
    const organisation = (await one(db().select().from(organisations).where(eq(organisations.slug, "gemeente-deventer"))))!;
    const result = await importArchivedContest({ text, fileName: name, organisationId: organisation.id, actorUserId: people.org!.id, now });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const imported = (await getContestBySlug(result.slug))!;
    const file = parsePb(text);
    expect(imported.contest).toMatchObject({ title: file.meta.description, budgetEuros: Number(file.meta.budget), status: "gepubliceerd" });
    expect(phaseAt(imported.clock, now).phase).toBe("afgesloten");
    const archived = (await archivedResultsOf(imported.contest.id))!;
    expect(archived.fileName).toBe(name);
    expect(archived.voters).toBe(Number(file.meta.num_votes));
    expect(archived.ideas).toHaveLength(file.projects.length);
    expect(archived.ideas.filter((i) => i.selected > 0).length).toBe(file.projects.filter((p) => (p.selected ?? 0) > 0).length);
    // Most votes first.
    expect(archived.ideas.map((i) => i.votes)).toEqual([...archived.ideas.map((i) => i.votes)].sort((a, b) => b - a));
    expect(
      await many(
        db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.contestId, imported.contest.id), eq(auditLog.action, "results.archive-imported"))),
      ),
    ).toHaveLength(1);
  });

  it("keeps how many ballots named a project twice", async () => {
    // Oud Oost's ballots with its budget parts taken out: one ballot names four projects twice.
    const oudOost = readFileSync(new URL("Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb", PABULIB), "utf8");
    const organisation = (await one(db().select().from(organisations).where(eq(organisations.slug, "gemeente-deventer"))))!;
    const withoutParts = oudOost
      .split("\n")
      .filter((line) => !/^(budget_per_category|max_sum_cost_per_category|min_length_per_category);/.test(line))
      .join("\n")
      .replace("rule;greedy-custom", "rule;greedy");
    const result = await importArchivedContest({ text: withoutParts, fileName: null, organisationId: organisation.id, actorUserId: null, now });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const archived = (await archivedResultsOf((await getContestBySlug(result.slug))!.contest.id))!;
    expect(archived.duplicateBallots).toBe(1);
    expect(archived.source).not.toHaveProperty("wijkvonk_duplicate_ballots");
    expect(archived.source.description).toBe("Oost Begroot Oud Oost");
  });

  it("imports Amsterdam Centrum 2020 with its neighbourhoods as the round's buurten, and shows its official winners per part", async () => {
    // ADR 026: three neighbourhoods (150,000 + 100,000 + 250,000 = the 500,000 budget), greedy-stop inside
    // each, what they leave stays unspent. The live per-part code reproduces Amsterdam's 22 winners.
    const text = readFileSync(new URL("Netherlands_Amsterdam_2020_Centrum.pb", PABULIB), "utf8");
    const file = parsePb(text);
    const organisation = (await one(db().select().from(organisations).where(eq(organisations.slug, "gemeente-deventer"))))!;
    const result = await importArchivedContest({ text, fileName: "centrum.pb", organisationId: organisation.id, actorUserId: null, now });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const details = (await getContestBySlug(result.slug))!;
    expect(details.contest).toMatchObject({ budgetSplit: "buurt", leftoverPolicy: "unspent", outcomeRule: "greedy-stop", budgetEuros: 500000 });
    expect(
      (await many(db().select().from(ideaBuurten).where(eq(ideaBuurten.contestId, details.contest.id)).orderBy(ideaBuurten.position))).map((b) => [
        b.name,
        b.budgetEuros,
      ]),
    ).toEqual([
      ["Oostelijke Eilanden", 150000],
      ["Haarlemmerhouttuinen", 100000],
      ["Other", 250000],
    ]);
    const archived = (await archivedResultsOf(details.contest.id))!;
    expect(archived.parts).toEqual({
      kind: "buurt",
      leftover: "unspent",
      parts: [
        { name: "Oostelijke Eilanden", budget: 150000 },
        { name: "Haarlemmerhouttuinen", budget: 100000 },
        { name: "Other", budget: 250000 },
      ],
    });
    const neighbourhood = new Map(file.projects.map((p) => [p.id, p.extra.neighborhood]));
    for (const idea of archived.ideas) expect(idea.part).toBe(neighbourhood.get(idea.sourceId));

    const view = archivedPartsView({
      rule: details.contest.outcomeRule,
      budget: details.contest.budgetEuros,
      parts: archived.parts!,
      ideas: archived.ideas.map((i) => ({ ...i, part: i.part! })),
    });
    const sourceOf = new Map(archived.ideas.map((i) => [i.position, i.sourceId]));
    const officialIn = (part: string) =>
      file.projects
        .filter((p) => p.selected === 1 && p.extra.neighborhood === part)
        .map((p) => p.id)
        .sort();
    expect(view.parts.map((p) => p.name)).toEqual(["Oostelijke Eilanden", "Haarlemmerhouttuinen", "Other"]);
    for (const part of view.parts) {
      expect(part.winners.map((w) => sourceOf.get(w.ideaId)).sort()).toEqual(officialIn(part.name));
      expect(part.winners.every((w) => !w.fromLeftover)).toBe(true);
      expect(part.spent).toBe(part.winners.reduce((sum, w) => sum + w.amount, 0));
      expect(part.spent).toBeLessThanOrEqual(part.budget);
    }
    expect(view.parts.flatMap((p) => p.winners)).toHaveLength(22);
    // Amsterdam's winners cost 138,100, 85,500 and 232,700 per neighbourhood: 43,700 of the 500,000 left unspent.
    expect(view.parts.map((p) => [p.name, p.spent, p.winners.length])).toEqual([
      ["Oostelijke Eilanden", 138100, 6],
      ["Haarlemmerhouttuinen", 85500, 4],
      ["Other", 232700, 12],
    ]);
    expect(
      (await one(
        db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.contestId, details.contest.id), eq(auditLog.action, "results.archive-imported"))),
      ))!.after,
    ).toContain('"leftover":"unspent"');
  });

  it("refuses a file whose parts do not fit its projects, and writes nothing", async () => {
    // Centrum 2020 with one project moved to a neighbourhood the file does not list.
    const text = readFileSync(new URL("Netherlands_Amsterdam_2020_Centrum.pb", PABULIB), "utf8").replace(
      "35104;20000;1880;De Amsterdamse Waterspelen;Buurthuizen en Ontmoeting;1;Oostelijke Eilanden",
      "35104;20000;1880;De Amsterdamse Waterspelen;Buurthuizen en Ontmoeting;1;Westelijke Eilanden",
    );
    const organisation = (await one(db().select().from(organisations).where(eq(organisations.slug, "gemeente-deventer"))))!;
    const contestsBefore = (await many(db().select().from(contests))).length;
    const buurtenBefore = (await many(db().select().from(ideaBuurten))).length;
    const result = await importArchivedContest({ text, fileName: null, organisationId: organisation.id, actorUserId: null, now });
    expect(result).toMatchObject({
      ok: false,
      kind: "parts",
      column: "neighborhood",
      problem: { code: "unknown-part", project: "35104", part: "Westelijke Eilanden" },
    });
    expect(await many(db().select().from(contests))).toHaveLength(contestsBefore);
    expect(await many(db().select().from(ideaBuurten))).toHaveLength(buurtenBefore);
  });

  it("gives a second import of the same round its own address", async () => {
    const text = readFileSync(new URL("Netherlands_Assen_2024.pb", PABULIB), "utf8");
    const organisation = (await one(db().select().from(organisations).where(eq(organisations.slug, "gemeente-assen"))))!;
    const result = await importArchivedContest({ text, fileName: null, organisationId: organisation.id, actorUserId: null, now });
    expect(result).toMatchObject({ ok: true, slug: "assen-top-idee-2" });
  });

  it("takes the vote's dates from the file", async () => {
    const assen = (await one(db().select().from(contests).where(eq(contests.slug, "assen-top-idee"))))!;
    const schedule = (await getContestBySlug(assen.slug))!.schedule!;
    expect(schedule.stemmen.start).toBe(pbDateToInstant("31.03.2024", false));
    expect(schedule.stemmen.end).toBe(pbDateToInstant("15.04.2024", true));
    // Midnight in Amsterdam: still winter time on 31 March 2024 (the clocks went forward at 02:00).
    expect(new Date(schedule.stemmen.start).toISOString()).toBe("2024-03-30T23:00:00.000Z");
    expect(new Date(schedule.stemmen.end).toISOString()).toBe("2024-04-15T22:00:00.000Z");
  });

  it("refuses a malformed file with the line and what is wrong, and writes nothing", async () => {
    const before = (await many(db().select().from(contests))).length;
    const result = await importArchivedContest({
      text: "META\nkey;value\nbudget;1000\nPROJECTS\nproject_id;cost\n1;12x\nVOTES\nvoter_id;vote\n",
      fileName: "kapot.pb",
      organisationId: 1,
      actorUserId: null,
      now,
    });
    expect(result).toMatchObject({ ok: false, kind: "parse", line: 6 });
    expect(
      await importArchivedContest({
        text: "META\nkey;value\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n",
        fileName: null,
        organisationId: 1,
        actorUserId: null,
        now,
      }),
    ).toMatchObject({
      ok: false,
      kind: "archive",
    });
    expect(await many(db().select().from(contests))).toHaveLength(before);
  });
});

describe("the results demo contest (db/seeds/results.ts)", () => {
  it("has closed its vote, and its ballots give the tie the written rule settles by voters", async () => {
    expect(phaseAt((await getContestBySlug(resultsDemoSlug))!.clock, now).phase).toBe("prijsuitreiking");
    expect(await resultsForOrganiser((await getContestBySlug(resultsDemoSlug))!, now)).toMatchObject({ state: "not-final" });
    await finaliseVoting({ actor: { userId: people.org!.id }, details: (await getContestBySlug(resultsDemoSlug))!, now });
    const demo = (await getContestBySlug(resultsDemoSlug))!;
    const view = await resultsForOrganiser(demo, now);
    if (view.state !== "ready") throw new Error(JSON.stringify(view));
    const titles = new Map(view.live.ideas.map((i) => [i.id, i.title]));
    const ranked = view.live.outcome.ideas.map((i) => [titles.get(i.ideaId), i.stickers, i.voters, i.prize?.name ?? null]);
    expect(ranked).toEqual([
      ["Repair Café elke maand", 23, 15, "Eerste prijs"],
      ["Jeu-de-boulesbaan bij De Linde", 21, 21, "Tweede prijs"],
      ["Buurtbieb in de oude telefooncel", 20, 20, "Derde prijs"],
      ["Picknicktafels in het Keizerspark", 20, 18, null],
      ["Lichtjes in de Weteringstraat", 15, 12, null],
      ["Muurschildering bij de fietstunnel", 7, 7, null],
    ]);
    expect(view.live.outcome.ideas[2]?.tieBelow?.decidedBy).toBe("voters");
    expect(view.live.turnout).toEqual({ online: 0, code: 38, poster: 0, total: 38 });
    expect(view.published).toBeNull();
  });
});

describe("the draw seed", () => {
  it("is ten characters from an alphabet without look-alikes, in two groups", () => {
    for (let i = 0; i < 50; i++) expect(newDrawSeed()).toMatch(/^[2-9ACDEFGHJKMNPQRTUVWXY]{5}-[2-9ACDEFGHJKMNPQRTUVWXY]{5}$/);
  });
});
