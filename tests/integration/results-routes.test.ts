import { one, many } from "~db/query.server";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contests, ideas, organisations, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { resultsDemoSlug } from "~db/seeds/results";
import { parsePb } from "~/modules/results/pb-format";
import { computePbOutcome, pbBudgetParts } from "~/modules/results/pb-outcome";
import { createSessionCookie } from "~/modules/auth/session.server";
import * as exportRoute from "~/routes/organiseren.$slug_.uitslag.$bestand";
import * as ceremonyRoute from "~/routes/organiseren.$slug_.uitreiking";
import * as consoleRoute from "~/routes/organiseren.$slug.uitslag";
import * as importRoute from "~/routes/organiseren.importeren";
import * as publicRoute from "~/routes/rondes.$slug_.uitslag";
import * as jsonRoute from "~/routes/rondes.$slug_.uitslag[.json]";
import * as ideaRoute from "~/routes/rondes.$slug_.ideeen.$ideaId._index";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { callRoute, dataOf, type RouteCall, type RouteFn } from "../support/route-call";

// Who may open and post the results pages, through the routes as the browser meets them.

const { db } = useTestDatabase();
const day = 86_400_000;
const slug = resultsDemoSlug;
const now = Date.now();
const cookies: Record<string, string> = {};
const PABULIB = new URL("../fixtures/pabulib/", import.meta.url);

const call = (fn: RouteFn, options: RouteCall) => callRoute(fn, { at: now, ...options });

beforeAll(async () => {
  process.env.TEST_CLOCK = "1";
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  for (const [key, email] of [
    ["org", "organisator@keizerslanden.nl"],
    ["orgAssen", "organisator@assen.nl"],
    ["anna", "bewoner@keizerslanden.nl"],
  ] as const) {
    const id = (await one(db().select().from(users).where(eq(users.email, email))))!.id;
    cookies[key] = (await createSessionCookie(id)).split(";")[0]!;
  }
});

const consolePage = { path: `/organiseren/${slug}/uitslag`, params: { slug } };
const ceremonyPage = { path: `/organiseren/${slug}/uitreiking`, params: { slug } };
const exportFile = { path: `/organiseren/${slug}/uitslag/uitslag.csv`, params: { slug, bestand: "uitslag.csv" } };
const publicPage = { path: `/rondes/${slug}/uitslag`, params: { slug } };
const jsonPage = { path: `/rondes/${slug}/uitslag.json`, params: { slug } };

describe("before the reveal", () => {
  it("keeps the console tab, the ceremony and the exports for the contest's organisers", async () => {
    for (const page of [consolePage, ceremonyPage, exportFile]) {
      const anonymous = await call(consoleRoute.loader as RouteFn, page);
      expect(statusOf(anonymous)).toBe(302);
      expect(statusOf(await call(consoleRoute.loader as RouteFn, { ...page, cookie: cookies.anna }))).toBe(403);
      expect(statusOf(await call(consoleRoute.loader as RouteFn, { ...page, cookie: cookies.orgAssen }))).toBe(403);
    }
    expect(statusOf(await call(ceremonyRoute.loader as RouteFn, { ...ceremonyPage, cookie: cookies.orgAssen }))).toBe(403);
    expect(statusOf(await call(exportRoute.loader as RouteFn, { ...exportFile, cookie: cookies.anna }))).toBe(403);
    expect(statusOf(await call(consoleRoute.loader as RouteFn, { ...consolePage, cookie: cookies.org }))).toBe(200);
  });

  it("refuses the ceremony and the reveal while voting is open (409)", async () => {
    const during = now - 3 * day;
    expect(statusOf(await call(ceremonyRoute.loader as RouteFn, { ...ceremonyPage, cookie: cookies.org, at: during }))).toBe(409);
    expect(statusOf(await call(ceremonyRoute.action as RouteFn, { ...ceremonyPage, cookie: cookies.org, at: during, body: new FormData() }))).toBe(409);
    const form = new FormData();
    form.append("intent", "reveal");
    expect(statusOf(await call(consoleRoute.action as RouteFn, { ...consolePage, cookie: cookies.org, at: during, body: form }))).toBe(409);
    const view = dataOf<{ state: string }>(await call(consoleRoute.loader as RouteFn, { ...consolePage, cookie: cookies.org, at: during }));
    expect(view.state).toBe("voting-open");
  });

  it("shows the public the embargo, and no numbers in the JSON", async () => {
    const page = dataOf<{ kind: string }>(await call(publicRoute.loader as RouteFn, publicPage));
    expect(page).toMatchObject({ kind: "embargo", embargo: "counting" });
    const json = (await call(jsonRoute.loader as RouteFn, jsonPage)) as Response;
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ version: 1, error: "not-revealed", message: "The results have not been revealed yet." });
    expect(statusOf(await call(exportRoute.loader as RouteFn, { ...exportFile, cookie: cookies.org }))).toBe(409);
  });

  it("does not let a resident reveal", async () => {
    expect(statusOf(await call(ceremonyRoute.action as RouteFn, { ...ceremonyPage, cookie: cookies.anna, body: new FormData() }))).toBe(403);
    expect(dataOf<{ kind: string }>(await call(publicRoute.loader as RouteFn, publicPage)).kind).toBe("embargo");
  });
});

describe("making the count final (ADR 007)", () => {
  it("shows neither totals nor ceremony slides before, then both once the organiser makes the count final", async () => {
    const before = dataOf<{ state: string; view: unknown; review: { flagged: number; invalid: number } }>(
      await call(consoleRoute.loader as RouteFn, { ...consolePage, cookie: cookies.org }),
    );
    expect(before).toMatchObject({ state: "not-final", view: null, review: { flagged: 0, invalid: 0 } });
    expect(dataOf<{ kind: string }>(await call(ceremonyRoute.loader as RouteFn, { ...ceremonyPage, cookie: cookies.org })).kind).toBe("not-final");
    const refused = (await call(ceremonyRoute.action as RouteFn, { ...ceremonyPage, cookie: cookies.org, body: new FormData() })) as Response;
    expect(refused.headers.get("Location")).toBe(`/organiseren/${slug}/uitslag`);
    expect(dataOf<{ kind: string }>(await call(publicRoute.loader as RouteFn, publicPage)).kind).toBe("embargo");

    const form = new FormData();
    form.set("intent", "finalise");
    expect(statusOf(await call(consoleRoute.action as RouteFn, { ...consolePage, cookie: cookies.anna, body: form }))).toBe(403);
    expect(statusOf(await call(consoleRoute.action as RouteFn, { ...consolePage, cookie: cookies.org, body: form }))).toBe(302);
    expect(dataOf<{ state: string }>(await call(consoleRoute.loader as RouteFn, { ...consolePage, cookie: cookies.org })).state).toBe("ready");
    expect(dataOf<{ kind: string }>(await call(ceremonyRoute.loader as RouteFn, { ...ceremonyPage, cookie: cookies.org })).kind).toBe("ready");
    // Still nothing per idea for the public until the reveal.
    const winner = (await one(db().select().from(ideas).where(eq(ideas.title, "Repair Café elke maand"))))!;
    const ideaPage = dataOf<{ later: { votes: unknown } }>(
      await call(ideaRoute.loader as RouteFn, { path: `/rondes/${slug}/ideeen/${winner.id}`, params: { slug, ideaId: String(winner.id) } }),
    );
    expect(ideaPage.later.votes).toBeNull();
  });
});

describe("the reveal at the ceremony", () => {
  it("makes the public page, the JSON and the exports appear", async () => {
    const reveal = (await call(ceremonyRoute.action as RouteFn, { ...ceremonyPage, cookie: cookies.org, body: new FormData() })) as Response;
    expect(reveal.status).toBe(302);
    expect(reveal.headers.get("Location")).toBe(`/organiseren/${slug}/uitreiking?stap=9`);

    const page = dataOf<{ kind: string; view: { winners: { title: string }[] } }>(await call(publicRoute.loader as RouteFn, publicPage));
    expect(page.kind).toBe("published");
    expect(page.view.winners.map((w) => w.title)).toEqual(["Repair Café elke maand", "Jeu-de-boulesbaan bij De Linde", "Buurtbieb in de oude telefooncel"]);

    const json = (await call(jsonRoute.loader as RouteFn, jsonPage)) as Response;
    expect(json.status).toBe(200);
    expect(json.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await json.json()) as { version: number; contest: { amountsIncludeVat: boolean } };
    expect(body.version).toBe(1);
    // Open data carries the round's VAT setting (issue 21); the demo rounds count VAT included.
    expect(body.contest.amountsIncludeVat).toBe(true);

    const csv = (await call(exportRoute.loader as RouteFn, { ...exportFile, cookie: cookies.org })) as Response;
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-uitslag.csv"`);
    expect((await csv.text()).split("\r\n")[1]).toMatch(/^1,\d+,Repair Café elke maand,2500,23,23,0,15,prize,5000,1,Eerste prijs,1,prize,true$/);
    const ballots = (await call(exportRoute.loader as RouteFn, { path: "", params: { slug, bestand: "stembiljetten.csv" }, cookie: cookies.org })) as Response;
    expect((await ballots.text()).split("\r\n").filter(Boolean)).toHaveLength(39);
    expect(statusOf(await call(exportRoute.loader as RouteFn, { path: "", params: { slug, bestand: "wachtwoorden.txt" }, cookie: cookies.org }))).toBe(404);
  });

  it("shows each idea's stickers, place and prize on its own page once revealed (the idea page had a stub)", async () => {
    const winner = (await one(db().select().from(ideas).where(eq(ideas.title, "Repair Café elke maand"))))!;
    const page = dataOf<{ later: { votes: unknown } }>(
      await call(ideaRoute.loader as RouteFn, { path: `/rondes/${slug}/ideeen/${winner.id}`, params: { slug, ideaId: String(winner.id) } }),
    );
    expect(page.later.votes).toEqual({ stickers: 23, rank: 1, amount: 5000, prizeName: "Eerste prijs", chosen: true });
  });

  it("a second reveal changes nothing", async () => {
    const again = (await call(ceremonyRoute.action as RouteFn, { ...ceremonyPage, cookie: cookies.org, body: new FormData() })) as Response;
    expect(again.status).toBe(302);
  });
});

describe("importing a .pb file", () => {
  const importPage = { path: "/organiseren/importeren", params: {} };
  const upload = (organisationId: number, text: string, name = "ronde.pb") => {
    const form = new FormData();
    form.append("organisationId", String(organisationId));
    form.append("file", new File([text], name, { type: "text/plain" }));
    return form;
  };
  const orgId = async (slugName: string) => (await one(db().select().from(organisations).where(eq(organisations.slug, slugName))))!.id;
  const assen = readFileSync(new URL("Netherlands_Assen_2024.pb", PABULIB), "utf8");

  it("is for organisers, into their own organisations", async () => {
    expect(statusOf(await call(importRoute.loader as RouteFn, { ...importPage, cookie: cookies.anna }))).toBe(403);
    expect(
      statusOf(
        await call(importRoute.action as RouteFn, { ...importPage, cookie: cookies.orgAssen, body: upload(await orgId("wijkteam-keizerslanden"), assen) }),
      ),
    ).toBe(403);
  });

  it("imports the round and sends the organiser to its results", async () => {
    const done = (await call(importRoute.action as RouteFn, {
      ...importPage,
      cookie: cookies.orgAssen,
      body: upload(await orgId("gemeente-assen"), assen),
    })) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/rondes/assen-top-idee/uitslag");
    const page = dataOf<{ kind: string; archived: { ideas: unknown[]; voters: number } }>(
      await call(publicRoute.loader as RouteFn, { path: "/rondes/assen-top-idee/uitslag", params: { slug: "assen-top-idee" } }),
    );
    expect(page.kind).toBe("archived");
    expect(page.archived.ideas).toHaveLength(14);
    expect(page.archived.voters).toBe(84);
  });

  it("imports a file whose budget is divided into parts, and its results page shows them per part (ADR 026)", async () => {
    const oudOost = readFileSync(new URL("Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb", PABULIB), "utf8");
    const done = (await call(importRoute.action as RouteFn, {
      ...importPage,
      cookie: cookies.orgAssen,
      body: upload(await orgId("gemeente-assen"), oudOost),
    })) as Response;
    expect(done.status).toBe(302);
    const slug = /^\/rondes\/([^/]+)\/uitslag$/.exec(done.headers.get("Location") ?? "")![1]!;
    const page = dataOf<{
      kind: string;
      parts: { list: { name: string; budget: number }[]; view: { parts: { name: string; spent: number; winners: { fromLeftover: boolean }[] }[] } | null };
    }>(await call(publicRoute.loader as RouteFn, { path: `/rondes/${slug}/uitslag`, params: { slug } }));
    expect(page.kind).toBe("archived");
    expect(page.parts.list.map((p) => p.name)).toEqual([
      "Meer groen in de buurt",
      "Kindvriendelijke buurt",
      "Kinder- en jongerenactiviteiten",
      "Klimaat en duurzaamheid",
    ]);
    // 22 winners in all, some of them paid from what the themes left (fund-what-fits).
    expect(page.parts.view!.parts.flatMap((p) => p.winners)).toHaveLength(22);
    expect(page.parts.view!.parts.flatMap((p) => p.winners).some((w) => w.fromLeftover)).toBe(true);

    // The organiser's .pb of the archived round carries the parts, and is read back to the official winners.
    const pbExport = { path: `/organiseren/${slug}/uitslag/ronde.pb`, params: { slug, bestand: "ronde.pb" } };
    expect(statusOf(await call(exportRoute.loader as RouteFn, { ...pbExport, cookie: cookies.anna }))).toBe(403);
    const pb = parsePb(await ((await call(exportRoute.loader as RouteFn, { ...pbExport, cookie: cookies.orgAssen })) as Response).text());
    const original = parsePb(oudOost);
    expect(pbBudgetParts(pb)).toEqual(pbBudgetParts(original));
    expect(pb.projects.map((p) => [p.id, p.extra.category, p.selected])).toEqual(original.projects.map((p) => [p.id, p.extra.category, p.selected]));
    expect(computePbOutcome(pb).selected.sort()).toEqual(
      original.projects
        .filter((p) => p.selected === 1)
        .map((p) => p.id)
        .sort(),
    );
  });

  it("refuses a file whose parts add up to more than its budget, saying why in the reader's language, and imports nothing", async () => {
    const oudOost = readFileSync(new URL("Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb", PABULIB), "utf8").replace(
      /^budget_per_category;.*$/m,
      "budget_per_category;190610,57312,71364,80715",
    );
    const before = (await many(db().select().from(contests))).length;
    const result = await call(importRoute.action as RouteFn, { ...importPage, cookie: cookies.orgAssen, body: upload(await orgId("gemeente-assen"), oudOost) });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ error: unknown }>(result).error).toEqual({
      key: "results.import.partsOverBudget",
      parts: [
        { name: "Meer groen in de buurt", budget: 190610 },
        { name: "Kindvriendelijke buurt", budget: 57312 },
        { name: "Kinder- en jongerenactiviteiten", budget: 71364 },
        { name: "Klimaat en duurzaamheid", budget: 80715 },
      ],
      money: { total: 400001, budget: 300000 },
    });
    expect(await many(db().select().from(contests))).toHaveLength(before);
  });

  it("says which line of a malformed file is wrong", async () => {
    const bad = "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;12,5\nVOTES\nvoter_id;vote\n";
    const result = await call(importRoute.action as RouteFn, { ...importPage, cookie: cookies.orgAssen, body: upload(await orgId("gemeente-assen"), bad) });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ error: unknown }>(result).error).toEqual({
      key: "results.import.parseError",
      params: { line: 6, message: 'cost "12,5" of project 1 is not a whole, non-negative number' },
    });
  });
});
