import { one, many } from "~db/query.server";
import { existsSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contests, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { photoFileName } from "~/lib/photos";
import { uploadsDir } from "~/lib/photos.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { listPublicContests } from "~/modules/contests/public-contests.server";
import * as roundPage from "~/routes/rondes.$slug";
import * as coverFile from "~/routes/rondefotos.$name";
import * as settings from "~/routes/organiseren.$slug.instellingen";
import { callRoute, dataOf, formOf, type RouteFn } from "../support/route-call";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// A round's cover picture (issue 18.14): its organisers upload it in the round's settings, re-encoded
// as idea photos are and with a text alternative, and may remove it; it shows on the round's page, its
// card and its share meta. Nobody else may change it, and a file that is no picture is refused.

const { db } = useTestDatabase();
const slug = "vonk-keizerslanden-2027";
const cookies: Record<string, string> = {};
let png: Buffer;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  for (const [key, email] of Object.entries({ org: "organisator@keizerslanden.nl", orgAssen: "organisator@assen.nl", anna: "bewoner@keizerslanden.nl" })) {
    cookies[key] = (await createSessionCookie((await one(db().select().from(users).where(eq(users.email, email))))!.id)).split(";")[0]!;
  }
  png = await sharp({ create: { width: 1200, height: 500, channels: 3, background: "#3d9150" } })
    .png()
    .toBuffer();
}, 60_000);

const contestRow = async () => (await one(db().select().from(contests).where(eq(contests.slug, slug))))!;
const upload = (cookie: string | undefined, bytes: Uint8Array, imageAlt: string, name = "omslag.png") =>
  callRoute(settings.action as RouteFn, {
    path: `/organiseren/${slug}/instellingen`,
    params: { slug },
    cookie,
    body: formOf({ image: new File([new Uint8Array(bytes)], name, { type: "image/png" }), imageAlt }),
  });
const remove = (cookie: string | undefined) =>
  callRoute(settings.action as RouteFn, {
    path: `/organiseren/${slug}/instellingen`,
    params: { slug },
    cookie,
    body: new URLSearchParams({ intent: "remove-image" }),
  });
const errorOf = (result: unknown) => dataOf<{ imageError?: string }>(result).imageError;
const coverFiles = (key: string) => (["large", "small"] as const).map((size) => path.join(uploadsDir("contests"), photoFileName(key, size)));

describe("a round's cover picture", () => {
  it("may be changed or removed by the round's own organisers only", async () => {
    const before = (await contestRow()).imagePath;
    expect(statusOf(await upload(undefined, png, "Een grasveld"))).toBe(302); // to the login page
    expect(statusOf(await upload(cookies.anna, png, "Een grasveld"))).toBe(403);
    expect(statusOf(await upload(cookies.orgAssen, png, "Een grasveld"))).toBe(403);
    expect(statusOf(await remove(cookies.anna))).toBe(403);
    expect(statusOf(await remove(cookies.orgAssen))).toBe(403);
    expect((await contestRow()).imagePath).toBe(before);
  });

  it("refuses a file that is no picture, a broken one, one over 8 MB, and one without a description", async () => {
    const before = (await contestRow()).imagePath;
    const pdf = new TextEncoder().encode("%PDF-1.4\n% not a picture at all\n");
    const broken = new Uint8Array(png.subarray(0, 200));
    const tooLarge = new Uint8Array(8 * 1024 * 1024 + 1);
    tooLarge.set(png.subarray(0, 16));
    const cases: [Uint8Array, string, string][] = [
      [pdf, "Een grasveld", "ideas.photoErrors.notAnImage"],
      [broken, "Een grasveld", "ideas.photoErrors.unreadable"],
      [tooLarge, "Een grasveld", "ideas.photoErrors.tooLarge"],
      [png, "   ", "ideas.photoErrors.altMissing"],
    ];
    for (const [bytes, alt, message] of cases) {
      const answer = await upload(cookies.org, bytes, alt);
      expect(statusOf(answer)).toBe(400);
      expect(errorOf(answer)).toBe(message);
    }
    expect(statusOf(await upload(cookies.org, png, "x".repeat(301)))).toBe(400);
    expect((await contestRow()).imagePath).toBe(before);
  });

  it("is stored re-encoded, replaces the old one, and shows on the round's page, its card and its share meta", async () => {
    const before = (await contestRow()).imagePath;
    expect(statusOf(await upload(cookies.org, png, "Een groen grasveld in de zon"))).toBe(302);
    const row = await contestRow();
    expect(row.imagePath).not.toBe(before);
    expect(row.imageAlt).toBe("Een groen grasveld in de zon");
    for (const file of coverFiles(row.imagePath!)) expect(existsSync(file)).toBe(true);
    if (before) for (const file of coverFiles(before)) expect(existsSync(file)).toBe(false);

    const served = (await callRoute(coverFile.loader as RouteFn, {
      path: `/rondefotos/${photoFileName(row.imagePath!, "small")}`,
      params: { name: photoFileName(row.imagePath!, "small") },
    })) as Response;
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(480);

    const page = dataOf<{ image: { src: string; alt: string } | null; share: { image: { url: string; alt: string } | null } }>(
      await callRoute(roundPage.loader as RouteFn, { path: `/rondes/${slug}`, params: { slug } }),
    );
    expect(page.image).toEqual({ src: `/rondefotos/${photoFileName(row.imagePath!, "large")}`, alt: "Een groen grasveld in de zon" });
    expect(JSON.stringify(page.share)).toContain(photoFileName(row.imagePath!, "large"));
    const card = (await listPublicContests(Date.now())).find((c) => c.slug === slug)!;
    expect(card.image).toEqual({ src: `/rondefotos/${photoFileName(row.imagePath!, "small")}`, alt: "Een groen grasveld in de zon" });
  });

  it("can be removed: the page and card go without, the files are gone, and the log says who did it", async () => {
    const key = (await contestRow()).imagePath!;
    expect(statusOf(await remove(cookies.org))).toBe(302);
    expect(await contestRow()).toMatchObject({ imagePath: null, imageAlt: null });
    for (const file of coverFiles(key)) expect(existsSync(file)).toBe(false);
    expect((await listPublicContests(Date.now())).find((c) => c.slug === slug)!.image).toBeNull();
    const page = dataOf<{ image: unknown }>(await callRoute(roundPage.loader as RouteFn, { path: `/rondes/${slug}`, params: { slug } }));
    expect(page.image).toBeNull();
    const logged = await many(db().select().from(auditLog).where(eq(auditLog.action, "contest.image-removed")));
    expect(logged).toHaveLength(1);
  });
});
