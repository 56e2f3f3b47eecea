import { many } from "~db/query.server";
import { existsSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { contests, ideaPhotos, ideas } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { photoFileName } from "~/lib/photos";
import { uploadsDir } from "~/lib/photos.server";
import { useTestDatabase } from "../support/test-db";

// Issue 18.14: the demo looked like a wireframe. Its ideas and rounds have drawn pictures now, stored as
// an uploaded photo is (re-encoded WebP in both sizes, with a description), and seeding stays quick:
// the e2e server seeds the demo on every start.

const { db } = useTestDatabase();
let seedMs = 0;

beforeAll(async () => {
  const start = performance.now();
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  seedMs = performance.now() - start;
}, 60_000);

const files = (folder: "ideas" | "contests", key: string) =>
  (["large", "small"] as const).map((size) => path.join(uploadsDir(folder), photoFileName(key, size)));

describe("the demo's pictures", () => {
  it("give most ideas a picture with a description, stored like an upload, and leave a few without", async () => {
    const all = await many(db().select({ id: ideas.id }).from(ideas));
    const photos = await many(db().select().from(ideaPhotos).innerJoin(ideas, eq(ideaPhotos.ideaId, ideas.id)));
    expect(photos.length).toBeGreaterThanOrEqual(all.length / 2);
    expect(photos.length).toBeLessThan(all.length);
    for (const { idea_photos: photo } of photos) {
      expect(photo.altText.length).toBeGreaterThan(20);
      const [large, small] = files("ideas", photo.storageKey);
      expect((await sharp(large!).metadata()).format).toBe("webp");
      expect((await sharp(small!).metadata()).width).toBe(480);
      // Re-encoded without metadata, as processPhoto does for every upload.
      expect((await sharp(large!).metadata()).exif).toBeUndefined();
    }
    expect(new Set(photos.map((p) => p.idea_photos.storageKey)).size).toBe(photos.length);
  });

  it("give every demo round a cover with a description", async () => {
    const rounds = await many(db().select().from(contests));
    expect(rounds.length).toBeGreaterThanOrEqual(6);
    for (const round of rounds) {
      expect(round.imagePath, round.slug).not.toBeNull();
      expect(round.imageAlt!.length).toBeGreaterThan(20);
      for (const file of files("contests", round.imagePath!)) expect(existsSync(file)).toBe(true);
    }
  });

  it("keep seeding quick", () => {
    console.info(`demo seeded in ${Math.round(seedMs)} ms`);
    // Generous for a busy 2-core machine; before the pictures it took about 1 s.
    expect(seedMs).toBeLessThan(15_000);
  });
});
