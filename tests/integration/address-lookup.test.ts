import { many, run } from "~db/query.server";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ideas, loginThrottle } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { runWithRequestClock } from "~/lib/clock.server";
import { resetEnvForTests } from "~/lib/env.server";
import { lookUpAddress } from "~/lib/geo/address-lookup.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { lookUpForContest } from "~/routes-support/address-lookup.server";
import * as lookupRoute from "~/routes/rondes.$slug_.adres-zoeken";
import * as newRoute from "~/routes/rondes.$slug_.ideeen.nieuw";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// Issue 18: the address look-up against a stand-in for the PDOK Locatieserver on this machine. The
// service is never asked in a test; what it can do wrong (fail, stall, send too much or nonsense) is.

const { db } = useTestDatabase();
const slug = "vonk-keizerslanden-2027";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = () => undefined;
const asked: URL[] = [];
const server = createServer((req, res) => {
  asked.push(new URL(req.url ?? "/", "http://stub"));
  handler(req, res);
});
let base = "";

const json =
  (body: unknown): Handler =>
  (_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(body));
  };
const zwolseweg = { weergavenaam: "Zwolseweg 12, 7416AB Deventer", centroide_ll: "POINT(6.18412 52.25873)", postcode: "7416AB" };
const brink = { weergavenaam: "Brink 1, 7411BR Deventer", centroide_ll: "POINT(6.16055 52.25213)", postcode: "7411BR" };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bzk/locatieserver/search/v3_1`;
  process.env.ADDRESS_LOOKUP_URL = base;
  process.env.TEST_CLOCK = "1";
  resetEnvForTests();
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
});
afterAll(async () => {
  delete process.env.ADDRESS_LOOKUP_URL;
  resetEnvForTests();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  asked.length = 0;
  await run(db().delete(loginThrottle));
});

describe("lookUpAddress", () => {
  it("asks the Locatieserver's /free for addresses only, and reads what it answers", async () => {
    handler = json({ response: { numFound: 1, docs: [zwolseweg] } });
    const result = await lookUpAddress("Zwolseweg 12 Deventer");
    expect(result).toEqual({
      kind: "found",
      addresses: [{ label: "Zwolseweg 12, 7416AB Deventer", point: { latitude: 52.25873, longitude: 6.18412 }, postcode: "7416 AB" }],
    });
    expect(asked[0]!.pathname).toBe("/bzk/locatieserver/search/v3_1/free");
    expect(asked[0]!.searchParams.get("q")).toBe("Zwolseweg 12 Deventer");
    expect(asked[0]!.searchParams.get("fq")).toBe("type:adres");
    expect(Number(asked[0]!.searchParams.get("rows"))).toBeLessThanOrEqual(5);
  });

  it("says not found when the service finds nothing", async () => {
    handler = json({ response: { numFound: 0, docs: [] } });
    expect(await lookUpAddress("Nergensstraat 1")).toEqual({ kind: "not-found" });
  });

  it("says unavailable when the service fails, answers nonsense or too much", async () => {
    handler = (_req, res) => {
      res.statusCode = 500;
      res.end("kapot");
    };
    expect(await lookUpAddress("Zwolseweg 12")).toEqual({ kind: "unavailable" });
    handler = (_req, res) => res.end("<html>onderhoud</html>");
    expect(await lookUpAddress("Zwolseweg 12")).toEqual({ kind: "unavailable" });
    handler = json({ unexpected: true });
    expect(await lookUpAddress("Zwolseweg 12")).toEqual({ kind: "unavailable" });
    handler = json({ response: { docs: Array.from({ length: 2000 }, () => zwolseweg) } });
    expect(await lookUpAddress("Zwolseweg 12")).toEqual({ kind: "unavailable" });
  });

  it("gives up on a service that does not answer in time", async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    expect(await lookUpAddress("Zwolseweg 12", { timeoutMs: 300 })).toEqual({ kind: "unavailable" });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("says unavailable when nothing listens at the address", async () => {
    expect(await lookUpAddress("Zwolseweg 12", { base: "http://127.0.0.1:9/none" })).toEqual({ kind: "unavailable" });
  });

  it("asks nobody when the look-up is turned off", async () => {
    expect(await lookUpAddress("Zwolseweg 12", { base: null })).toEqual({ kind: "off" });
    expect(asked).toHaveLength(0);
  });
});

describe("lookUpForContest", () => {
  it("puts addresses inside the round's area first and marks the others", async () => {
    handler = json({ response: { docs: [brink, zwolseweg] } });
    const answer = await lookUpForContest({ text: "straat", details: (await getContestBySlug(slug))!, ip: "192.0.2.1", now: Date.now() });
    expect(answer.kind).toBe("found");
    if (answer.kind !== "found") return;
    expect(answer.addresses.map((a) => [a.postcode, a.outsideArea])).toEqual([
      ["7416 AB", false],
      ["7411 BR", true],
    ]);
  });

  it("does not send what cannot be an address", async () => {
    expect(await lookUpForContest({ text: " 12 ", details: (await getContestBySlug(slug))!, ip: "192.0.2.1", now: Date.now() })).toEqual({ kind: "invalid" });
    expect(asked).toHaveLength(0);
  });

  it("counts look-ups per IP before making them, and stops a flood before it reaches the service", async () => {
    handler = json({ response: { docs: [zwolseweg] } });
    const details = (await getContestBySlug(slug))!;
    const now = Date.now();
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push((await lookUpForContest({ text: "Zwolseweg 12", details, ip: "192.0.2.7", now })).kind);
    expect(answers.slice(0, 30).every((kind) => kind === "found")).toBe(true);
    expect(answers[30]).toBe("busy");
    expect(asked).toHaveLength(30);
    // Someone else is not held up.
    expect((await lookUpForContest({ text: "Zwolseweg 12", details, ip: "192.0.2.8", now })).kind).toBe("found");
  });
});

type RouteFn = (args: { request: Request; params: Record<string, string>; context: never }) => Promise<unknown>;
function call(fn: RouteFn, path: string, init: RequestInit = {}, params = { slug }) {
  return runWithRequestClock(undefined, () =>
    fn({ request: new Request(`http://localhost${path}`, init), params, context: { clientIp: "198.51.100.4" } as never }),
  ).catch((error: unknown) => error);
}
const bodyOf = (result: unknown) => (result && typeof result === "object" && "data" in result ? (result as { data: unknown }).data : undefined);

describe("the look-up route for the map", () => {
  it("answers the browser with the addresses as JSON, and says when the service is down", async () => {
    handler = json({ response: { docs: [zwolseweg] } });
    const found = (await call(lookupRoute.loader as RouteFn, `/rondes/${slug}/adres-zoeken?q=Zwolseweg%2012`)) as Response;
    expect(found.status).toBe(200);
    expect(found.headers.get("cache-control")).toBe("no-store");
    expect(await found.json()).toMatchObject({ kind: "found", addresses: [{ label: "Zwolseweg 12, 7416AB Deventer", outsideArea: false }] });
    handler = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    const down = (await call(lookupRoute.loader as RouteFn, `/rondes/${slug}/adres-zoeken?q=Zwolseweg%2012`)) as Response;
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ kind: "unavailable" });
  });

  it("is not there for a round nobody may see", async () => {
    const result = await call(lookupRoute.loader as RouteFn, "/rondes/bestaat-niet/adres-zoeken?q=Zwolseweg", {}, { slug: "bestaat-niet" });
    expect(statusOf(result)).toBe(404);
    expect(asked).toHaveLength(0);
  });
});

describe("the idea form without JavaScript", () => {
  function lookupPost(values: Record<string, string>) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "lookup", ...values })) form.append(k, v);
    return call(newRoute.action as RouteFn, `/rondes/${slug}/ideeen/nieuw`, { method: "POST", body: form });
  }
  const ideaCount = async () => (await many(db().select().from(ideas).where(eq(ideas.title, "Bankje bij de bushalte")))).length;

  it("fills in the point of the address and keeps everything typed, without saving", async () => {
    handler = json({ response: { docs: [zwolseweg] } });
    const result = await lookupPost({ title: "Bankje bij de bushalte", description: "Een bank om op te wachten.", locationText: "Zwolseweg 12" });
    expect(statusOf(result)).toBe(200);
    const body = bodyOf(result) as { result: { initialValue: Record<string, string>; error: Record<string, string[]> }; lookup: unknown };
    expect(body.result.initialValue).toMatchObject({ title: "Bankje bij de bushalte", description: "Een bank om op te wachten.", point: "52.25873, 6.18412" });
    expect(body.result.error).toEqual({});
    expect(body.lookup).toEqual({ kind: "found", label: "Zwolseweg 12, 7416AB Deventer", outsideArea: false });
    expect(await ideaCount()).toBe(0);
  });

  it("says so beside the address when the service is down, and keeps the idea as typed", async () => {
    handler = (_req, res) => {
      res.statusCode = 500;
      res.end();
    };
    const result = await lookupPost({ title: "Bankje bij de bushalte", locationText: "Zwolseweg 12", point: "" });
    expect(statusOf(result)).toBe(422);
    const body = bodyOf(result) as { result: { initialValue: Record<string, string>; error: Record<string, string[]> } };
    expect(body.result.error).toEqual({ locationText: ["geo.unavailable"] });
    expect(body.result.initialValue.title).toBe("Bankje bij de bushalte");
    expect(await ideaCount()).toBe(0);
  });

  it("says when the address is not found", async () => {
    handler = json({ response: { numFound: 0, docs: [] } });
    const body = bodyOf(await lookupPost({ title: "Bankje", locationText: "Nergensstraat 99" })) as { result: { error: Record<string, string[]> } };
    expect(body.result.error).toEqual({ locationText: ["geo.notFound"] });
  });
});
