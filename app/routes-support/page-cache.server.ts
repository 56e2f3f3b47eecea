import { randomBytes } from "node:crypto";
import { mayReadDevMailboxFrom } from "~/lib/dev-mailbox.server";
import { localeCookieName } from "~/lib/i18n/core";
import { orderSeedCookie, orderSeedIn } from "~/routes-support/idea-cookies.server";
import { changeVersionForPages } from "~db/change-version.server";
import { getDb } from "~db/client.server";

// The rendered HTML of the public pages, kept for a few seconds for visitors who are not logged in
// (issue 19; docs/decisions/023-page-cache.md). A page costs milliseconds of CPU to render and the same
// bytes for every anonymous visitor; when a letter sends a city to the vote in one hour, the pages are
// the limit. server.mjs asks this cache before the rest of its middleware and Remix.
//
// Whose page is it? Only a request whose cookies are all on the list below is anonymous: no session,
// no flash message, no draft, no letter code, no test clock. Any other cookie (even one we do not know)
// goes the normal way, is never answered from the cache and never stored in it. What else makes two
// anonymous pages differ is in the key: scheme and host, the language, whether the dev mailbox link
// shows, the path with its query, and for the idea list the visitor's order.
//
// What differs per response is put in per response: the CSP nonce and the request id (the page is
// stored with placeholders) and, for the idea list, the order cookie.
//
// When is it stale? Every form post except a vote, every scheduled job run and every change by someone
// else (db/change-version.server.ts: on SQLite another connection's commit, such as the command line's;
// on PostgreSQL another server's write, announced by the database) empties it; otherwise an entry
// lives TTL_MS. A vote does not: the turnout on the contest page may be a few seconds behind, which
// keeps the cache useful during the vote's busiest hour, when it is needed most.

const TTL_MS = 5_000;
const MAX_ENTRIES = 500;
/**
 * The pages' bytes the cache holds at most, all entries together: 500 entries of a 100 kB idea list
 * (a query string makes another entry) would be 50 MB, a quarter of the server's memory budget
 * (issue 19: under 200 MB). The oldest entries go first.
 */
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_BODY_CHARS = 1_000_000;
const MAX_SEARCH_CHARS = 200;
/** How many shuffles of the idea list the cache holds (see ideaOrderSeeds). */
export const ORDER_VARIANTS = 16;

/** Cookies that leave a request anonymous. The order cookie matters to the idea list only. */
const anonymousCookies = new Set([localeCookieName, "wv_order"]);

const slug = "[a-z0-9][a-z0-9-]{0,99}";
const pages: { kind: "page" | "ideas"; path: RegExp }[] = [
  { kind: "page", path: /^\/$/ },
  { kind: "page", path: /^\/rondes$/ },
  { kind: "page", path: new RegExp(`^/rondes/${slug}$`) },
  { kind: "ideas", path: new RegExp(`^/rondes/${slug}/ideeen$`) },
  { kind: "page", path: new RegExp(`^/rondes/${slug}/uitslag$`) },
];

/** Which cacheable page a path is, if any. Trailing slashes, `.data` requests and the rest are not. */
export function cacheablePage(pathname: string): "page" | "ideas" | null {
  for (const page of pages) if (page.path.test(pathname)) return page.kind;
  return null;
}

/** The request's cookies when every one is on the anonymous list; null when any is not (or the header is malformed). */
export function anonymousCookiesOf(cookieHeader: string | undefined): Map<string, string> | null {
  const cookies = new Map<string, string>();
  if (!cookieHeader) return cookies;
  for (const part of cookieHeader.split(";")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    if (eq <= 0) return null;
    const name = trimmed.slice(0, eq).trim();
    if (!anonymousCookies.has(name) || cookies.has(name)) return null;
    cookies.set(name, trimmed.slice(eq + 1).trim());
  }
  return cookies;
}

/** What server.mjs knows of a GET before any Request object is made. */
export type PageRequest = {
  method: string;
  protocol: string;
  host: string | undefined;
  /** Path and query, as the client sent them. */
  url: string;
  cookie: string | undefined;
  peerAddress: string | undefined;
  forwarded: boolean;
  nonce: string;
  requestId: string;
};

export type PageAnswer = {
  cache: "hit" | "miss";
  status: number;
  headers: [string, string][];
  /**
   * The page as parts to be written one after the other, `length` bytes in all: the stored pieces as
   * they are and this answer's nonce and request id between them. Not glued into one buffer: copying a
   * 100 kB page per answer, and the garbage of it, cost more than the rest of an answer (issue 19).
   */
  chunks: (Buffer | string)[];
  length: number;
};

/** The whole page of an answer in one buffer (for tests and for whoever cannot write parts). */
export function bodyOf(answer: PageAnswer): Buffer {
  return Buffer.concat(answer.chunks.map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk) : chunk)));
}

/** Renders the page the normal way (Remix), with this Cookie header instead of the visitor's. */
export type Render = (cookie: string | undefined) => Promise<Response>;

type Template = {
  /** The page split at each per-response part; `slots[i]` goes between `pieces[i]` and `pieces[i + 1]`. */
  pieces: string[];
  slots: ("nonce" | "requestId")[];
};

type Entry = {
  /** The pieces as bytes, encoded once: a hit writes them as they are. */
  pieces: Buffer[];
  slots: ("nonce" | "requestId")[];
  /** The pieces' bytes in all, and how many nonces and request ids go between them. */
  piecesLength: number;
  nonces: number;
  requestIds: number;
  headers: [string, string][];
  status: number;
  expires: number;
  generation: string;
};

type Plan = { key: string; cookie: string | undefined; setCookie: string | null };

export type PageCacheOptions = {
  ttlMs?: number;
  /** The bytes of all stored pages together, at most (MAX_BYTES). */
  maxBytes?: number;
  now?: () => number;
  /**
   * Changes whenever the database changed in a way this process's posts and jobs do not announce
   * (db/change-version.server.ts): on SQLite another connection's commit, on PostgreSQL another
   * server's write (a notice). The default reads the process's database.
   */
  dataVersion?: () => number;
  /** The idea list's order seeds; random per process unless a test gives them. */
  orderSeeds?: string[];
  random?: () => number;
};

function requestIdMeta(requestId: string): string {
  // As React renders root.tsx's <meta>; the id is [A-Za-z0-9._-] (server.mjs), so nothing to escape.
  return `<meta name="request-id" content="${requestId}"/>`;
}

function splitAt(text: string, marker: string): string[] {
  return marker === "" ? [text] : text.split(marker);
}

/** The page with the per-response parts taken out, or null when it cannot be stored safely. */
export function toTemplate(html: string, nonce: string, requestId: string): Template | null {
  // A nonce is 16 random bytes: it occurs nowhere else. Without one in the page there is nothing to replace.
  if (nonce.length < 16) return null;
  const pieces: string[] = [];
  const slots: Template["slots"] = [];
  const meta = requestIdMeta(requestId);
  const byNonce = splitAt(html, nonce);
  byNonce.forEach((chunk, i) => {
    const byMeta = splitAt(chunk, meta);
    byMeta.forEach((piece, j) => {
      pieces.push(piece);
      if (j < byMeta.length - 1) slots.push("requestId");
    });
    if (i < byNonce.length - 1) slots.push("nonce");
  });
  // Pieces and slots interleave: glue pieces that have no slot between them (never happens, but cheap to keep true).
  if (pieces.length !== slots.length + 1) return null;
  return { pieces, slots };
}

export function fromTemplate(template: Template, nonce: string, requestId: string): string {
  let html = template.pieces[0]!;
  for (let i = 0; i < template.slots.length; i++) html += (template.slots[i] === "nonce" ? nonce : requestIdMeta(requestId)) + template.pieces[i + 1]!;
  return html;
}

/** The nonce and the request id are ASCII (base64 and [A-Za-z0-9._-]): their length in characters is their length in bytes. */
function chunksOf(entry: Entry, nonce: string, requestId: string): { chunks: (Buffer | string)[]; length: number } {
  const meta = entry.requestIds > 0 ? requestIdMeta(requestId) : "";
  const chunks: (Buffer | string)[] = [entry.pieces[0]!];
  for (let i = 0; i < entry.slots.length; i++) chunks.push(entry.slots[i] === "nonce" ? nonce : meta, entry.pieces[i + 1]!);
  return { chunks, length: entry.piecesLength + entry.nonces * Buffer.byteLength(nonce) + entry.requestIds * Buffer.byteLength(meta) };
}

export function createPageCache(options: PageCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? TTL_MS;
  const now = options.now ?? Date.now;
  const dataVersion = options.dataVersion ?? (() => changeVersionForPages(getDb()));
  const random = options.random ?? Math.random;
  // Fairness of the idea list (ADR 008: no idea on top for everyone): a first visitor gets one of
  // ORDER_VARIANTS shuffles at random and keeps it in the order cookie, so their order stays put.
  // A visitor whose cookie holds another seed (an older one) gets their own order, rendered.
  const orderSeeds = options.orderSeeds ?? Array.from({ length: ORDER_VARIANTS }, () => randomBytes(12).toString("base64url"));
  const orderCookies = new Map<string, { setCookie: string; pair: string }>();
  const entries = new Map<string, Entry>();
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  let bytes = 0;
  function drop(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.piecesLength;
    entries.delete(key);
  }
  const rendering = new Map<string, { generation: string; done: Promise<Entry | null> }>();
  /** Pages run out whose new render one request has gone to make (see `hit`). */
  const refreshing = new Set<string>();
  let local = 0;
  let stats = { hits: 0, misses: 0, bypasses: 0 };

  function generation(): string {
    return `${local}:${dataVersion()}`;
  }

  // The seeds' cookies, as Set-Cookie and as the value a browser sends back: made once (Remix's cookie
  // serialiser is async), so that a hit needs no await.
  const seedOfValue = new Map<string, string>();
  let cookiesMade: Promise<void> | null = null;
  async function cookieFor(seed: string) {
    let cookie = orderCookies.get(seed);
    if (!cookie) {
      cookie = await orderSeedCookie(seed);
      orderCookies.set(seed, cookie);
      seedOfValue.set(cookie.pair.slice(cookie.pair.indexOf("=") + 1), seed);
    }
    return cookie;
  }

  /** What every plan starts from: the page, the visitor's cookies and the key without the order. */
  function start(request: PageRequest): { kind: "page" | "ideas"; base: string; cookies: Map<string, string> } | null {
    if (request.method !== "GET" || !request.host) return null;
    const q = request.url.indexOf("?");
    const pathname = q === -1 ? request.url : request.url.slice(0, q);
    const search = q === -1 ? "" : request.url.slice(q);
    if (search.length > MAX_SEARCH_CHARS) return null;
    const kind = cacheablePage(pathname);
    if (!kind) return null;
    const cookies = anonymousCookiesOf(request.cookie);
    if (!cookies) return null;
    // As localeFromRequest reads it (root.tsx and every loader): anything but a known language is Dutch.
    const lang = cookies.get(localeCookieName) === "en" ? "en" : "nl";
    const mailbox = mayReadDevMailboxFrom(request.peerAddress, request.forwarded) ? "mailbox" : "-";
    return { kind, base: `${request.protocol}://${request.host} ${lang} ${mailbox} ${pathname}${search}`, cookies };
  }

  function orderPlan(base: string, cookies: Map<string, string>, seed: string, setCookie: string | null): Plan {
    // The render sees the seed as if the visitor held it, so Remix sets no cookie of its own.
    const pair = orderCookies.get(seed)!.pair;
    const others = [...cookies].filter(([name]) => name !== "wv_order").map(([name, value]) => `${name}=${value}`);
    return { key: `${base} order=${seed}`, cookie: [...others, pair].join("; "), setCookie };
  }

  /**
   * The plan without waiting for anything, for a hit; "later" when only `plan` can tell (an order
   * cookie not in the form this process writes, or the seeds' cookies not made yet).
   */
  function planNow(request: PageRequest): Plan | null | "later" {
    const started = start(request);
    if (!started) return null;
    const { kind, base, cookies } = started;
    if (kind === "page") return { key: base, cookie: request.cookie, setCookie: null };
    const value = cookies.get("wv_order");
    if (value !== undefined) {
      const seed = seedOfValue.get(value);
      return seed === undefined ? "later" : orderPlan(base, cookies, seed, null);
    }
    const seed = orderSeeds[Math.floor(random() * orderSeeds.length)]!;
    const cookie = orderCookies.get(seed);
    return cookie ? orderPlan(base, cookies, seed, cookie.setCookie) : "later";
  }

  /** The key and the cookies to render with, or null when this request must go the normal way. */
  async function plan(request: PageRequest): Promise<Plan | null> {
    cookiesMade ??= Promise.all(orderSeeds.map(cookieFor)).then(() => undefined);
    await cookiesMade;
    const started = start(request);
    if (!started) return null;
    const { kind, base, cookies } = started;
    if (kind === "page") return { key: base, cookie: request.cookie, setCookie: null };

    const held = cookies.has("wv_order") ? await orderSeedIn(`wv_order=${cookies.get("wv_order")}`) : null;
    if (held !== null) return orderSeeds.includes(held) ? orderPlan(base, cookies, held, null) : null;
    const seed = orderSeeds[Math.floor(random() * orderSeeds.length)]!;
    return orderPlan(base, cookies, seed, orderCookies.get(seed)!.setCookie);
  }

  function answer(entry: Entry, request: PageRequest, cache: PageAnswer["cache"], setCookie: string | null): PageAnswer {
    const headers = setCookie ? [...entry.headers, ["Set-Cookie", setCookie] as [string, string]] : entry.headers;
    return { cache, status: entry.status, headers, ...chunksOf(entry, request.nonce, request.requestId) };
  }

  /** Renders the page for this visitor, and stores it when it may be shared (then `settle` hands it to those waiting). */
  async function renderAndStore(
    planned: Plan,
    request: PageRequest,
    render: Render,
    started: string,
    settle: (entry: Entry | null) => void,
  ): Promise<PageAnswer> {
    const response = await render(planned.cookie);
    const body = await response.text();
    const headers: [string, string][] = [];
    for (const [name, value] of response.headers) if (name !== "set-cookie") headers.push([name, value]);
    const storable =
      response.status === 200 &&
      response.headers.getSetCookie().length === 0 &&
      (response.headers.get("Content-Type") ?? "").startsWith("text/html") &&
      body.length <= MAX_BODY_CHARS &&
      // Something was written while it rendered: the page may be older than that, so it is not kept.
      generation() === started;
    const template = storable ? toTemplate(body, request.nonce, request.requestId) : null;
    if (template) {
      const pieces = template.pieces.map((piece) => Buffer.from(piece));
      const size = pieces.reduce((n, piece) => n + piece.length, 0);
      // The oldest go first, until this one fits among at most MAX_ENTRIES and maxBytes.
      drop(planned.key);
      while (entries.size > 0 && (entries.size >= MAX_ENTRIES || bytes + size > maxBytes)) drop(entries.keys().next().value!);
      const entry: Entry = {
        pieces,
        slots: template.slots,
        piecesLength: size,
        nonces: template.slots.filter((slot) => slot === "nonce").length,
        requestIds: template.slots.filter((slot) => slot === "requestId").length,
        headers,
        status: response.status,
        expires: now() + ttlMs,
        generation: started,
      };
      if (size <= maxBytes) {
        entries.set(planned.key, entry);
        bytes += size;
      }
      settle(entry);
    }
    // The answer to this visitor is what Remix rendered for them, plus the order cookie they did not have
    // yet; in a list of its own, as the stored headers are shared by every later visitor.
    const cookies = response.headers.getSetCookie();
    if (planned.setCookie && cookies.length === 0) cookies.push(planned.setCookie);
    const rendered = Buffer.from(body);
    return {
      cache: "miss",
      status: response.status,
      headers: [...headers, ...cookies.map((c): [string, string] => ["Set-Cookie", c])],
      chunks: [rendered],
      length: rendered.length,
    };
  }

  async function renderOrWait(planned: Plan, request: PageRequest, render: Render, started: string): Promise<PageAnswer> {
    // When an entry runs out under load, the visitors asking meanwhile wait for one render instead
    // of each rendering the same page (50 renders at once made the p99 seconds).
    const pending = rendering.get(planned.key);
    if (pending && pending.generation === started) {
      const shared = await pending.done;
      if (shared && shared.generation === generation()) {
        stats.hits++;
        return answer(shared, request, "hit", planned.setCookie);
      }
    }
    stats.misses++;
    let settle: (entry: Entry | null) => void = () => {};
    const done = new Promise<Entry | null>((resolve) => (settle = resolve));
    rendering.set(planned.key, { generation: started, done });
    try {
      return await renderAndStore(planned, request, render, started, settle);
    } finally {
      settle(null);
      if (rendering.get(planned.key)?.done === done) rendering.delete(planned.key);
    }
  }

  return {
    /**
     * The stored page for this request, without waiting for anything: server.mjs answers it before
     * Express. Null when there is none to answer now (then `serve` decides, the normal way).
     */
    hit(request: PageRequest): PageAnswer | null {
      const planned = planNow(request);
      if (planned === null || planned === "later") return null;
      const found = entries.get(planned.key);
      if (!found || found.generation !== generation()) return null;
      const at = now();
      if (found.expires <= at) {
        // Run out: the first to ask goes on to Remix and renders it anew; the others meanwhile get the
        // stored page, for at most another TTL. Otherwise every 5 s all visitors of a busy page would
        // wait for that one render (the bench's p99 and pages per second showed it).
        if (found.expires + ttlMs <= at) return null;
        if (!refreshing.has(planned.key)) {
          refreshing.add(planned.key);
          return null;
        }
      }
      stats.hits++;
      return answer(found, request, "hit", planned.setCookie);
    },
    /** The page from the cache, or rendered and stored; null when the request is not for the cache (then do as before). */
    async serve(request: PageRequest, render: Render): Promise<PageAnswer | null> {
      const planned = await plan(request);
      if (!planned) {
        stats.bypasses++;
        return null;
      }
      const started = generation();
      const found = entries.get(planned.key);
      if (found && found.generation === started && found.expires > now()) {
        stats.hits++;
        return answer(found, request, "hit", planned.setCookie);
      }
      // A page from before a write is never answered again. One that only ran out stays for `hit` to
      // answer while this request renders it anew (the new one takes its place).
      if (found && found.generation !== started) drop(planned.key);
      try {
        return await renderOrWait(planned, request, render, started);
      } finally {
        refreshing.delete(planned.key);
      }
    },
    /** After a form post, a scheduled job or anything else that may have changed what the pages show. */
    invalidate(): void {
      local++;
      entries.clear();
      refreshing.clear();
      bytes = 0;
    },
    stats(): { hits: number; misses: number; bypasses: number; entries: number; bytes: number } {
      return { ...stats, entries: entries.size, bytes };
    },
    resetStats(): void {
      stats = { hits: 0, misses: 0, bypasses: 0 };
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

/** The server's one cache (server.mjs). */
export const pageCache = createPageCache();
