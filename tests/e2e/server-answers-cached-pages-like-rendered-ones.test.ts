import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startApp, stop, type App } from "../../bench/support/server";

// Issue 19: server.mjs answers a page the cache holds for an anonymous visitor before Express
// (docs/decisions/023-page-cache.md). Everything Express would have added must be there all the same:
// the security headers, a nonce of the answer's own in the CSP and in the page, the request id (the
// proxy's when it looks like one), HSTS only over HTTPS as a trusted proxy says, and the log line.
// Against the built server, without a browser; the journeys in
// visitor-never-gets-someone-elses-cached-page.test.ts hold whose page it is.

test.describe.configure({ mode: "serial" });

let dir = "";
let app: App | null = null;

async function start(env: Record<string, string> = {}) {
  app = await startApp({ databasePath: path.join(dir, "app.sqlite"), seedDemo: true, env });
  return app;
}

/** What the server wrote on stdout so far (its request log, in a file: bench/support/server.ts). */
const logOf = (started: App) => readFileSync(started.logFile, "utf8");

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-cache-headers-"));
});

test.afterEach(async () => {
  if (app) await stop(app.child);
  app = null;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Answer = { status: number; headers: Record<string, string>; body: string };

async function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${app!.origin}${pathname}`, { headers: { Accept: "text/html", ...headers }, redirect: "manual" });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

/** Asked until the cache answers (the first ask renders and stores the page). */
async function hit(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  for (let i = 0; i < 20; i++) {
    const answer = await get(pathname, headers);
    if (answer.headers["x-page-cache"] === "hit") return answer;
  }
  throw new Error(`${pathname} never came from the cache`);
}

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(answer.headers["content-security-policy"] ?? "")?.[1];
/** The headers that differ per answer by design, left out of a comparison. */
const perAnswer = new Set(["date", "x-request-id", "x-page-cache", "content-length", "transfer-encoding"]);
const shared = (answer: Answer) =>
  Object.fromEntries(
    Object.entries(answer.headers)
      .filter(([name]) => !perAnswer.has(name))
      .map(([name, value]) => [name, name === "content-security-policy" ? value.replace(nonceOf(answer)!, "NONCE") : value]),
  );

test("a page from the cache carries the headers of a rendered one, with its own nonce and request id", async () => {
  await start();
  const miss = await get("/rondes");
  expect(miss.headers["x-page-cache"]).toBe("miss");
  const cached = await hit("/rondes");
  // A cookie the cache does not know: Remix renders the page the normal way, through Express.
  const rendered = await get("/rondes", { Cookie: "not_ours=1" });
  expect(rendered.headers["x-page-cache"]).toBeUndefined();

  expect(shared(cached)).toEqual(shared(rendered));
  expect(shared(cached)).toEqual(shared(miss));
  expect(cached.headers["x-frame-options"]).toBe("DENY");
  expect(cached.headers["strict-transport-security"]).toBeUndefined();
  expect(Number(cached.headers["content-length"])).toBe(Buffer.byteLength(cached.body));
  expect(cached.body).toBe(miss.body.replaceAll(nonceOf(miss)!, nonceOf(cached)!).replace(miss.headers["x-request-id"]!, cached.headers["x-request-id"]!));

  const nonces = new Set<string>();
  for (const answer of [miss, cached, rendered, await hit("/rondes"), await hit("/rondes")]) {
    const nonce = nonceOf(answer)!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(answer.body).toContain(`nonce="${nonce}"`);
    expect(answer.body).toContain(`<meta name="request-id" content="${answer.headers["x-request-id"]}"/>`);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(5);
});

test("a page from the cache keeps the proxy's request id when it looks like one, and is logged without its query", async () => {
  await start();
  await hit("/rondes?token=geheim123");
  const kept = await hit("/rondes?token=geheim123", { "X-Request-Id": "proxy-7.Ab_c" });
  expect(kept.headers["x-request-id"]).toBe("proxy-7.Ab_c");
  expect(kept.body).toContain('<meta name="request-id" content="proxy-7.Ab_c"/>');
  const replaced = await hit("/rondes?token=geheim123", { "X-Request-Id": "<script>" });
  expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f]{8}$/);
  expect(replaced.body).not.toContain("<script>");

  // One JSON line per answer (written in batches, at least every half second).
  await expect
    .poll(
      () =>
        logOf(app!)
          .split("\n")
          .filter((line) => line.includes('"reqId":"proxy-7.Ab_c"') || line.includes(`"reqId":"${replaced.headers["x-request-id"]}"`)),
      {
        timeout: 5_000,
      },
    )
    .toHaveLength(2);
  const log = logOf(app!);
  const line = JSON.parse(log.split("\n").find((l) => l.includes('"reqId":"proxy-7.Ab_c"'))!) as Record<string, unknown>;
  expect(line).toMatchObject({ msg: "request", method: "GET", path: "/rondes", status: 200 });
  expect(log).not.toContain("geheim123");
});

test("behind a trusted proxy a page from the cache says HTTPS is the way (HSTS), and an HTTP visitor does not get the HTTPS page", async () => {
  await start({ TRUST_PROXY: "1" });
  const overHttps = await hit("/", { "X-Forwarded-Proto": "https" });
  expect(overHttps.headers["strict-transport-security"]).toContain("max-age=");
  // Another scheme is another page in the cache: the first plain HTTP visit is rendered, not taken from the HTTPS one.
  const overHttp = await get("/");
  expect(overHttp.headers["x-page-cache"]).toBe("miss");
  expect(overHttp.headers["strict-transport-security"]).toBeUndefined();
  expect((await hit("/")).headers["strict-transport-security"]).toBeUndefined();
  await stop(app!.child);

  // Without TRUST_PROXY nobody's X-Forwarded-Proto is believed.
  await start();
  expect((await hit("/", { "X-Forwarded-Proto": "https" })).headers["strict-transport-security"]).toBeUndefined();
});

test("what the cache does not answer still goes the normal way: a HEAD, a form post, a page with a session", async () => {
  await start();
  await hit("/rondes");
  const head = await fetch(`${app!.origin}/rondes`, { method: "HEAD" });
  expect(head.status).toBe(200);
  expect(head.headers.get("x-page-cache")).toBeNull();
  expect(head.headers.get("content-security-policy")).toContain("'nonce-");
  // A cross-site post is still refused by the CSRF check behind the cache.
  const post = await fetch(`${app!.origin}/rondes`, { method: "POST", headers: { Origin: "https://elders.example" }, body: "x=1" });
  expect(post.status).toBe(403);
  const withSession = await get("/rondes", { Cookie: "wv_session=nobody" });
  expect(withSession.headers["x-page-cache"]).toBeUndefined();
});

test("the server starts without the photo and password libraries: they are loaded at the first photo or password", async () => {
  // Issue 19: sharp with libvips and argon2 are 35 MB of resident memory that the public pages and the
  // vote never need. Without the demo (whose pictures and accounts use both), nothing loads them at start.
  app = await startApp({ databasePath: path.join(dir, "bare.sqlite") });
  expect((await get("/rondes")).status).toBe(200);
  const loaded = readFileSync(`/proc/${app.pid}/maps`, "utf8");
  expect(loaded).toContain("better_sqlite3.node");
  expect(loaded).not.toMatch(/libvips|sharp-[^/\s]*\.node|argon2[^/\s]*\.node/);
});
