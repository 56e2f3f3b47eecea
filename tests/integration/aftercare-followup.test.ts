import { one, many, run } from "~db/query.server";
import { existsSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, devMailbox, ideas, municipalities, realisationUpdates, referralEvents, referrals, supporters, users } from "~db/schema";
import { aftercareDemoSlug } from "~db/seeds/aftercare";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { followUpOf, remindInitiators } from "~/workflows/follow-up.server";
import { trackEditPath } from "~/modules/aftercare/paths";
import { QUIET_AFTER_MS, REFERRAL_ANSWER_MS, REMINDER_GAP_MS } from "~/modules/aftercare/followup";
import { changeReferral, contestReferrals, referIdea } from "~/modules/aftercare/referrals.server";
import { supporterSchema } from "~/modules/aftercare/schemas";
import { contestStory } from "~/workflows/story.server";
import { addSupporter, listSupporters, supportersForOrganisation, updateSupporter } from "~/modules/aftercare/supporters.server";
import { addUpdate } from "~/modules/aftercare/track.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug, type ContestDetails } from "~/modules/contests/contests.server";
import { uploadsDir } from "~/lib/photos.server";
import { joinTaakgroep } from "~/modules/taakgroepen/taakgroepen.server";
import * as followUpRoute from "~/routes/organiseren.$slug.nazorg";
import * as photoRoute from "~/routes/uitvoeringfotos.$name";
import * as trackRoute from "~/routes/rondes.$slug_.ideeen.$ideaId.uitvoering";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { callRoute, formOf, type RouteFn } from "../support/route-call";
import { refusedBy } from "../support/refused-by";

// Aftercare for organisers on a real SQLite file (issue 8): the supporter directory, referrals and
// their statuses, the follow-up lists, reminders, photos on news items and the public story.

const { db } = useTestDatabase();
const day = 24 * 60 * 60 * 1000;
let details: () => Promise<ContestDetails>;
let contestId = 0;
let ideaIds: number[] = [];
let ownIdeaId = 0;
let paperIdeaId = 0;
let organiser = "";
let votingEnd = 0;
let nazorgAt = 0;
const cookies: Record<string, string> = {};
const actions = async (action: string) =>
  many(
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.contestId, contestId))),
  );

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  details = async () => (await getContestBySlug(votingDemoSlug))!;
  contestId = (await details()).contest.id;
  const owner = (await one(db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!;
  ideaIds = (await many(db().select({ id: ideas.id }).from(ideas).where(eq(ideas.contestId, contestId)))).map((i) => i.id);
  ownIdeaId = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), eq(ideas.ownerUserId, owner.id))),
  ))!.id;
  paperIdeaId = (await one(
    db()
      .select()
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), isNull(ideas.ownerUserId))),
  ))!.id;
  organiser = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
  votingEnd = (await details()).schedule!.stemmen.end;
  nazorgAt = (await details()).schedule!.nazorg.start + 3_600_000;
  process.env.TEST_CLOCK = "1";
  cookies.org = (await createSessionCookie(organiser)).split(";")[0]!;
  cookies.anna = (await createSessionCookie(owner.id)).split(";")[0]!;
  cookies.assen = (await createSessionCookie((await one(db().select().from(users).where(eq(users.email, "organisator@assen.nl"))))!.id)).split(";")[0]!;
});

const call = callRoute;

const nazorg = { path: `/organiseren/${votingDemoSlug}/nazorg`, params: { slug: votingDemoSlug } };

describe("the supporter directory", () => {
  it("is kept per municipality, and the demo fills Deventer's", async () => {
    const deventer = (await one(db().select().from(municipalities).where(eq(municipalities.slug, "deventer"))))!;
    const assen = (await one(db().select().from(municipalities).where(eq(municipalities.slug, "assen"))))!;
    expect((await listSupporters([deventer.id])).length).toBeGreaterThanOrEqual(5);
    expect((await supportersForOrganisation((await details()).contest.organisationId)).every((s) => s.municipalityId === deventer.id)).toBe(true);
    const actor = { userId: organiser };
    const id = await addSupporter({
      municipalityId: assen.id,
      values: supporterSchema.parse({ name: "Fonds Drenthe", kind: "fonds", contact: "fonds@example.nl", website: "https://fonds.example.nl" }),
      actor,
      now: Date.now(),
    });
    // A supporter is changed only within its own municipality.
    expect(
      await updateSupporter({
        municipalityId: deventer.id,
        supporterId: id,
        values: supporterSchema.parse({ name: "Gekaapt", kind: "fonds", contact: "x" }),
        active: true,
        actor,
        now: Date.now(),
      }),
    ).toBe(false);
    expect(
      await updateSupporter({
        municipalityId: assen.id,
        supporterId: id,
        values: supporterSchema.parse({ name: "Fonds Drenthe", kind: "fonds", contact: "fonds@example.nl" }),
        active: false,
        actor,
        now: Date.now(),
      }),
    ).toBe(true);
    expect((await listSupporters([assen.id], { activeOnly: true })).some((s) => s.id === id)).toBe(false);
    // Both changes are in the audit log, the second with what it was before; the refused one is not.
    const logged = await many(db().select().from(auditLog).where(eq(auditLog.subject, "Fonds Drenthe")));
    expect(logged.map((l) => l.action)).toEqual(["aftercare.supporter-added", "aftercare.supporter-changed"]);
    expect(JSON.parse(logged[1]!.before!)).toMatchObject({ active: true, website: "https://fonds.example.nl" });
    expect(JSON.parse(logged[1]!.after!)).toMatchObject({ active: false, website: null });
  });

  it("refuses a website that is not http(s), in the schema and in the database", async () => {
    expect(supporterSchema.safeParse({ name: "X", kind: "fonds", contact: "x", website: "javascript:alert(1)" }).success).toBe(false);
    const deventer = (await one(db().select().from(municipalities).where(eq(municipalities.slug, "deventer"))))!;
    await expect(async () =>
      run(
        db()
          .insert(supporters)
          .values({ municipalityId: deventer.id, name: "X", kind: "fonds", contact: "x", website: "javascript:alert(1)", createdAt: 1, updatedAt: 1 }),
      ),
    ).rejects.toThrow(refusedBy("check"));
  });
});

describe("referrals", () => {
  it("refers an idea once per supporter, with an event and an audit row", async () => {
    const [a, b] = await supportersForOrganisation((await details()).contest.organisationId);
    const at = votingEnd + day;
    expect(
      await referIdea({ contestId, ideaId: paperIdeaId, supporterIds: [a!.id, b!.id, a!.id], note: "Past goed bij hun fonds", userId: organiser, now: at }),
    ).toBe(2);
    expect(await referIdea({ contestId, ideaId: paperIdeaId, supporterIds: [a!.id], note: null, userId: organiser, now: at })).toBe(0);
    await expect(async () =>
      run(db().insert(referrals).values({ contestId, ideaId: paperIdeaId, supporterId: a!.id, createdAt: at, updatedAt: at })),
    ).rejects.toThrow(refusedBy("unique"));
    const list = (await contestReferrals(contestId)).filter((r) => r.ideaId === paperIdeaId);
    expect(list.map((r) => r.status)).toEqual(["verwezen", "verwezen"]);
    expect(list[0]!.events).toEqual([{ status: "verwezen", note: "Past goed bij hun fonds", at }]);
    expect(await actions("aftercare.refer")).toHaveLength(1);
  });

  it("moves a referral through its statuses and keeps the history", async () => {
    const referral = (await contestReferrals(contestId)).find((r) => r.ideaId === paperIdeaId)!;
    const change = async (status: "verwezen" | "in-contact" | "geholpen" | "niet-gelukt", note: string | null) =>
      changeReferral({ contestId, referralId: referral.id, status, note, userId: organiser, now: votingEnd + 2 * day });
    expect(await change("in-contact", "Eerste gesprek gepland")).toEqual({ ok: true });
    expect(await change("in-contact", null)).toEqual({ ok: false, reason: "same-status" });
    expect(await change("in-contact", "Gesprek was goed")).toEqual({ ok: true });
    expect(await change("verwezen", null)).toEqual({ ok: false, reason: "not-allowed" });
    expect(await change("geholpen", null)).toEqual({ ok: true });
    expect(await change("niet-gelukt", null)).toEqual({ ok: false, reason: "not-allowed" });
    expect(await changeReferral({ contestId: contestId + 999, referralId: referral.id, status: "in-contact", note: null, userId: organiser, now: 0 })).toEqual({
      ok: false,
      reason: "not-found",
    });
    const events = await many(db().select().from(referralEvents).where(eq(referralEvents.referralId, referral.id)));
    expect(events.map((e) => e.status)).toEqual(["verwezen", "in-contact", "in-contact", "geholpen"]);
    expect(await actions("aftercare.referral")).toHaveLength(3);
  });
});

describe("the follow-up lists", () => {
  it("finds no quiet ideas when aftercare has just begun, and every idea without news six weeks on", async () => {
    expect((await followUpOf(await details(), votingEnd + day)).quiet).toEqual([]);
    await addUpdate({
      contestId,
      ideaId: ownIdeaId,
      text: "We zijn begonnen.",
      photo: null,
      writer: { userId: organiser, isOrganiser: true },
      now: votingEnd + 10 * day,
    });
    const later = await followUpOf(await details(), votingEnd + QUIET_AFTER_MS + day);
    expect(later.quiet.map((i) => i.ideaId)).not.toContain(ownIdeaId);
    expect(later.quiet.length).toBe(later.ideas.length - 1);
    expect((await followUpOf(await details(), votingEnd + 10 * day + QUIET_AFTER_MS)).quiet.map((i) => i.ideaId)).toContain(ownIdeaId);
  });

  it("lists referrals still at 'verwezen' after two weeks as unanswered", async () => {
    const open = (await contestReferrals(contestId)).find((r) => r.ideaId === paperIdeaId && r.status === "verwezen")!;
    expect((await followUpOf(await details(), open.createdAt + REFERRAL_ANSWER_MS - 1)).unanswered).toEqual([]);
    expect((await followUpOf(await details(), open.createdAt + REFERRAL_ANSWER_MS)).unanswered.map((r) => r.id)).toEqual([open.id]);
  });

  it("lists taakgroepen that are still short of members", async () => {
    const before = (await followUpOf(await details(), nazorgAt)).shortTaakgroepen.map((i) => i.ideaId);
    const someone = (await one(db().select().from(users).where(eq(users.email, "mohamed@voorbeeld.nl"))))!;
    await joinTaakgroep({
      contestId,
      ideaId: ownIdeaId,
      userId: someone.id,
      name: "Mohamed",
      contact: "mohamed@voorbeeld.nl",
      skills: null,
      tags: [],
      timeAvailable: null,
      sharesContact: true,
      minimum: 4,
      now: nazorgAt,
      ideaTitle: "x",
      origin: "http://localhost",
      ideaPath: "/x",
    });
    const after = (await followUpOf(await details(), nazorgAt)).shortTaakgroepen.find((i) => i.ideaId === ownIdeaId);
    expect(after?.taakgroep).toMatchObject({ kind: "zoekt" });
    expect(before.length).toBeLessThanOrEqual(ideaIds.length);
  });
});

describe("reminders", () => {
  it("mails the initiator, then waits a fortnight before the next, and logs each", async () => {
    const at = votingEnd + 50 * day;
    const sent = await remindInitiators({ details: await details(), ideaId: ownIdeaId, origin: "http://localhost", userId: organiser, now: at });
    expect(sent).toEqual({ ok: true, sent: 1 });
    const mail = (await many(db().select().from(devMailbox).where(eq(devMailbox.to, "bewoner@keizerslanden.nl")))).at(-1)!;
    expect(mail.subject).toMatch(/Hoe gaat het met/);
    expect(mail.text).toContain(`http://localhost${trackEditPath((await details()).contest.slug, ownIdeaId)}`);
    expect(mail.text).toContain("/meldingen/afmelden?token=");
    expect(await remindInitiators({ details: await details(), ideaId: ownIdeaId, origin: "http://localhost", userId: organiser, now: at + day })).toEqual({
      ok: false,
      reason: "too-soon",
    });
    expect(
      await remindInitiators({ details: await details(), ideaId: ownIdeaId, origin: "http://localhost", userId: organiser, now: at + REMINDER_GAP_MS }),
    ).toEqual({ ok: true, sent: 1 });
    expect(await actions("aftercare.remind")).toHaveLength(2);
  });

  it("cannot mail a paper idea without an account, and says so", async () => {
    expect(await remindInitiators({ details: await details(), ideaId: paperIdeaId, origin: "http://localhost", userId: organiser, now: nazorgAt })).toEqual({
      ok: false,
      reason: "no-address",
    });
    expect((await followUpOf(await details(), nazorgAt)).ideas.find((i) => i.ideaId === paperIdeaId)?.reminder?.canMail).toBe(false);
  });
});

describe("the Nazorg console page", () => {
  it("is only for the contest's organisers", async () => {
    expect(statusOf(await call(followUpRoute.loader as RouteFn, { ...nazorg, cookie: cookies.anna, at: nazorgAt }))).toBe(403);
    expect(statusOf(await call(followUpRoute.loader as RouteFn, { ...nazorg, cookie: cookies.assen, at: nazorgAt }))).toBe(403);
    const loaded = (await call(followUpRoute.loader as RouteFn, { ...nazorg, cookie: cookies.org, at: nazorgAt })) as { open: boolean; ideas: unknown[] };
    expect(loaded.open).toBe(true);
    expect(loaded.ideas.length).toBeGreaterThan(0);
  });

  it("says aftercare has not begun during the vote, and refuses its actions then", async () => {
    const during = votingEnd - day;
    expect(await call(followUpRoute.loader as RouteFn, { ...nazorg, cookie: cookies.org, at: during })).toMatchObject({ open: false });
    expect(
      statusOf(
        await call(followUpRoute.action as RouteFn, {
          ...nazorg,
          cookie: cookies.org,
          at: during,
          body: formOf({ intent: "remind", ideaId: String(ownIdeaId) }),
        }),
      ),
    ).toBe(409);
  });

  it("refers only to supporters of the contest's municipality, and only its own ideas", async () => {
    const assenSupporter = (await one(db().select().from(supporters).where(eq(supporters.name, "Ideeënmakelaar Assen"))))!;
    const deventerSupporter = (await supportersForOrganisation((await details()).contest.organisationId))[2]!;
    const refer = (ideaId: number, supporterId: number) =>
      call(followUpRoute.action as RouteFn, {
        ...nazorg,
        cookie: cookies.org,
        at: nazorgAt,
        body: formOf({ intent: "refer", ideaId: String(ideaId), supporterIds: String(supporterId) }),
      });
    expect(statusOf(await refer(ownIdeaId, assenSupporter.id))).toBe(404);
    expect(statusOf(await refer(999_999, deventerSupporter.id))).toBe(404);
    const empty = await call(followUpRoute.action as RouteFn, {
      ...nazorg,
      cookie: cookies.org,
      at: nazorgAt,
      body: formOf({ intent: "refer", ideaId: String(ownIdeaId) }),
    });
    expect(statusOf(empty)).toBe(400);
    expect(JSON.stringify(empty)).toContain("aftercare.errors.pickSupporter");
    expect(statusOf(await refer(ownIdeaId, deventerSupporter.id))).toBe(302);
    expect((await contestReferrals(contestId)).some((r) => r.ideaId === ownIdeaId && r.supporter.id === deventerSupporter.id)).toBe(true);
  });

  it("answers a refused status change with its reason", async () => {
    const referral = (await contestReferrals(contestId)).find((r) => r.status === "geholpen")!;
    const result = await call(followUpRoute.action as RouteFn, {
      ...nazorg,
      cookie: cookies.org,
      at: nazorgAt,
      body: formOf({ intent: "referral", referralId: String(referral.id), status: "niet-gelukt" }),
    });
    expect(statusOf(result)).toBe(400);
    expect(JSON.stringify(result)).toContain("aftercare.errors.notAllowed");
  });
});

describe("photos on news items", () => {
  const trackPath = () => ({ path: `/rondes/${votingDemoSlug}/ideeen/${ownIdeaId}/uitvoering`, params: { slug: votingDemoSlug, ideaId: String(ownIdeaId) } });
  const png = async () =>
    new Blob(
      [
        new Uint8Array(
          await sharp({ create: { width: 40, height: 30, channels: 3, background: "#2b7a3d" } })
            .png()
            .toBuffer(),
        ),
      ],
      { type: "image/png" },
    );

  it("refuses a photo without alt text and stores nothing", async () => {
    const before = (await many(db().select().from(realisationUpdates))).length;
    const result = await call(trackRoute.action as RouteFn, {
      ...trackPath(),
      cookie: cookies.anna,
      at: nazorgAt,
      body: formOf({ intent: "update", text: "Foto van de schuur", photo: new File([await png()], "schuur.png", { type: "image/png" }), photoAlt: "" }),
    });
    expect(statusOf(result)).toBe(400);
    expect(JSON.stringify(result)).toContain("ideas.photoErrors.altMissing");
    expect((await many(db().select().from(realisationUpdates))).length).toBe(before);
  });

  it("stores a photo re-encoded beside the update and serves it publicly", async () => {
    const result = await call(trackRoute.action as RouteFn, {
      ...trackPath(),
      cookie: cookies.anna,
      at: nazorgAt,
      body: formOf({
        intent: "update",
        text: "De schuur staat er!",
        photo: new File([await png()], "schuur.png", { type: "image/png" }),
        photoAlt: "Een groene schuur",
      }),
    });
    expect(statusOf(result)).toBe(302);
    const update = (await one(db().select().from(realisationUpdates).where(eq(realisationUpdates.text, "De schuur staat er!"))))!;
    expect(update).toMatchObject({ photoAlt: "Een groene schuur", photoWidth: 40, photoHeight: 30 });
    expect(existsSync(path.join(uploadsDir("updates"), `${update.photoKey}-480.webp`))).toBe(true);
    const served = await call(photoRoute.loader as RouteFn, { path: "/x", params: { name: `${update.photoKey}-480.webp` } });
    expect(served).toBeInstanceOf(Response);
    expect((served as Response).headers.get("Content-Type")).toBe("image/webp");
    expect(statusOf(await call(photoRoute.loader as RouteFn, { path: "/x", params: { name: `${"A".repeat(22)}-480.webp` } }))).toBe(404);
    // Once the idea is hidden by a moderator, its news photos go too.
    await run(db().update(ideas).set({ hiddenAt: new Date(), hiddenReason: "test" }).where(eq(ideas.id, ownIdeaId)));
    try {
      expect(statusOf(await call(photoRoute.loader as RouteFn, { path: "/x", params: { name: `${update.photoKey}-480.webp` } }))).toBe(404);
    } finally {
      await run(db().update(ideas).set({ hiddenAt: null, hiddenReason: null }).where(eq(ideas.id, ownIdeaId)));
    }
    await expect(async () => run(db().update(realisationUpdates).set({ photoAlt: " " }).where(eq(realisationUpdates.id, update.id)))).rejects.toThrow(
      refusedBy("check"),
    );
  });
});

describe("the public story", () => {
  it("does not tell winners apart before the results are revealed, and shows no notes or contacts", async () => {
    const story = await contestStory(await details(), nazorgAt);
    expect(story.revealed).toBe(false);
    expect(story.winners).toEqual([]);
    const own = story.others.find((i) => i.ideaId === ownIdeaId)!;
    expect(own.updates.find((u) => u.text === "De schuur staat er!")?.photo?.alt).toBe("Een groene schuur");
    const paper = story.others.find((i) => i.ideaId === paperIdeaId)!;
    // The helped referral shows its supporter; a note never leaves the console.
    expect(paper.helpedBy.length).toBe(1);
    expect(JSON.stringify(story)).not.toContain("Past goed bij hun fonds");
    expect(JSON.stringify(story)).not.toContain("mohamed@voorbeeld.nl");
  });
});

describe("the aftercare demo round", () => {
  it("is in aftercare with revealed results, and has something on each of the follow-up lists", async () => {
    const round = (await getContestBySlug(aftercareDemoSlug))!;
    const at = Date.now();
    const followUp = await followUpOf(round, at);
    const titlesOf = (list: { title: string }[]) => list.map((i) => i.title);
    expect(followUp.ideas.filter((i) => i.won).map((i) => i.prizeName)).toEqual(["Eerste prijs", "Tweede prijs", "Derde prijs"]);
    expect(titlesOf(followUp.quiet)).toContain("Bankjes langs de Ceintuurbaan");
    expect(titlesOf(followUp.quiet)).not.toContain("Moestuin achter De Linde");
    expect(titlesOf(followUp.shortTaakgroepen)).toEqual(["Bankjes langs de Ceintuurbaan"]);
    expect(followUp.unanswered.map((r) => r.supporter.name).sort()).toEqual(["Crowdfunding Samen Deventer", "Ideeënmakelaar Deventer"]);
    const story = await contestStory(round, at);
    expect(story.revealed).toBe(true);
    expect(story.winners[0]).toMatchObject({ title: "Moestuin achter De Linde", status: "in-uitvoering", money: { grantedEuros: 3000, spentEuros: 1570 } });
    expect(story.others.find((i) => i.title === "Fietsenmaker-middag voor kinderen")?.helpedBy).toEqual(["Wijkfonds Deventer"]);
    // The realised kookclub neither looks for people on the story page nor gets reminders.
    expect(story.winners.find((i) => i.title === "Kookclub voor nieuwe buren")?.taakgroep).toBeNull();
    expect(followUp.ideas.find((i) => i.title === "Kookclub voor nieuwe buren")?.reminder).toBeNull();
  });
});
