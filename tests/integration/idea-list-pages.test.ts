import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contests, ideaBuurten, ideas } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { listPublicIdeas } from "~/modules/ideas/ideas.server";
import { ballotCards } from "~/modules/voting/ballot-page.server";
import { orderSeedCookie } from "~/routes-support/idea-cookies.server";
import * as listRoute from "~/routes/rondes.$slug_.ideeen._index";
import { callRoute, dataOf, type RouteFn } from "../support/route-call";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// Issue 19 (ADR 029): the idea list shows a page of 24 ideas at a time, in the visitor's own order.
// Over the pages every public idea shows exactly once; the links keep the filters and the order.

const { db, file } = useTestDatabase();
const slug = "vonk-keizerslanden-2027";
const seed = "pagingseed0123";
const otherSeed = "otherseed98765";
let contestId = 0;
let inBuurt = new Set<number>();
let buurtId = 0;
let describedId = 0;

type ListData = {
  total: number;
  matching: number;
  paging: {
    page: number;
    pageCount: number;
    first: number;
    last: number;
    links: ({ n: number; href: string } | null)[];
    previous: string | null;
    next: string | null;
  } | null;
  missingPage: { asked: number; pageCount: number; first: string } | null;
  ideas: { id: number; title: string }[];
};

async function addIdeas(id: number, count: number, status: "submitted" | "shortlisted", withBuurt: (i: number) => number | null): Promise<number[]> {
  const now = new Date();
  return (
    await many(
      db()
        .insert(ideas)
        .values(
          Array.from({ length: count }, (_, i) => ({
            contestId: id,
            status,
            title: `Extra idee ${i + 1}`,
            summary: "Een plan om de pagina's te vullen.",
            costEuros: 1000 + i,
            buurtId: withBuurt(i),
            createdAt: now,
            updatedAt: now,
            submittedAt: now,
            contactConfirmedAt: now,
            // Paper ideas: an author without an account.
            isPaper: true,
            paperName: `Bewoner ${i + 1}`,
            paperConsentAt: now,
          })),
        )
        .returning({ id: ideas.id }),
    )
  ).map((r) => r.id);
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  contestId = (await one(db().select({ id: contests.id }).from(contests).where(eq(contests.slug, slug))))!.id;
  buurtId = (await one(db().insert(ideaBuurten).values({ contestId, name: "Testbuurt", position: 99 }).returning({ id: ideaBuurten.id }))).id;
  // 44 more, every third in the Testbuurt: with the demo's own ideas some 50, three pages.
  const added = await addIdeas(contestId, 44, "submitted", (i) => (i % 3 === 0 ? buurtId : null));
  inBuurt = new Set(added.filter((_, i) => i % 3 === 0));
  describedId = added[5]!;
  await run(db().update(ideas).set({ description: "Met een schommelbrug over de sloot." }).where(eq(ideas.id, describedId)));
});

async function list(query: string, cookieSeed: string | null = seed): Promise<{ status: number; data: ListData; setCookie: string | null }> {
  const result = await callRoute(listRoute.loader as RouteFn, {
    path: `/rondes/${slug}/ideeen${query}`,
    params: { slug },
    cookie: cookieSeed ? (await orderSeedCookie(cookieSeed)).pair : undefined,
  });
  const init = (result as { init?: { headers?: Record<string, string> } }).init;
  return { status: statusOf(result), data: dataOf<ListData>(result), setCookie: init?.headers?.["Set-Cookie"] ?? null };
}

describe("the idea list in pages", () => {
  it("shows every public idea once over its pages, 24 a page, with the page count and where it is", async () => {
    const publicIds = (await listPublicIdeas(contestId)).map((i) => i.id);
    expect(publicIds.length).toBeGreaterThan(48);
    const first = await list("");
    expect(first.status).toBe(200);
    expect(first.data.total).toBe(publicIds.length);
    expect(first.data.paging).toMatchObject({ page: 1, pageCount: 3, first: 1, last: 24, previous: null });
    expect(first.data.ideas).toHaveLength(24);

    const seen: number[] = [];
    let next: string | null = `/rondes/${slug}/ideeen`;
    for (let page = 1; next; page++) {
      const shown = await list(next.slice(`/rondes/${slug}/ideeen`.length));
      expect(shown.status).toBe(200);
      expect(shown.data.paging!.page).toBe(page);
      seen.push(...shown.data.ideas.map((i) => i.id));
      next = shown.data.paging!.next;
    }
    expect(seen).toHaveLength(publicIds.length);
    expect(new Set(seen)).toEqual(new Set(publicIds));

    const last = await list(`?pagina=3&volgorde=${seed}`);
    expect(last.data.paging).toMatchObject({ page: 3, pageCount: 3, first: 49, last: publicIds.length, next: null });
    expect(last.data.paging!.previous).toBe(`/rondes/${slug}/ideeen?pagina=2&volgorde=${seed}`);
    expect(last.data.paging!.links.map((l) => l?.n)).toEqual([1, 2, 3]);
  });

  it("keeps the visitor's order across pages, and the order a link carries even without the cookie", async () => {
    const withCookie = (await list("?pagina=2")).data.ideas.map((i) => i.id);
    const linked = (await list(`?pagina=2&volgorde=${seed}`, null)).data.ideas.map((i) => i.id);
    expect(linked).toEqual(withCookie);
    // Someone else's order differs, and a link with another order shows that one, whatever the cookie.
    const other = (await list("?pagina=2", otherSeed)).data.ideas.map((i) => i.id);
    expect(other).not.toEqual(withCookie);
    expect((await list(`?pagina=2&volgorde=${otherSeed}`, seed)).data.ideas.map((i) => i.id)).toEqual(other);
  });

  it("pages a filtered list and keeps the filter in the links", async () => {
    const first = await list(`?buurt=${buurtId}`);
    expect(first.data.matching).toBe(inBuurt.size);
    expect(first.data.paging).toMatchObject({ page: 1, pageCount: 1 });
    expect(first.data.ideas.every((i) => inBuurt.has(i.id))).toBe(true);

    const all = await list("?q=extra");
    expect(all.data.matching).toBe(44);
    expect(all.data.paging!.next).toBe(`/rondes/${slug}/ideeen?q=extra&pagina=2&volgorde=${seed}`);
    const second = await list(all.data.paging!.next!.slice(`/rondes/${slug}/ideeen`.length));
    expect(second.data.ideas).toHaveLength(20);
    expect(new Set([...all.data.ideas, ...second.data.ideas].map((i) => i.id)).size).toBe(44);
  });

  it("searches the descriptions too, which it reads only for a search", async () => {
    const found = await list("?q=Schommelbrug");
    expect(found.data.matching).toBe(1);
    expect(found.data.ideas.map((i) => i.id)).toEqual([describedId]);
    expect(found.data.paging).toMatchObject({ page: 1, pageCount: 1 });
  });

  it("answers a page past the last with 404 and how many pages there are; a malformed page number is page 1", async () => {
    const missing = await list("?pagina=4");
    expect(missing.status).toBe(404);
    expect(missing.data.ideas).toEqual([]);
    expect(missing.data.missingPage).toEqual({ asked: 4, pageCount: 3, first: `/rondes/${slug}/ideeen?volgorde=${seed}` });
    expect((await list(`?buurt=${buurtId}&pagina=2`)).status).toBe(404);

    for (const bad of ["0", "-2", "twee", "1e1", "12345678"]) {
      const shown = await list(`?pagina=${bad}`);
      expect(shown.status, bad).toBe(200);
      expect(shown.data.paging!.page, bad).toBe(1);
    }
  });

  it("gives a first visitor an order cookie, and a link's order does not replace the visitor's own", async () => {
    expect((await list("", null)).setCookie).toMatch(/^wv_order=/);
    expect((await list(`?volgorde=${otherSeed}`, seed)).setCookie).toBeNull();
  });
});

describe("the ballot", () => {
  it("is not paged: it shows every idea on the shortlist", async () => {
    const voting = (await one(db().select({ id: contests.id }).from(contests).where(eq(contests.slug, votingDemoSlug))))!.id;
    await addIdeas(voting, 30, "shortlisted", () => null);
    const cards = await ballotCards({ contestId: voting, slug: votingDemoSlug, seed, way: "account" });
    expect(cards.length).toBeGreaterThan(30);
    expect(cards.map((c) => c.id).sort()).toEqual(
      (await listPublicIdeas(voting))
        .filter((i) => i.status === "shortlisted")
        .map((i) => i.id)
        .sort(),
    );
  });
});

describe("the public list kept per round", () => {
  it("is read once while nothing changes, and again after any write: here, by another connection, or after a rollback", async () => {
    const first = await listPublicIdeas(contestId);
    // Kept: the same cards, not read again.
    expect((await listPublicIdeas(contestId))[0]).toBe(first[0]);
    const someId = first[0]!.id;

    // A write on this connection: hiding an idea takes it off the list at once.
    await run(db().update(ideas).set({ hiddenAt: new Date(), hiddenReason: "Test" }).where(eq(ideas.id, someId)));
    const afterHide = await listPublicIdeas(contestId);
    expect(afterHide.map((i) => i.id)).not.toContain(someId);
    expect(afterHide).toHaveLength(first.length - 1);

    // A write by another connection (the command line, a second process).
    const other = new Database(file());
    try {
      other.prepare("UPDATE ideas SET hidden_at = NULL, hidden_reason = NULL WHERE id = ?").run(someId);
    } finally {
      other.close();
    }
    expect((await listPublicIdeas(contestId)).map((i) => i.id)).toContain(someId);

    // Read inside a transaction that rolls back: what it saw is not kept.
    const rollback = new Error("roll back");
    await expect(async () =>
      transact(db(), async (tx) => {
        await run(tx.update(ideas).set({ title: "Niet bewaard" }).where(eq(ideas.id, someId)));
        expect((await listPublicIdeas(contestId)).find((i) => i.id === someId)!.title).toBe("Niet bewaard");
        throw rollback;
      }),
    ).rejects.toThrow(rollback);
    expect((await listPublicIdeas(contestId)).find((i) => i.id === someId)!.title).not.toBe("Niet bewaard");
  });
});
