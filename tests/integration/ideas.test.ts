import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contests, ideaCategories, ideaCoInitiators, ideaCostLines, ideaPhotos, ideaReports, ideas, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { acceptInvitation, inviteCoInitiator } from "~/modules/ideas/coinitiators.server";
import { sha256 } from "~/modules/ideas/tokens.server";
import { claimDraft, confirmIdeaContact, createIdea, getIdea, listPublicIdeas, submitDraft, updateIdea, withdrawIdea } from "~/modules/ideas/ideas.server";
import { addListItem, removeListItem } from "~/modules/ideas/lists.server";
import { dismissReport, hideIdea, hidePhoto, reportIdea, restoreIdea } from "~/modules/ideas/moderation.server";
import { useTestDatabase } from "../support/test-db";

const { db } = useTestDatabase();
const now = Date.UTC(2027, 2, 10, 12);

let vonkId = 0;
let anna = "";
let mo = "";
let organiser = "";

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  vonkId = db().select().from(contests).where(eq(contests.slug, "vonk-keizerslanden-2027")).get()!.id;
  const byEmail = (email: string) => db().select().from(users).where(eq(users.email, email)).get()!.id;
  anna = byEmail("bewoner@keizerslanden.nl");
  mo = byEmail("mohamed@voorbeeld.nl");
  organiser = byEmail("organisator@keizerslanden.nl");
});

const content = { title: "Picknicktafels in het park", summary: "Twee tafels.", description: "Om samen te eten.", costEuros: 1800, costLines: [] };
const at = () => new Date(now);

function insertIdea(values: Partial<typeof ideas.$inferInsert> = {}) {
  return db()
    .insert(ideas)
    .values({ contestId: vonkId, title: "Test", ownerUserId: anna, createdAt: at(), updatedAt: at(), ...values })
    .returning()
    .get();
}

function auditFor(ideaId: number) {
  return db()
    .select()
    .from(auditLog)
    .where(eq(auditLog.subject, `idea:${ideaId}`))
    .all();
}

describe("the database guarantees", () => {
  it("refuses a negative cost on an idea and on a cost line", () => {
    expect(() => insertIdea({ costEuros: -1 })).toThrow(/CHECK/);
    const idea = insertIdea();
    expect(() => db().insert(ideaCostLines).values({ ideaId: idea.id, position: 1, description: "Verf", amountEuros: -5 }).run()).toThrow(/CHECK/);
    db().insert(ideaCostLines).values({ ideaId: idea.id, position: 1, description: "Verf", amountEuros: 5 }).run();
    expect(() => db().insert(ideaCostLines).values({ ideaId: idea.id, position: 1, description: "Kwasten", amountEuros: 5 }).run()).toThrow(/UNIQUE/);
  });

  it("refuses an idea without an author, a paper idea without consent, and hiding without a reason", () => {
    expect(() => insertIdea({ ownerUserId: null })).toThrow(/CHECK/);
    expect(() => insertIdea({ ownerUserId: null, isPaper: true, paperName: "Truus" })).toThrow(/CHECK/);
    expect(() => insertIdea({ ownerUserId: null, isPaper: true, paperName: " ", paperConsentAt: at() })).toThrow(/CHECK/);
    expect(() => insertIdea({ hiddenAt: at(), hiddenReason: "  " })).toThrow(/CHECK/);
  });

  it("refuses a handed-in idea without a submission time or a cost, and an unknown contest", () => {
    expect(() => insertIdea({ status: "submitted", costEuros: 100 })).toThrow(/CHECK/);
    expect(() => insertIdea({ status: "submitted", submittedAt: at() })).toThrow(/CHECK/);
    expect(() => insertIdea({ contestId: 99_999 })).toThrow(/FOREIGN KEY/);
  });

  it("keeps at most five photos per idea, hidden ones included", () => {
    const idea = insertIdea();
    const photo = (i: number) => ({ ideaId: idea.id, storageKey: `key-${idea.id}-${i}-aaaaaaaaaaaa`, altText: "Foto", width: 10, height: 10, createdAt: at() });
    for (let i = 0; i < 5; i++) db().insert(ideaPhotos).values(photo(i)).run();
    expect(() => db().insert(ideaPhotos).values(photo(5)).run()).toThrow(/idea_photos_max_five/);
    expect(() =>
      db()
        .insert(ideaPhotos)
        .values({ ...photo(6), ideaId: insertIdea().id, altText: " " })
        .run(),
    ).toThrow(/CHECK/);
  });

  it("invites an email address once per idea, lower-cased, and binds acceptance to a user", () => {
    const idea = insertIdea();
    const row = { ideaId: idea.id, email: "buur@voorbeeld.nl", tokenHash: `t-${idea.id}`, invitedAt: at() };
    db().insert(ideaCoInitiators).values(row).run();
    expect(() =>
      db()
        .insert(ideaCoInitiators)
        .values({ ...row, tokenHash: `t2-${idea.id}` })
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db()
        .insert(ideaCoInitiators)
        .values({ ...row, email: "Buur2@voorbeeld.nl", tokenHash: `t3-${idea.id}` })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db()
        .insert(ideaCoInitiators)
        .values({ ...row, email: "b3@voorbeeld.nl", tokenHash: `t4-${idea.id}`, acceptedAt: at() })
        .run(),
    ).toThrow(/CHECK/);
  });

  it("keeps category names unique per contest and refuses to remove one in use", () => {
    expect(addListItem({ kind: "category", contestId: vonkId, name: "Groen en natuur", actorUserId: organiser, now })).toEqual({
      ok: false,
      reason: "duplicate",
    });
    expect(addListItem({ kind: "category", contestId: vonkId, name: "Water", actorUserId: organiser, now })).toEqual({ ok: true });
    const water = db()
      .select()
      .from(ideaCategories)
      .where(and(eq(ideaCategories.contestId, vonkId), eq(ideaCategories.name, "Water")))
      .get()!;
    insertIdea({ categoryId: water.id });
    expect(removeListItem({ kind: "category", contestId: vonkId, id: water.id, actorUserId: organiser, now })).toEqual({ ok: false, reason: "in-use" });
    expect(() => db().delete(ideaCategories).where(eq(ideaCategories.id, water.id)).run()).toThrow(/FOREIGN KEY/);
  });
});

describe("handing in without an account", () => {
  it("stores only the hash of the draft token, and lists the idea once the new account confirms its email", async () => {
    const ideaId = await createIdea({
      contestId: vonkId,
      values: content,
      author: { kind: "anonymous", draftToken: "geheim-token-1234567890" },
      photo: null,
      now,
    });
    const draft = getIdea(vonkId, ideaId)!;
    expect(draft.status).toBe("draft");
    expect(draft.draftTokenHash).toBe(sha256("geheim-token-1234567890"));
    expect(listPublicIdeas(vonkId).some((i) => i.id === ideaId)).toBe(false);

    claimDraft({ ideaId, userId: mo, now });
    const submitted = submitDraft({ ideaId, ownerUserId: mo, confirmed: false, now });
    expect(submitted).toMatchObject({ ok: true });
    const token = submitted.ok ? submitted.confirmToken! : "";
    expect(getIdea(vonkId, ideaId)).toMatchObject({ status: "submitted", ownerUserId: mo, draftTokenHash: null, contactConfirmedAt: null });
    expect(listPublicIdeas(vonkId).some((i) => i.id === ideaId)).toBe(false);

    expect(confirmIdeaContact({ token, now })).toMatchObject({ ideaId });
    expect(confirmIdeaContact({ token, now })).toBeNull();
    expect(listPublicIdeas(vonkId).some((i) => i.id === ideaId)).toBe(true);
    // A second submission of the same draft does nothing.
    expect(submitDraft({ ideaId, ownerUserId: mo, confirmed: true, now })).toEqual({ ok: false });
  });

  it("takes the cost from the breakdown when no total is given", async () => {
    const lines = [
      { description: "Tafels", amountEuros: 1500 },
      { description: "Bezorgen", amountEuros: 300 },
    ];
    const ideaId = await createIdea({
      contestId: vonkId,
      values: { ...content, costEuros: undefined, costLines: lines },
      author: { kind: "user", userId: anna },
      photo: null,
      now,
    });
    expect(getIdea(vonkId, ideaId)!.costEuros).toBe(1800);
    expect(
      db()
        .select()
        .from(ideaCostLines)
        .where(eq(ideaCostLines.ideaId, ideaId))
        .all()
        .map((l) => l.position),
    ).toEqual([1, 2]);
  });
});

describe("paper ideas", () => {
  it("are handed in at once, marked as paper, with consent and an audit line", async () => {
    const ideaId = await createIdea({
      contestId: vonkId,
      values: content,
      author: { kind: "paper", name: "Gerrit Jansen", contact: "06 12345678", consentHow: "paper-form", enteredByUserId: organiser },
      photo: null,
      now,
    });
    const idea = getIdea(vonkId, ideaId)!;
    expect(idea).toMatchObject({ status: "submitted", isPaper: true, paperName: "Gerrit Jansen", ownerUserId: null, enteredByUserId: organiser });
    expect(idea.paperConsentAt).not.toBeNull();
    expect(auditFor(ideaId).map((a) => a.action)).toEqual(["idea.paper-entered"]);
    expect(listPublicIdeas(vonkId).some((i) => i.id === ideaId)).toBe(true);
  });
});

describe("organiser edits and withdrawals", () => {
  it("logs an organiser's change with the fields before and after; the indiener's own edits are not logged", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    const idea = getIdea(vonkId, ideaId)!;
    await updateIdea({ idea, values: { ...content, title: "Picknicktafels bij de vijver" }, photo: null, actorUserId: anna, logged: false, now });
    expect(auditFor(ideaId)).toEqual([]);
    await updateIdea({
      idea: getIdea(vonkId, ideaId)!,
      values: { ...content, title: "Tafels bij de vijver", costEuros: 2000 },
      photo: null,
      actorUserId: organiser,
      logged: true,
      now,
    });
    const [entry] = auditFor(ideaId);
    expect(entry).toMatchObject({ action: "idea.updated-by-organiser", userId: organiser });
    expect(JSON.parse(entry!.before!)).toEqual({ title: "Picknicktafels bij de vijver", costEuros: 1800 });
    expect(JSON.parse(entry!.after!)).toEqual({ title: "Tafels bij de vijver", costEuros: 2000 });
  });

  it("keeps a withdrawn idea, out of the list, with its audit line", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    submitDraft({ ideaId, ownerUserId: anna, confirmed: true, now });
    withdrawIdea({ idea: getIdea(vonkId, ideaId)!, actorUserId: anna, now });
    expect(getIdea(vonkId, ideaId)).toMatchObject({ status: "withdrawn" });
    expect(listPublicIdeas(vonkId).some((i) => i.id === ideaId)).toBe(false);
    expect(auditFor(ideaId).map((a) => a.action)).toEqual(["idea.withdrawn"]);
  });
});

describe("co-initiators", () => {
  it("are invited once, accept with the link, and cannot be the indiener", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    const idea = getIdea(vonkId, ideaId)!;
    expect(
      inviteCoInitiator({ idea, email: "bewoner@keizerslanden.nl", ownerEmail: "bewoner@keizerslanden.nl", inviterUserId: anna, logged: false, now }),
    ).toEqual({ ok: false, reason: "self" });
    const invite = inviteCoInitiator({ idea, email: "mohamed@voorbeeld.nl", ownerEmail: "bewoner@keizerslanden.nl", inviterUserId: anna, logged: false, now });
    expect(invite.ok).toBe(true);
    expect(inviteCoInitiator({ idea, email: "mohamed@voorbeeld.nl", ownerEmail: null, inviterUserId: anna, logged: false, now })).toEqual({
      ok: false,
      reason: "already",
    });
    const token = invite.ok ? invite.token : "";
    expect(acceptInvitation({ token, userId: anna, now })).toEqual({ ok: false, reason: "own" });
    expect(acceptInvitation({ token, userId: mo, now })).toEqual({ ok: true, ideaId, contestId: vonkId });
    expect(acceptInvitation({ token, userId: mo, now })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("moderation", () => {
  it("hides an idea with a reason (resolving its reports), restores it, and never deletes it", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    submitDraft({ ideaId, ownerUserId: anna, confirmed: true, now });
    expect(reportIdea({ idea: getIdea(vonkId, ideaId)!, photoId: null, reason: "spam", message: null, reporterUserId: null, now })).toBe(true);
    expect(reportIdea({ idea: getIdea(vonkId, ideaId)!, photoId: null, reason: "other", message: "Klopt niet", reporterUserId: mo, now })).toBe(true);

    expect(hideIdea({ idea: getIdea(vonkId, ideaId)!, reason: "Dit is reclame.", actorUserId: organiser, now })).toBe(true);
    expect(hideIdea({ idea: getIdea(vonkId, ideaId)!, reason: "Nog eens.", actorUserId: organiser, now })).toBe(false);
    expect(getIdea(vonkId, ideaId)).toMatchObject({ hiddenReason: "Dit is reclame.", status: "submitted" });
    expect(listPublicIdeas(vonkId).some((i) => i.id === ideaId)).toBe(false);
    const reports = db().select().from(ideaReports).where(eq(ideaReports.ideaId, ideaId)).all();
    expect(reports.map((r) => r.resolution)).toEqual(["hidden", "hidden"]);

    expect(restoreIdea({ idea: getIdea(vonkId, ideaId)!, actorUserId: organiser, now })).toBe(true);
    expect(listPublicIdeas(vonkId).some((i) => i.id === ideaId)).toBe(true);
    const log = auditFor(ideaId);
    expect(log.map((a) => a.action)).toEqual(["idea.reported", "idea.reported", "idea.hidden", "idea.restored"]);
    expect(log[2]!.reason).toBe("Dit is reclame.");
  });

  it("hides one photo, dismisses a report, and refuses a photo of another idea", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    const other = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    const photo = db()
      .insert(ideaPhotos)
      .values({ ideaId, storageKey: `photo-of-${ideaId}-abcdefgh`, altText: "Foto", width: 10, height: 10, createdAt: at() })
      .returning()
      .get();
    const idea = getIdea(vonkId, ideaId)!;
    expect(reportIdea({ idea: getIdea(vonkId, other)!, photoId: photo.id, reason: "privacy", message: null, reporterUserId: null, now })).toBe(false);
    expect(reportIdea({ idea, photoId: photo.id, reason: "privacy", message: null, reporterUserId: null, now })).toBe(true);
    expect(hidePhoto({ idea: getIdea(vonkId, other)!, photoId: photo.id, reason: "Gezicht te zien", actorUserId: organiser, now })).toBe(false);
    expect(hidePhoto({ idea, photoId: photo.id, reason: "Gezicht te zien", actorUserId: organiser, now })).toBe(true);
    expect(db().select().from(ideaPhotos).where(eq(ideaPhotos.id, photo.id)).get()).toMatchObject({ hiddenReason: "Gezicht te zien" });
    reportIdea({ idea, photoId: null, reason: "incorrect", message: null, reporterUserId: null, now });
    const open = db()
      .select()
      .from(ideaReports)
      .where(and(eq(ideaReports.ideaId, ideaId), eq(ideaReports.reason, "incorrect")))
      .get()!;
    expect(dismissReport({ idea, reportId: open.id, actorUserId: organiser, now })).toBe(true);
    expect(dismissReport({ idea, reportId: open.id, actorUserId: organiser, now })).toBe(false);
  });
});
