import { one, many } from "~db/query.server";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, ideas, municipalities, organisations, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { runWithRequestClock } from "~/lib/clock.server";
import { instantToAmsterdamLocal } from "~/lib/dates";
import { votingPepper } from "~/lib/secrets.server";
import { supporterKinds, referralStatuses } from "~/modules/aftercare/referrals";
import { contestReferrals } from "~/modules/aftercare/referrals.server";
import { supportersForOrganisation } from "~/modules/aftercare/supporters.server";
import { addMilestone, getTrack } from "~/modules/aftercare/track.server";
import { trackStatuses } from "~/modules/aftercare/track";
import { createSessionCookie } from "~/modules/auth/session.server";
import { createContest, publishContest, saveSchedule, settingsOf, updateContestSettings } from "~/modules/contests/console.server";
import { OUTCOME_RULES, PHASES } from "~/modules/contests/contest-constants";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { phaseAt, type Schedule } from "~/modules/contests/phases";
import { scheduleFieldName } from "~/modules/contests/schedule-form";
import { getIdeaLists } from "~/modules/ideas/ideas.server";
import { criteriaFor } from "~/modules/jury/criteria.server";
import { listJuryIdeas } from "~/modules/jury/ideas.server";
import { taakgroepTags } from "~/modules/taakgroepen/record";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { ballotIdeaIds } from "~/modules/voting/votes.server";
import * as juryIdeaRoute from "~/routes/jury.$slug.ideeen.$ideaId";
import * as followUpRoute from "~/routes/organiseren.$slug.nazorg";
import * as planningRoute from "~/routes/organiseren.$slug.planning";
import * as settingsRoute from "~/routes/organiseren.$slug.instellingen";
import * as areasRoute from "~/routes/organiseren.gebieden";
import * as supportersRoute from "~/routes/organiseren.ondersteuners";
import * as joinRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.meedoen";
import * as trackRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.uitvoering";
import * as newIdeaRoute from "~/routes/rondes.$slug_.ideeen.nieuw";
import * as voteRoute from "~/routes/rondes.$slug_.stemmen";
import * as codeVoteRoute from "~/routes/rondes.$slug_.stemmen_.code";
import { fcParams, hostileForm, toFormData, type FieldSpec, type HostileEntry } from "../support/hostile-forms";
import { useTestDatabase } from "../support/test-db";

// Property tests on the route actions themselves (issue 10): random and hostile posts from a user who may
// post there, on a real SQLite file with the demo data. Whatever comes in, the answer is a redirect, a 4xx
// or a page's data (never a 500 or an error that escapes), and the database keeps only valid rows.
// Failures print fast-check's seed and path; FC_SEED=<n> runs another seed.

const { db } = useTestDatabase();
const day = 86_400_000;
const RUNS = 80;
const now = Date.now();
const vonkSlug = "vonk-keizerslanden-2027";
const cookies: Record<string, string> = {};
const ids = {
  vonk: 0,
  voting: 0,
  annaIdea: 0,
  shortlisted: 0,
  categories: [] as number[],
  buurten: [] as number[],
  ballot: [] as number[],
  juryIdeas: [] as number[],
  criteria: [] as number[],
  deventer: 0,
  assen: 0,
  keizerslanden: 0,
  areas: [] as number[],
  supporters: [] as number[],
  concept: "",
  running: "",
};
const times = { jury: 0, stemmen: 0, nazorg: 0 };
let codes: string[] = [];
let organiserId = "";

beforeAll(async () => {
  process.env.TEST_CLOCK = "1";
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  const person = async (email: string) => (await one(db().select().from(users).where(eq(users.email, email))))!.id;
  for (const [key, email] of [
    ["anna", "bewoner@keizerslanden.nl"],
    ["mo", "mohamed@voorbeeld.nl"],
    ["sanne", "sanne@voorbeeld.nl"],
    ["org", "organisator@keizerslanden.nl"],
    ["chair", "jury@keizerslanden.nl"],
  ] as const) {
    cookies[key] = (await createSessionCookie(await person(email))).split(";")[0]!;
  }
  const vonk = (await getContestBySlug(vonkSlug))!;
  const voting = (await getContestBySlug(votingDemoSlug))!;
  ids.vonk = vonk.contest.id;
  ids.voting = voting.contest.id;
  const anna = await person("bewoner@keizerslanden.nl");
  ids.annaIdea = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, ids.voting), eq(ideas.ownerUserId, anna))),
  ))!.id;
  ids.shortlisted = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, ids.voting), eq(ideas.status, "shortlisted"))),
  ))!.id;
  const lists = await getIdeaLists(ids.vonk);
  ids.categories = lists.categories.map((c) => c.id);
  ids.buurten = lists.buurten.map((b) => b.id);
  ids.ballot = await ballotIdeaIds(ids.voting);
  ids.juryIdeas = (await listJuryIdeas(ids.vonk)).map((i) => i.id);
  ids.criteria = (await criteriaFor(ids.vonk)).map((c) => c.id);
  ids.deventer = (await one(db().select().from(municipalities).where(eq(municipalities.slug, "deventer"))))!.id;
  ids.assen = (await one(db().select().from(municipalities).where(eq(municipalities.slug, "assen"))))!.id;
  ids.keizerslanden = (await one(db().select().from(areas).where(eq(areas.name, "Keizerslanden"))))!.id;
  ids.areas = (await many(db().select({ id: areas.id }).from(areas))).map((a) => a.id);
  ids.supporters = (await supportersForOrganisation(voting.contest.organisationId)).map((s) => s.id);
  times.jury = phaseAt(vonk.clock, now).schedule!.juryselectie.start + day;
  times.stemmen = phaseAt(voting.clock, now).schedule!.stemmen.start + 3_600_000;
  times.nazorg = voting.schedule!.nazorg.start + 3_600_000;
  await addMilestone({ contestId: ids.voting, ideaId: ids.annaIdea, title: "Opening", dueOn: "2026-11-01", writer: { userId: anna, isOrganiser: false }, now });
  organiserId = await person("organisator@keizerslanden.nl");
  codes = (await generateCodeBatch({ actorUserId: organiserId, contestId: ids.voting, label: "Eigenschappen", size: 40, pepper: votingPepper(), now })).codes;

  // Two rounds of the organiser's own: a concept for the schedule and the settings, and one that runs now for overrides.
  const actor = { userId: await person("organisator@keizerslanden.nl") };
  const organisationId = (await one(db().select().from(organisations).where(eq(organisations.slug, "wijkteam-keizerslanden"))))!.id;
  ids.concept = (await createContest({ actor, organisationId, title: "Proefronde concept", budgetEuros: 5000, now })).slug;
  ids.running = (await createContest({ actor, organisationId, title: "Proefronde lopend", budgetEuros: 5000, now })).slug;
  const running = (await getContestBySlug(ids.running))!;
  await updateContestSettings({ actor, details: running, values: { ...settingsOf(running), areaIds: [ids.keizerslanden] }, now });
  const t0 = now - 15 * day;
  const schedule = Object.fromEntries(PHASES.map((p, i) => [p, { start: t0 + i * 10 * day, end: t0 + (i + 1) * 10 * day }])) as unknown as Schedule;
  expect(await saveSchedule({ actor, details: (await getContestBySlug(ids.running))!, schedule, now })).toEqual({ ok: true });
  expect(await publishContest({ actor, details: (await getContestBySlug(ids.running))!, now })).toEqual({ ok: true });
});

afterAll(() => {
  // Not a property of one action: the whole file's posts together left a sound database.
  expectSoundDatabase();
});

// ---- calling an action as Remix would, and judging its answer ------------------------------------

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

type Post = { entries: readonly HostileEntry[]; multipart: boolean };

/** The body as a browser sends it: url-encoded, or multipart (always when there is a file part). */
function body({ entries, multipart }: Post): FormData | URLSearchParams {
  if (multipart || entries.some(([, value]) => typeof value !== "string")) return toFormData(entries);
  return new URLSearchParams(entries.map(([name, value]) => [name, value as string]));
}

async function post(
  action: unknown,
  options: { path: string; params: Record<string, string>; cookie?: string; at?: number; form: Post; context?: Record<string, unknown> },
) {
  const cookie = [options.cookie, options.at ? `wv_test_now=${options.at}` : undefined].filter(Boolean).join("; ");
  const request = new Request(`http://localhost${options.path}`, { method: "POST", headers: cookie ? { Cookie: cookie } : {}, body: body(options.form) });
  // A thrown Response (or data()) is an answer too, as Remix sends it; anything else thrown is a 500.
  return runWithRequestClock(cookie || undefined, () => (action as RouteFn)({ request, params: options.params, context: options.context ?? {} })).catch(
    (error: unknown) => error,
  );
}

function isDataWithInit(result: unknown): result is { type: "DataWithResponseInit"; data: unknown; init: { status?: number } | null } {
  return Boolean(result && typeof result === "object" && "type" in result && result.type === "DataWithResponseInit");
}

/** A redirect within the site, a 4xx, or a page's data: never a 500 and never an error that escapes. */
function expectSafeAnswer(result: unknown): number {
  if (result instanceof Response) {
    expect(result.status, `answered ${result.status}`).toBeLessThan(500);
    if (result.status >= 300 && result.status < 400) expect(result.headers.get("Location")).toMatch(/^\/(?![/\\])/);
    return result.status;
  }
  if (isDataWithInit(result)) {
    const status = result.init?.status ?? 200;
    expect(status, `answered ${status}`).toBeLessThan(500);
    // What Remix sends back must be sendable.
    expect(() => JSON.stringify(result.data)).not.toThrow();
    return status;
  }
  if (result instanceof Error) throw new Error(`the action threw (a 500): ${result.stack ?? result.message}`);
  expect(result === null || typeof result === "object").toBe(true);
  return 200;
}

// ---- the database keeps only valid rows ----------------------------------------------------------

/** Text columns people write, with the most characters the forms allow. */
const textLimits: [table: string, column: string, max: number][] = [
  ["ideas", "title", 120],
  ["ideas", "summary", 240],
  ["ideas", "description", 5000],
  ["ideas", "location_text", 200],
  ["ideas", "help_needed", 2000],
  ["idea_cost_lines", "description", 120],
  ["idea_photos", "alt_text", 200],
  ["taakgroep_signups", "name", 80],
  ["taakgroep_signups", "contact", 200],
  ["taakgroep_signups", "skills", 1000],
  ["taakgroep_signups", "time_available", 200],
  ["realisation_milestones", "title", 120],
  ["realisation_updates", "text", 4000],
  ["realisation_spending", "description", 120],
  ["supporters", "name", 120],
  ["supporters", "contact", 200],
  ["supporters", "topics", 300],
  ["supporters", "website", 300],
  ["referral_events", "note", 2000],
  ["jury_comments", "comment", 2000],
  ["jury_feedback", "body", 3000],
  ["jury_conflicts", "reason", 500],
  ["contests", "title", 120],
  ["contests", "intro", 5000],
  ["contest_prizes", "name", 80],
  ["contest_prizes", "description", 300],
  ["contest_phase_overrides", "reason", 500],
  ["areas", "name", 80],
];

function rows(query: string): unknown[] {
  return db().all(sql.raw(query));
}

function expectSoundDatabase() {
  expect(rows("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  expect(rows("PRAGMA foreign_key_check")).toEqual([]);
  // No NUL in any text: SQLite's length() and CHECKs stop reading there.
  const tables = rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'") as { name: string }[];
  for (const { name } of tables) {
    for (const col of rows(`PRAGMA table_info("${name}")`) as { name: string; type: string }[]) {
      if (!/TEXT/i.test(col.type)) continue;
      expect(rows(`SELECT 1 FROM "${name}" WHERE instr(CAST("${col.name}" AS BLOB), x'00') > 0 LIMIT 1`), `NUL in ${name}.${col.name}`).toEqual([]);
    }
  }
  for (const [table, column, max] of textLimits) {
    const over = rows(`SELECT "${column}" AS v FROM "${table}" WHERE length("${column}") > ${max} OR "${column}" <> trim("${column}") LIMIT 1`);
    expect(over, `${table}.${column}: over ${max} characters or not trimmed`).toEqual([]);
  }
  // Days are real days (SQLite rolls 30 February over, so it no longer reads back the same).
  expect(rows("SELECT due_on FROM realisation_milestones WHERE date(due_on) IS NOT due_on")).toEqual([]);
  expect(rows("SELECT spent_on FROM realisation_spending WHERE date(spent_on) IS NOT spent_on")).toEqual([]);
  // Ballots: at least one sticker, no more than the contest allows, only ideas of the contest, stacked only where allowed.
  const badBallots = rows(`
    SELECT b.id FROM ballots b JOIN contests c ON c.id = b.contest_id
    WHERE json_array_length(b.stickers) = 0
       OR json_array_length(b.stickers) > c.votes_per_resident
       OR EXISTS (SELECT 1 FROM json_each(b.stickers) j LEFT JOIN ideas i ON i.id = j.value AND i.contest_id = b.contest_id WHERE i.id IS NULL)
       OR (c.allow_stacking = 0 AND (SELECT count(DISTINCT j.value) FROM json_each(b.stickers) j) < json_array_length(b.stickers))`);
  expect(badBallots, "a ballot that breaks its contest's rules").toEqual([]);
  expect(rows("SELECT * FROM jury_scores WHERE score NOT BETWEEN 1 AND 5 OR typeof(score) <> 'integer'")).toEqual([]);
  expect(rows("SELECT * FROM realisation_spending WHERE amount_euros <= 0 OR typeof(amount_euros) <> 'integer'")).toEqual([]);
  expect(rows("SELECT * FROM contests WHERE votes_per_resident NOT BETWEEN 1 AND 20 OR budget_euros <= 0 OR typeof(budget_euros) <> 'integer'")).toEqual([]);
}

// ---- values near what the forms send: valid ones, and ones the form should refuse ----------------

const near = (...values: string[]) => fc.constantFrom(...values);
const spec = (valid: fc.Arbitrary<string>, invalid: fc.Arbitrary<string>): FieldSpec => ({ valid, invalid });
/** Text of `min` to `max` characters once trimmed; refused: empty, blank, one too many. */
const text = (min: number, max: number) =>
  spec(
    fc.oneof(
      near("Fietsenrek bij de bieb", "Een bankje voor iedereen", "Anna de Vries uit de wijk"),
      fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, 40) }).filter((t) => t.trim().length >= min && t.trim().length <= max),
      fc.constant("y".repeat(max)),
    ),
    near("", "   ", "y".repeat(max + 1), " \u00a0 ", "\u0000Anna de Vries uit de wijk"),
  );
const euros = spec(near("950", "2.500", "1250"), near("0", "-5", "12,50", "x", "1000000000", "9007199254740993"));
const checkbox = spec(near("on", ""), near("true", "off", "1"));
const idOf = (list: readonly number[]) => spec(fc.constantFrom(...(list.length > 0 ? list : [1]).map(String)), near("0", "-1", "999999", "1.5", "x", "1e3"));
const oneOf = (valid: readonly string[], ...invalid: string[]) =>
  spec(fc.constantFrom(...valid), invalid.length > 0 ? near(...invalid) : fc.constantFrom(...valid));

/**
 * Runs the property and returns how often each status came back. Every action must also have taken some
 * posts (a 3xx): a property that only ever saw refusals would say nothing about the rows it stores.
 */
async function property(numRuns: number, fields: Record<string, FieldSpec>, run: (form: Post, i: number) => Promise<unknown>) {
  let i = 0;
  const statuses: Record<number, number> = {};
  await fc.assert(
    fc.asyncProperty(hostileForm(fields), fc.boolean(), async (entries, multipart) => {
      const status = expectSafeAnswer(await run({ entries, multipart }, i++));
      statuses[status] = (statuses[status] ?? 0) + 1;
    }),
    fcParams(numRuns),
  );
  if (process.env.FC_VERBOSE) console.info(JSON.stringify(statuses));
  expect(
    Object.keys(statuses).some((s) => Number(s) >= 300 && Number(s) < 400),
    `no post was taken: ${JSON.stringify(statuses)}`,
  ).toBe(true);
  return statuses;
}

// ---- the actions ---------------------------------------------------------------------------------

describe("actions under random and hostile posts", () => {
  it("rondes.$slug_.ideeen.nieuw: handing in an idea, with and without an account", async () => {
    const fields = {
      intent: oneOf(["save", "submit"], "x"),
      title: text(3, 120),
      summary: text(1, 240),
      description: text(1, 5000),
      costEuros: euros,
      "costLines[0].description": text(1, 120),
      "costLines[0].amount": euros,
      categoryId: idOf(ids.categories),
      buurtId: idOf(ids.buurten),
      locationText: text(1, 200),
      point: oneOf(["52.2661, 6.1783", ""], "91, 0", "x"),
      helpNeeded: text(1, 2000),
      photoAlt: text(1, 200),
    };
    const path = `/rondes/${vonkSlug}/ideeen/nieuw`;
    await property(RUNS, fields, (form, i) =>
      post(newIdeaRoute.action, { path, params: { slug: vonkSlug }, cookie: i % 3 === 2 ? undefined : cookies.anna, form }),
    );
    expectSoundDatabase();
  });

  it("rondes.$slug_.ideeen.$ideaId.meedoen: signing up for a taakgroep and withdrawing", async () => {
    const fields = {
      intent: oneOf(["join", "join", "withdraw"], "x"),
      name: text(1, 80),
      contact: oneOf(["mo@example.nl", "06-12345678", "+31 6 1234 5678"], "bel me", ""),
      skills: text(1, 1000),
      tags: oneOf(taakgroepTags, "slapen"),
      timeAvailable: text(1, 200),
      sharesContact: checkbox,
    };
    const path = `/rondes/${votingDemoSlug}/ideeen/${ids.shortlisted}/meedoen`;
    await property(RUNS, fields, (form, i) =>
      post(joinRoute.action, { path, params: { slug: votingDemoSlug, ideaId: String(ids.shortlisted) }, cookie: i % 2 ? cookies.mo : cookies.sanne, form }),
    );
    expectSoundDatabase();
  });

  it("rondes.$slug_.stemmen: the vote with stickers", async () => {
    const sticker = idOf(ids.ballot);
    const fields = { sticker, [`count.${ids.ballot[1]}`]: oneOf(["0", "1", ""], "4", "99", "-1"), ikDoeMee: sticker, ageDeclaration: checkbox };
    const path = `/rondes/${votingDemoSlug}/stemmen`;
    // One post a minute stays under the vote throttle (20 in 10 minutes), so every post is read.
    await property(RUNS, fields, (form, i) =>
      post(voteRoute.action, { path, params: { slug: votingDemoSlug }, cookie: i % 2 ? cookies.anna : cookies.mo, at: times.stemmen + i * 60_000, form }),
    );
    expectSoundDatabase();
  });

  it("rondes.$slug_.stemmen_.code: the vote with a letter code", async () => {
    const sticker = idOf(ids.ballot);
    const fields = {
      code: spec(
        fc.oneof(
          fc.constantFrom(...codes),
          fc.constantFrom(...codes).map((c) => ` ${c.toLowerCase().replace("-", " ")} `),
        ),
        near("K7QM-3XPA", "", "K7QM-3XP"),
      ),
      intent: oneOf(["vote", "vote", "check"]),
      sticker,
      [`count.${ids.ballot[1]}`]: oneOf(["0", "1"], "4", "x"),
      ikDoeMee: sticker,
      helperName: text(1, 80),
      helperContact: text(1, 200),
    };
    const path = `/rondes/${votingDemoSlug}/stemmen/code`;
    // Each post from its own address, so the guess throttle never hides what the action does.
    await property(RUNS, fields, (form, i) =>
      post(codeVoteRoute.action, { path, params: { slug: votingDemoSlug }, at: times.stemmen + i * 1000, form, context: { clientIp: `203.0.113.${i % 250}` } }),
    );
    expectSoundDatabase();
  });

  it("rondes.$slug_.ideeen.$ideaId.uitvoering: the realisation track, by the initiator and the organiser", async () => {
    const milestones = (await getTrack(ids.annaIdea)).milestones.map((m) => m.id);
    const fields = {
      intent: oneOf(["status", "milestone", "milestone-done", "update", "spending", "grant"], "x"),
      status: oneOf(trackStatuses, "klaar"),
      title: text(1, 120),
      dueOn: oneOf(["2026-11-01", "2028-02-29"], "2026-02-30", "2026-13-01", "1 november", ""),
      milestoneId: idOf(milestones),
      done: oneOf(["ja", "nee"], "x"),
      text: text(1, 4000),
      photoAlt: text(1, 200),
      description: text(1, 120),
      amount: euros,
      spentOn: oneOf(["2026-11-02"], "2026-04-31", "x"),
      override: checkbox,
      granted: euros,
    };
    const path = `/rondes/${votingDemoSlug}/ideeen/${ids.annaIdea}/uitvoering`;
    await property(RUNS, fields, (form, i) =>
      post(trackRoute.action, {
        path,
        params: { slug: votingDemoSlug, ideaId: String(ids.annaIdea) },
        cookie: i % 2 ? cookies.anna : cookies.org,
        at: times.nazorg,
        form,
      }),
    );
    expectSoundDatabase();
  });

  it("organiseren.$slug.instellingen: the settings, before the vote and once the rules are locked", async () => {
    const fields = {
      title: text(3, 120),
      intro: text(0, 5000),
      areaIds: idOf([ids.keizerslanden]),
      budgetEuros: spec(near("25000", "25.000", "\u20ac 25 000"), near("0", "-5", "12,50", "x")),
      amountsIncludeVat: oneOf(["inclusief", "exclusief"], "misschien"),
      "prizes[0].name": text(1, 80),
      "prizes[0].amountEuros": spec(near("2500", "0"), near("-1", "30000", "x")),
      "prizes[0].description": text(0, 300),
      votesPerResident: oneOf(["3", "1", "10"], "11", "0"),
      allowStacking: checkbox,
      minTaakgroepSize: oneOf(["4", "1", "50"], "51"),
      maxShortlist: oneOf(["", "10"], "0", "201"),
      outcomeRule: oneOf(OUTCOME_RULES, "lottery"),
      eligibleByAccount: spec(near("on"), near("")),
      eligibleByCode: checkbox,
      eligibleByPoster: checkbox,
      minVoterAge: oneOf(["", "16"], "121"),
    };
    await property(RUNS, fields, (form, i) => {
      const slug = i % 2 ? ids.concept : votingDemoSlug;
      return post(settingsRoute.action, { path: `/organiseren/${slug}/instellingen`, params: { slug }, cookie: cookies.org, at: times.stemmen, form });
    });
    expectSoundDatabase();
  });

  it("organiseren.$slug.planning: the schedule of a concept, and overrides of a running round", async () => {
    const running = (await getContestBySlug(ids.running))!.schedule!;
    const at = (days: number) => instantToAmsterdamLocal(now + days * day);
    const scheduleFields = Object.fromEntries(
      PHASES.flatMap((phase, i) => [
        [scheduleFieldName(phase, "start"), spec(near(at(30 + i * 10)), near(at(31 + i * 10), "2027-02-30T10:00", "x", ""))],
        [scheduleFieldName(phase, "end"), spec(near(at(40 + i * 10)), near(at(29 + i * 10), "24:00", ""))],
      ]),
    );
    const fields = {
      ...scheduleFields,
      intent: oneOf(["override", "schedule"]),
      kind: oneOf(["close-early", "extend", "reopen"], "skip"),
      phase: oneOf(PHASES, "concept"),
      newEnd: spec(
        near(instantToAmsterdamLocal(running.indienen.end + 3 * day), instantToAmsterdamLocal(now + day)),
        near(instantToAmsterdamLocal(now - day), "2027-02-30T10:00", ""),
      ),
      nextPhase: oneOf(["now", "as-planned"], "later"),
      reason: text(5, 500),
    };
    await property(RUNS, fields, (form) => {
      const override = form.entries.some(([name, value]) => name === "intent" && value === "override");
      const slug = override ? ids.running : ids.concept;
      return post(planningRoute.action, { path: `/organiseren/${slug}/planning`, params: { slug }, cookie: cookies.org, at: now, form });
    });
    expectSoundDatabase();
  });

  it("jury.$slug.ideeen.$ideaId: a juror's scores, conflict and feedback", async () => {
    const fields = {
      intent: oneOf(["save", "save", "next", "conflict", "feedback"], "x"),
      ...Object.fromEntries(ids.criteria.map((c) => [`score.${c}`, oneOf(["1", "3", "5", ""], "0", "6", "2.5")])),
      comment: text(1, 2000),
      reason: text(1, 500),
      confirm: spec(near("on"), near("", "off")),
      body: text(10, 3000),
    };
    await property(RUNS, fields, (form, i) => {
      const ideaId = String(ids.juryIdeas[i % ids.juryIdeas.length]);
      return post(juryIdeaRoute.action, {
        path: `/jury/${vonkSlug}/ideeen/${ideaId}`,
        params: { slug: vonkSlug, ideaId },
        cookie: cookies.chair,
        at: times.jury,
        form,
      });
    });
    expectSoundDatabase();
  });

  it("organiseren.gebieden: an area by its postcodes", async () => {
    const fields = {
      formKey: oneOf(["new", "area-1"]),
      municipalityId: idOf([ids.deventer]),
      name: text(2, 80),
      kind: oneOf(["wijk", "buurt"], "stad"),
      postcodes: oneOf(["7411", "7411 AB\n7412-7418", "7411 AA-7411 BZ"], "0411", "7418-7411", "", "7411 SA", "7411\u0000AB"),
    };
    await property(RUNS, fields, (form) => post(areasRoute.action, { path: "/organiseren/gebieden", params: {}, cookie: cookies.org, form }));
    expectSoundDatabase();
  });

  it("organiseren.$slug.nazorg: referrals, their statuses and reminders", async () => {
    const referrals = (await contestReferrals(ids.voting)).map((r) => r.id);
    const fields = {
      intent: oneOf(["refer", "referral", "remind"], "x"),
      ideaId: idOf([ids.annaIdea, ids.shortlisted, ...ids.ballot]),
      supporterIds: idOf(ids.supporters),
      referralId: idOf(referrals),
      status: oneOf(referralStatuses, "klaar"),
      note: text(1, 2000),
    };
    const path = `/organiseren/${votingDemoSlug}/nazorg`;
    await property(RUNS, fields, (form, i) =>
      post(followUpRoute.action, { path, params: { slug: votingDemoSlug }, cookie: cookies.org, at: times.nazorg + i * day, form }),
    );
    expectSoundDatabase();
  });

  it("organiseren.ondersteuners: adding and changing supporters", async () => {
    const fields = {
      formKey: oneOf(["new-1", "edit-1"]),
      municipalityId: idOf([ids.deventer]),
      name: text(1, 120),
      kind: oneOf(supporterKinds, "bank"),
      topics: text(0, 300),
      contact: text(1, 200),
      website: oneOf(["https://fonds.example.nl", ""], "javascript:alert(1)", "fonds.example.nl"),
      active: checkbox,
    };
    // Half of the posts change an existing supporter (they name one), the other half add one.
    await property(RUNS, fields, (form, i) => {
      const entries: HostileEntry[] = i % 2 ? [...form.entries, ["supporterId", String(ids.supporters[i % ids.supporters.length])]] : [...form.entries];
      return post(supportersRoute.action, { path: "/organiseren/ondersteuners", params: {}, cookie: cookies.org, form: { ...form, entries } });
    });
    expectSoundDatabase();
  });
});

describe("counterexamples the properties found (issue 10)", () => {
  it("a taakgroep sign-up whose name starts with a NUL is stored without it (it was a CHECK failure, a 500)", async () => {
    const entries: HostileEntry[] = [
      ["intent", "join"],
      ["name", "\u0000Mo"],
      ["contact", "mo@example.nl"],
    ];
    const path = `/rondes/${votingDemoSlug}/ideeen/${ids.shortlisted}/meedoen`;
    const result = await post(joinRoute.action, {
      path,
      params: { slug: votingDemoSlug, ideaId: String(ids.shortlisted) },
      cookie: cookies.mo,
      form: { entries, multipart: true },
    });
    expect(expectSafeAnswer(result)).toBe(302);
    expectSoundDatabase();
  });

  it("a helper's name that starts with a NUL on a code vote is stored without it (it was a CHECK failure, a 500)", async () => {
    const entries: HostileEntry[] = [
      ["intent", "vote"],
      ["code", (await generateCodeBatch({ actorUserId: organiserId, contestId: ids.voting, label: "Helper", size: 1, pepper: votingPepper(), now })).codes[0]!],
      ["sticker", String(ids.ballot[0])],
      ["ikDoeMee", String(ids.ballot[0])],
      ["helperName", "\u0000Henk"],
      ["helperContact", "henk@example.nl"],
    ];
    const path = `/rondes/${votingDemoSlug}/stemmen/code`;
    const result = await post(codeVoteRoute.action, {
      path,
      params: { slug: votingDemoSlug },
      at: times.stemmen,
      form: { entries, multipart: false },
      context: { clientIp: "198.51.100.7" },
    });
    expect(expectSafeAnswer(result)).toBe(302);
    expectSoundDatabase();
  });

  it("a photo's alt text that starts with a NUL is stored without it (it was a CHECK failure, a 500)", async () => {
    const bytes = await sharp({ create: { width: 64, height: 32, channels: 3, background: "#c2410c" } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    for (const [name, value] of [
      ["intent", "save"],
      ["title", "Bankje met foto"],
      ["photoAlt", "\u0000Het plein"],
    ])
      form.append(name!, value!);
    form.append("photo", new File([new Uint8Array(bytes)], "foto.jpg", { type: "image/jpeg" }));
    const path = `/rondes/${vonkSlug}/ideeen/nieuw`;
    const request = new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookies.anna! }, body: form });
    const result = await runWithRequestClock(cookies.anna, () => (newIdeaRoute.action as RouteFn)({ request, params: { slug: vonkSlug }, context: {} })).catch(
      (e: unknown) => e,
    );
    expect(expectSafeAnswer(result)).toBe(302);
    expect(rows("SELECT alt_text FROM idea_photos WHERE alt_text = 'Het plein'")).toHaveLength(1);
    expectSoundDatabase();
  });

  it("a multipart post with a part the parser cannot read is a 400 (it was a 500)", async () => {
    const path = `/rondes/${vonkSlug}/ideeen/nieuw`;
    for (const name of ["", "a; b"]) {
      const entries: HostileEntry[] = [
        ["title", "Bankje"],
        [name, "x"],
      ];
      const result = await post(newIdeaRoute.action, { path, params: { slug: vonkSlug }, cookie: cookies.anna, form: { entries, multipart: true } });
      expect(expectSafeAnswer(result)).toBe(400);
    }
  });

  it("a crafted __intent__ on an action is a 4xx or the ordinary post, not a 500", async () => {
    const path = `/rondes/${votingDemoSlug}/ideeen/${ids.annaIdea}/uitvoering`;
    const entries: HostileEntry[] = [
      ["__intent__", "x"],
      ["intent", "status"],
      ["status", "in-uitvoering"],
    ];
    const result = await post(trackRoute.action, {
      path,
      params: { slug: votingDemoSlug, ideaId: String(ids.annaIdea) },
      cookie: cookies.anna,
      at: times.nazorg,
      form: { entries, multipart: true },
    });
    expect(expectSafeAnswer(result)).toBe(302);
  });

  it("a milestone on 30 February is refused", async () => {
    const path = `/rondes/${votingDemoSlug}/ideeen/${ids.annaIdea}/uitvoering`;
    const entries: HostileEntry[] = [
      ["intent", "milestone"],
      ["title", "Opening"],
      ["dueOn", "2026-02-30"],
    ];
    const result = await post(trackRoute.action, {
      path,
      params: { slug: votingDemoSlug, ideaId: String(ids.annaIdea) },
      cookie: cookies.anna,
      at: times.nazorg,
      form: { entries, multipart: true },
    });
    expect(expectSafeAnswer(result)).toBe(400);
    expectSoundDatabase();
  });
});
