import { one, many, run } from "~db/query.server";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { transact } from "~db/transact.server";
import { ballots, contests, ideaPhotos, ideas, passwordResetTokens, pendingBallots, resultDraws, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { PHOTO_WIDTHS, photoFileName, type PhotoSize } from "~/lib/photos";
import { uploadsDir } from "~/lib/photos.server";
import { newResetToken } from "~/modules/auth/accounts.server";
import { discardDraft } from "~/modules/ideas/ideas.server";
import { drawSeedFor } from "~/modules/results/results.server";
import { forgetVoterPointers } from "~/modules/voting/votes.server";
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

describe("the draw seed", () => {
  it("is drawn once when two counts ask for it at the same moment (the insert carries the check: ON CONFLICT DO NOTHING)", async () => {
    const seeds = await Promise.all([drawSeedFor(contestId, now), drawSeedFor(contestId, now)]);
    expect(seeds[0]).toBe(seeds[1]);
    expect(await many(db().select().from(resultDraws).where(eq(resultDraws.contestId, contestId)))).toEqual([{ contestId, seed: seeds[0], recordedAt: now }]);
  });
});

describe("forgetting the ballot pointers", () => {
  it("keeps the kept choices when clearing the pointers fails: both or neither", async () => {
    // A demo round with ballots (their pointers may be cleared already: the trigger below fires all the same).
    const voting = (await one(db().select({ contestId: ballots.contestId }).from(ballots)))!.contestId;
    await run(db().insert(pendingBallots).values({ voterPointer: "atomicity-pointer", contestId: voting, stickers: "[]", ikDoeMee: "[]", createdAt: now }));
    const sqlite = db().$client;
    sqlite.exec("CREATE TEMP TRIGGER fail_pointer_clear BEFORE UPDATE OF voter_pointer ON ballots BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    try {
      await expect(forgetVoterPointers(voting)).rejects.toThrow(/disk trouble/);
    } finally {
      sqlite.exec("DROP TRIGGER fail_pointer_clear");
    }
    expect(await many(db().select().from(pendingBallots).where(eq(pendingBallots.contestId, voting)))).toHaveLength(1);
    expect(await forgetVoterPointers(voting)).toBeGreaterThan(0);
    expect(await many(db().select().from(pendingBallots).where(eq(pendingBallots.contestId, voting)))).toHaveLength(0);
  });
});

describe("a password reset link", () => {
  it("is not left behind for an account deleted while the link was being made", async () => {
    const id = "atomicity-reset-user";
    const email = "vergeten@voorbeeld.nl";
    await run(
      db()
        .insert(users)
        .values({ id, email, name: "Vergeten", passwordHash: "x", postcode: "7416 BK", locale: "nl", createdAt: new Date(now) }),
    );
    // The reset mail is made after the answer; the owner deletes the account at that moment (as
    // deleteAccount does: its reset links end and the row becomes a tombstone).
    await Promise.all([
      newResetToken(email, now),
      transact(db(), async (tx) => {
        await run(tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, id)));
        await run(
          tx
            .update(users)
            .set({ email: "verwijderd-atomicity@verwijderd.invalid", deletedAt: new Date(now) })
            .where(eq(users.id, id)),
        );
      }),
    ]);
    expect(await many(db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, id)))).toEqual([]);
  });
});
