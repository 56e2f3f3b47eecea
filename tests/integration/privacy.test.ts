import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  ballots,
  contests,
  devMailbox,
  helpOffers,
  ideaBackers,
  ideaReactions,
  ideas,
  roleAssignments,
  sessions,
  taakgroepSignups,
  users,
  voterRegister,
} from "~db/schema";
import { aftercareDemoSlug } from "~db/seeds/aftercare";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { sendMail } from "~/lib/mail.server";
import { verifyLogin } from "~/modules/auth/accounts.server";
import { hashPassword } from "~/modules/auth/password.server";
import { deleteAccount, exportPersonalData } from "~/workflows/personal-data.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { removeExpiredPersonalData } from "~/workflows/retention.server";
import { getIdea, getIdeaDetails, initiatorNames } from "~/modules/ideas/ideas.server";
import { joinTaakgroep, taakgroepView } from "~/modules/taakgroepen/taakgroepen.server";
import { useTestDatabase } from "../support/test-db";

// The AVG rights on a real SQLite file (issue 9): a copy of your data, deleting your account, and the
// retention job that removes a finished contest's personal data.

const { db } = useTestDatabase();
const day = 24 * 60 * 60 * 1000;
const password = "wijkvonk-demo";
let mohamed = "";
let contestId = 0;
let ideaId = 0;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword, now: Date.now() });
  const userId = (email: string) => db().select().from(users).where(eq(users.email, email)).get()!.id;
  mohamed = userId("mohamed@voorbeeld.nl");
  contestId = getContestBySlug(votingDemoSlug)!.contest.id;
  ideaId = db()
    .select()
    .from(ideas)
    .where(and(eq(ideas.contestId, contestId), eq(ideas.ownerUserId, mohamed)))
    .get()!.id;
  // Mohamed also joins a taakgroep of someone else's idea, with his contact.
  const other = db()
    .select()
    .from(ideas)
    .where(and(eq(ideas.contestId, contestId), eq(ideas.title, "Gereedschapsschuur voor de buurt")))
    .get()!;
  await joinTaakgroep({
    contestId,
    ideaId: other.id,
    userId: mohamed,
    name: "Mohamed",
    contact: "06 12345678",
    skills: "Timmeren",
    tags: ["praktisch-werk"],
    timeAvailable: "zaterdag",
    sharesContact: true,
    minimum: 4,
    now: Date.now(),
    ideaTitle: other.title,
    origin: "http://localhost",
    ideaPath: "/x",
  });
  // He backs that idea, offers his help below it, and on the beursvloer.
  const at = new Date();
  db().insert(ideaBackers).values({ ideaId: other.id, userId: mohamed, createdAt: at }).run();
  db()
    .insert(ideaReactions)
    .values({ ideaId: other.id, userId: mohamed, kind: "help", role: "resident", body: "Ik kan timmeren, bel 06 12345678", createdAt: at })
    .run();
  db()
    .insert(helpOffers)
    .values({
      contestId,
      offererKind: "bewoner",
      userId: mohamed,
      name: "Mohamed",
      kind: "gereedschap",
      description: "Een boormachine",
      contact: "06 12345678",
      createdAt: at.getTime(),
    })
    .run();
});

describe("a copy of your data", () => {
  it("holds the account, the ideas and the taakgroepen, and says that a vote is secret", () => {
    const data = exportPersonalData(mohamed, Date.now())!;
    expect(data.account).toMatchObject({ name: "Mohamed El Amrani", email: "mohamed@voorbeeld.nl" });
    expect(data.ideas.map((i) => i.title)).toContain("Boomspiegels adopteren");
    expect(data.taakgroepen).toEqual([expect.objectContaining({ idea: "Gereedschapsschuur voor de buurt", contact: "06 12345678", skills: "Timmeren" })]);
    expect(data.draagvlak.backed).toContainEqual(expect.objectContaining({ idea: "Gereedschapsschuur voor de buurt" }));
    expect(data.draagvlak.reactions).toContainEqual(expect.objectContaining({ kind: "help", text: "Ik kan timmeren, bel 06 12345678" }));
    expect(data.offersOfHelp).toEqual([expect.objectContaining({ description: "Een boormachine", contact: "06 12345678", withdrawnAt: null })]);
    expect(data.about).toMatch(/geheim/);
    expect(JSON.stringify(data)).not.toMatch(/sticker|ballot/i);
  });
});

describe("deleting your account", () => {
  it("refuses a wrong password and changes nothing", async () => {
    expect(await deleteAccount({ userId: mohamed, password: "fout", now: Date.now() })).toEqual({ ok: false, reason: "wrong-password" });
    expect(db().select().from(users).where(eq(users.id, mohamed)).get()?.deletedAt).toBeNull();
  });

  it("keeps the ideas without a name, wipes contacts, ends sessions, and you can no longer log in", async () => {
    await createSessionCookie(mohamed);
    const at = Date.now();
    expect(await deleteAccount({ userId: mohamed, password, now: at })).toEqual({ ok: true });
    const tombstone = db().select().from(users).where(eq(users.id, mohamed)).get()!;
    expect(tombstone).toMatchObject({ name: "", postcode: "", deletedAt: new Date(at) });
    expect(tombstone.email).toMatch(/@verwijderd\.invalid$/);
    expect((await verifyLogin({ email: "mohamed@voorbeeld.nl", password, ip: undefined })).ok).toBe(false);
    expect(db().select().from(sessions).where(eq(sessions.userId, mohamed)).all()).toEqual([]);
    expect(db().select().from(roleAssignments).where(eq(roleAssignments.userId, mohamed)).all()).toEqual([]);
    // The handed-in idea stays with its contest, shown without a name.
    const idea = getIdea(contestId, ideaId)!;
    expect(idea.status).not.toBe("draft");
    expect(initiatorNames(idea, getIdeaDetails(idea))).toEqual([]);
    // He is out of the taakgroep, and his contact is gone from every row of the record.
    const rows = db().select().from(taakgroepSignups).where(eq(taakgroepSignups.userId, mohamed)).all();
    expect(rows.map((r) => r.kind)).toEqual(["signup", "withdrawal"]);
    expect(JSON.stringify(rows)).not.toMatch(/06 12345678|Timmeren|Mohamed/);
    // His backing is gone; his reaction and offer keep their place without what they said or how to reach him.
    expect(db().select().from(ideaBackers).where(eq(ideaBackers.userId, mohamed)).all()).toEqual([]);
    const said = [
      ...db().select().from(ideaReactions).where(eq(ideaReactions.userId, mohamed)).all(),
      ...db().select().from(helpOffers).where(eq(helpOffers.userId, mohamed)).all(),
    ];
    expect(said).toHaveLength(2);
    expect(JSON.stringify(said)).not.toMatch(/06 12345678|timmeren|boormachine|Mohamed/i);
    expect(db().select().from(helpOffers).where(eq(helpOffers.userId, mohamed)).get()?.withdrawnAt).toBe(at);
    expect(exportPersonalData(mohamed, at)).toBeNull();
  });

  it("sends no mail to a deleted account", async () => {
    const tombstone = db().select().from(users).where(eq(users.id, mohamed)).get()!;
    await sendMail({ to: tombstone.email, subject: "Test", text: "x" });
    expect(db().select().from(devMailbox).where(eq(devMailbox.to, tombstone.email)).all()).toEqual([]);
  });
});

describe("the retention job", () => {
  it("removes an archived contest's personal data after its retention period, once, and logs it", () => {
    const round = getContestBySlug(aftercareDemoSlug)!;
    const archiveStarts = round.schedule!.nazorg.end;
    const ballotsBefore = db().select({ n: count() }).from(ballots).where(eq(ballots.contestId, round.contest.id)).get()!.n;
    expect(db().select().from(voterRegister).where(eq(voterRegister.contestId, round.contest.id)).all().length).toBe(ballotsBefore);
    // A resident offered help on its beursvloer.
    db()
      .insert(helpOffers)
      .values({
        contestId: round.contest.id,
        offererKind: "bewoner",
        name: "Fatima",
        kind: "hulp",
        description: "Tuinieren",
        contact: "fatima@example.nl",
        createdAt: archiveStarts - day,
      })
      .run();
    // Still in aftercare, or archived for less than its 365 days: nothing happens.
    removeExpiredPersonalData(archiveStarts + 364 * day);
    expect(db().select().from(contests).where(eq(contests.id, round.contest.id)).get()?.personalDataRemovedAt).toBeNull();
    expect(db().select().from(voterRegister).where(eq(voterRegister.contestId, round.contest.id)).all().length).toBe(ballotsBefore);

    const due = archiveStarts + 365 * day;
    const report = removeExpiredPersonalData(due);
    expect(report.contests).toBeGreaterThanOrEqual(1);
    expect(db().select().from(voterRegister).where(eq(voterRegister.contestId, round.contest.id)).all()).toEqual([]);
    // The anonymous ballots stay counted; the taakgroep record keeps its rows, without names.
    expect(db().select({ n: count() }).from(ballots).where(eq(ballots.contestId, round.contest.id)).get()!.n).toBe(ballotsBefore);
    const signups = db().select().from(taakgroepSignups).where(eq(taakgroepSignups.contestId, round.contest.id)).all();
    expect(signups.length).toBeGreaterThan(0);
    expect(signups.every((s) => s.name === "–" && !s.contact.includes("@"))).toBe(true);
    // The offer of help keeps what was offered, not who or how to reach them.
    const offers = db().select().from(helpOffers).where(eq(helpOffers.contestId, round.contest.id)).all();
    expect(offers).toContainEqual(expect.objectContaining({ name: "–", contact: "–", description: "Tuinieren" }));
    expect(JSON.stringify(offers)).not.toMatch(/fatima/i);
    const moestuin = db().select().from(ideas).where(eq(ideas.title, "Moestuin achter De Linde")).get()!;
    expect(taakgroepView({ contestId: round.contest.id, ideaId: moestuin.id, minimum: 4, userId: null, canSeeMembers: true }).status.kind).toBe("gevormd");
    const log = () =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.contestId, round.contest.id), eq(auditLog.action, "privacy.retention")))
        .all();
    expect(log()).toHaveLength(1);
    expect(JSON.parse(log()[0]!.after!)).toMatchObject({ retentionDays: 365, voterRegister: ballotsBefore });
    // Once done, never again.
    removeExpiredPersonalData(due + day);
    expect(log()).toHaveLength(1);
  });
});
