import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  contests,
  devMailbox,
  ideas,
  juryComments,
  juryConflicts,
  juryCriteria,
  juryDecisions,
  juryInvitations,
  juryScores,
  roleAssignments,
  users,
} from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { OutsidePhase } from "~/modules/contests/phase-guard.server";
import { getContestBySlug, type ContestDetails } from "~/modules/contests/contests.server";
import { phaseAt, type Schedule } from "~/modules/contests/phases";
import { grantJuror } from "~/modules/auth/roles.server";
import { criteriaFor, saveCriteria } from "~/modules/jury/criteria.server";
import { closeDecision, decideShortlist, listDecisions, reopenDecision } from "~/modules/jury/decision.server";
import { leaveFeedback, listFeedback } from "~/modules/jury/feedback.server";
import { listJuryIdeas } from "~/modules/jury/ideas.server";
import { ideaJuryOutcome } from "~/modules/jury/outcome.server";
import { acceptJuryInvitation, findJuryInvitation, inviteJuror, removeJuror, setPublishAggregates, withdrawInvitation } from "~/modules/jury/panel.server";
import { declareConflict, juryOverview, jurorOverview, saveScores } from "~/modules/jury/scores.server";
import { useTestDatabase } from "../support/test-db";
import { refusedBy } from "../support/refused-by";

// The jury's use cases and the database's own guarantees, on a real SQLite file with the demo data.

const { db } = useTestDatabase();
const day = 86_400_000;
const seededAt = Date.UTC(2027, 0, 11, 12);
const slug = "vonk-keizerslanden-2027";
const origin = "https://wijkvonk.test";

let schedule: Schedule;
let jury: number; // a moment in juryselectie
let details: () => Promise<ContestDetails>;
const id: Record<string, string> = {};
const idea: Record<string, number> = {};

async function userId(email: string) {
  return (await one(db().select().from(users).where(eq(users.email, email))))!.id;
}

async function audit(action: string) {
  return many(db().select().from(auditLog).where(eq(auditLog.action, action)));
}

async function mailsTo(email: string) {
  return many(db().select().from(devMailbox).where(eq(devMailbox.to, email)));
}

/** A full sheet: the same score on every criterion. */
async function sheet(score: number): Promise<Record<number, number>> {
  return Object.fromEntries((await criteriaFor((await details()).contest.id)).map((c) => [c.id, score]));
}

/** The refusal that requirePhase throws outside the phase (a route answers it with 409). */
async function refusal(fn: () => unknown): Promise<OutsidePhase> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof OutsidePhase) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: seededAt });
  details = async () => (await getContestBySlug(slug))!;
  schedule = phaseAt((await details()).clock, seededAt).schedule!;
  jury = schedule.juryselectie.start + day;
  for (const [key, email] of [
    ["chair", "jury@keizerslanden.nl"],
    ["juror2", "jury2@keizerslanden.nl"],
    ["org", "organisator@keizerslanden.nl"],
    ["anna", "bewoner@keizerslanden.nl"],
    ["mo", "mohamed@voorbeeld.nl"],
    ["sanne", "sanne@voorbeeld.nl"],
  ] as const)
    id[key] = await userId(email);
  for (const i of await listJuryIdeas((await details()).contest.id)) idea[i.title.split(" ")[0]!.toLowerCase()] = i.id;
  // A third juror for the outliers and the conflicts: Sanne lives outside the wijk and knows nobody.
  await transact(db(), async (tx) => grantJuror(tx, { userId: id.sanne!, contestId: (await details()).contest.id, isChair: false, now: seededAt }));
});

describe("criteria", () => {
  it("start as the default five with weights adding up to 100", async () => {
    const criteria = await criteriaFor((await details()).contest.id);
    expect(criteria.map((c) => c.key)).toEqual(["wijk", "creativiteit", "samenwerking", "draagvlak", "haalbaarheid"]);
    expect(criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(criteria[0]!.name).toBe("Goed voor de wijk");
  });

  it("can be changed before the jury starts, logged, and are fixed after", async () => {
    const before = await criteriaFor((await details()).contest.id);
    const rows = before.map((c) => ({ key: c.key, name: c.name, description: c.description, weight: c.key === "wijk" ? 40 : c.weight }));
    expect(await saveCriteria({ actor: { userId: id.org! }, details: await details(), rows, now: seededAt })).toEqual({ ok: true });
    expect((await criteriaFor((await details()).contest.id)).find((c) => c.key === "wijk")!.weight).toBe(40);
    expect((await criteriaFor((await details()).contest.id)).map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(await audit("jury.criteria-changed")).toHaveLength(1);
    expect(await saveCriteria({ actor: { userId: id.org! }, details: await details(), rows, now: jury })).toEqual({ ok: false, reason: "locked" });
  });

  it("refuses a weight outside 1 to 100 in the database", async () => {
    const first = (await criteriaFor((await details()).contest.id))[0]!;
    await expect(async () => run(db().update(juryCriteria).set({ weight: 0 }).where(eq(juryCriteria.id, first.id)))).rejects.toThrow(refusedBy("check"));
  });
});

describe("scoring", () => {
  it("is refused outside juryselectie, with a message that says when it is possible", async () => {
    const refused = await refusal(async () =>
      saveScores({
        details: await details(),
        jurorUserId: id.chair!,
        ideaId: idea.bankjes!,
        scores: await sheet(4),
        comment: undefined,
        now: schedule.indienen.start + day,
      }),
    );
    expect(refused.kind).toBe("conflict");
    expect(refused.refusal.when).toMatchObject({ kind: "in-phase", phase: "juryselectie" });
    expect(
      (
        await refusal(async () =>
          saveScores({
            details: await details(),
            jurorUserId: id.chair!,
            ideaId: idea.bankjes!,
            scores: await sheet(4),
            comment: undefined,
            now: schedule.uitwerken.start + day,
          }),
        )
      ).kind,
    ).toBe("conflict");
  });

  it("saves as the juror goes: a half sheet is 'partial', a full one 'complete'", async () => {
    const [first, second] = await criteriaFor((await details()).contest.id);
    expect(
      await saveScores({
        details: await details(),
        jurorUserId: id.chair!,
        ideaId: idea.bankjes!,
        scores: { [first!.id]: 4 },
        comment: "Mooi plan",
        now: jury,
      }),
    ).toEqual({ ok: true, state: "partial" });
    expect(
      await saveScores({
        details: await details(),
        jurorUserId: id.chair!,
        ideaId: idea.bankjes!,
        scores: { [second!.id]: 3 },
        comment: "Mooi plan",
        now: jury,
      }),
    ).toEqual({ ok: true, state: "partial" });
    expect(
      await saveScores({ details: await details(), jurorUserId: id.chair!, ideaId: idea.bankjes!, scores: await sheet(4), comment: undefined, now: jury }),
    ).toEqual({
      ok: true,
      state: "complete",
    });
  });

  it("refuses a score outside 1 to 5, or not a whole number, in the database", async () => {
    const criterion = (await criteriaFor((await details()).contest.id))[0]!;
    const row = {
      contestId: (await details()).contest.id,
      ideaId: idea.speeltuin!,
      jurorUserId: id.chair!,
      criterionId: criterion.id,
      updatedAt: new Date(jury),
    };
    for (const score of [0, 6, -1, 2.5]) {
      await expect(
        async () =>
          run(
            db()
              .insert(juryScores)
              .values({ ...row, score }),
          ),
        `score ${score}`,
      ).rejects.toThrow(refusedBy("check"));
    }
    await run(
      db()
        .insert(juryScores)
        .values({ ...row, score: 5 }),
    );
    await expect(async () =>
      run(
        db()
          .update(juryScores)
          .set({ score: 9 })
          .where(and(eq(juryScores.ideaId, idea.speeltuin!), eq(juryScores.jurorUserId, id.chair!))),
      ),
    ).rejects.toThrow(refusedBy("check"));
  });

  it("refuses scores from someone who is not a juror of the contest, in the database", async () => {
    const criterion = (await criteriaFor((await details()).contest.id))[0]!;
    await expect(async () =>
      run(
        db()
          .insert(juryScores)
          .values({
            contestId: (await details()).contest.id,
            ideaId: idea.bankjes!,
            jurorUserId: id.anna!,
            criterionId: criterion.id,
            score: 3,
            updatedAt: new Date(jury),
          }),
      ),
    ).rejects.toThrow(refusedBy(/not a juror of this contest/));
  });

  it("after a declared conflict: the juror's scores are gone, new ones are refused by the code and by the database", async () => {
    const contestId = (await details()).contest.id;
    expect(
      await saveScores({
        details: await details(),
        jurorUserId: id.sanne!,
        ideaId: idea.muurschildering!,
        scores: await sheet(5),
        comment: "Ken ik",
        now: jury,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await declareConflict({ details: await details(), jurorUserId: id.sanne!, ideaId: idea.muurschildering!, reason: "De indiener is mijn neef", now: jury }),
    ).toEqual({ ok: true });
    expect(
      await many(
        db()
          .select()
          .from(juryScores)
          .where(and(eq(juryScores.ideaId, idea.muurschildering!), eq(juryScores.jurorUserId, id.sanne!))),
      ),
    ).toEqual([]);
    expect(
      await saveScores({
        details: await details(),
        jurorUserId: id.sanne!,
        ideaId: idea.muurschildering!,
        scores: await sheet(5),
        comment: undefined,
        now: jury,
      }),
    ).toEqual({
      ok: false,
      reason: "conflicted",
    });
    const criterion = (await criteriaFor(contestId))[0]!;
    await expect(async () =>
      run(
        db()
          .insert(juryScores)
          .values({ contestId, ideaId: idea.muurschildering!, jurorUserId: id.sanne!, criterionId: criterion.id, score: 5, updatedAt: new Date(jury) }),
      ),
    ).rejects.toThrow(refusedBy(/conflict of interest declared/));
    expect(await declareConflict({ details: await details(), jurorUserId: id.sanne!, ideaId: idea.muurschildering!, reason: undefined, now: jury })).toEqual({
      ok: false,
      reason: "already",
    });
    const logged = await audit("jury.conflict-declared");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ userId: id.sanne, subject: "Muurschildering in de onderdoorgang", reason: "De indiener is mijn neef" });
  });

  it("shows a juror the others' average only after finishing, and never for a conflicted idea", async () => {
    const contestId = (await details()).contest.id;
    expect((await jurorOverview(contestId, id.juror2!)).ideas.every((i) => i.jury === null)).toBe(true);
    for (const ideaId of Object.values(idea)) {
      await saveScores({
        details: await details(),
        jurorUserId: id.juror2!,
        ideaId,
        scores: await sheet(ideaId === idea.moestuin ? 1 : 3),
        comment: undefined,
        now: jury,
      });
    }
    const mine = await jurorOverview(contestId, id.juror2!);
    expect(mine.progress).toMatchObject({ finished: true, done: 6, total: 6 });
    expect(mine.ideas.find((i) => i.id === idea.bankjes)!.jury).toEqual({ average: 3.5, count: 2 });
    const sanne = await jurorOverview(contestId, id.sanne!);
    expect(sanne.progress).toMatchObject({ total: 5, conflicted: 1, finished: false });
  });

  it("gives the chair and organisers the weighted average, spread, count and outliers, without the conflicted juror", async () => {
    const contestId = (await details()).contest.id;
    for (const ideaId of Object.values(idea)) {
      if (ideaId !== idea.muurschildering)
        await saveScores({
          details: await details(),
          jurorUserId: id.sanne!,
          ideaId,
          scores: await sheet(ideaId === idea.moestuin ? 5 : 3),
          comment: undefined,
          now: jury,
        });
      await saveScores({
        details: await details(),
        jurorUserId: id.chair!,
        ideaId,
        scores: await sheet(ideaId === idea.moestuin ? 1 : 4),
        comment: undefined,
        now: jury,
      });
    }
    const overview = await juryOverview(contestId);
    const row = (ideaId: number) => overview.rows.find((r) => r.ideaId === ideaId)!;
    expect(row(idea.muurschildering!)).toMatchObject({ count: 2, conflicts: 1, average: 3.5 });
    // Moestuin: 1, 1 and 5: Sanne's 5 lies 4 points from the median 1.
    expect(row(idea.moestuin!)).toMatchObject({ count: 3, spread: 4 });
    expect(row(idea.moestuin!).outliers).toEqual([{ juror: "Sanne Visser", score: 5, median: 1 }]);
    // Muurschildering (4 and 3, the 5 of the conflicted juror left out) ranks first; the four others
    // have 4, 3 and 3: a tie, sharing rank 2.
    expect(row(idea.muurschildering!)).toMatchObject({ rank: 1, tied: false });
    for (const title of ["bankjes", "speeltuin", "buurtmaaltijd", "veilig"]) expect(row(idea[title]!)).toMatchObject({ rank: 2, tied: true });
    expect(row(idea.moestuin!).rank).toBe(6);
    expect(overview.jurors.every((j) => j.progress.finished)).toBe(true);
  });
});

describe("the decision", () => {
  const motivation = (text: string) => `${text}: een goed onderbouwd besluit van de jury.`;
  const chair = () => ({ userId: id.chair!, isOrganiser: false, isChair: true });
  const organiser = () => ({ userId: id.org!, isOrganiser: true, isChair: false });

  it("refuses more shortlisted ideas than the maximum, and a missing motivation", async () => {
    await run(
      db()
        .update(contests)
        .set({ maxShortlist: 2 })
        .where(eq(contests.id, (await details()).contest.id)),
    );
    const three = [idea.bankjes!, idea.speeltuin!, idea.veilig!].map((ideaId) => ({ ideaId, outcome: "shortlisted" as const, motivation: motivation("Ja") }));
    expect(await decideShortlist({ details: await details(), decider: chair(), decisions: three, now: jury })).toEqual({
      ok: false,
      reason: "problems",
      problems: [{ kind: "too-many", max: 2, count: 3 }],
    });
    expect(
      await decideShortlist({
        details: await details(),
        decider: chair(),
        decisions: [{ ideaId: idea.bankjes!, outcome: "not-shortlisted", motivation: "Nee" }],
        now: jury,
      }),
    ).toMatchObject({ ok: false, reason: "problems" });
  });

  it("refuses too many shortlisted ideas in the database too", async () => {
    const contestId = (await details()).contest.id;
    const row = (ideaId: number) => ({ ideaId, contestId, outcome: "shortlisted" as const, motivation: motivation("Direct"), decidedAt: new Date(jury) });
    await expect(async () =>
      transact(db(), async (tx) => {
        for (const ideaId of [idea.bankjes!, idea.speeltuin!, idea.veilig!]) await run(tx.insert(juryDecisions).values(row(ideaId)));
      }),
    ).rejects.toThrow(refusedBy(/more shortlisted ideas than max_shortlist/));
    expect(await listDecisions(contestId)).toEqual([]);
    await expect(async () =>
      run(
        db()
          .insert(juryDecisions)
          .values({ ...row(idea.bankjes!), motivation: "kort" }),
      ),
    ).rejects.toThrow(refusedBy("check"));
  });

  it("does not let a chair decide on an idea the chair declared a conflict for; an organiser can", async () => {
    expect(
      await declareConflict({ details: await details(), jurorUserId: id.chair!, ideaId: idea.buurtmaaltijd!, reason: "Truus is mijn tante", now: jury }),
    ).toEqual({
      ok: true,
    });
    const decision = [{ ideaId: idea.buurtmaaltijd!, outcome: "not-shortlisted" as const, motivation: motivation("Past niet in het budget") }];
    expect(await decideShortlist({ details: await details(), decider: chair(), decisions: decision, now: jury })).toEqual({
      ok: false,
      reason: "not-allowed",
      ideaIds: [idea.buurtmaaltijd],
    });
    expect(await decideShortlist({ details: await details(), decider: organiser(), decisions: decision, now: jury })).toEqual({ ok: true, changed: 1 });
  });

  it("saves decisions with every change in the audit log, before and after", async () => {
    const decisions = [
      { ideaId: idea.bankjes!, outcome: "shortlisted" as const, motivation: motivation("Veel steun") },
      { ideaId: idea.speeltuin!, outcome: "not-shortlisted" as const, motivation: motivation("Te duur") },
    ];
    expect(await decideShortlist({ details: await details(), decider: chair(), decisions, now: jury })).toEqual({ ok: true, changed: 2 });
    expect(
      await decideShortlist({ details: await details(), decider: chair(), decisions: [{ ...decisions[1]!, outcome: "shortlisted" }], now: jury + 1000 }),
    ).toEqual({
      ok: true,
      changed: 1,
    });
    const saved = await audit("jury.decision-saved");
    expect(saved).toHaveLength(3);
    expect(JSON.parse(saved[2]!.before!)).toEqual({ "Speeltuin voor de kleintjes": { outcome: "not-shortlisted", motivation: motivation("Te duur") } });
    expect(JSON.parse(saved[2]!.after!)).toEqual({ "Speeltuin voor de kleintjes": { outcome: "shortlisted", motivation: motivation("Te duur") } });
  });

  it("closes only when every idea has an answer", async () => {
    const result = await closeDecision({ details: await details(), decider: chair(), origin, now: jury });
    expect(result).toMatchObject({ ok: false, reason: "problems" });
  });

  it("closing marks the ideas, freezes scores and decisions, and mails every indiener and co-initiator their outcome", async () => {
    const rest = [idea.veilig!, idea.muurschildering!, idea.moestuin!].map((ideaId) => ({
      ideaId,
      outcome: "not-shortlisted" as const,
      motivation: motivation("Niet dit keer"),
    }));
    expect(await decideShortlist({ details: await details(), decider: chair(), decisions: rest, now: jury })).toMatchObject({ ok: true });
    const before = (await many(db().select().from(devMailbox))).length;
    const result = await closeDecision({ details: await details(), decider: chair(), origin, now: jury + day });
    // Anna: Bankjes, Speeltuin (co-initiator), Veilig, Moestuin; Mo: Speeltuin, Muurschildering. The paper idea has a phone number.
    expect(result).toEqual({
      ok: true,
      mailed: 6,
      unreachable: [{ ideaId: idea.buurtmaaltijd, title: "Buurtmaaltijd op woensdag", contact: "Telefoon 0570 123 456" }],
    });
    expect((await many(db().select().from(devMailbox))).length - before).toBe(6);
    const status = async (ideaId: number) => (await one(db().select().from(ideas).where(eq(ideas.id, ideaId))))!.status;
    expect(await Promise.all([idea.bankjes, idea.speeltuin].map(async (i) => status(i!)))).toEqual(["shortlisted", "shortlisted"]);
    expect(await Promise.all([idea.veilig, idea.moestuin, idea.buurtmaaltijd].map(async (i) => status(i!)))).toEqual(["submitted", "submitted", "submitted"]);

    const moMails = await mailsTo("mohamed@voorbeeld.nl");
    const shortlistedMail = moMails.find((m) => m.subject.includes("Speeltuin"))!;
    expect(shortlistedMail.subject).toBe("Je idee ‘Speeltuin voor de kleintjes’ gaat door");
    expect(shortlistedMail.text).toContain(motivation("Te duur"));
    expect(shortlistedMail.text).toContain(`${origin}/rondes/${slug}/ideeen/${idea.speeltuin}`);
    const notMail = moMails.find((m) => m.subject.includes("Muurschildering"))!;
    expect(notMail.text).toContain("Je idee hoeft hier niet te stoppen.");
    expect((await mailsTo("bewoner@keizerslanden.nl")).filter((m) => m.subject.includes("Speeltuin"))).toHaveLength(1);

    const closed = await audit("jury.decision-closed");
    expect(closed).toHaveLength(1);
    expect(JSON.parse(closed[0]!.after!).shortlisted).toEqual(["Speeltuin voor de kleintjes", "Bankjes en bloemen bij de vijver"]);

    // Frozen: the code says so, the database refuses.
    expect(
      await saveScores({
        details: await details(),
        jurorUserId: id.juror2!,
        ideaId: idea.bankjes!,
        scores: await sheet(1),
        comment: undefined,
        now: jury + day,
      }),
    ).toEqual({
      ok: false,
      reason: "closed",
    });
    await expect(async () => run(db().update(juryScores).set({ score: 1 }).where(eq(juryScores.ideaId, idea.bankjes!)))).rejects.toThrow(
      refusedBy(/the decision is closed/),
    );
    await expect(async () =>
      run(db().update(juryDecisions).set({ outcome: "not-shortlisted" }).where(eq(juryDecisions.ideaId, idea.bankjes!))),
    ).rejects.toThrow(refusedBy(/the decision is closed/));
    expect(await decideShortlist({ details: await details(), decider: chair(), decisions: rest, now: jury + day })).toEqual({ ok: false, reason: "closed" });
  });

  it("shows the outcome on the idea page: the motivation only to its makers, the average only when published", async () => {
    const contestId = (await details()).contest.id;
    const forMakers = (await ideaJuryOutcome({ ideaId: idea.moestuin!, contestId, forMakers: true }))!;
    expect(forMakers).toMatchObject({ outcome: "not-shortlisted", motivation: motivation("Niet dit keer"), publicScore: null });
    expect(await ideaJuryOutcome({ ideaId: idea.moestuin!, contestId, forMakers: false })).toMatchObject({
      outcome: "not-shortlisted",
      motivation: null,
      publicScore: null,
    });
    await setPublishAggregates({ details: await details(), actor: { userId: id.org! }, publish: true, now: jury + day });
    expect((await ideaJuryOutcome({ ideaId: idea.bankjes!, contestId, forMakers: false }))!.publicScore).toEqual({ average: 10 / 3, count: 3 });
    expect(await audit("jury.publication-changed")).toHaveLength(1);
  });

  it("can be reopened by an organiser with a reason; closing again mails only whose answer changed", async () => {
    expect(await reopenDecision({ details: await details(), actor: { userId: id.chair!, isOrganiser: false }, reason: "Fout", now: jury + day })).toEqual({
      ok: false,
      reason: "not-allowed",
    });
    expect(
      await reopenDecision({
        details: await details(),
        actor: { userId: id.org!, isOrganiser: true },
        reason: "Verkeerde motivatie bij de moestuin",
        now: jury + day,
      }),
    ).toEqual({ ok: true });
    expect((await audit("jury.decision-reopened"))[0]).toMatchObject({ reason: "Verkeerde motivatie bij de moestuin" });
    expect(
      await decideShortlist({
        details: await details(),
        decider: chair(),
        decisions: [{ ideaId: idea.moestuin!, outcome: "not-shortlisted", motivation: motivation("Eerst toestemming van de woningcorporatie") }],
        now: jury + day,
      }),
    ).toMatchObject({ ok: true, changed: 1 });
    const before = (await many(db().select().from(devMailbox))).length;
    const result = await closeDecision({ details: await details(), decider: chair(), origin, now: jury + 2 * day });
    expect(result).toMatchObject({ ok: true, mailed: 1 });
    expect((await many(db().select().from(devMailbox))).length - before).toBe(1);
    expect((await mailsTo("bewoner@keizerslanden.nl")).at(-1)!.text).toContain("Eerst toestemming van de woningcorporatie");
  });
});

describe("feedback on worked-out plans", () => {
  it("is possible in uitwerken only, on shortlisted ideas, and mails the initiators", async () => {
    const input = {
      details: await details(),
      author: { userId: id.chair! },
      ideaId: idea.bankjes!,
      body: "Vraag ook de school om hulp met water geven.",
      origin,
    };
    await expect(leaveFeedback({ ...input, now: jury })).rejects.toBeInstanceOf(OutsidePhase);
    const during = schedule.uitwerken.start + day;
    await expect(leaveFeedback({ ...input, ideaId: idea.moestuin!, now: during })).resolves.toEqual({ ok: false, reason: "not-shortlisted" });
    await expect(leaveFeedback({ ...input, now: during })).resolves.toEqual({ ok: true });
    expect(await listFeedback(idea.bankjes!)).toMatchObject([{ body: input.body, authorName: "Joke Jansen" }]);
    expect((await mailsTo("bewoner@keizerslanden.nl")).at(-1)!.subject).toBe("Feedback op je plan ‘Bankjes en bloemen bij de vijver’");
    expect(await audit("jury.feedback-given")).toHaveLength(1);
    expect((await ideaJuryOutcome({ ideaId: idea.bankjes!, contestId: (await details()).contest.id, forMakers: true }))!.feedback).toHaveLength(1);
    expect((await ideaJuryOutcome({ ideaId: idea.bankjes!, contestId: (await details()).contest.id, forMakers: false }))!.feedback).toEqual([]);
  });
});

describe("invitations", () => {
  it("mail a link; only the invited address can accept, which makes them a juror of this contest", async () => {
    const before = (await many(db().select().from(devMailbox))).length;
    await expect(
      inviteJuror({
        details: await details(),
        actor: { userId: id.org!, name: "Olga Organisator" },
        email: "Mohamed@Voorbeeld.nl",
        isChair: false,
        origin,
        locale: "nl",
        now: seededAt,
      }),
    ).resolves.toEqual({ ok: true });
    const mail = (await many(db().select().from(devMailbox))).slice(before)[0]!;
    expect(mail.to).toBe("mohamed@voorbeeld.nl");
    expect(mail.subject).toBe("Uitnodiging: jury van Vonk Keizerslanden 2027");
    const token = decodeURIComponent(mail.text.match(/token=([^\s]+)/)![1]!);
    expect(await findJuryInvitation(token)).toMatchObject({ email: "mohamed@voorbeeld.nl", slug });
    expect(await acceptJuryInvitation({ token, user: { id: id.anna!, email: "bewoner@keizerslanden.nl" }, now: seededAt })).toEqual({
      ok: false,
      reason: "wrong-account",
    });
    expect(await acceptJuryInvitation({ token, user: { id: id.mo!, email: "mohamed@voorbeeld.nl" }, now: seededAt })).toEqual({ ok: true, slug });
    expect(
      await many(
        db()
          .select()
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, id.mo!), eq(roleAssignments.role, "jurylid"))),
      ),
    ).toHaveLength(1);
    expect(await acceptJuryInvitation({ token, user: { id: id.mo!, email: "mohamed@voorbeeld.nl" }, now: seededAt })).toEqual({ ok: false, reason: "invalid" });
    expect(await audit("jury.invited")).toHaveLength(1);
    expect(await audit("jury.invitation-accepted")).toHaveLength(1);
  });

  it("refuses to invite someone who is already on the jury", async () => {
    await expect(
      inviteJuror({
        details: await details(),
        actor: { userId: id.org!, name: "Olga" },
        email: "jury2@keizerslanden.nl",
        isChair: false,
        origin,
        locale: "nl",
        now: seededAt,
      }),
    ).resolves.toEqual({ ok: false, reason: "already-juror" });
  });
});

describe("changing the jury", () => {
  const org = () => ({ userId: id.org! });
  const isJuror = async (userId: string) => (await juryOverview((await details()).contest.id)).jurors.some((j) => j.userId === userId);
  const rowsOf = async (userId: string) => ({
    scores: (await many(db().select().from(juryScores).where(eq(juryScores.jurorUserId, userId)))).length,
    comments: (await many(db().select().from(juryComments).where(eq(juryComments.jurorUserId, userId)))).length,
    conflicts: (await many(db().select().from(juryConflicts).where(eq(juryConflicts.jurorUserId, userId)))).length,
  });

  it("an open invitation can be withdrawn: its link stops working, logged; an accepted one cannot", async () => {
    const before = (await many(db().select().from(devMailbox))).length;
    await inviteJuror({
      details: await details(),
      actor: { userId: id.org!, name: "Olga" },
      email: "verkeerd@voorbeeld.nl",
      isChair: false,
      origin,
      locale: "nl",
      now: seededAt,
    });
    const token = decodeURIComponent((await many(db().select().from(devMailbox))).slice(before)[0]!.text.match(/token=([^\s]+)/)![1]!);
    const invitation = (await findJuryInvitation(token))!;
    expect(await withdrawInvitation({ details: await details(), actor: org(), invitationId: invitation.id, now: seededAt })).toBe(true);
    expect(await findJuryInvitation(token)).toBeNull();
    expect(await withdrawInvitation({ details: await details(), actor: org(), invitationId: invitation.id, now: seededAt })).toBe(false);
    expect(await audit("jury.invitation-withdrawn")).toMatchObject([{ userId: id.org, subject: "verkeerd@voorbeeld.nl" }]);
    // Mohamed accepted his invitation above: he is a juror now, and his used invitation cannot be withdrawn.
    const accepted = (await one(db().select().from(auditLog).where(eq(auditLog.action, "jury.invitation-accepted"))))!;
    expect(accepted.subject).toBe("mohamed@voorbeeld.nl");
    const used = (await one(db().select().from(juryInvitations).where(eq(juryInvitations.email, "mohamed@voorbeeld.nl"))))!;
    expect(await withdrawInvitation({ details: await details(), actor: org(), invitationId: used.id, now: seededAt })).toBe(false);
    expect(await isJuror(id.mo!)).toBe(true);
  });

  it("is refused while the decision is closed: the decision rests on those scores", async () => {
    expect((await rowsOf(id.sanne!)).scores).toBeGreaterThan(0);
    expect(await removeJuror({ details: await details(), actor: org(), jurorUserId: id.sanne!, now: jury + 2 * day })).toEqual({
      ok: false,
      reason: "decision-closed",
    });
    expect(await isJuror(id.sanne!)).toBe(true);
  });

  it("after reopening, a juror taken off loses access and their scores and comments, keeps their conflicts, is told by mail, and the ranking changes", async () => {
    expect(
      await reopenDecision({ details: await details(), actor: { userId: id.org!, isOrganiser: true }, reason: "Sanne stopt met de jury", now: jury + 2 * day }),
    ).toEqual({ ok: true });
    const contestId = (await details()).contest.id;
    await saveScores({
      details: await details(),
      jurorUserId: id.sanne!,
      ideaId: idea.bankjes!,
      scores: await sheet(3),
      comment: "Mooi plan",
      now: jury + 2 * day,
    });
    const before = {
      sanne: await rowsOf(id.sanne!),
      chair: await rowsOf(id.chair!),
      moestuin: (await juryOverview(contestId)).rows.find((r) => r.ideaId === idea.moestuin)!,
    };
    expect(before.sanne).toMatchObject({ comments: 1, conflicts: 1 });
    expect(before.moestuin).toMatchObject({ count: 3 });

    expect(await removeJuror({ details: await details(), actor: org(), jurorUserId: id.sanne!, now: jury + 2 * day })).toEqual({
      ok: true,
      name: "Sanne Visser",
    });
    expect(await isJuror(id.sanne!)).toBe(false);
    expect((await mailsTo("sanne@voorbeeld.nl")).at(-1)!.subject).toBe("Je zit niet meer in de jury van Vonk Keizerslanden 2027");
    expect(await rowsOf(id.sanne!)).toEqual({ scores: 0, comments: 0, conflicts: 1 });
    expect(await rowsOf(id.chair!)).toEqual(before.chair);
    expect((await juryOverview(contestId)).rows.find((r) => r.ideaId === idea.moestuin)).toMatchObject({ count: 2, outliers: [] });
    // The jury pages refuse her (no role); the database refuses her scores too.
    await expect(async () =>
      saveScores({
        details: await details(),
        jurorUserId: id.sanne!,
        ideaId: idea.bankjes!,
        scores: await sheet(5),
        comment: undefined,
        now: jury + 2 * day,
      }),
    ).rejects.toThrow(refusedBy(/not a juror/));
    expect(await audit("jury.removed")).toMatchObject([
      { userId: id.org, subject: "sanne@voorbeeld.nl", before: JSON.stringify({ isChair: false, scores: before.sanne.scores, comments: 1 }) },
    ]);
    expect(await removeJuror({ details: await details(), actor: org(), jurorUserId: id.sanne!, now: jury + 2 * day })).toEqual({
      ok: false,
      reason: "not-a-juror",
    });
  });

  it("is possible only until the jury's phase ends", async () => {
    await expect(removeJuror({ details: await details(), actor: org(), jurorUserId: id.mo!, now: schedule.uitwerken.start + day })).rejects.toBeInstanceOf(
      OutsidePhase,
    );
    expect(await isJuror(id.mo!)).toBe(true);
  });
});
