import { one, many } from "~db/query.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, ballots, contests, ideas, participationCounts, participationResidents, participationUsedTokens, users, voterRegister } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { resultsDemoSlug } from "~db/seeds/results";
import { votingDemoSlug } from "~db/seeds/voting";
import { runWithRequestClock } from "~/lib/clock.server";
import { setFlash } from "~/lib/flash.server";
import { votingPepper } from "~/lib/secrets.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug, type ContestDetails } from "~/modules/contests/contests.server";
import { participationReport } from "~/modules/participation/figures";
import { contestBuurten, handInFlashParams, participationFigures, questionsAfterVote, recordAnswers } from "~/modules/participation/participation.server";
import { counterKeys, type AnswersReply, type QuestionsForm } from "~/modules/participation/questions";
import { handInToken } from "~/modules/participation/token";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { castBallotWithCode, turnout, votingContestOf } from "~/modules/voting/votes.server";
import * as answerRoute from "~/routes/rondes.$slug_.deelname";
import * as receiptRoute from "~/routes/rondes.$slug_.stemmen_.bon";
import * as consoleRoute from "~/routes/organiseren.$slug.deelname";
import { useTestDatabase } from "../support/test-db";
import { callRoute, formOf, type RouteCall, type RouteFn } from "../support/route-call";

// Who takes part (issue 9, ADR 014) on a real SQLite file: answers become counts with no link to a
// ballot, a voter or an idea; a token answers once; the organiser's figures move in steps of 5 and
// never show a group under 5.

const { db } = useTestDatabase();
const now = Date.now();
let details: ContestDetails;
let contestId = 0;
let organiserId = "";
let organiserCookie = "";
const receipts: string[] = [];

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  details = (await getContestBySlug(votingDemoSlug))!;
  contestId = details.contest.id;
  organiserId = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
  organiserCookie = (await createSessionCookie(organiserId)).split(";")[0]!;
  const contest = votingContestOf(details);
  const pepper = votingPepper();
  const { codes } = await generateCodeBatch({ actorUserId: organiserId, contestId, label: "Brieven (test)", size: 12, pepper, now });
  const ideaIds = (
    await many(
      db()
        .select({ id: ideas.id })
        .from(ideas)
        .where(and(eq(ideas.contestId, contestId), eq(ideas.status, "shortlisted"))),
    )
  ).map((i) => i.id);
  for (const code of codes) {
    const result = await castBallotWithCode({
      contest,
      code,
      ballot: { stickers: ideaIds.slice(0, 3).map((ideaId) => ({ ideaId })), ikDoeMee: [] },
      helper: null,
      pepper,
      now,
    });
    if (!result.ok) throw new Error(`ballot refused: ${JSON.stringify(result)}`);
    receipts.push(result.receipt);
  }
});

const questions = async (receipt: string): Promise<QuestionsForm> => questionsAfterVote(details, receipt);
const counts = async () =>
  many(
    db()
      .select()
      .from(participationCounts)
      .where(and(eq(participationCounts.contestId, contestId), eq(participationCounts.moment, "stemmen"))),
  );
const countOf = async (question: string, answer: string) => (await counts()).find((c) => c.question === question && c.answer === answer);

function call(fn: RouteFn, { slug, ...options }: RouteCall & { slug?: string }) {
  return callRoute(fn, { ...options, params: { slug: slug ?? votingDemoSlug } });
}

function payload<T>(result: unknown): { status: number; data: T } {
  if (result instanceof Response) return { status: result.status, data: undefined as T };
  if (result && typeof result === "object" && "type" in result && result.type === "DataWithResponseInit") {
    const r = result as unknown as { data: T; init?: { status?: number } };
    return { status: r.init?.status ?? 200, data: r.data };
  }
  return { status: 200, data: result as T };
}

describe("answers after a vote", () => {
  it("keeps nothing but counts: no voter, ballot, idea or time, and no row that follows the answers' order", async () => {
    const buurten = await contestBuurten(details);
    expect(buurten.map((b) => b.name)).toEqual(["Keizerslanden-Noord", "Keizerslanden-Midden", "Keizerslanden-Zuid"]);
    // The first answer is the last counter of the list: the rows are still made in the list's order.
    const result = await recordAnswers({
      contestId,
      token: (await questions(receipts[0]!)).token,
      answers: { leeftijd: "80-plus", eersteKeer: "nee" },
      buurten,
    });
    expect(result).toEqual({ ok: true, moment: "stemmen" });

    const columns = (table: string) => (db().$client.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns("participation_counts")).toEqual(["contest_id", "moment", "question", "answer", "count", "published"]);
    expect(columns("participation_used_tokens")).toEqual(["token_hash", "contest_id"]);
    const inRowOrder = db().$client.prepare("SELECT question, answer FROM participation_counts WHERE contest_id = ? ORDER BY rowid").all(contestId) as {
      question: string;
      answer: string;
    }[];
    expect(inRowOrder).toEqual(counterKeys(buurten).map((k) => ({ question: k.question, answer: k.answer })));

    // The kept hash is not any value of the ballot or the register.
    const used = await many(db().select().from(participationUsedTokens).where(eq(participationUsedTokens.contestId, contestId)));
    expect(used).toHaveLength(1);
    const ballotValues = (await many(db().select().from(ballots).where(eq(ballots.contestId, contestId)))).flatMap((b) => [
      String(b.id),
      b.receiptHash,
      b.voterPointer,
    ]);
    const registerValues = (await many(db().select().from(voterRegister).where(eq(voterRegister.contestId, contestId)))).flatMap((r) => [
      String(r.id),
      String(r.votingCodeId),
      String(r.registeredAt),
    ]);
    expect([...ballotValues, ...registerValues]).not.toContain(used[0]!.tokenHash);
    expect(JSON.stringify(await counts())).not.toContain(receipts[0]!);

    expect(await countOf("antwoorden", "ingevuld")).toMatchObject({ count: 1, published: 0 });
    expect(await countOf("leeftijd", "80-plus")).toMatchObject({ count: 1 });
    expect(await countOf("eerste-keer", "nee")).toMatchObject({ count: 1 });
    expect(await countOf("leeftijd", "18-29")).toMatchObject({ count: 0 });
  });

  it("takes a token once: the second answer is refused and counts nothing", async () => {
    const buurten = await contestBuurten(details);
    const token = (await questions(receipts[0]!)).token;
    expect(await recordAnswers({ contestId, token, answers: { leeftijd: "18-29" }, buurten })).toEqual({ ok: false, reason: "used" });
    expect((await countOf("antwoorden", "ingevuld"))!.count).toBe(1);
    expect((await countOf("leeftijd", "18-29"))!.count).toBe(0);
  });

  it("refuses a made-up token, one of another contest, and keeps the token of an empty form", async () => {
    const buurten = await contestBuurten(details);
    const other = (await getContestBySlug(resultsDemoSlug))!.contest.id;
    expect(
      await recordAnswers({ contestId, token: "s.00000000000000000000000000000000.00000000000000000000000000000000", answers: { eersteKeer: "ja" }, buurten }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      await recordAnswers({ contestId, token: handInToken({ contestId: other, pepper: votingPepper() }), answers: { eersteKeer: "ja" }, buurten }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    const token = (await questions(receipts[1]!)).token;
    expect(await recordAnswers({ contestId, token, answers: {}, buurten })).toEqual({ ok: false, reason: "empty" });
    expect(await recordAnswers({ contestId, token, answers: { eersteKeer: "ja" }, buurten })).toEqual({ ok: true, moment: "stemmen" });
  });

  it("moves the organiser's figures only in steps of 5 forms", async () => {
    const buurten = await contestBuurten(details);
    const noord = buurten[0]!.key;
    // Forms 1 and 2 are in; 3 and 4 leave the page as it was.
    for (const receipt of receipts.slice(2, 4))
      await recordAnswers({ contestId, token: (await questions(receipt)).token, answers: { leeftijd: "45-64", buurt: noord, eersteKeer: "ja" }, buurten });
    expect((await counts()).every((c) => c.published === 0)).toBe(true);
    await recordAnswers({ contestId, token: (await questions(receipts[4]!)).token, answers: { leeftijd: "45-64", buurt: noord }, buurten });
    expect(await countOf("antwoorden", "ingevuld")).toMatchObject({ count: 5, published: 5 });
    expect((await counts()).every((c) => c.published === c.count)).toBe(true);
    await recordAnswers({ contestId, token: (await questions(receipts[5]!)).token, answers: { leeftijd: "65-79" }, buurten });
    expect(await countOf("antwoorden", "ingevuld")).toMatchObject({ count: 6, published: 5 });
    expect(await countOf("leeftijd", "65-79")).toMatchObject({ count: 1, published: 0 });
  });

  it("shows the organiser 'minder dan 5' for every group under 5, from the published counts", async () => {
    const { counts: published, residents } = await participationFigures(contestId);
    const report = participationReport({
      buurten: await contestBuurten(details),
      counts: published,
      residents,
      voters: (await turnout(contestId)).total,
      initiators: 0,
    });
    expect(report.voters).toEqual({ people: 12, respondents: { kind: "shown", n: 5 } });
    // 45-64: 3 people, 80+: 1, the rest 0: all under 5.
    expect(report.age.rows.every((r) => r.voters.kind === "small")).toBe(true);
    // Noord: 3 of the 3 who answered the buurt question.
    expect(report.buurt!.rows.every((r) => r.voters.kind === "small")).toBe(true);
    expect(report.firstTime.voters.kind).toBe("small");
  });
});

describe("the routes", () => {
  it("gives the receipt page's form a token only for a real receipt of this contest", async () => {
    const real = await setFlash({ key: "voting.votedFlash", params: { receipt: receipts[6]! } });
    const page = payload<{ questions: QuestionsForm | null }>(
      await call(receiptRoute.loader as RouteFn, { path: `/rondes/${votingDemoSlug}/stemmen/bon`, cookie: real.split(";")[0] }),
    );
    expect(page.data.questions?.token).toBe((await questions(receipts[6]!)).token);
    const forged = await setFlash({ key: "voting.votedFlash", params: { receipt: "K7QMA-3XPAD" } });
    const none = payload<{ questions: QuestionsForm | null }>(
      await call(receiptRoute.loader as RouteFn, { path: `/rondes/${votingDemoSlug}/stemmen/bon`, cookie: forged.split(";")[0] }),
    );
    expect(none.data.questions).toBeNull();
  });

  it("records a posted form once, and refuses a buurt that is not on the list", async () => {
    const token = (await questions(receipts[6]!)).token;
    const post = (values: Record<string, string>) =>
      call(answerRoute.action as RouteFn, { path: `/rondes/${votingDemoSlug}/deelname`, method: "POST", body: formOf(values) });
    const bad = payload<AnswersReply>(await post({ token, buurt: "b999999" }));
    expect(bad).toMatchObject({ status: 400, data: { state: "bad-answer" } });
    const first = payload<AnswersReply>(await post({ token, leeftijd: "30-44" }));
    expect(first).toMatchObject({ status: 200, data: { state: "recorded" } });
    const again = payload<AnswersReply>(await post({ token, leeftijd: "30-44" }));
    expect(again).toMatchObject({ status: 409, data: { state: "used" } });
  });

  it("takes answers only in the moment's phase: a hand-in token during the vote is refused", async () => {
    const { deelname } = handInFlashParams(contestId);
    const reply = payload<AnswersReply>(
      await call(answerRoute.action as RouteFn, {
        path: `/rondes/${votingDemoSlug}/deelname`,
        method: "POST",
        body: formOf({ token: deelname, eersteKeer: "ja" }),
      }),
    );
    expect(reply).toMatchObject({ status: 409, data: { state: "closed" } });
  });

  it("lets the organiser enter residents, logged, and keeps the console to organisers", async () => {
    const buurten = await contestBuurten(details);
    const path = `/organiseren/${votingDemoSlug}/deelname`;
    const saved = await call(consoleRoute.action as RouteFn, {
      path,
      method: "POST",
      cookie: organiserCookie,
      body: formOf({ [`buurt_${buurten[0]!.key}`]: "3.400", "leeftijd_65-79": "1400", "leeftijd_tot-18": "" }),
    });
    expect(payload(saved).status).toBe(302);
    const rows = await many(db().select().from(participationResidents).where(eq(participationResidents.contestId, contestId)));
    expect(rows.map((r) => [r.kind, r.key, r.residents])).toEqual([
      ["buurt", buurten[0]!.key, 3400],
      ["leeftijd", "65-79", 1400],
    ]);
    expect(await many(db().select().from(auditLog).where(eq(auditLog.action, "participation.residents-saved")))).toHaveLength(1);

    const anna = (await one(db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!;
    const annaCookie = (await createSessionCookie(anna.id)).split(";")[0]!;
    expect(payload(await call(consoleRoute.loader as RouteFn, { path, cookie: annaCookie })).status).toBe(403);
    expect(payload(await call(consoleRoute.loader as RouteFn, { path })).status).toBe(302);
  });

  it("shows last spring's demo round with shown figures and the groups reached less", async () => {
    const slug = resultsDemoSlug;
    const page = payload<Awaited<ReturnType<typeof consoleRoute.loader>>>(
      await call(consoleRoute.loader as RouteFn, { path: `/organiseren/${slug}/deelname`, cookie: organiserCookie, slug }),
    );
    const { report } = page.data;
    expect(report.voters.respondents).toEqual({ kind: "shown", n: 31 });
    expect(report.residents).toBe(8900);
    expect(report.lessReached.map((g) => g.key)).toContain("tot-18");
    expect(report.initiators.respondents).toEqual({ kind: "shown", n: 5 });
  });

  it("asks the questions on the idea page right after handing in, only with a token this server made", async () => {
    const vonk = (await one(db().select().from(contests).where(eq(contests.slug, "vonk-keizerslanden-2027"))))!;
    const idea = (
      await many(
        db()
          .select()
          .from(ideas)
          .where(and(eq(ideas.contestId, vonk.id), eq(ideas.status, "submitted"))),
      )
    ).find((i) => i.ownerUserId !== null)!;
    const ownerCookie = (await createSessionCookie(idea.ownerUserId!)).split(";")[0]!;
    const ideaRoute = await import("~/routes/rondes.$slug_.ideeen.$ideaId._index");
    const open = async (flash: string, cookie = ownerCookie) => {
      const request = new Request(`http://localhost/rondes/${vonk.slug}/ideeen/${idea.id}`, { headers: { Cookie: `${cookie}; ${flash.split(";")[0]}` } });
      const result = await runWithRequestClock(cookie, () =>
        ideaRoute.loader({ request, params: { slug: vonk.slug, ideaId: String(idea.id) }, context: {} as never }),
      );
      return (result as { questions: QuestionsForm | null }).questions;
    };
    const token = handInFlashParams(vonk.id);
    const asked = await open(await setFlash({ key: "ideas.submitted", params: token }));
    expect(asked).toMatchObject({ moment: "indienen", token: token.deelname });
    expect(
      await open(await setFlash({ key: "ideas.submitted", params: { deelname: "i.00000000000000000000000000000000.00000000000000000000000000000000" } })),
    ).toBeNull();
    expect(await open(await setFlash({ key: "ideas.saved", params: token }))).toBeNull();
  });
});
