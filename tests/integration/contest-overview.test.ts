import { one, many, run } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ideas, juryDecisions, juryRounds, users } from "~db/schema";
import { aftercareDemoSlug } from "~db/seeds/aftercare";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { getContestBySlug, previousRoundOf } from "~/modules/contests/contests.server";
import { dismissReport, listReports, reportIdea } from "~/modules/ideas/moderation.server";
import { saveResidentFigures } from "~/modules/participation/participation.server";
import { savePosterCount } from "~/modules/voting/poster-counts.server";
import { ballotIdeaIds, turnout } from "~/modules/voting/votes.server";
import { attentionFacts, contestOverview } from "~/workflows/contest-overview.server";
import { followUpOf } from "~/workflows/follow-up.server";
import { useTestDatabase } from "../support/test-db";

// The console overview's facts on a real SQLite file (issue 18.8): each "needs you now" item comes from
// the feature that holds it, and turnout over time adds up to the round's turnout.

const { db } = useTestDatabase();
const hour = 3_600_000;
const details = async (slug: string) => (await getContestBySlug(slug))!;
let organiser = "";
let colleague = "";

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  organiser = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
  colleague = (await one(db().select().from(users).where(eq(users.email, "beheer@wijkvonk.nl"))))!.id;
});

describe("needs you now: the facts", () => {
  it("counts ideas with a report nobody handled, and stops once it is handled", async () => {
    const round = await details(votingDemoSlug);
    const at = round.schedule!.stemmen.start + hour;
    const idea = (await one(db().select().from(ideas).where(eq(ideas.contestId, round.contest.id))))!;
    expect((await attentionFacts(round, at, organiser)).reportedIdeas).toBe(0);
    await reportIdea({ idea, photoId: null, reason: "spam", message: null, reporterUserId: null, now: at });
    await reportIdea({ idea, photoId: null, reason: "other", message: "Twee keer", reporterUserId: null, now: at });
    expect((await attentionFacts(round, at, organiser)).reportedIdeas).toBe(1);
    expect((await contestOverview(round, at, organiser)).attention.map((a) => a.kind)).toContain("moderate");
    for (const report of await listReports(idea.id)) await dismissReport({ idea, reportId: report.id, actorUserId: organiser, now: at });
    expect((await attentionFacts(round, at, organiser)).reportedIdeas).toBe(0);
  });

  it("names the jurors who have not scored near the end of the jury phase", async () => {
    const round = await details("vonk-keizerslanden-2027");
    const end = round.schedule!.juryselectie.end;
    const facts = await attentionFacts(round, end - hour, organiser);
    expect(facts.jurors.map((j) => j.name).sort()).toEqual(["Hamid Bakker", "Joke Jansen"]);
    const item = (await contestOverview(round, end - hour, organiser)).attention.find((a) => a.kind === "jurors-behind");
    expect(item?.names.sort()).toEqual(["Hamid Bakker", "Joke Jansen"]);
    // Before the jury phase there are no jurors to chase.
    expect((await attentionFacts(round, round.schedule!.indienen.start + hour, organiser)).jurors).toEqual([]);
  });

  it("counts the shortlist answers that never reached the idea's makers, once the decision is closed", async () => {
    const round = await details("vonk-keizerslanden-2027");
    const at = round.schedule!.uitwerken.start + hour;
    const handedIn = (await many(db().select().from(ideas).where(eq(ideas.contestId, round.contest.id)))).slice(0, 3);
    expect(handedIn).toHaveLength(3);
    await run(
      db()
        .insert(juryDecisions)
        .values(
          handedIn.map((idea, i) => ({
            ideaId: idea.id,
            contestId: round.contest.id,
            outcome: "shortlisted" as const,
            motivation: "Een goed plan voor de wijk.",
            decidedByUserId: organiser,
            decidedAt: new Date(at),
            // The first was mailed; the other two were not (no address, or the mail failed).
            notifiedAt: i === 0 ? new Date(at) : null,
          })),
        ),
    );
    expect((await attentionFacts(round, at, organiser)).unsentAnswers).toBe(0);
    await run(
      db()
        .insert(juryRounds)
        .values({ contestId: round.contest.id, decisionClosedAt: new Date(at) }),
    );
    const facts = await attentionFacts(round, at, organiser);
    expect(facts.decisionClosed).toBe(true);
    expect(facts.unsentAnswers).toBe(2);
    expect((await contestOverview(round, at, organiser)).attention.find((a) => a.kind === "answers-unsent")?.count).toBe(2);
  });

  it("asks for both poster counts after voting, then for none once they agree", async () => {
    const round = await details(votingDemoSlug);
    const at = round.schedule!.prijsuitreiking.start + hour;
    const kinds = async () => (await contestOverview(await details(votingDemoSlug), at, organiser)).attention;
    expect((await kinds()).find((a) => a.kind === "poster-counts")?.count).toBe(2);
    const counts = (await ballotIdeaIds(round.contest.id)).map((ideaId) => ({ ideaId, count: 3 }));
    expect((await savePosterCount({ contestId: round.contest.id, actorUserId: organiser, counts, now: at })).ok).toBe(true);
    expect((await kinds()).find((a) => a.kind === "poster-counts")?.count).toBe(1);
    expect((await savePosterCount({ contestId: round.contest.id, actorUserId: colleague, counts, now: at })).ok).toBe(true);
    expect((await kinds()).some((a) => a.kind === "poster-counts" || a.kind === "poster-differences")).toBe(false);
  });

  it("takes the quiet tracks and short taakgroepen from the follow-up dashboard", async () => {
    const round = await details(aftercareDemoSlug);
    const at = round.schedule!.nazorg.end - 24 * hour;
    const followUp = await followUpOf(round, at);
    const facts = await attentionFacts(round, at, organiser);
    expect(facts.quietTracks).toBe(followUp.quiet.length);
    expect(facts.shortTaakgroepen).toBe(followUp.shortTaakgroepen.length);
    expect(facts.quietTracks).toBeGreaterThan(0);
  });
});

describe("turnout over time", () => {
  it("adds up per day to the round's turnout, as a share once the area's residents are known", async () => {
    const round = await details(aftercareDemoSlug);
    const after = round.schedule!.nazorg.start;
    const { current } = (await contestOverview(round, after, organiser)).turnout;
    expect(current!.cumulative.length).toBe(current!.days);
    expect(current!.cumulative.at(-1)).toBe((await turnout(round.contest.id)).total);
    expect(current!.residents).toBeNull();
    await saveResidentFigures({
      contestId: round.contest.id,
      figures: [
        { kind: "buurt", key: "Keizerslanden-Noord", residents: 1500 },
        { kind: "buurt", key: "Keizerslanden-Zuid", residents: 500 },
        { kind: "leeftijd", key: "18-25", residents: 300 },
      ],
      userId: organiser,
      now: after,
    });
    expect((await contestOverview(round, after, organiser)).turnout.current!.residents).toBe(2000);
  });

  it("stops at today while voting runs", async () => {
    const round = await details(votingDemoSlug);
    const start = round.schedule!.stemmen.start;
    expect((await contestOverview(round, start + 2 * 24 * hour + hour, organiser)).turnout.current!.cumulative).toHaveLength(3);
    expect((await contestOverview(round, start - hour, organiser)).turnout.current!.cumulative).toEqual([]);
  });

  it("compares with the organisation's round whose vote ended before this one's began", async () => {
    const round = await details(votingDemoSlug);
    const earlier = await details(aftercareDemoSlug);
    expect((await previousRoundOf(round, round.schedule!.stemmen.start))?.contest.slug).toBe(aftercareDemoSlug);
    const { previous } = (await contestOverview(round, round.schedule!.stemmen.start + hour, organiser)).turnout;
    expect(previous?.title).toBe(earlier.contest.title);
    expect(previous?.cumulative.at(-1)).toBe((await turnout(earlier.contest.id)).total);
    // The first round of an organisation has nothing to compare with.
    expect(await previousRoundOf(earlier, earlier.schedule!.stemmen.start)).toBeNull();
  });
});
