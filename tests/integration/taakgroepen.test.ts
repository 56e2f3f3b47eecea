import { one, many } from "~db/query.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, devMailbox, ideas, taakgroepSignups, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { getContestBySlug } from "~/modules/contests/contests.server";
import {
  contestTaakgroepen,
  exportTaakgroepCsv,
  joinTaakgroep,
  markTaakgroep,
  taakgroepView,
  withdrawFromTaakgroep,
} from "~/modules/taakgroepen/taakgroepen.server";
import { useTestDatabase } from "../support/test-db";

// The taakgroep record on a real SQLite file: sign-ups, the formed mail (once), withdrawal as a row,
// consent, the organiser's marks and the CSV export.

const { db } = useTestDatabase();
const now = Date.now();
let contestId = 0;
let ideaId = 0;
let otherIdeaId = 0;
const userIds: string[] = [];
let organiserId = "";

function join(n: number, over: { sharesContact?: boolean; at?: number; skills?: string } = {}) {
  return joinTaakgroep({
    contestId,
    ideaId,
    userId: userIds[n]!,
    name: `Lid ${n}`,
    contact: `lid${n}@example.nl`,
    skills: over.skills ?? null,
    tags: ["praktisch-werk"],
    timeAvailable: "een middag per maand",
    sharesContact: over.sharesContact ?? true,
    minimum: 4,
    now: over.at ?? now + n,
    ideaTitle: "Het idee",
    origin: "http://localhost",
    ideaPath: "/idee",
  });
}
const view = async (userId: string | null, canSeeMembers: boolean) => taakgroepView({ contestId, ideaId, minimum: 4, userId, canSeeMembers });
const formedMails = async () => (await many(db().select().from(devMailbox))).filter((m) => m.subject.startsWith("Je taakgroep is gevormd"));

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  const contest = (await getContestBySlug(votingDemoSlug))!;
  contestId = contest.contest.id;
  const shortlisted = await many(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), eq(ideas.status, "shortlisted"))),
  );
  ideaId = shortlisted[0]!.id;
  otherIdeaId = shortlisted[1]!.id;
  organiserId = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
  const all = await many(db().select().from(users));
  // Five accounts of the demo stand in for five residents.
  userIds.push(...all.slice(0, 5).map((u) => u.id));
});

describe("taakgroep sign-ups", () => {
  it("looks for people until the fourth sign-up, then mails the members once", async () => {
    expect((await view(null, false)).status).toMatchObject({ kind: "zoekt", missing: 4 });
    await join(0);
    await join(1, { sharesContact: false });
    await join(2);
    expect((await view(null, false)).status).toMatchObject({ kind: "zoekt", missing: 1 });
    expect(await formedMails()).toHaveLength(0);
    const result = await join(3);
    expect(result.formedNow).toBe(true);
    expect((await view(null, false)).status.kind).toBe("gevormd");
    const mails = await formedMails();
    expect(mails.map((m) => m.to).sort()).toEqual(["lid0@example.nl", "lid1@example.nl", "lid2@example.nl", "lid3@example.nl"]);
    // Lid 1 did not consent: nobody else gets their contact.
    expect(mails[0]!.text).toContain("lid0@example.nl");
    expect(mails[0]!.text).not.toContain("lid1@example.nl");
  });

  it("counts a second sign-up as an update, not a new member", async () => {
    await join(0, { skills: "Ik kan timmeren", at: now + 100 });
    const v = await view(userIds[0]!, true);
    expect(v.status.members).toBe(4);
    expect(v.own?.skills).toBe("Ik kan timmeren");
  });

  it("shows members and contacts only to those allowed, and only who consented", async () => {
    expect((await view(userIds[4]!, false)).members).toBeNull();
    const members = (await view(organiserId, true)).members!;
    expect(members.map((m) => m.name)).toEqual(["Lid 0", "Lid 2", "Lid 3"]);
  });

  it("keeps a withdrawal as a row and turns the group back, without mailing again on rejoin", async () => {
    const before = (await many(db().select().from(taakgroepSignups))).length;
    expect(await withdrawFromTaakgroep({ contestId, ideaId, userId: userIds[2]!, now: now + 200 })).toBe(true);
    expect((await many(db().select().from(taakgroepSignups))).length).toBe(before + 1);
    expect((await view(null, false)).status).toMatchObject({ kind: "zoekt", missing: 1 });
    expect((await view(organiserId, true)).members!.map((m) => m.name)).not.toContain("Lid 2");
    expect(await withdrawFromTaakgroep({ contestId, ideaId, userId: userIds[2]!, now: now + 201 })).toBe(false);
    const mailsBefore = (await formedMails()).length;
    await join(4, { at: now + 300 });
    expect((await view(null, false)).status.kind).toBe("gevormd");
    expect(await formedMails()).toHaveLength(mailsBefore);
  });

  it("lets an organiser mark the group, logged", async () => {
    await markTaakgroep({ contestId, ideaId, state: "actief", userId: organiserId, now: now + 400 });
    expect((await view(null, false)).status.kind).toBe("actief");
    await markTaakgroep({ contestId, ideaId, state: "gestopt", userId: organiserId, now: now + 401 });
    const logged = await many(db().select().from(auditLog).where(eq(auditLog.action, "taakgroep.mark")));
    expect(logged.map((l) => JSON.parse(l.after!).state)).toEqual(["actief", "gestopt"]);
    const overview = await contestTaakgroepen(contestId, 4);
    expect(overview.find((o) => o.ideaId === ideaId)?.status.kind).toBe("gestopt");
    expect(overview.find((o) => o.ideaId === otherIdeaId)?.status).toMatchObject({ kind: "zoekt", missing: 4 });
  });

  it("exports the record per contest and per idea, without the contact of who did not consent", async () => {
    const csv = await exportTaakgroepCsv({ contestId, userId: organiserId, now, formatDate: (ms) => new Date(ms).toISOString() });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("idee,titel,soort,naam,contact,wat ik kan,onderwerpen,tijd,toestemming,datum");
    expect(lines).toHaveLength(1 + 7);
    expect(csv).not.toContain("lid1@example.nl");
    expect(lines.filter((l) => l.includes(",afmelding,"))).toHaveLength(1);
    const perIdea = await exportTaakgroepCsv({ contestId, ideaId: otherIdeaId, userId: organiserId, now, formatDate: String });
    expect(perIdea.trim().split("\r\n")).toHaveLength(1);
    expect(await many(db().select().from(auditLog).where(eq(auditLog.action, "taakgroep.export")))).toHaveLength(2);
  });
});
