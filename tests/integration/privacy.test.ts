import { one, many, run } from "~db/query.server";
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
  const userId = async (email: string) => (await one(db().select().from(users).where(eq(users.email, email))))!.id;
  mohamed = await userId("mohamed@voorbeeld.nl");
  contestId = (await getContestBySlug(votingDemoSlug))!.contest.id;
  ideaId = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), eq(ideas.ownerUserId, mohamed))),
  ))!.id;
  // Mohamed also joins a taakgroep of someone else's idea, with his contact.
  const other = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), eq(ideas.title, "Gereedschapsschuur voor de buurt"))),
  ))!;
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
  await run(db().insert(ideaBackers).values({ ideaId: other.id, userId: mohamed, createdAt: at }));
  await run(
    db()
      .insert(ideaReactions)
      .values({ ideaId: other.id, userId: mohamed, kind: "help", role: "resident", body: "Ik kan timmeren, bel 06 12345678", createdAt: at }),
  );
  await run(
    db().insert(helpOffers).values({
      contestId,
      offererKind: "bewoner",
      userId: mohamed,
      name: "Mohamed",
      kind: "gereedschap",
      description: "Een boormachine",
      contact: "06 12345678",
      createdAt: at.getTime(),
    }),
  );
});

describe("a copy of your data", () => {
  it("holds the account, the ideas and the taakgroepen, and says that a vote is secret", async () => {
    const data = (await exportPersonalData(mohamed, Date.now()))!;
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
    expect((await one(db().select().from(users).where(eq(users.id, mohamed))))?.deletedAt).toBeNull();
  });

  it("changes nothing when its last write fails: each module's forgetting runs in the one transaction (issue 20)", async () => {
    const at = Date.now();
    const before = await exportPersonalData(mohamed, at);
    const sqlite = db().$client;
    sqlite.exec("CREATE TEMP TRIGGER fail_tombstone BEFORE UPDATE OF deleted_at ON users BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    try {
      await expect(deleteAccount({ userId: mohamed, password, now: Date.now() })).rejects.toThrow(/disk trouble/);
    } finally {
      sqlite.exec("DROP TRIGGER fail_tombstone");
    }
    expect(await exportPersonalData(mohamed, at)).toEqual(before);
  });

  it("keeps the ideas without a name, wipes contacts, ends sessions, and you can no longer log in", async () => {
    await createSessionCookie(mohamed);
    const at = Date.now();
    expect(await deleteAccount({ userId: mohamed, password, now: at })).toEqual({ ok: true });
    const tombstone = (await one(db().select().from(users).where(eq(users.id, mohamed))))!;
    expect(tombstone).toMatchObject({ name: "", postcode: "", deletedAt: new Date(at) });
    expect(tombstone.email).toMatch(/@verwijderd\.invalid$/);
    expect((await verifyLogin({ email: "mohamed@voorbeeld.nl", password, ip: undefined })).ok).toBe(false);
    expect(await many(db().select().from(sessions).where(eq(sessions.userId, mohamed)))).toEqual([]);
    expect(await many(db().select().from(roleAssignments).where(eq(roleAssignments.userId, mohamed)))).toEqual([]);
    // The handed-in idea stays with its contest, shown without a name.
    const idea = (await getIdea(contestId, ideaId))!;
    expect(idea.status).not.toBe("draft");
    expect(initiatorNames(idea, await getIdeaDetails(idea))).toEqual([]);
    // He is out of the taakgroep, and his contact is gone from every row of the record.
    const rows = await many(db().select().from(taakgroepSignups).where(eq(taakgroepSignups.userId, mohamed)));
    expect(rows.map((r) => r.kind)).toEqual(["signup", "withdrawal"]);
    expect(JSON.stringify(rows)).not.toMatch(/06 12345678|Timmeren|Mohamed/);
    // His backing is gone; his reaction and offer keep their place without what they said or how to reach him.
    expect(await many(db().select().from(ideaBackers).where(eq(ideaBackers.userId, mohamed)))).toEqual([]);
    const said = [
      ...(await many(db().select().from(ideaReactions).where(eq(ideaReactions.userId, mohamed)))),
      ...(await many(db().select().from(helpOffers).where(eq(helpOffers.userId, mohamed)))),
    ];
    expect(said).toHaveLength(2);
    expect(JSON.stringify(said)).not.toMatch(/06 12345678|timmeren|boormachine|Mohamed/i);
    expect((await one(db().select().from(helpOffers).where(eq(helpOffers.userId, mohamed))))?.withdrawnAt).toBe(at);
    expect(await exportPersonalData(mohamed, at)).toBeNull();
  });

  it("sends no mail to a deleted account", async () => {
    const tombstone = (await one(db().select().from(users).where(eq(users.id, mohamed))))!;
    await sendMail({ to: tombstone.email, subject: "Test", text: "x" });
    expect(await many(db().select().from(devMailbox).where(eq(devMailbox.to, tombstone.email)))).toEqual([]);
  });
});

describe("the retention job", () => {
  it("removes an archived contest's personal data after its retention period, once, and logs it", async () => {
    const round = (await getContestBySlug(aftercareDemoSlug))!;
    const archiveStarts = round.schedule!.nazorg.end;
    const ballotsBefore = (await one(db().select({ n: count() }).from(ballots).where(eq(ballots.contestId, round.contest.id))))!.n;
    expect((await many(db().select().from(voterRegister).where(eq(voterRegister.contestId, round.contest.id)))).length).toBe(ballotsBefore);
    // A resident offered help on its beursvloer.
    await run(
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
        }),
    );
    // Still in aftercare, or archived for less than its 365 days: nothing happens.
    await removeExpiredPersonalData(archiveStarts + 364 * day);
    expect((await one(db().select().from(contests).where(eq(contests.id, round.contest.id))))?.personalDataRemovedAt).toBeNull();
    expect((await many(db().select().from(voterRegister).where(eq(voterRegister.contestId, round.contest.id)))).length).toBe(ballotsBefore);

    const due = archiveStarts + 365 * day;
    // A failure in the last write (the audit row) leaves every module's data as it was: one transaction.
    const sqlite = db().$client;
    sqlite.exec(
      "CREATE TEMP TRIGGER fail_retention_log BEFORE INSERT ON audit_log WHEN NEW.action = 'privacy.retention' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
    );
    try {
      await expect(removeExpiredPersonalData(due)).rejects.toThrow(/disk trouble/);
    } finally {
      sqlite.exec("DROP TRIGGER fail_retention_log");
    }
    expect((await many(db().select().from(voterRegister).where(eq(voterRegister.contestId, round.contest.id)))).length).toBe(ballotsBefore);
    expect(JSON.stringify(await many(db().select().from(helpOffers).where(eq(helpOffers.contestId, round.contest.id))))).toMatch(/fatima/i);
    expect((await one(db().select().from(contests).where(eq(contests.id, round.contest.id))))?.personalDataRemovedAt).toBeNull();

    // Two runs at once (two processes, or a slow minute): one of them removes the data and logs it.
    const reports = await Promise.all([removeExpiredPersonalData(due), removeExpiredPersonalData(due)]);
    expect(reports[0].contests + reports[1].contests).toBeGreaterThanOrEqual(1);
    expect(await many(db().select().from(voterRegister).where(eq(voterRegister.contestId, round.contest.id)))).toEqual([]);
    // The anonymous ballots stay counted; the taakgroep record keeps its rows, without names.
    expect((await one(db().select({ n: count() }).from(ballots).where(eq(ballots.contestId, round.contest.id))))!.n).toBe(ballotsBefore);
    const signups = await many(db().select().from(taakgroepSignups).where(eq(taakgroepSignups.contestId, round.contest.id)));
    expect(signups.length).toBeGreaterThan(0);
    expect(signups.every((s) => s.name === "–" && !s.contact.includes("@"))).toBe(true);
    // The offer of help keeps what was offered, not who or how to reach them.
    const offers = await many(db().select().from(helpOffers).where(eq(helpOffers.contestId, round.contest.id)));
    expect(offers).toContainEqual(expect.objectContaining({ name: "–", contact: "–", description: "Tuinieren" }));
    expect(JSON.stringify(offers)).not.toMatch(/fatima/i);
    const moestuin = (await one(db().select().from(ideas).where(eq(ideas.title, "Moestuin achter De Linde"))))!;
    expect((await taakgroepView({ contestId: round.contest.id, ideaId: moestuin.id, minimum: 4, userId: null, canSeeMembers: true })).status.kind).toBe(
      "gevormd",
    );
    const log = async () =>
      many(
        db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.contestId, round.contest.id), eq(auditLog.action, "privacy.retention"))),
      );
    expect(await log()).toHaveLength(1);
    expect(JSON.parse((await log())[0]!.after!)).toMatchObject({ retentionDays: 365, voterRegister: ballotsBefore });
    // Once done, never again.
    await removeExpiredPersonalData(due + day);
    expect(await log()).toHaveLength(1);
  });
});
