import { one, many, run } from "~db/query.server";
import { eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contests, contestSubscriptions, devMailbox, noticeDeliveries, notificationOptOuts, users, voterRegister } from "~db/schema";
import { aftercareDemoSlug } from "~db/seeds/aftercare";
import { seedDemo } from "~db/seeds/demo";
import { resultsDemoSlug } from "~db/seeds/results";
import { votingDemoSlug } from "~db/seeds/voting";
import { hashPassword } from "~/modules/auth/password.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { deleteAccount, exportPersonalData } from "~/workflows/personal-data.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { CLOSING_NOTICE_BEFORE_MS } from "~/modules/notifications/due-notices";
import { NOTIFICATION_KINDS } from "~/modules/notifications/kinds";
import { sendContestNotices } from "~/workflows/notices.server";
import { notify } from "~/modules/notifications/notify.server";
import { isMuted, preferencesOf, savePreferences } from "~/modules/notifications/preferences.server";
import { revealResults } from "~/modules/results/results.server";
import * as preferencesRoute from "~/routes/account_.meldingen";
import * as unsubscribeRoute from "~/routes/meldingen.afmelden";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// Issue 9, item 5: mails a person must know about, each kind with a one-click unsubscribe and a page
// of preferences; the scheduler's notices for voting and results, once per contest and address.

const { db } = useTestDatabase();

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;
// The demo data is laid out around "now": Groen Keizerslanden is 3 days into 14 days of voting (from
// 08:00 UTC), Buurtprijs Keizerslanden closed its vote yesterday, Buurtvonk 2025 revealed 2 months ago.
const NOW = Date.UTC(2027, 0, 10, 12);
const VOTING_ENDS = Math.floor(NOW / DAY) * DAY + 8 * HOUR + 11 * DAY;
const origin = "https://wijkvonk.test";

const userId = async (email: string) => (await one(db().select().from(users).where(eq(users.email, email))))!.id;
const mailsTo = async (email: string) => many(db().select().from(devMailbox).where(eq(devMailbox.to, email)).orderBy(devMailbox.id));
const mailsAbout = async (subject: string) =>
  many(
    db()
      .select()
      .from(devMailbox)
      .where(like(devMailbox.subject, `%${subject}%`)),
  );
async function subscribe(contestSlug: string, email: string, state: "confirmed" | "pending" | "unsubscribed") {
  await run(
    db()
      .insert(contestSubscriptions)
      .values({
        contestId: (await getContestBySlug(contestSlug))!.contest.id,
        email,
        tokenHash: `${email}-${contestSlug}`.padEnd(64, "x").slice(0, 64),
        createdAt: new Date(NOW - 30 * DAY),
        confirmedAt: state === "pending" ? null : new Date(NOW - 30 * DAY),
        unsubscribedAt: state === "unsubscribed" ? new Date(NOW - 2 * DAY) : null,
      }),
  );
}
function tokenIn(text: string): string {
  const match = text.match(/\/meldingen\/afmelden\?token=(\S+)/);
  if (!match) throw new Error("no unsubscribe link in the mail");
  return decodeURIComponent(match[1]!);
}
function post(url: string, fields: Record<string, string>, cookie?: string) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request(url, { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

const votingMakers = ["bewoner@keizerslanden.nl", "mohamed@voorbeeld.nl"];

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: NOW });
  await subscribe(votingDemoSlug, "buur@voorbeeld.nl", "confirmed");
  await subscribe(votingDemoSlug, "twijfel@voorbeeld.nl", "pending");
  await subscribe(votingDemoSlug, "weg@voorbeeld.nl", "unsubscribed");
  // A maker who also follows the round by email gets each notice once.
  await subscribe(votingDemoSlug, "bewoner@keizerslanden.nl", "confirmed");
});

describe("a mail of a kind that can be switched off", () => {
  it("says why it came and carries a one-click unsubscribe link, also as List-Unsubscribe headers", async () => {
    expect(await notify({ kind: "jury", to: "sanne@voorbeeld.nl", locale: "nl", subject: "Besluit", text: "Het besluit.", origin })).toBe(true);
    const mail = (await mailsTo("sanne@voorbeeld.nl")).at(-1)!;
    expect(mail.text).toMatch(/^Het besluit\.\n\n--\nJe krijgt deze e-mail over: Besluit en tips van de jury\./);
    expect(mail.text).toContain(`${origin}/account/meldingen`);
    const link = `${origin}/meldingen/afmelden?token=${encodeURIComponent(tokenIn(mail.text))}`;
    expect(JSON.parse(mail.headers!)).toEqual({ "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("leaves out the preferences page, which needs a log-in, for an address without an account", async () => {
    await notify({ kind: "voting", to: "lees@voorbeeld.nl", locale: "nl", subject: "Stemmen", text: "Stem nu.", origin });
    const text = (await mailsTo("lees@voorbeeld.nl")).at(-1)!.text;
    expect(text).toContain(`${origin}/meldingen/afmelden?token=`);
    expect(text).not.toContain("/account/meldingen");
  });

  it("is written in the reader's language, footer included", async () => {
    await notify({ kind: "results", to: "reads-english@example.org", locale: "en", subject: "Results", text: "They are out.", origin });
    expect((await mailsTo("reads-english@example.org")).at(-1)!.text).toContain("You get this email about: The results.");
  });

  it("is not sent once its kind is switched off, while other kinds still are", async () => {
    await savePreferences("stil@voorbeeld.nl", ["submitted", "voting", "results", "taakgroep", "reminders"], NOW);
    expect(await notify({ kind: "jury", to: "Stil@Voorbeeld.nl", locale: "nl", subject: "Besluit", text: "x", origin })).toBe(false);
    expect(await notify({ kind: "voting", to: "stil@voorbeeld.nl", locale: "nl", subject: "Stemmen", text: "x", origin })).toBe(true);
    expect((await mailsTo("stil@voorbeeld.nl")).map((m) => m.subject)).toEqual(["Stemmen"]);
  });

  it("keeps no address in the preferences table", async () => {
    await savePreferences("privé@voorbeeld.nl", [], NOW);
    const rows = await many(db().select().from(notificationOptOuts));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(rows)).not.toContain("voorbeeld");
  });
});

describe("the link in the mail", () => {
  async function mailWithLink(email: string, kind: "voting" | "results" = "voting") {
    await notify({ kind, to: email, locale: "nl", subject: "Onderwerp", text: "x", origin });
    return tokenIn((await mailsTo(email)).at(-1)!.text);
  }

  it("opens a page that changes nothing: mail scanners open links", async () => {
    const token = await mailWithLink("scanner@voorbeeld.nl");
    const page = await unsubscribeRoute.loader({
      request: new Request(`${origin}/meldingen/afmelden?token=${encodeURIComponent(token)}`),
      params: {},
      context: {},
    });
    expect(page).toMatchObject({ token, kind: "voting", muted: false });
    expect(await isMuted("scanner@voorbeeld.nl", "voting")).toBe(false);
  });

  it("switches off its own kind with the button, without a log-in, and can switch it on again", async () => {
    const token = await mailWithLink("knop@voorbeeld.nl");
    const url = `${origin}/meldingen/afmelden?token=${encodeURIComponent(token)}`;
    const muted = await unsubscribeRoute.action({ request: post(url, { token, intent: "mute" }), params: {}, context: {} });
    expect(statusOf(muted)).toBe(200);
    expect(await isMuted("knop@voorbeeld.nl", "voting")).toBe(true);
    expect(await isMuted("knop@voorbeeld.nl", "results")).toBe(false);
    await unsubscribeRoute.action({ request: post(url, { token, intent: "unmute" }), params: {}, context: {} });
    expect(await isMuted("knop@voorbeeld.nl", "voting")).toBe(false);
  });

  it("takes a mail program's one-click post (RFC 8058): the token in the link, no cookie, no form token", async () => {
    const token = await mailWithLink("programma@voorbeeld.nl", "results");
    const url = `${origin}/meldingen/afmelden?token=${encodeURIComponent(token)}`;
    const request = new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(statusOf(await unsubscribeRoute.action({ request, params: {}, context: {} }))).toBe(200);
    expect(await isMuted("programma@voorbeeld.nl", "results")).toBe(true);
  });

  it("refuses a link that was changed, and changes nothing", async () => {
    const token = await mailWithLink("slim@voorbeeld.nl");
    const bent = token.replace(".voting.", ".jury.");
    const result = await unsubscribeRoute.action({ request: post(`${origin}/meldingen/afmelden`, { token: bent }), params: {}, context: {} });
    expect(statusOf(result)).toBe(400);
    expect((await preferencesOf("slim@voorbeeld.nl")).every((p) => p.on)).toBe(true);
    expect(
      await unsubscribeRoute.loader({ request: new Request(`${origin}/meldingen/afmelden?token=${encodeURIComponent(bent)}`), params: {}, context: {} }),
    ).toMatchObject({ token: null });
  });
});

describe("the preferences page", () => {
  it("is only for someone logged in", async () => {
    const result = await preferencesRoute.loader({ request: new Request(`${origin}/account/meldingen`), params: {}, context: {} }).catch((r: unknown) => r);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(302);
  });

  it("shows every kind and saves the ticked ones as on and the rest as off", async () => {
    const email = "mohamed@voorbeeld.nl";
    const cookie = (await createSessionCookie(await userId(email))).split(";")[0]!;
    const before = (await preferencesRoute.loader({
      request: new Request(`${origin}/account/meldingen`, { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    })) as { preferences: { kind: string; on: boolean }[] };
    expect(before.preferences.map((p) => p.kind)).toEqual(["submitted", "jury", "voting", "results", "taakgroep", "reminders", "reactions"]);
    expect(before.preferences.every((p) => p.on)).toBe(true);
    const body = new URLSearchParams([
      ["on", "jury"],
      ["on", "results"],
    ]);
    const saved = await preferencesRoute.action({
      request: new Request(`${origin}/account/meldingen`, { method: "POST", body, headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(statusOf(saved)).toBe(302);
    expect((await preferencesOf(email)).filter((p) => p.on).map((p) => p.kind)).toEqual(["jury", "results"]);
    const refused = await preferencesRoute.action({
      request: new Request(`${origin}/account/meldingen`, { method: "POST", body: new URLSearchParams([["on", "spam"]]), headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(statusOf(refused)).toBe(400);
    expect((await preferencesOf(email)).filter((p) => p.on).map((p) => p.kind)).toEqual(["jury", "results"]);
    await savePreferences(email, NOTIFICATION_KINDS, NOW);
  });
});

describe("the scheduler's notices", () => {
  it("tells the makers and confirmed followers that voting has started, once each, also when two runs meet", async () => {
    const contest = (await getContestBySlug(votingDemoSlug))!.contest;
    const subject = `Je kunt nu stemmen voor ${contest.title}`;
    // Two runs at once (two processes, or a slow minute): each address is claimed by one of them before its mail goes.
    const sent = await Promise.all([sendContestNotices(NOW, { origin }), sendContestNotices(NOW, { origin })]);
    const got = (await mailsAbout(subject)).map((m) => m.to).sort();
    expect(got).toEqual([...votingMakers, "buur@voorbeeld.nl"].sort());
    expect(sent[0] + sent[1]).toBe(got.length);
    const mail = (await mailsAbout(subject))[0]!;
    expect(mail.text).toContain(`${origin}/rondes/${votingDemoSlug}/stemmen`);
    expect(mail.text).toContain("Je krijgt deze e-mail over: Stemmen begint en sluit bijna.");
    await sendContestNotices(NOW + HOUR, { origin });
    expect(await mailsAbout(subject)).toHaveLength(got.length);
  });

  it("reminds makers who have not voted in the last 2 days, and not earlier", async () => {
    const contestId = (await getContestBySlug(votingDemoSlug))!.contest.id;
    const subject = "Nog 2 dagen stemmen";
    await sendContestNotices(VOTING_ENDS - CLOSING_NOTICE_BEFORE_MS - HOUR, { origin });
    expect(await mailsAbout(subject)).toHaveLength(0);
    await run(
      db()
        .insert(voterRegister)
        .values({ contestId, method: "account", userId: await userId("mohamed@voorbeeld.nl"), emailKey: "a".repeat(64), registeredAt: NOW }),
    );
    await sendContestNotices(VOTING_ENDS - HOUR, { origin });
    expect((await mailsAbout(subject)).map((m) => m.to)).toEqual(["bewoner@keizerslanden.nl"]);
    // Followers by email are not reminded: we cannot know whether they voted.
    expect((await mailsTo("buur@voorbeeld.nl")).filter((m) => m.subject.startsWith(subject))).toHaveLength(0);
    expect(
      (await many(db().select().from(noticeDeliveries).where(eq(noticeDeliveries.contestId, contestId)))).filter((d) => d.event === "voting-closing"),
    ).toHaveLength(1);
  });

  it("announces the results to makers, residents who voted with their account and followers, within a week of the reveal", async () => {
    const details = (await getContestBySlug(resultsDemoSlug))!;
    await run(
      db()
        .insert(users)
        .values({
          id: "stemmer-test-user",
          email: "stemmer@voorbeeld.nl",
          name: "Stemmer",
          passwordHash: "x",
          postcode: "7415AB",
          locale: "en",
          createdAt: new Date(NOW - 9 * DAY),
        }),
    );
    await run(
      db()
        .insert(voterRegister)
        .values({ contestId: details.contest.id, method: "account", userId: "stemmer-test-user", emailKey: "b".repeat(64), registeredAt: NOW - 3 * DAY }),
    );
    await subscribe(resultsDemoSlug, "buur@voorbeeld.nl", "confirmed");
    await run(db().update(contests).set({ votingFinalAt: NOW }).where(eq(contests.id, details.contest.id)));
    expect(
      (await revealResults({ details: (await getContestBySlug(resultsDemoSlug))!, actorUserId: await userId("organisator@keizerslanden.nl"), now: NOW })).ok,
    ).toBe(true);
    const subject = `De uitslag van ${details.contest.title} is bekend`;
    await sendContestNotices(NOW + 10 * 60_000, { origin });
    expect((await mailsAbout(subject)).map((m) => m.to).sort()).toEqual(["bewoner@keizerslanden.nl", "buur@voorbeeld.nl", "mohamed@voorbeeld.nl"]);
    expect((await mailsAbout(subject))[0]!.text).toContain(`${origin}/rondes/${resultsDemoSlug}/uitslag`);
    // The voter's account reads English.
    expect((await mailsTo("stemmer@voorbeeld.nl")).map((m) => m.subject)).toEqual([`The results of ${details.contest.title} are out`]);
    // The round revealed two months ago is not mailed about: notices are for what is new.
    expect(await mailsAbout(`De uitslag van ${(await getContestBySlug(aftercareDemoSlug))!.contest.title}`)).toHaveLength(0);
  });

  it("skips an address that switched the kind off, and does not send it later when the next run comes", async () => {
    const details = (await getContestBySlug(resultsDemoSlug))!;
    await run(
      db()
        .insert(voterRegister)
        .values({
          contestId: details.contest.id,
          method: "account",
          userId: await userId("organisator@keizerslanden.nl"),
          emailKey: "c".repeat(64),
          registeredAt: NOW - 3 * DAY,
        }),
    );
    await savePreferences("organisator@keizerslanden.nl", ["submitted", "jury", "voting", "taakgroep", "reminders"], NOW);
    await sendContestNotices(NOW + 20 * 60_000, { origin });
    await sendContestNotices(NOW + 30 * 60_000, { origin });
    expect((await mailsTo("organisator@keizerslanden.nl")).filter((m) => m.subject.startsWith("De uitslag"))).toHaveLength(0);
  });
});

describe("notifications and the AVG", () => {
  it("puts the switched-off kinds and the notices sent in the data download, and forgets both with the account", async () => {
    const email = "bewoner@keizerslanden.nl";
    const id = await userId(email);
    await savePreferences(email, ["jury"], NOW);
    const exported = (await exportPersonalData(id, NOW))!;
    expect(exported.emails.switchedOff.sort()).toEqual(["reactions", "reminders", "results", "submitted", "taakgroep", "voting"]);
    expect(exported.emails.noticesSent.map((n) => n.notice)).toEqual(expect.arrayContaining(["voting-open", "voting-closing"]));
  });

  it("forgets the preferences and the notice log of a deleted account", async () => {
    const email = "verwijder@voorbeeld.nl";
    await savePreferences(email, [], NOW);
    const before = (await many(db().select().from(notificationOptOuts))).length;
    const id = "verwijder-test-user";
    await run(
      db()
        .insert(users)
        .values({ id, email, name: "Weg", passwordHash: await hashPassword("een lang wachtwoord 123"), postcode: "7415AB", createdAt: new Date(NOW) }),
    );
    expect(await deleteAccount({ userId: id, password: "een lang wachtwoord 123", now: NOW })).toEqual({ ok: true });
    expect(await many(db().select().from(notificationOptOuts))).toHaveLength(before - NOTIFICATION_KINDS.length);
  });
});
