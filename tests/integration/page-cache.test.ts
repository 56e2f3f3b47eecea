import { describe, expect, it } from "vitest";
import { orderSeedCookie } from "~/routes-support/idea-cookies.server";
import { anonymousCookiesOf, bodyOf, cacheablePage, createPageCache, fromTemplate, toTemplate, type PageRequest } from "~/routes-support/page-cache.server";
import { useTestDatabase } from "../support/test-db";

// Issue 19: the rendered HTML of public pages is kept a few seconds for anonymous visitors (ADR 023).
// Whatever else it does, it must never hand one visitor's page to another. The journey through the
// built server is in tests/e2e/visitor-never-gets-someone-elses-cached-page.test.ts.

useTestDatabase();

let nonces = 0;
function visit(url: string, cookie?: string, more: Partial<PageRequest> = {}): PageRequest {
  nonces++;
  return {
    method: "GET",
    protocol: "http",
    host: "localhost:3000",
    url,
    cookie,
    peerAddress: "10.0.0.7",
    forwarded: false,
    nonce: `nonce${String(nonces).padStart(4, "0")}AbCdEfGhIjKlMnOp`,
    requestId: `rq${nonces}`,
    ...more,
  };
}

/** A stand-in for Remix: the page names the cookies it was rendered with, and carries the nonce and request id as root.tsx does. */
function fakeApp(options: { status?: number; setCookie?: string; during?: () => void } = {}) {
  const renders: (string | undefined)[] = [];
  let current: PageRequest | undefined;
  return {
    renders,
    for(request: PageRequest) {
      current = request;
      return async (cookie: string | undefined) => {
        renders.push(cookie);
        options.during?.();
        const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
        if (options.setCookie) headers.append("Set-Cookie", options.setCookie);
        const html = `<html><head><meta name="request-id" content="${current!.requestId}"/></head><body>render ${renders.length} for [${cookie ?? ""}]<script nonce="${current!.nonce}"></script></body></html>`;
        return new Response(html, { status: options.status ?? 200, headers });
      };
    },
  };
}

async function serve(cache: ReturnType<typeof createPageCache>, app: ReturnType<typeof fakeApp>, request: PageRequest) {
  return cache.serve(request, app.for(request));
}

describe("which requests the page cache may answer", () => {
  it("only the public pages: home, round list, contest page, idea list and results", () => {
    expect(["/", "/rondes", "/rondes/groen-2026", "/rondes/groen-2026/ideeen", "/rondes/groen-2026/uitslag"].map(cacheablePage)).toEqual([
      "page",
      "page",
      "page",
      "ideas",
      "page",
    ]);
    for (const other of [
      "/rondes/groen-2026/stemmen",
      "/rondes/groen-2026/ideeen/4",
      "/account",
      "/rondes/groen-2026.data",
      "/rondes/",
      "/organiseren/x",
      "/healthz",
    ]) {
      expect(cacheablePage(other), other).toBeNull();
    }
  });

  it("only when every cookie is one that leaves a visitor anonymous (language, idea order)", () => {
    expect(anonymousCookiesOf(undefined)).toEqual(new Map());
    expect(anonymousCookiesOf("wv_lang=en; wv_order=abc")).toEqual(
      new Map([
        ["wv_lang", "en"],
        ["wv_order", "abc"],
      ]),
    );
    for (const header of [
      "wv_session=abc",
      "wv_lang=en; wv_session=abc",
      "wv_flash=x",
      "wv_idea_drafts=x",
      "wv_test_now=1800000000000",
      "someone_else=1",
      "wv_lang=en; wv_lang=nl",
      "garbage",
    ]) {
      expect(anonymousCookiesOf(header), header).toBeNull();
    }
  });
});

describe("the page cache", () => {
  it("renders once, then answers from the cache with this response's own nonce and request id", async () => {
    const cache = createPageCache({ dataVersion: () => 1 });
    const app = fakeApp();
    const first = visit("/rondes/groen-2026");
    const a = await serve(cache, app, first);
    const second = visit("/rondes/groen-2026");
    const b = await serve(cache, app, second);
    expect([a?.cache, b?.cache]).toEqual(["miss", "hit"]);
    expect(app.renders).toHaveLength(1);
    expect(bodyOf(b!).toString()).toContain(`nonce="${second.nonce}"`);
    expect(bodyOf(b!).toString()).toContain(`<meta name="request-id" content="${second.requestId}"/>`);
    expect(bodyOf(b!).toString()).not.toContain(first.nonce);
    expect(bodyOf(b!).toString()).not.toContain(first.requestId);
    expect(b!.headers.some(([name]) => name.toLowerCase() === "set-cookie")).toBe(false);
  });

  it("never answers a logged-in request, nor stores its page: the next anonymous visitor gets a page rendered for nobody", async () => {
    const cache = createPageCache({ dataVersion: () => 1 });
    const app = fakeApp();
    expect(await serve(cache, app, visit("/rondes/groen-2026", "wv_session=resident-anna"))).toBeNull();
    expect(await serve(cache, app, visit("/rondes/groen-2026", "wv_lang=nl; wv_flash=signed-message"))).toBeNull();
    expect(app.renders).toEqual([]);
    const anonymous = await serve(cache, app, visit("/rondes/groen-2026"));
    expect(anonymous?.cache).toBe("miss");
    expect(bodyOf(anonymous!).toString()).toContain("render 1 for []");
  });

  it("keeps Dutch and English apart, and the home page of one host from another's", async () => {
    const cache = createPageCache({ dataVersion: () => 1 });
    const app = fakeApp();
    await serve(cache, app, visit("/"));
    const english = await serve(cache, app, visit("/", "wv_lang=en"));
    const otherHost = await serve(cache, app, visit("/", undefined, { host: "evil.example" }));
    const dutch = await serve(cache, app, visit("/", "wv_lang=nl"));
    expect([english?.cache, otherHost?.cache, dutch?.cache]).toEqual(["miss", "miss", "hit"]);
    expect(bodyOf(english!).toString()).toContain("[wv_lang=en]");
    expect(bodyOf((await serve(cache, app, visit("/", "wv_lang=en")))!).toString()).toContain("[wv_lang=en]");
  });

  it("does not store a page that sets a cookie, is not a 200, or was rendered while something was written", async () => {
    for (const app of [fakeApp({ setCookie: "wv_session=; Max-Age=0" }), fakeApp({ status: 404 })]) {
      const cache = createPageCache({ dataVersion: () => 1 });
      const first = await serve(cache, app, visit("/rondes/x"));
      await serve(cache, app, visit("/rondes/x"));
      expect(app.renders).toHaveLength(2);
      expect(first!.cache).toBe("miss");
    }
    const cache = createPageCache({ dataVersion: () => 1 });
    const writing = fakeApp({ during: () => cache.invalidate() });
    await serve(cache, writing, visit("/rondes/x"));
    await serve(cache, writing, visit("/rondes/x"));
    expect(writing.renders).toHaveLength(2);
  });

  it("renders again after a post (invalidate), a commit by another connection, or a few seconds", async () => {
    let version = 1;
    let clock = 1_000_000;
    const cache = createPageCache({ dataVersion: () => version, now: () => clock, ttlMs: 5_000 });
    const app = fakeApp();
    const status = async () => (await serve(cache, app, visit("/rondes")))!.cache;
    expect([await status(), await status()]).toEqual(["miss", "hit"]);
    cache.invalidate();
    expect([await status(), await status()]).toEqual(["miss", "hit"]);
    version = 2;
    expect([await status(), await status()]).toEqual(["miss", "hit"]);
    clock += 5_001;
    expect([await status(), await status()]).toEqual(["miss", "hit"]);
  });

  it("renders a page once for the visitors who ask while it renders, each with their own nonce", async () => {
    const cache = createPageCache({ dataVersion: () => 1 });
    let renders = 0;
    let finish: () => void = () => {};
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const visits = Array.from({ length: 5 }, () => visit("/rondes/x"));
    const answers = Promise.all(
      visits.map((v) =>
        cache.serve(v, async () => {
          renders++;
          await slow;
          return new Response(`<meta name="request-id" content="${v.requestId}"/><script nonce="${v.nonce}"></script>`, {
            headers: { "Content-Type": "text/html" },
          });
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    finish();
    const done = await answers;
    expect(renders).toBe(1);
    done.forEach((answer, i) =>
      expect(bodyOf(answer!).toString()).toBe(`<meta name="request-id" content="${visits[i]!.requestId}"/><script nonce="${visits[i]!.nonce}"></script>`),
    );
  });

  it("lets those waiting render their own when the shared render could not be stored", async () => {
    const cache = createPageCache({ dataVersion: () => 1 });
    const app = fakeApp({ setCookie: "wv_flash=; Max-Age=0" });
    const both = await Promise.all([serve(cache, app, visit("/rondes/x")), serve(cache, app, visit("/rondes/x"))]);
    expect(app.renders).toHaveLength(2);
    expect(both.map((a) => a!.cache)).toEqual(["miss", "miss"]);
  });

  it("reads SQLite's data_version by default, which moves when another connection commits", async () => {
    const cache = createPageCache();
    const app = fakeApp();
    await serve(cache, app, visit("/rondes"));
    expect((await serve(cache, app, visit("/rondes")))!.cache).toBe("hit");
  });
});

describe("the idea list's order from the cache (ADR 008: no idea on top for everyone)", () => {
  const seeds = ["seedAAAAaaaa", "seedBBBBbbbb", "seedCCCCcccc"];

  it("gives a first visitor one of the shuffles at random and the cookie to keep it; with that cookie they get the same page", async () => {
    let pick = 0.5;
    const cache = createPageCache({ dataVersion: () => 1, orderSeeds: seeds, random: () => pick });
    const app = fakeApp();
    const first = await serve(cache, app, visit("/rondes/x/ideeen"));
    const seedB = await orderSeedCookie("seedBBBBbbbb");
    expect(app.renders).toEqual([seedB.pair]);
    expect(first!.headers).toContainEqual(["Set-Cookie", seedB.setCookie]);

    const again = await serve(cache, app, visit("/rondes/x/ideeen", seedB.pair));
    expect(again!.cache).toBe("hit");
    expect(again!.headers.some(([name]) => name === "Set-Cookie")).toBe(false);

    pick = 0;
    const other = await serve(cache, app, visit("/rondes/x/ideeen", "wv_lang=en"));
    const seedA = await orderSeedCookie("seedAAAAaaaa");
    expect(other!.cache).toBe("miss");
    expect(app.renders[1]).toBe(`wv_lang=en; ${seedA.pair}`);
    expect(other!.headers).toContainEqual(["Set-Cookie", seedA.setCookie]);
  });

  it("leaves a visitor whose cookie holds another seed to Remix, which renders their own order", async () => {
    const cache = createPageCache({ dataVersion: () => 1, orderSeeds: seeds });
    const own = await orderSeedCookie("myOwnSeed123");
    expect(await serve(cache, fakeApp(), visit("/rondes/x/ideeen", own.pair))).toBeNull();
  });
});

describe("a hit answered before Express (hit: nothing awaited)", () => {
  const seeds = ["seedAAAAaaaa", "seedBBBBbbbb", "seedCCCCcccc"];

  it("answers only what is stored and still fresh, with this answer's own nonce and request id", async () => {
    let version = 1;
    let clock = 1_000_000;
    const cache = createPageCache({ dataVersion: () => version, now: () => clock, ttlMs: 5_000 });
    const app = fakeApp();
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    await serve(cache, app, visit("/rondes/x"));
    const request = visit("/rondes/x");
    const answer = cache.hit(request)!;
    expect(answer.cache).toBe("hit");
    expect(bodyOf(answer).toString()).toContain(`nonce="${request.nonce}"`);
    expect(bodyOf(answer).toString()).toContain(`<meta name="request-id" content="${request.requestId}"/>`);
    expect(cache.hit(visit("/rondes/y"))).toBeNull();
    expect(cache.hit(visit("/rondes/x", undefined, { host: "evil.example" }))).toBeNull();
    expect(cache.hit(visit("/rondes/x", undefined, { protocol: "https" }))).toBeNull();
    expect(cache.hit(visit("/rondes/x", "wv_lang=en"))).toBeNull();
    expect(cache.hit(visit("/rondes/x", undefined, { method: "HEAD" }))).toBeNull();
    version = 2;
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    await serve(cache, app, visit("/rondes/x"));
    expect(cache.hit(visit("/rondes/x"))).not.toBeNull();
    cache.invalidate();
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    await serve(cache, app, visit("/rondes/x"));
    clock += 5_001;
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
  });

  it("never answers a request with a cookie that makes a visitor someone", async () => {
    const cache = createPageCache({ dataVersion: () => 1 });
    const app = fakeApp();
    await serve(cache, app, visit("/rondes/x"));
    for (const cookie of ["wv_session=resident-anna", "wv_lang=nl; wv_flash=signed", "wv_test_now=1", "unknown=1"]) {
      expect(cache.hit(visit("/rondes/x", cookie)), cookie).toBeNull();
    }
    expect(cache.hit(visit("/rondes/x"))).not.toBeNull();
  });

  it("gives the idea list by the order cookie as this process writes it, and a newcomer one of the shuffles with its cookie", async () => {
    let pick = 0.5;
    const cache = createPageCache({ dataVersion: () => 1, orderSeeds: seeds, random: () => pick });
    const app = fakeApp();
    const seedB = await orderSeedCookie("seedBBBBbbbb");
    const seedA = await orderSeedCookie("seedAAAAaaaa");
    // Nothing stored yet, and the seeds' cookies not made: only `serve` can answer.
    expect(cache.hit(visit("/rondes/x/ideeen", seedB.pair))).toBeNull();
    await serve(cache, app, visit("/rondes/x/ideeen", seedB.pair));

    const held = cache.hit(visit("/rondes/x/ideeen", seedB.pair))!;
    expect(bodyOf(held).toString()).toContain(`[${seedB.pair}]`);
    expect(held.headers.some(([name]) => name === "Set-Cookie")).toBe(false);
    const newcomer = cache.hit(visit("/rondes/x/ideeen"))!;
    expect(bodyOf(newcomer).toString()).toContain(`[${seedB.pair}]`);
    expect(newcomer.headers).toContainEqual(["Set-Cookie", seedB.setCookie]);
    // Another seed's page is not stored: not answered here, and never with B's page.
    expect(cache.hit(visit("/rondes/x/ideeen", seedA.pair))).toBeNull();
    pick = 0;
    expect(cache.hit(visit("/rondes/x/ideeen"))).toBeNull();
    // A seed this cache did not make, or the cookie in another spelling: left to `serve`, which reads it.
    expect(cache.hit(visit("/rondes/x/ideeen", (await orderSeedCookie("myOwnSeed123")).pair))).toBeNull();
    expect(cache.hit(visit("/rondes/x/ideeen", `${seedB.pair}%20`))).toBeNull();
    expect(app.renders).toEqual([seedB.pair]);
  });
});

describe("the page with its per-response parts taken out", () => {
  it("puts back every nonce and the request id, and nothing else changes", () => {
    const html = `<meta name="request-id" content="ab12"/><script nonce="N0nceN0nceN0nce16chars">x</script><link nonce="N0nceN0nceN0nce16chars"/>ab12`;
    const template = toTemplate(html, "N0nceN0nceN0nce16chars", "ab12")!;
    expect(fromTemplate(template, "N0nceN0nceN0nce16chars", "ab12")).toBe(html);
    expect(fromTemplate(template, "OtherOtherOtherOther12", "zz99")).toBe(
      `<meta name="request-id" content="zz99"/><script nonce="OtherOtherOtherOther12">x</script><link nonce="OtherOtherOtherOther12"/>ab12`,
    );
  });
});

describe("an answer from the cache as parts (no copy of the page per answer)", () => {
  it("is the stored page with this answer's parts in their places, and its length is the bytes of all its parts", async () => {
    const cache = createPageCache({ dataVersion: () => 1 });
    const render = (request: PageRequest) => async () =>
      new Response(
        // Letters of more than one byte, two nonces and the request id: the length must count bytes, not characters.
        `<p>Wijkvonk – één ronde, €&nbsp;5.000</p><meta name="request-id" content="${request.requestId}"/><script nonce="${request.nonce}"></script><link nonce="${request.nonce}"/>`,
        { headers: { "Content-Type": "text/html; charset=utf-8" } },
      );
    const first = visit("/rondes/x");
    const miss = (await cache.serve(first, render(first)))!;
    expect(miss.length).toBe(bodyOf(miss).length);
    const request = visit("/rondes/x", undefined, { requestId: "proxy-id.42" });
    const answer = cache.hit(request)!;
    expect(answer.cache).toBe("hit");
    expect(answer.chunks.length).toBeGreaterThan(1);
    expect(bodyOf(answer).toString()).toBe(
      `<p>Wijkvonk – één ronde, €&nbsp;5.000</p><meta name="request-id" content="proxy-id.42"/><script nonce="${request.nonce}"></script><link nonce="${request.nonce}"/>`,
    );
    expect(answer.length).toBe(bodyOf(answer).length);
  });
});

describe("how much the page cache holds", () => {
  it("never more bytes than its bound, all pages together: the oldest go first, and a page larger than the bound is not kept", async () => {
    const cache = createPageCache({ dataVersion: () => 1, maxBytes: 1_000 });
    const page = (size: number) => (request: PageRequest) => async () =>
      new Response(`<script nonce="${request.nonce}"></script>${"x".repeat(size)}`, { headers: { "Content-Type": "text/html" } });
    const store = async (url: string, size: number) => {
      const request = visit(url);
      await cache.serve(request, page(size)(request));
    };
    for (let i = 0; i < 10; i++) {
      await store(`/rondes?page=${i}`, 300);
      expect(cache.stats().bytes).toBeLessThanOrEqual(1_000);
    }
    // Three of about 320 bytes fit: the last three asked.
    expect(cache.stats().entries).toBe(3);
    expect(cache.hit(visit("/rondes?page=9"))).not.toBeNull();
    expect(cache.hit(visit("/rondes?page=6"))).toBeNull();
    // Stored again under the same key, a page is counted once.
    await store("/rondes?page=9", 300);
    await store("/rondes?page=9", 300);
    expect(cache.stats().entries).toBe(3);
    await store("/rondes?page=big", 2_000);
    expect(cache.hit(visit("/rondes?page=big"))).toBeNull();
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_000);
    cache.invalidate();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});

describe("a page that ran out", () => {
  it("is rendered anew by the first to ask while the others still get the stored page, for at most another TTL", async () => {
    let clock = 1_000_000;
    const cache = createPageCache({ dataVersion: () => 1, now: () => clock, ttlMs: 5_000 });
    const app = fakeApp();
    await serve(cache, app, visit("/rondes/x"));
    clock += 5_001;
    // The first goes on to Remix (null here); the next ones get the stored page meanwhile.
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    expect(bodyOf(cache.hit(visit("/rondes/x"))!).toString()).toContain("render 1 ");
    expect(cache.hit(visit("/rondes/x"))!.cache).toBe("hit");
    // The first one's render takes the stored page's place.
    expect((await serve(cache, app, visit("/rondes/x")))!.cache).toBe("miss");
    expect(bodyOf(cache.hit(visit("/rondes/x"))!).toString()).toContain("render 2 ");
    expect(app.renders).toHaveLength(2);
    // Never longer than another TTL after it ran out, even when nobody rendered it anew.
    clock += 5_001;
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    expect(cache.hit(visit("/rondes/x"))).not.toBeNull();
    clock += 5_000;
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
  });

  it("is never answered after a write, not even while it is rendered anew", async () => {
    let version = 1;
    let clock = 1_000_000;
    const cache = createPageCache({ dataVersion: () => version, now: () => clock, ttlMs: 5_000 });
    const app = fakeApp();
    await serve(cache, app, visit("/rondes/x"));
    clock += 5_001;
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    cache.invalidate();
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    expect(cache.hit(visit("/rondes/x"))).toBeNull();
    await serve(cache, app, visit("/rondes/y"));
    clock += 5_001;
    expect(cache.hit(visit("/rondes/y"))).toBeNull();
    version = 2;
    expect(cache.hit(visit("/rondes/y"))).toBeNull();
    expect(cache.hit(visit("/rondes/y"))).toBeNull();
  });
});
