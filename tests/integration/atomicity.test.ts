import { one, run } from "~db/query.server";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contests, ideaPhotos, ideas, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { PHOTO_WIDTHS, photoFileName, type PhotoSize } from "~/lib/photos";
import { uploadsDir } from "~/lib/photos.server";
import { discardDraft } from "~/modules/ideas/ideas.server";
import { useTestDatabase } from "../support/test-db";

// Functions that read and write in several awaited statements (issue 20, after ADR 027 §3): another
// request runs between two awaits, so each of these either holds its reads and writes in one
// transaction or lets the write carry the check. Each test here failed on the code before.

const { db } = useTestDatabase();
const now = Date.UTC(2027, 2, 10, 12);
let contestId = 0;
let anna = "";

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now });
  contestId = (await one(db().select().from(contests).where(eq(contests.slug, "vonk-keizerslanden-2027"))))!.id;
  anna = (await one(db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!.id;
});

const photoFiles = (key: string) => (Object.keys(PHOTO_WIDTHS) as PhotoSize[]).map((size) => path.join(uploadsDir(), photoFileName(key, size)));

describe("discarding a draft", () => {
  it("leaves an idea handed in since the draft was read, and its photo files", async () => {
    const draft = (await one(
      db()
        .insert(ideas)
        .values({ contestId, title: "Bankje bij de vijver", ownerUserId: anna, costEuros: 900, createdAt: new Date(now), updatedAt: new Date(now) })
        .returning(),
    ))!;
    const key = "atomicity-discard-photo-1";
    await run(
      db()
        .insert(ideaPhotos)
        .values({ ideaId: draft.id, storageKey: key, altText: "Een bankje", width: 10, height: 10, createdAt: new Date(now) }),
    );
    mkdirSync(uploadsDir(), { recursive: true });
    for (const file of photoFiles(key)) writeFileSync(file, "webp");
    // Handed in from another tab after this page read the draft.
    await run(
      db()
        .update(ideas)
        .set({ status: "submitted", submittedAt: new Date(now) })
        .where(eq(ideas.id, draft.id)),
    );

    await discardDraft(draft);

    expect((await one(db().select({ status: ideas.status }).from(ideas).where(eq(ideas.id, draft.id))))?.status).toBe("submitted");
    expect(photoFiles(key).map(existsSync)).toEqual(photoFiles(key).map(() => true));
  });
});
