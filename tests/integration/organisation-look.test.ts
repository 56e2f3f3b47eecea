import { one, many, run } from "~db/query.server";
import { existsSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, organisations, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { uploadsDir } from "~/lib/photos.server";
import { photoFileName } from "~/lib/photos";
import { MAX_LOGO_BYTES } from "~/modules/auth/organisation-look";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import * as logoRoute from "~/routes/organisatielogos.$name";
import * as lookRoute from "~/routes/organiseren.uiterlijk.$organisatie";
import * as roundRoute from "~/routes/rondes.$slug";
import * as teamRoute from "~/routes/organiseren.team";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { refusedBy } from "../support/refused-by";

// An organisation's look (issue 18.13, ADR 025): only its own organisers and the beheerder change it,
// the colour passes the contrast rule on the server too, and a logo is a re-encoded PNG, JPEG or WebP.

const { db } = useTestDatabase();
const at = Date.UTC(2027, 0, 11, 12);
const cookies: Record<string, string> = {};
const params = { organisatie: "wijkteam-keizerslanden" };
const lookPath = "/organiseren/uiterlijk/wijkteam-keizerslanden";

type RouteFn = (args: { request: Request; params: Record<string, string>; context: never }) => Promise<unknown>;

const wijkteam = async () => (await one(db().select().from(organisations).where(eq(organisations.slug, "wijkteam-keizerslanden"))))!;
const audit = async (action: string) => many(db().select().from(auditLog).where(eq(auditLog.action, action)));

function call(fn: RouteFn, init: { cookie?: string; method?: string; body?: BodyInit; routeParams?: Record<string, string>; path?: string }) {
  const request = new Request(`http://localhost${init.path ?? lookPath}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: init.cookie ? { Cookie: init.cookie } : {},
    body: init.body,
  });
  return fn({ request, params: init.routeParams ?? params, context: {} as never }).catch((error: unknown) => error);
}

// Seeded for 2027, the round is not public yet today: its organiser sees the preview.
const roundPage = { cookie: "", routeParams: { slug: "vonk-keizerslanden-2027" }, path: "/rondes/vonk-keizerslanden-2027" };
const postColour = (cookie: string, values: Record<string, string>) => call(lookRoute.action as RouteFn, { cookie, body: new URLSearchParams(values) });

function postLogo(cookie: string, file: Blob | null, name = "logo.png") {
  const body = new FormData();
  if (file) body.append("logo", file, name);
  else body.append("logo", new Blob([]), "");
  return call(lookRoute.action as RouteFn, { cookie, body });
}

function bodyOf(result: unknown): unknown {
  return result && typeof result === "object" && "data" in result ? (result as { data: unknown }).data : undefined;
}

async function pngLogo(): Promise<Blob> {
  const png = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 20, g: 90, b: 60, alpha: 1 } } })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(png)], { type: "image/png" });
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: at });
  for (const [key, email] of [
    ["org", "organisator@keizerslanden.nl"],
    ["orgAssen", "organisator@assen.nl"],
    ["beheer", "beheer@wijkvonk.nl"],
    ["anna", "bewoner@keizerslanden.nl"],
  ] as const) {
    const id = (await one(db().select().from(users).where(eq(users.email, email))))!.id;
    cookies[key] = (await createSessionCookie(id)).split(";")[0]!;
  }
  roundPage.cookie = cookies.org!;
});

describe("the demo", () => {
  it("gives every demo organisation a logo that is served and a readable colour", async () => {
    for (const organisation of await many(db().select().from(organisations))) {
      expect(organisation.accentColour, organisation.slug).toMatch(/^#[0-9a-f]{6}$/);
      expect(organisation.logoKey, organisation.slug).not.toBeNull();
      const answer = (await call(logoRoute.loader as RouteFn, { routeParams: { name: photoFileName(organisation.logoKey!, "small") } })) as Response;
      expect(answer.status).toBe(200);
      expect(answer.headers.get("Content-Type")).toBe("image/webp");
    }
  });
});

describe("who may change an organisation's look", () => {
  it("opens the page for its own organiser and the beheerder", async () => {
    expect(await call(lookRoute.loader as RouteFn, { cookie: cookies.org! })).toMatchObject({ name: "Wijkteam Keizerslanden", accent: "#2f6b3a" });
    expect(statusOf(await call(lookRoute.loader as RouteFn, { cookie: cookies.beheer! }))).toBe(200);
  });

  it("refuses another organisation's organiser and a resident (403), and sends a visitor to log in", async () => {
    expect(statusOf(await call(lookRoute.loader as RouteFn, { cookie: cookies.orgAssen! }))).toBe(403);
    expect(statusOf(await call(lookRoute.loader as RouteFn, { cookie: cookies.anna! }))).toBe(403);
    const anonymous = (await call(lookRoute.loader as RouteFn, {})) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/inloggen");
  });

  it("refuses their posts too, and changes nothing", async () => {
    const before = await wijkteam();
    expect(statusOf(await postColour(cookies.orgAssen!, { accent: "#1f3a5f" }))).toBe(403);
    expect(statusOf(await postColour(cookies.anna!, { accent: "#1f3a5f" }))).toBe(403);
    expect(statusOf(await postColour(cookies.orgAssen!, { intent: "remove-logo" }))).toBe(403);
    expect(statusOf(await postLogo(cookies.anna!, await pngLogo()))).toBe(403);
    expect(await wijkteam()).toEqual(before);
  });

  it("gives a 404 for an organisation that does not exist", async () => {
    expect(statusOf(await call(lookRoute.loader as RouteFn, { cookie: cookies.beheer!, routeParams: { organisatie: "bestaat-niet" } }))).toBe(404);
  });

  it("links each organisation on the team page to its look", async () => {
    const team = (await call(teamRoute.loader as RouteFn, { cookie: cookies.org!, path: "/organiseren/team" })) as { organisations: { slug: string }[] };
    expect(team.organisations.map((o) => o.slug)).toContain("wijkteam-keizerslanden");
  });
});

describe("the accent colour", () => {
  it("saves a readable colour in its short form as #rrggbb, logged, and the round's pages carry it", async () => {
    const answer = (await postColour(cookies.org!, { accent: "#1F3A5F" })) as Response;
    expect(answer.status).toBe(302);
    expect((await wijkteam()).accentColour).toBe("#1f3a5f");
    expect((await audit("organisation.accent-changed")).at(-1)).toMatchObject({
      subject: "Wijkteam Keizerslanden",
      after: JSON.stringify({ accentColour: "#1f3a5f" }),
    });
    const page = (await call(roundRoute.loader as RouteFn, roundPage)) as {
      roundLook: { accent: string; organisationName: string };
    };
    expect(page.roundLook).toMatchObject({ accent: "#1f3a5f", organisationName: "Wijkteam Keizerslanden" });
  });

  it("refuses a colour white text cannot be read on, offering a darker shade, and keeps the old one", async () => {
    const answer = await postColour(cookies.org!, { accent: "#ffd43b" });
    expect(statusOf(answer)).toBe(400);
    const errors = (bodyOf(answer) as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors.accent![0]).toMatch(/^look\.tooLight\?suggestion=%23[0-9a-f]{6}$/);
    expect(statusOf(await postColour(cookies.org!, { accent: "oranje" }))).toBe(400);
    expect(statusOf(await postColour(cookies.org!, { accent: "#123456;background:url(x)" }))).toBe(400);
    expect((await wijkteam()).accentColour).toBe("#1f3a5f");
  });

  it("goes back to the Wijkvonk colour", async () => {
    expect(statusOf(await postColour(cookies.beheer!, { intent: "reset-accent" }))).toBe(302);
    expect((await wijkteam()).accentColour).toBeNull();
    expect((await getContestBySlug("vonk-keizerslanden-2027"))!.look.accentColour).toBeNull();
  });

  it("cannot be stored in any other form, whoever writes to the database", async () => {
    await expect(async () => run(db().update(organisations).set({ accentColour: "red" }).where(eq(organisations.slug, "gemeente-assen")))).rejects.toThrow(
      refusedBy(/#rrggbb/),
    );
    await expect(async () => run(db().update(organisations).set({ accentColour: "#ABCDEF" }).where(eq(organisations.slug, "gemeente-assen")))).rejects.toThrow(
      refusedBy(/#rrggbb/),
    );
  });
});

describe("the logo", () => {
  it("stores an uploaded PNG re-encoded as WebP, logged, serves it and shows it on the round's pages with the name as its text", async () => {
    const previous = (await wijkteam()).logoKey!;
    const answer = (await postLogo(cookies.org!, await pngLogo())) as Response;
    expect(answer.status).toBe(302);
    const key = (await wijkteam()).logoKey!;
    expect(key).not.toBe(previous);
    const stored = path.join(uploadsDir("organisations"), photoFileName(key, "small"));
    expect((await sharp(stored).metadata()).format).toBe("webp");
    // The old logo's files are gone; the new one is served.
    expect(existsSync(path.join(uploadsDir("organisations"), photoFileName(previous, "small")))).toBe(false);
    expect(await audit("organisation.logo-changed")).toHaveLength(1);
    const page = (await call(roundRoute.loader as RouteFn, roundPage)) as {
      roundLook: { logo: { src: string; alt: string } };
    };
    expect(page.roundLook.logo).toEqual({ src: `/organisatielogos/${photoFileName(key, "small")}`, alt: "Wijkteam Keizerslanden" });
  });

  it("refuses an SVG (it can carry a script), a file over 2 MB, a broken image and no file at all, and keeps the logo", async () => {
    const key = (await wijkteam()).logoKey;
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'], { type: "image/svg+xml" });
    const refused = async (file: Blob | null, name?: string) => {
      const answer = await postLogo(cookies.org!, file, name);
      expect(statusOf(answer)).toBe(400);
      return (bodyOf(answer) as { error: string }).error;
    };
    expect(await refused(svg, "logo.svg")).toBe("look.logoNotAnImage");
    // An SVG renamed to .png is still an SVG: the first bytes decide.
    expect(await refused(new Blob([await svg.arrayBuffer()], { type: "image/png" }), "logo.png")).toBe("look.logoNotAnImage");
    const png = new Uint8Array(await (await pngLogo()).arrayBuffer());
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(await refused(new Blob([big], { type: "image/png" }))).toBe("look.logoTooLarge");
    expect(await refused(new Blob([png.subarray(0, 40)], { type: "image/png" }))).toBe("look.logoUnreadable");
    expect(await refused(null)).toBe("look.logoNotAnImage");
    expect((await wijkteam()).logoKey).toBe(key);
  });

  it("can be removed: its files go, it is no longer served, and the pages show the name alone", async () => {
    const key = (await wijkteam()).logoKey!;
    expect(statusOf(await postColour(cookies.org!, { intent: "remove-logo" }))).toBe(302);
    expect((await wijkteam()).logoKey).toBeNull();
    expect(await audit("organisation.logo-removed")).toHaveLength(1);
    expect(existsSync(path.join(uploadsDir("organisations"), photoFileName(key, "small")))).toBe(false);
    expect(statusOf(await call(logoRoute.loader as RouteFn, { routeParams: { name: photoFileName(key, "small") } }))).toBe(404);
    expect((await getContestBySlug("vonk-keizerslanden-2027"))!.look.logoKey).toBeNull();
  });
});
