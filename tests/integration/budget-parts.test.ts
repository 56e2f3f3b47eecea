import { one, many, run } from "~db/query.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contests, ideaBuurten, ideas, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { votingPepper } from "~/lib/secrets.server";
import { readBudgetPartsForm, type BudgetPartsValue } from "~/modules/contests/budget-parts-form";
import { budgetPartsOf, ideasWithoutPart, requireListOpen, saveBudgetParts, setIdeaPart } from "~/modules/contests/budget-parts.server";
import { finaliseVoting, settingsOf, updateContestSettings } from "~/modules/contests/console.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { OutsidePhase } from "~/modules/contests/phase-guard.server";
import { ideaFormSchema } from "~/modules/ideas/schemas";
import { countContest } from "~/modules/results/results.server";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { ballotIdeaIds, castBallot, castBallotWithCode, votingContestOf } from "~/modules/voting/votes.server";
import { parseWithZod } from "~/lib/parse-form";
import { useTestDatabase } from "../support/test-db";

// A round's budget in parts (issue 22, ADR 026) on a real SQLite file: saved before voting, refused once
// voting has started, every idea in one part, and the outcome computed per part.

const { db } = useTestDatabase();
const now = Date.now();
const VONK = "vonk-keizerslanden-2027"; // handing in now: before voting
let organiser = "";

const form = (entries: Record<string, string>) => new Map(Object.entries(entries));

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  organiser = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
});

describe("before voting starts", () => {
  it("saves the split over the buurten with an amount each, and logs it", async () => {
    const details = (await getContestBySlug(VONK))!;
    const parts = await budgetPartsOf(details.contest);
    expect(parts.split).toBe("none");
    const [noord, midden, zuid] = parts.lists.buurt;
    const fields = { budgetSplit: "buurt", leftoverPolicy: "unspent", [`amount-buurt-${noord!.id}`]: "10.000", [`amount-buurt-${midden!.id}`]: "8000" };
    // The round's rule is prizes by rank: parts need a greedy rule, and every buurt an amount.
    const refused = readBudgetPartsForm(form(fields), parts.lists, details.contest);
    expect(refused).toEqual({ ok: false, errors: { [`amount-buurt-${zuid!.id}`]: "amountRequired", budgetSplit: "needsGreedy" } });

    await run(db().update(contests).set({ outcomeRule: "greedy" }).where(eq(contests.id, details.contest.id)));
    const greedy = (await getContestBySlug(VONK))!;
    const read = readBudgetPartsForm(form({ ...fields, [`amount-buurt-${zuid!.id}`]: "7000" }), parts.lists, greedy.contest);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    await saveBudgetParts({ actor: { userId: organiser }, details: greedy, value: read.value, now });
    const saved = await budgetPartsOf((await getContestBySlug(VONK))!.contest);
    expect(saved.split).toBe("buurt");
    expect(saved.leftover).toBe("unspent");
    expect(saved.lists.buurt.map((b) => b.budgetEuros)).toEqual([10000, 8000, 7000]);
    const logged = await many(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.contestId, details.contest.id), eq(auditLog.action, "contest.budget-parts-changed"))),
    );
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!.after!)).toMatchObject({ split: "buurt", amounts: { [noord!.name]: 10000 } });
  });

  it("refuses parts that add up to more than the budget, and a budget or rule the parts cannot live with", async () => {
    const details = (await getContestBySlug(VONK))!;
    const lists = (await budgetPartsOf(details.contest)).lists;
    const big = Object.fromEntries(lists.buurt.map((b) => [`amount-buurt-${b.id}`, "10000"]));
    expect(readBudgetPartsForm(form({ budgetSplit: "buurt", leftoverPolicy: "unspent", ...big }), lists, details.contest)).toMatchObject({
      ok: false,
      errors: { budgetSplit: "overBudget" },
    });
    const settings = settingsOf(details);
    expect(await updateContestSettings({ actor: { userId: organiser }, details, values: { ...settings, budgetEuros: 20000 }, now })).toEqual({
      ok: false,
      partsConflicts: { budgetEuros: "budgetParts.errors.budgetBelowParts" },
    });
    expect(await updateContestSettings({ actor: { userId: organiser }, details, values: { ...settings, outcomeRule: "equal-shares" }, now })).toMatchObject({
      ok: false,
      partsConflicts: { outcomeRule: "budgetParts.errors.ruleNeedsParts" },
    });
  });

  it("needs a part for every idea: handing in asks for it, and the organiser sets it (paper ideas too)", async () => {
    const details = (await getContestBySlug(VONK))!;
    const buurten = (await budgetPartsOf(details.contest)).lists.buurt;
    const lists = { categoryIds: [], buurtIds: buurten.map((b) => b.id) };
    const handIn = new FormData();
    for (const [k, v] of Object.entries({
      intent: "submit",
      title: "Bankje bij de vijver",
      summary: "Een bank.",
      description: "Een bank bij de vijver.",
      costEuros: "800",
    }))
      handIn.append(k, v);
    const submission = parseWithZod(handIn, { schema: ideaFormSchema(lists) });
    if (submission.status === "success") throw new Error("handed in without a part");
    expect(submission.error?.buurtId).toEqual(["ideas.errors.choose"]);

    const paper = (await one(
      db()
        .select()
        .from(ideas)
        .where(and(eq(ideas.contestId, details.contest.id), eq(ideas.isPaper, true))),
    ))!;
    await run(db().update(ideas).set({ buurtId: null }).where(eq(ideas.id, paper.id)));
    const before = await ideasWithoutPart(details.contest);
    expect(before).toBeGreaterThan(0);
    expect(await setIdeaPart({ actor: { userId: organiser }, details, ideaId: paper.id, partId: 999_999, now })).toEqual({ ok: false, reason: "unknown-part" });
    expect(await setIdeaPart({ actor: { userId: organiser }, details, ideaId: paper.id, partId: buurten[1]!.id, now })).toEqual({ ok: true });
    expect((await one(db().select().from(ideas).where(eq(ideas.id, paper.id))))!.buurtId).toBe(buurten[1]!.id);
    expect(await ideasWithoutPart(details.contest)).toBe(before - (paper.status === "draft" || paper.hiddenAt ? 0 : 1));
  });
});

describe("once voting has started (the ballot must not change under voters)", () => {
  it("refuses to change the parts, an idea's part or the list of parts, with the phase refusal", async () => {
    const details = (await getContestBySlug(votingDemoSlug))!;
    await run(db().update(contests).set({ budgetSplit: "buurt", outcomeRule: "greedy" }).where(eq(contests.id, details.contest.id)));
    const voting = (await getContestBySlug(votingDemoSlug))!;
    const value: BudgetPartsValue = { split: "none", leftover: "unspent", amounts: [] };
    const refusal = async (work: () => unknown) => {
      try {
        await work();
      } catch (error) {
        return error;
      }
      return null;
    };
    const saved = await refusal(async () => saveBudgetParts({ actor: { userId: organiser }, details: voting, value, now }));
    expect(saved).toBeInstanceOf(OutsidePhase);
    expect((saved as OutsidePhase).refusal).toMatchObject({
      reason: "over",
      now: { kind: "in", phase: "stemmen" },
      when: { kind: "was-in-phase", phase: "uitwerken" },
    });
    expect(await refusal(async () => setIdeaPart({ actor: { userId: organiser }, details: voting, ideaId: 1, partId: 1, now }))).toBeInstanceOf(OutsidePhase);
    expect(await refusal(() => requireListOpen(voting, "buurt", now))).toBeInstanceOf(OutsidePhase);
    // The other list does not divide the budget: it may still change.
    expect(await refusal(() => requireListOpen(voting, "category", now))).toBeNull();
    expect((await getContestBySlug(votingDemoSlug))!.contest.budgetSplit).toBe("buurt");
  });
});

describe("the outcome per part", () => {
  it("runs greedy per part with the leftover policy, and stops when an idea has no part", async () => {
    const details = (await getContestBySlug(votingDemoSlug))!;
    const contestId = details.contest.id;
    const ids = await ballotIdeaIds(contestId);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const [i0, i1, i2, i3, i4] = ids as [number, number, number, number, number];
    // The worked round of contest-outcome-parts.test.ts: € 1.000 over Noord € 600 and Zuid € 400.
    const [noord, zuid] = await many(
      db()
        .insert(ideaBuurten)
        .values([
          { contestId, name: "Noord", position: 1, budgetEuros: 600 },
          { contestId, name: "Zuid", position: 2, budgetEuros: 400 },
        ])
        .returning(),
    );
    await run(db().update(contests).set({ budgetEuros: 1000, leftoverPolicy: "fund-what-fits" }).where(eq(contests.id, contestId)));
    const setIdea = async (id: number, costEuros: number, buurtId: number | null) =>
      run(db().update(ideas).set({ costEuros, buurtId }).where(eq(ideas.id, id)));
    await setIdea(i0, 500, noord!.id);
    await setIdea(i1, 300, noord!.id);
    await setIdea(i2, 300, zuid!.id);
    await setIdea(i3, 200, zuid!.id);
    await setIdea(i4, 150, null);

    const contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
    const pepper = votingPepper();
    const sticks = (...ideaIds: number[]) => ({ stickers: ideaIds.map((ideaId) => ({ ideaId })), ikDoeMee: [] as number[] });
    for (const email of ["bewoner@keizerslanden.nl", "mohamed@voorbeeld.nl"]) {
      const u = (await one(db().select().from(users).where(eq(users.email, email))))!;
      const voter = { id: u.id, name: u.name, email: u.email, postcode: u.postcode };
      expect(await castBallot({ contest, voter, ballot: sticks(i0, i1, i2), ageDeclaration: undefined, pepper, now })).toMatchObject({ ok: true });
    }
    const { codes } = await generateCodeBatch({ actorUserId: organiser, contestId, label: "Brieven", size: 3, pepper, now });
    for (const [n, ballot] of [sticks(i0, i1, i2), sticks(i0, i1, i3), sticks(i0, i3, i4)].entries()) {
      expect(await castBallotWithCode({ contest, code: codes[n]!, ballot, helper: null, pepper, now })).toMatchObject({ ok: true });
    }
    const afterVoting = details.schedule!.stemmen.end + 60_000;
    expect(await finaliseVoting({ actor: { userId: organiser }, details, now: afterVoting })).toEqual({ ok: true });

    expect(await countContest((await getContestBySlug(votingDemoSlug))!, afterVoting)).toEqual({ ok: false, problem: { code: "idea-without-part" } });

    await setIdea(i4, 150, noord!.id);
    const count = await countContest((await getContestBySlug(votingDemoSlug))!, afterVoting);
    if (!count.ok) throw new Error(JSON.stringify(count.problem));
    const outcome = count.snapshot.outcome;
    expect(outcome.winners).toEqual([i0, i2, i3]);
    // The round's other buurten (from the demo) have no amount: parts with nothing to share.
    expect(outcome.parts?.parts.filter((p) => p.budget > 0)).toEqual([
      { name: "Noord", budget: 600, spent: 500 },
      { name: "Zuid", budget: 400, spent: 300 },
    ]);
    expect(outcome.parts).toMatchObject({ leftAfterParts: 200, leftover: "fund-what-fits", spentFromLeftover: 200 });
    expect(outcome.ideas.find((i) => i.ideaId === i3)).toMatchObject({ part: "Zuid", reason: { kind: "funded-from-leftover", budgetLeft: 200 } });
  });
});
