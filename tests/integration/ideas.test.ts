import { one, many, run } from "~db/query.server";
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
import { refusedBy } from "../support/refused-by";

const { db } = useTestDatabase();
const now = Date.UTC(2027, 2, 10, 12);

let vonkId = 0;
let anna = "";
let mo = "";
let organiser = "";

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  vonkId = (await one(db().select().from(contests).where(eq(contests.slug, "vonk-keizerslanden-2027"))))!.id;
  const byEmail = async (email: string) => (await one(db().select().from(users).where(eq(users.email, email))))!.id;
  anna = await byEmail("bewoner@keizerslanden.nl");
  mo = await byEmail("mohamed@voorbeeld.nl");
  organiser = await byEmail("organisator@keizerslanden.nl");
});

const content = { title: "Picknicktafels in het park", summary: "Twee tafels.", description: "Om samen te eten.", costEuros: 1800, costLines: [] };
const at = () => new Date(now);

async function insertIdea(values: Partial<typeof ideas.$inferInsert> = {}) {
  return one(
    db()
      .insert(ideas)
      .values({ contestId: vonkId, title: "Test", ownerUserId: anna, createdAt: at(), updatedAt: at(), ...values })
      .returning(),
  );
}

async function auditFor(ideaId: number) {
  return many(
    db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `idea:${ideaId}`)),
  );
}

describe("the database guarantees", () => {
  it("refuses a negative cost on an idea and on a cost line", async () => {
    await expect(async () => insertIdea({ costEuros: -1 })).rejects.toThrow(refusedBy("check"));
    const idea = await insertIdea();
    await expect(async () => run(db().insert(ideaCostLines).values({ ideaId: idea.id, position: 1, description: "Verf", amountEuros: -5 }))).rejects.toThrow(
      refusedBy("check"),
    );
    await run(db().insert(ideaCostLines).values({ ideaId: idea.id, position: 1, description: "Verf", amountEuros: 5 }));
    await expect(async () => run(db().insert(ideaCostLines).values({ ideaId: idea.id, position: 1, description: "Kwasten", amountEuros: 5 }))).rejects.toThrow(
      refusedBy("unique"),
    );
  });

  it("refuses an idea without an author, a paper idea without consent, and hiding without a reason", async () => {
    await expect(async () => insertIdea({ ownerUserId: null })).rejects.toThrow(refusedBy("check"));
    await expect(async () => insertIdea({ ownerUserId: null, isPaper: true, paperName: "Truus" })).rejects.toThrow(refusedBy("check"));
    await expect(async () => insertIdea({ ownerUserId: null, isPaper: true, paperName: " ", paperConsentAt: at() })).rejects.toThrow(refusedBy("check"));
    await expect(async () => insertIdea({ hiddenAt: at(), hiddenReason: "  " })).rejects.toThrow(refusedBy("check"));
  });

  it("refuses a handed-in idea without a submission time or a cost, and an unknown contest", async () => {
    await expect(async () => insertIdea({ status: "submitted", costEuros: 100 })).rejects.toThrow(refusedBy("check"));
    await expect(async () => insertIdea({ status: "submitted", submittedAt: at() })).rejects.toThrow(refusedBy("check"));
    await expect(async () => insertIdea({ contestId: 99_999 })).rejects.toThrow(refusedBy("foreign-key"));
  });

  it("keeps at most five photos per idea, hidden ones included", async () => {
    const idea = await insertIdea();
    const photo = (i: number) => ({ ideaId: idea.id, storageKey: `key-${idea.id}-${i}-aaaaaaaaaaaa`, altText: "Foto", width: 10, height: 10, createdAt: at() });
    for (let i = 0; i < 5; i++) await run(db().insert(ideaPhotos).values(photo(i)));
    await expect(async () => run(db().insert(ideaPhotos).values(photo(5)))).rejects.toThrow(refusedBy(/idea_photos_max_five/));
    await expect(async () =>
      run(
        db()
          .insert(ideaPhotos)
          .values({ ...photo(6), ideaId: (await insertIdea()).id, altText: " " }),
      ),
    ).rejects.toThrow(refusedBy("check"));
  });

  it("invites an email address once per idea, lower-cased, and binds acceptance to a user", async () => {
    const idea = await insertIdea();
    const row = { ideaId: idea.id, email: "buur@voorbeeld.nl", tokenHash: `t-${idea.id}`, invitedAt: at() };
    await run(db().insert(ideaCoInitiators).values(row));
    await expect(async () =>
      run(
        db()
          .insert(ideaCoInitiators)
          .values({ ...row, tokenHash: `t2-${idea.id}` }),
      ),
    ).rejects.toThrow(refusedBy("unique"));
    await expect(async () =>
      run(
        db()
          .insert(ideaCoInitiators)
          .values({ ...row, email: "Buur2@voorbeeld.nl", tokenHash: `t3-${idea.id}` }),
      ),
    ).rejects.toThrow(refusedBy("check"));
    await expect(async () =>
      run(
        db()
          .insert(ideaCoInitiators)
          .values({ ...row, email: "b3@voorbeeld.nl", tokenHash: `t4-${idea.id}`, acceptedAt: at() }),
      ),
    ).rejects.toThrow(refusedBy("check"));
  });

  it("keeps category names unique per contest and refuses to remove one in use", async () => {
    expect(await addListItem({ kind: "category", contestId: vonkId, name: "Groen en natuur", actorUserId: organiser, now })).toEqual({
      ok: false,
      reason: "duplicate",
    });
    expect(await addListItem({ kind: "category", contestId: vonkId, name: "Water", actorUserId: organiser, now })).toEqual({ ok: true });
    const water = (await one(
      db()
        .select()
        .from(ideaCategories)
        .where(and(eq(ideaCategories.contestId, vonkId), eq(ideaCategories.name, "Water"))),
    ))!;
    await insertIdea({ categoryId: water.id });
    expect(await removeListItem({ kind: "category", contestId: vonkId, id: water.id, actorUserId: organiser, now })).toEqual({ ok: false, reason: "in-use" });
    await expect(async () => run(db().delete(ideaCategories).where(eq(ideaCategories.id, water.id)))).rejects.toThrow(refusedBy("foreign-key"));
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
    const draft = (await getIdea(vonkId, ideaId))!;
    expect(draft.status).toBe("draft");
    expect(draft.draftTokenHash).toBe(sha256("geheim-token-1234567890"));
    expect((await listPublicIdeas(vonkId)).some((i) => i.id === ideaId)).toBe(false);

    await claimDraft({ ideaId, userId: mo, now });
    const submitted = await submitDraft({ ideaId, ownerUserId: mo, confirmed: false, now });
    expect(submitted).toMatchObject({ ok: true });
    const token = submitted.ok ? submitted.confirmToken! : "";
    expect(await getIdea(vonkId, ideaId)).toMatchObject({ status: "submitted", ownerUserId: mo, draftTokenHash: null, contactConfirmedAt: null });
    expect((await listPublicIdeas(vonkId)).some((i) => i.id === ideaId)).toBe(false);

    expect(await confirmIdeaContact({ token, now })).toMatchObject({ ideaId });
    expect(await confirmIdeaContact({ token, now })).toBeNull();
    expect((await listPublicIdeas(vonkId)).some((i) => i.id === ideaId)).toBe(true);
    // A second submission of the same draft does nothing.
    expect(await submitDraft({ ideaId, ownerUserId: mo, confirmed: true, now })).toEqual({ ok: false });
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
    expect((await getIdea(vonkId, ideaId))!.costEuros).toBe(1800);
    expect((await many(db().select().from(ideaCostLines).where(eq(ideaCostLines.ideaId, ideaId)))).map((l) => l.position)).toEqual([1, 2]);
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
    const idea = (await getIdea(vonkId, ideaId))!;
    expect(idea).toMatchObject({ status: "submitted", isPaper: true, paperName: "Gerrit Jansen", ownerUserId: null, enteredByUserId: organiser });
    expect(idea.paperConsentAt).not.toBeNull();
    expect((await auditFor(ideaId)).map((a) => a.action)).toEqual(["idea.paper-entered"]);
    expect((await listPublicIdeas(vonkId)).some((i) => i.id === ideaId)).toBe(true);
  });
});

describe("organiser edits and withdrawals", () => {
  it("logs an organiser's change with the fields before and after; the indiener's own edits are not logged", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    const idea = (await getIdea(vonkId, ideaId))!;
    await updateIdea({ idea, values: { ...content, title: "Picknicktafels bij de vijver" }, photo: null, actorUserId: anna, logged: false, now });
    expect(await auditFor(ideaId)).toEqual([]);
    await updateIdea({
      idea: (await getIdea(vonkId, ideaId))!,
      values: { ...content, title: "Tafels bij de vijver", costEuros: 2000 },
      photo: null,
      actorUserId: organiser,
      logged: true,
      now,
    });
    const [entry] = await auditFor(ideaId);
    expect(entry).toMatchObject({ action: "idea.updated-by-organiser", userId: organiser });
    expect(JSON.parse(entry!.before!)).toEqual({ title: "Picknicktafels bij de vijver", costEuros: 1800 });
    expect(JSON.parse(entry!.after!)).toEqual({ title: "Tafels bij de vijver", costEuros: 2000 });
  });

  it("keeps a withdrawn idea, out of the list, with its audit line", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    await submitDraft({ ideaId, ownerUserId: anna, confirmed: true, now });
    await withdrawIdea({ idea: (await getIdea(vonkId, ideaId))!, actorUserId: anna, now });
    expect(await getIdea(vonkId, ideaId)).toMatchObject({ status: "withdrawn" });
    expect((await listPublicIdeas(vonkId)).some((i) => i.id === ideaId)).toBe(false);
    expect((await auditFor(ideaId)).map((a) => a.action)).toEqual(["idea.withdrawn"]);
  });
});

describe("co-initiators", () => {
  it("are invited once, accept with the link, and cannot be the indiener", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    const idea = (await getIdea(vonkId, ideaId))!;
    expect(
      await inviteCoInitiator({ idea, email: "bewoner@keizerslanden.nl", ownerEmail: "bewoner@keizerslanden.nl", inviterUserId: anna, logged: false, now }),
    ).toEqual({ ok: false, reason: "self" });
    const invite = await inviteCoInitiator({
      idea,
      email: "mohamed@voorbeeld.nl",
      ownerEmail: "bewoner@keizerslanden.nl",
      inviterUserId: anna,
      logged: false,
      now,
    });
    expect(invite.ok).toBe(true);
    expect(await inviteCoInitiator({ idea, email: "mohamed@voorbeeld.nl", ownerEmail: null, inviterUserId: anna, logged: false, now })).toEqual({
      ok: false,
      reason: "already",
    });
    const token = invite.ok ? invite.token : "";
    expect(await acceptInvitation({ token, userId: anna, now })).toEqual({ ok: false, reason: "own" });
    expect(await acceptInvitation({ token, userId: mo, now })).toEqual({ ok: true, ideaId, contestId: vonkId });
    expect(await acceptInvitation({ token, userId: mo, now })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("moderation", () => {
  it("hides an idea with a reason (resolving its reports), restores it, and never deletes it", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    await submitDraft({ ideaId, ownerUserId: anna, confirmed: true, now });
    expect(await reportIdea({ idea: (await getIdea(vonkId, ideaId))!, photoId: null, reason: "spam", message: null, reporterUserId: null, now })).toBe(true);
    expect(await reportIdea({ idea: (await getIdea(vonkId, ideaId))!, photoId: null, reason: "other", message: "Klopt niet", reporterUserId: mo, now })).toBe(
      true,
    );

    expect(await hideIdea({ idea: (await getIdea(vonkId, ideaId))!, reason: "Dit is reclame.", actorUserId: organiser, now })).toBe(true);
    expect(await hideIdea({ idea: (await getIdea(vonkId, ideaId))!, reason: "Nog eens.", actorUserId: organiser, now })).toBe(false);
    expect(await getIdea(vonkId, ideaId)).toMatchObject({ hiddenReason: "Dit is reclame.", status: "submitted" });
    expect((await listPublicIdeas(vonkId)).some((i) => i.id === ideaId)).toBe(false);
    const reports = await many(db().select().from(ideaReports).where(eq(ideaReports.ideaId, ideaId)));
    expect(reports.map((r) => r.resolution)).toEqual(["hidden", "hidden"]);

    expect(await restoreIdea({ idea: (await getIdea(vonkId, ideaId))!, actorUserId: organiser, now })).toBe(true);
    expect((await listPublicIdeas(vonkId)).some((i) => i.id === ideaId)).toBe(true);
    const log = await auditFor(ideaId);
    expect(log.map((a) => a.action)).toEqual(["idea.reported", "idea.reported", "idea.hidden", "idea.restored"]);
    expect(log[2]!.reason).toBe("Dit is reclame.");
  });

  it("hides one photo, dismisses a report, and refuses a photo of another idea", async () => {
    const ideaId = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    const other = await createIdea({ contestId: vonkId, values: content, author: { kind: "user", userId: anna }, photo: null, now });
    const photo = await one(
      db()
        .insert(ideaPhotos)
        .values({ ideaId, storageKey: `photo-of-${ideaId}-abcdefgh`, altText: "Foto", width: 10, height: 10, createdAt: at() })
        .returning(),
    );
    const idea = (await getIdea(vonkId, ideaId))!;
    expect(await reportIdea({ idea: (await getIdea(vonkId, other))!, photoId: photo.id, reason: "privacy", message: null, reporterUserId: null, now })).toBe(
      false,
    );
    expect(await reportIdea({ idea, photoId: photo.id, reason: "privacy", message: null, reporterUserId: null, now })).toBe(true);
    expect(await hidePhoto({ idea: (await getIdea(vonkId, other))!, photoId: photo.id, reason: "Gezicht te zien", actorUserId: organiser, now })).toBe(false);
    expect(await hidePhoto({ idea, photoId: photo.id, reason: "Gezicht te zien", actorUserId: organiser, now })).toBe(true);
    expect(await one(db().select().from(ideaPhotos).where(eq(ideaPhotos.id, photo.id)))).toMatchObject({ hiddenReason: "Gezicht te zien" });
    await reportIdea({ idea, photoId: null, reason: "incorrect", message: null, reporterUserId: null, now });
    const open = (await one(
      db()
        .select()
        .from(ideaReports)
        .where(and(eq(ideaReports.ideaId, ideaId), eq(ideaReports.reason, "incorrect"))),
    ))!;
    expect(await dismissReport({ idea, reportId: open.id, actorUserId: organiser, now })).toBe(true);
    expect(await dismissReport({ idea, reportId: open.id, actorUserId: organiser, now })).toBe(false);
  });
});
