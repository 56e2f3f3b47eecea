import { one, many } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ballots, devMailbox, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { resultsDemoSlug } from "~db/seeds/results";
import { backgroundMailSent } from "~/lib/mail.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { ballotIdeaIds } from "~/modules/voting/votes.server";
import * as confirmRoute from "~/routes/e-mailadres-bevestigen";
import * as lettersRoute from "~/routes/organiseren.$slug.stemmen.adressen-brieven";
import * as addressRoute from "~/routes/organiseren.$slug.stemmen.adressen";
import * as reviewRoute from "~/routes/organiseren.$slug.stemmen.controle";
import * as resultsConsoleRoute from "~/routes/organiseren.$slug.uitslag";
import * as planningRoute from "~/routes/organiseren.$slug.planning";
import * as registerRoute from "~/routes/registreren";
import * as voteRoute from "~/routes/rondes.$slug_.stemmen";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { callRoute, dataOf, formOf, type RouteCall, type RouteFn } from "../support/route-call";

// Issue 15 through the routes as the browser meets them: registration that never tells, the
// confirmation link that casts a kept ballot, and the organiser's new pages with who may use them.

const { db } = useTestDatabase();
const now = Date.now();
const cookies: Record<string, string> = {};

const call = (fn: RouteFn, options: RouteCall) => callRoute(fn, { at: now, ...options });

const sessionOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith("wv_session="))
    ?.split(";")[0];
const mailsTo = async (email: string) => many(db().select().from(devMailbox).where(eq(devMailbox.to, email)));

beforeAll(async () => {
  process.env.TEST_CLOCK = "1";
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  for (const [key, email] of [
    ["org", "organisator@keizerslanden.nl"],
    ["orgAssen", "organisator@assen.nl"],
    ["anna", "bewoner@keizerslanden.nl"],
  ] as const) {
    cookies[key] = (await createSessionCookie((await one(db().select().from(users).where(eq(users.email, email))))!.id)).split(";")[0]!;
  }
});

describe("registration", () => {
  it("answers a new address and one with an account alike, logs neither in, and mails each what applies", async () => {
    const account = { name: "Nieuw", password: "fietsen langs de ijssel", postcode: "7416 BK", redirectTo: `/rondes/${votingDemoSlug}/stemmen` };
    const fresh = (await call(registerRoute.action as RouteFn, {
      path: "/registreren",
      body: formOf({ ...account, email: "nieuw@voorbeeld.nl" }),
    })) as Response;
    const known = (await call(registerRoute.action as RouteFn, {
      path: "/registreren",
      body: formOf({ ...account, email: "bewoner@keizerslanden.nl" }),
    })) as Response;
    for (const answer of [fresh, known]) {
      expect(answer.status).toBe(302);
      // The same answer for both; it keeps where the resident was going (issue 18.6).
      expect(answer.headers.get("Location")).toBe(`/registreren?verstuurd=1&redirectTo=${encodeURIComponent(account.redirectTo)}`);
      expect(sessionOf(answer)).toBeUndefined();
    }
    await backgroundMailSent();
    expect((await mailsTo("nieuw@voorbeeld.nl")).map((m) => m.subject)).toEqual(["Bevestig je e-mailadres voor Wijkvonk"]);
    expect((await mailsTo("bewoner@keizerslanden.nl")).map((m) => m.subject)).toContain("Je hebt al een account bij Wijkvonk");
  });
});

describe("voting before the address is confirmed", () => {
  it("keeps the stickers, and the mailed link confirms, logs in and stores exactly them with a receipt", async () => {
    const slug = votingDemoSlug;
    const ideaIds = await ballotIdeaIds((await getContestBySlug(slug))!.contest.id);
    const user = (await one(db().select().from(users).where(eq(users.email, "nieuw@voorbeeld.nl"))))!;
    const cookie = (await createSessionCookie(user.id)).split(";")[0]!;
    const page = dataOf<{ unconfirmed: boolean; kept: boolean }>(
      await call(voteRoute.loader as RouteFn, { path: `/rondes/${slug}/stemmen`, params: { slug }, cookie }),
    );
    expect(page).toMatchObject({ unconfirmed: true, kept: false });

    const ballotsBefore = (await many(db().select().from(ballots))).length;
    const kept = (await call(voteRoute.action as RouteFn, {
      path: `/rondes/${slug}/stemmen`,
      params: { slug },
      cookie,
      body: new URLSearchParams([
        ["sticker", String(ideaIds[0])],
        ["sticker", String(ideaIds[3])],
      ]),
    })) as Response;
    expect(kept.status).toBe(302);
    expect(await many(db().select().from(ballots))).toHaveLength(ballotsBefore);
    expect(
      dataOf<{ kept: boolean; ballot: { stickers: { ideaId: number }[] } }>(
        await call(voteRoute.loader as RouteFn, { path: `/rondes/${slug}/stemmen`, params: { slug }, cookie }),
      ),
    ).toMatchObject({
      kept: true,
      ballot: { stickers: [{ ideaId: ideaIds[0] }, { ideaId: ideaIds[3] }] },
    });

    await backgroundMailSent();
    const token = decodeURIComponent((await mailsTo("nieuw@voorbeeld.nl"))[0]!.text.match(/token=(\S+)/)![1]!);
    expect(dataOf<{ usable: boolean }>(await call(confirmRoute.loader as RouteFn, { path: `/e-mailadres-bevestigen?token=${token}` }))).toMatchObject({
      usable: true,
    });
    // A mail scanner that opens the link confirms nothing: only the button's post does.
    expect((await one(db().select().from(users).where(eq(users.id, user.id))))!.emailConfirmedAt).toBeNull();
    const confirmed = (await call(confirmRoute.action as RouteFn, { path: "/e-mailadres-bevestigen", body: formOf({ token }) })) as Response;
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe(`/rondes/${slug}/stemmen`);
    expect(sessionOf(confirmed)).toBeDefined();
    expect(confirmed.headers.getSetCookie().some((c) => c.startsWith("wv_flash="))).toBe(true);
    expect(await many(db().select().from(ballots))).toHaveLength(ballotsBefore + 1);
    const voted = dataOf<{ voted: boolean; ballot: { stickers: { ideaId: number }[] } }>(
      await call(voteRoute.loader as RouteFn, { path: `/rondes/${slug}/stemmen`, params: { slug }, cookie: sessionOf(confirmed) }),
    );
    expect(voted).toMatchObject({ voted: true, ballot: { stickers: [{ ideaId: ideaIds[0] }, { ideaId: ideaIds[3] }] } });
    // The link works once.
    expect(dataOf<{ failed: boolean }>(await call(confirmRoute.action as RouteFn, { path: "/e-mailadres-bevestigen", body: formOf({ token }) }))).toEqual({
      failed: true,
    });
  });
});

describe("Stemmen › Controle", () => {
  const slug = resultsDemoSlug;
  const page = { path: `/organiseren/${slug}/stemmen/controle`, params: { slug } };

  it("is for the round's organisers only, and refuses a declaration once the count is final (409)", async () => {
    expect(statusOf(await call(reviewRoute.loader as RouteFn, { ...page, cookie: cookies.anna }))).toBe(403);
    expect(statusOf(await call(reviewRoute.loader as RouteFn, { ...page, cookie: cookies.orgAssen }))).toBe(403);
    expect(
      statusOf(
        await call(reviewRoute.action as RouteFn, {
          ...page,
          cookie: cookies.anna,
          body: formOf({ registerId: "1", reason: "other", note: "geen organisator" }),
        }),
      ),
    ).toBe(403);
    expect(dataOf<{ final: boolean }>(await call(reviewRoute.loader as RouteFn, { ...page, cookie: cookies.org }))).toMatchObject({ final: false });
    expect(
      statusOf(
        await call(reviewRoute.action as RouteFn, { ...page, cookie: cookies.org, body: formOf({ registerId: "1", reason: "other", note: "te kort" }) }),
      ),
    ).not.toBe(409);
    expect(
      statusOf(
        await call(resultsConsoleRoute.action as RouteFn, {
          path: `/organiseren/${slug}/uitslag`,
          params: { slug },
          cookie: cookies.org,
          body: formOf({ intent: "finalise" }),
        }),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await call(reviewRoute.action as RouteFn, { ...page, cookie: cookies.org, body: formOf({ registerId: "1", reason: "other", note: "na de telling" }) }),
      ),
    ).toBe(409);
  });
});

describe("Planning after the count is final", () => {
  it("refuses to reopen voting, saying why in the reader's language (it was always Dutch)", async () => {
    const slug = resultsDemoSlug;
    const reopen = formOf({ intent: "override", kind: "reopen", phase: "stemmen", newEnd: "2031-04-23T20:00", reason: "Nog één stem" });
    const refused = await call(planningRoute.action as RouteFn, {
      path: `/organiseren/${slug}/planning`,
      params: { slug },
      cookie: `${cookies.org}; wv_lang=en`,
      body: reopen,
    });
    expect(statusOf(refused)).toBe(409);
    expect(JSON.stringify(dataOf(refused))).toContain("The count has been made final. After that, voting cannot open again");
  });
});

describe("Stemmen › Adressen", () => {
  const csv = (text: string) => {
    const f = new FormData();
    f.append("list", new File([text], "adressen.csv", { type: "text/csv" }));
    return f;
  };

  it("takes a municipality's list from the round's organisers, says which lines are wrong, and is locked once voting starts", async () => {
    const slug = "assen-top-idee-2027";
    const page = { path: `/organiseren/${slug}/stemmen/adressen`, params: { slug } };
    expect(statusOf(await call(addressRoute.loader as RouteFn, { ...page, cookie: cookies.org }))).toBe(403);
    expect(statusOf(await call(addressRoute.action as RouteFn, { ...page, cookie: cookies.anna, body: csv("9407 AA;1;;1\n") }))).toBe(403);
    expect(
      dataOf<{ summary: { addresses: number; voters: number } }>(await call(addressRoute.loader as RouteFn, { ...page, cookie: cookies.orgAssen })).summary,
    ).toEqual({ addresses: 200, voters: 390 });

    const wrong = await call(addressRoute.action as RouteFn, { ...page, cookie: cookies.orgAssen, body: csv("9407 AA;1;;1\n9407 AA;x;;1\n") });
    expect(statusOf(wrong)).toBe(400);
    expect(dataOf<{ problems: unknown[] }>(wrong).problems).toEqual([{ line: 2, problem: "address" }]);
    expect(
      statusOf(
        await call(addressRoute.action as RouteFn, {
          ...page,
          cookie: cookies.orgAssen,
          body: csv("postcode;huisnummer;toevoeging;aantal\n9407 AA;1;;2\n9407 AA;1;B;1\n"),
        }),
      ),
    ).toBe(302);
    expect(dataOf<{ summary: unknown }>(await call(addressRoute.loader as RouteFn, { ...page, cookie: cookies.orgAssen })).summary).toEqual({
      addresses: 2,
      voters: 3,
    });

    const voting = { path: `/organiseren/${votingDemoSlug}/stemmen/adressen`, params: { slug: votingDemoSlug } };
    expect(statusOf(await call(addressRoute.action as RouteFn, { ...voting, cookie: cookies.org, body: csv("7416 AA;1;;1\n") }))).toBe(409);
  });

  it("hands out letters with a code per resident of each address, once, as a file", async () => {
    const slug = "vonk-keizerslanden-2027";
    const letters = (await call(lettersRoute.action as RouteFn, {
      path: `/organiseren/${slug}/stemmen/adressen-brieven`,
      params: { slug },
      cookie: cookies.org,
      body: csv("7416 AB;3;;2\n7416 AB;5;A;1\n"),
    })) as Response;
    expect(letters.status).toBe(200);
    expect(letters.headers.get("Cache-Control")).toBe("no-store");
    const lines = (await letters.text()).trim().split("\r\n");
    expect(lines[0]).toBe("postcode;huisnummer;toevoeging;code;kort_adres;qr_code_adres");
    expect(lines.slice(1).map((l) => l.split(";").slice(0, 3).join(";"))).toEqual(["7416 AB;3;", "7416 AB;3;", "7416 AB;5;A"]);
    expect(new Set(lines.slice(1).map((l) => l.split(";")[3])).size).toBe(3);
    // What the printed letters carry too (issue 18.12): the short address, and the page the QR code opens with this code.
    for (const line of lines.slice(1)) {
      const [, , , code, shortAddress, codePage] = line.split(";");
      expect(shortAddress).toMatch(/^localhost(:\d+)?\/stem$/);
      expect(codePage).toBe(`http://${shortAddress}?code=${encodeURIComponent(code!)}`);
    }
    expect(
      statusOf(
        await call(lettersRoute.action as RouteFn, {
          path: `/organiseren/${slug}/stemmen/adressen-brieven`,
          params: { slug },
          cookie: cookies.anna,
          body: csv("7416 AB;3;;2\n"),
        }),
      ),
    ).toBe(403);
  });
});
