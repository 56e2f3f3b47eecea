// The production server: Express around the Remix build, for what remix-serve cannot do
// (see docs/decisions/002-express-server.md): run migrations and the demo seed before the
// first request, refuse cross-site form posts, set security headers, hand each request an id
// and the client's IP address, log each request as one JSON line, answer /healthz, and stop
// gracefully (docs/operations.md).
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createFetchHandler } from "@remix-run/node";
import express from "express";

// V8 lets its old generation grow to four times what was alive after a full collection before it
// collects again, when the machine has memory to spare: the pages keep about 35 MB alive, but under
// load the heap grew to 150-190 MB of garbage and the process to 270-330 MB (issue 19). At 1.6 times
// a full collection comes every second or two under load, each marking those 35 MB (a percent or two
// of the CPU), and the process stays under 200 MB. V8 reads this setting at every collection, so it
// can be set here rather than on every command line that starts the server.
v8.setFlagsFromString("--heap-growing-percent=60");

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/server/index.js"));

const { log, checkHealth, closeDb, backgroundMailSent, pageCache, mapImageOrigin, rememberingMatchRoutes, createRenderGate, giveUpJobLeases } =
  build.entry.module;

// Pages are rendered a few at a time, in the order asked, the rest wait their turn: 50 renders
// interleaved hold 50 pages' data at once and fill the old generation with garbage (issue 19;
// app/lib/render-gate.server.ts). A request holding a place for half a second (one waiting on another server, say) gives it up.
const renderGate = createRenderGate(4, 500);

// Remix and React Router match a page's path about six times per request, each time from scratch;
// the answer per path is kept instead (issue 19; app/lib/route-matching.server.ts). They look
// matchRoutes up on this module when they call it.
const remixRouter = createRequire(import.meta.url)("@remix-run/router");
remixRouter.matchRoutes = rememberingMatchRoutes(remixRouter.matchRoutes);

const seedDemo = process.env.SEED_DEMO === "1" || process.env.SEED_DEMO === "true";
const { demoLogins, trustProxy } = await build.entry.module.startup({ seedDemo });
let stopping = false;
// Map tiles come from the one configured tile host (MAP_TILES, MAP_TILE_URL), and from nowhere else.
const tileHost = mapImageOrigin();

const app = express();
app.disable("x-powered-by");
// A hop count or the proxies' addresses, checked at start (app/lib/env.server.ts); never `true`.
if (trustProxy) app.set("trust proxy", trustProxy);

const proxyRequestId = /^[A-Za-z0-9._-]{1,64}$/;

// A request id from the reverse proxy is kept when it looks like one, so both logs share it.
function requestIdOf(incoming) {
  return typeof incoming === "string" && proxyRequestId.test(incoming) ? incoming : randomUUID().slice(0, 8);
}

// Each response's CSP nonce: 16 random bytes, cut from a pool filled 4 KB at a time (one call into
// the random source per 256 responses instead of one each; every byte is used once).
const noncePoolBytes = 16 * 256;
let noncePool = randomBytes(noncePoolBytes);
let nonceAt = 0;
function newNonce() {
  if (nonceAt === noncePoolBytes) {
    noncePool = randomBytes(noncePoolBytes);
    nonceAt = 0;
  }
  nonceAt += 16;
  return noncePool.toString("base64", nonceAt - 16, nonceAt);
}

const sameForEveryResponse = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};
const hsts = "max-age=31536000; includeSubDomains";

// The policy is the same for every response but for the nonce: the text around it is made once.
const [cspBeforeNonce, cspAfterNonce] = [
  "default-src 'self'",
  "script-src 'self' 'nonce-\u0000'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob:${tileHost ? ` ${tileHost}` : ""}`,
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
]
  .join("; ")
  .split("\u0000");

/** Every response's security headers and id. Scripts run only from our own files or with this response's nonce: an injected <script> does not. */
function responseHeaders(nonce, requestId, secure) {
  const headers = { "Content-Security-Policy": cspBeforeNonce + nonce + cspAfterNonce, "X-Request-Id": requestId, ...sameForEveryResponse };
  if (secure) headers["Strict-Transport-Security"] = hsts;
  return headers;
}

/** The same headers as one flat list [name, value, name, value, ...], as writeHead takes them without merging (the cache's answers). */
const sameForEveryResponseFlat = Object.entries(sameForEveryResponse).flat();
function responseHeaderList(nonce, requestId, secure) {
  const list = ["Content-Security-Policy", cspBeforeNonce + nonce + cspAfterNonce, "X-Request-Id", requestId, ...sameForEveryResponseFlat];
  if (secure) list.push("Strict-Transport-Security", hsts);
  return list;
}

/** One JSON line per request, once its answer is out. The path only: a query string may hold a token from a mail. */
function logWhenFinished(req, res, requestId, pathname) {
  const started = process.hrtime.bigint();
  res.on("finish", () =>
    log.info({ reqId: requestId, method: req.method, path: pathname, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, "request"),
  );
}

app.use((req, res, next) => {
  req.id = requestIdOf(req.get("x-request-id"));
  logWhenFinished(req, res, req.id, req.path);
  if (stopping) res.set("Connection", "close");
  res.locals.cspNonce = newNonce();
  res.set(responseHeaders(res.locals.cspNonce, req.id, req.secure));
  next();
});

// Public pages for visitors who are not logged in come from a cache of a few seconds, before the rest
// of the middleware and Remix (issue 19; docs/decisions/023-page-cache.md). The page cache decides
// which requests are anonymous; everything else goes on as before. Answers carry the headers above.
// A page already stored is answered before Express even sees the request (answeredFromCache, below).
const fetchHandler = createFetchHandler(build, process.env.NODE_ENV);
const voteFormPath = /^\/rondes\/[^/]+\/stemmen\/?$/;

// A page's loaders share what they look up once per request, such as the session (app/lib/request-scope.server.ts).
app.use((req, _res, next) => (req.method === "GET" || req.method === "HEAD" ? build.entry.module.runInRequestScope(next) : next()));

app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  // Any post may change what a public page shows. A vote only moves the turnout, which may be a few
  // seconds behind (ADR 023).
  if (voteFormPath.test(req.path)) return next();
  // Emptied now, so that no page rendered before the write is stored, and again when the answer's
  // head goes out (after the write, before the browser can follow a redirect), for pages rendered meanwhile.
  pageCache.invalidate();
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    pageCache.invalidate();
    return writeHead.apply(this, args);
  };
  next();
});

app.get("*", (req, res, next) => {
  const context = { requestId: req.id, clientIp: req.ip, peerAddress: req.socket.remoteAddress, cspNonce: res.locals.cspNonce };
  const page = {
    method: req.method,
    protocol: req.protocol,
    host: req.get("host"),
    url: req.originalUrl,
    cookie: req.headers.cookie,
    peerAddress: req.socket.remoteAddress,
    forwarded: req.headers["x-forwarded-for"] !== undefined || req.headers["forwarded"] !== undefined,
    nonce: res.locals.cspNonce,
    requestId: req.id,
  };
  const render = async (cookie) => {
    const headers = Object.entries(req.headers).filter((entry) => typeof entry[1] === "string" && entry[0] !== "cookie");
    if (cookie) headers.push(["cookie", cookie]);
    const leave = await renderGate.enter();
    try {
      return await fetchHandler(new Request(`${req.protocol}://${req.get("host")}${req.originalUrl}`, { method: "GET", headers }), context);
    } finally {
      leave();
    }
  };
  pageCache.serve(page, render).then((answer) => {
    if (!answer) return next();
    res.status(answer.status);
    for (const [name, value] of answer.headers) res.append(name, value);
    res.set("X-Page-Cache", answer.cache);
    res.set("Content-Length", String(answer.length));
    writeChunks(res, answer.chunks);
  }, next);
});

// For a load balancer or a monitor: 200 while the database can be read and written, 503 otherwise
// and while the server is stopping (so the proxy sends new visitors elsewhere).
app.get("/healthz", async (_req, res) => {
  const health = stopping
    ? { status: "stopping", checkedAt: new Date().toISOString() }
    : await checkHealth().catch(() => ({ status: "down", checkedAt: new Date().toISOString() }));
  res
    .status(health.status === "ok" ? 200 : 503)
    .set("Cache-Control", "no-store")
    .json(health);
});

// CSRF: a state-changing request must come from our own pages. SameSite=Lax cookies already keep
// the session off cross-site posts; this also stops cross-site posts that need no session (register, vote by code).

app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.get("origin");
  const site = req.get("sec-fetch-site");
  const ownOrigin = `${req.protocol}://${req.get("host")}`;
  if ((origin && origin !== "null" && origin !== ownOrigin) || site === "cross-site" || origin === "null") {
    res.status(403).type("text/plain").send("Dit formulier kwam niet van Wijkvonk zelf. / Cross-site request refused.");
    return;
  }
  next();
});

// Only with TEST_CLOCK=1: lets an end-to-end test fix "now" for its own requests.
app.use((req, _res, next) => build.entry.module.runWithRequestClock(req.headers.cookie, next));

// The fast vote path (docs/decisions/010-fast-vote-path.md): a plain form POST of the ballot goes
// straight to the vote route's own action, the same code Remix runs, without Remix's request
// handling around it (route matching and the rest cost more than the vote itself). A success is a
// redirect and is sent as is; anything else (a refusal to render, a JavaScript request) goes to
// Remix. This route only: every other request takes the normal way.
const voteAction = build.routes["routes/rondes.$slug_.stemmen"]?.module.action;
const maxVoteBody = 64 * 1024;

function fetchRequest(req, body) {
  // Node joins repeated request headers into one string, except Set-Cookie, which a request does not carry.
  const headers = Object.entries(req.headers).filter((entry) => typeof entry[1] === "string");
  return new Request(`${req.protocol}://${req.get("host")}${req.originalUrl}`, { method: "POST", headers, body });
}

async function sendFetchResponse(res, response) {
  res.status(response.status);
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (!response.body) return void res.end();
  for await (const chunk of response.body) res.write(chunk);
  res.end();
}

app.post("/rondes/:slug/stemmen", (req, res, next) => {
  if (!voteAction || Object.keys(req.query).length > 0 || !req.is("application/x-www-form-urlencoded")) return next();
  const chunks = [];
  let size = 0;
  req.on("data", (chunk) => {
    size += chunk.length;
    if (size > maxVoteBody) req.destroy();
    else chunks.push(chunk);
  });
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    const context = { requestId: req.id, clientIp: req.ip, cspNonce: res.locals.cspNonce };
    try {
      let response;
      try {
        response = await voteAction({ request: fetchRequest(req, body), params: { slug: req.params.slug }, context });
      } catch (thrown) {
        response = thrown;
      }
      if (response instanceof Response && response.status >= 300 && response.status < 400) {
        await sendFetchResponse(res, response);
        return;
      }
      // Not a redirect: Remix runs the same action again and renders the answer (ADR 010).
      await sendFetchResponse(res, await fetchHandler(fetchRequest(req, body), { ...context, voteRetried: true }));
    } catch (error) {
      next(error);
    }
  });
});

app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
// Only a path that looks like a file (favicon.svg) is looked for on disk: a page's path is not (issue 19).
const publicFiles = express.static(path.join(root, "build/client"), { maxAge: "1h" });
const fileLike = /\/[^/]+\.[A-Za-z0-9]+$/;
app.use((req, res, next) => (fileLike.test(req.path) ? publicFiles(req, res, next) : next()));

app.use((req, res, next) => {
  if (req.method !== "GET" && req.method !== "HEAD") return next();
  renderGate.enter().then((leave) => {
    res.on("close", leave);
    next();
  }, next);
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({ requestId: req.id, clientIp: req.ip, peerAddress: req.socket.remoteAddress, cspNonce: res.locals.cspNonce }),
  }),
);

// A page the cache holds for an anonymous visitor is answered here, before Express: Express's
// request and response objects, its router and the middleware above cost more than the answer
// itself (issue 19). What Express would add is added here the same way: the request id, the nonce in
// the CSP and in the page, the security headers, the log line. Anything else (not stored, expired,
// not anonymous, not a GET) goes to Express, where the cache is asked again the normal way.
const trustedProxy = app.get("trust proxy fn");

function protocolOf(req) {
  // As Express reads req.protocol: X-Forwarded-Proto only from a trusted proxy.
  const own = req.socket.encrypted ? "https" : "http";
  if (!trustedProxy(req.socket.remoteAddress, 0)) return own;
  const header = req.headers["x-forwarded-proto"];
  if (typeof header !== "string" || header === "") return own;
  const comma = header.indexOf(",");
  return (comma === -1 ? header : header.slice(0, comma)).trim();
}

function answeredFromCache(req, res) {
  if (req.method !== "GET") return false;
  const incoming = req.headers["x-request-id"];
  const requestId = requestIdOf(incoming);
  const nonce = newNonce();
  const protocol = protocolOf(req);
  const answer = pageCache.hit({
    method: req.method,
    protocol,
    host: req.headers.host,
    url: req.url,
    cookie: req.headers.cookie,
    peerAddress: req.socket.remoteAddress,
    forwarded: req.headers["x-forwarded-for"] !== undefined || req.headers["forwarded"] !== undefined,
    nonce,
    requestId,
  });
  if (!answer) return false;
  const q = req.url.indexOf("?");
  logWhenFinished(req, res, requestId, q === -1 ? req.url : req.url.slice(0, q));
  // One flat list handed to writeHead: no header is set one by one and merged (issue 19).
  const headers = responseHeaderList(nonce, requestId, protocol === "https");
  for (const [name, value] of answer.headers) headers.push(name, value);
  headers.push("X-Page-Cache", answer.cache, "Content-Length", String(answer.length));
  if (stopping) headers.push("Connection", "close");
  res.writeHead(answer.status, headers);
  writeChunks(res, answer.chunks);
  return true;
}

/** Writes a page's parts as they are: Node sends what is written in one turn in one writev, without copying them into one buffer. */
function writeChunks(res, chunks) {
  const last = chunks.length - 1;
  for (let i = 0; i < last; i++) res.write(chunks[i]);
  res.end(chunks[last]);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = http.createServer((req, res) => {
  try {
    if (answeredFromCache(req, res)) return;
  } catch (error) {
    // Nothing was sent yet (the answer goes out last): Express answers instead, or shows the error page.
    log.error({ err: error }, "page cache failed");
  }
  app(req, res);
});
server.listen(port, host, () => {
  const url = `http://${host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host}:${port}`;
  console.log(`Wijkvonk draait op ${url}`);
  if (demoLogins.length > 0) {
    console.log("Demo-accounts (wachtwoord voor allemaal: " + demoLogins[0].password + "):");
    for (const login of demoLogins) console.log(`  ${login.email.padEnd(32)} ${login.role}`);
  }
});

// Scheduled work (e.g. "indienen is open" mails) runs every minute in the server process itself:
// one small machine, no separate worker to deploy. Every job is idempotent, so a missed or doubled tick does no harm.
// With several servers on one database, each job runs on the one server holding its lease (app/lib/job-lease.server.ts).
// JOBS_EVERY_MS changes the minute (the server-stop journey runs the jobs sooner).
const jobsEveryMs = Number(process.env.JOBS_EVERY_MS) > 0 ? Number(process.env.JOBS_EVERY_MS) : 60_000;
/** The run in progress, if any: the graceful stop waits for it before it closes the database. */
let jobsRunning = null;
const jobs = setInterval(() => {
  // One run at a time: a tick during a long run (many mails) leaves the rest to the run after it.
  if (jobsRunning) return;
  jobsRunning = build.entry.module
    .runScheduledJobs(Date.now())
    .then((report) => {
      // A job another server holds is not in the report (it is in report.skipped).
      const { submissionOpenNotices = 0, contestNotices = 0, forgottenSubscriptions = 0, retention, forgottenSignupPlaces = 0 } = report;
      if (submissionOpenNotices + contestNotices + forgottenSubscriptions + (retention?.contests ?? 0) + forgottenSignupPlaces > 0)
        log.info({ job: "scheduled", report }, "scheduled jobs done");
    })
    .catch((error) => log.error({ err: error }, "scheduled jobs failed"))
    .finally(() => {
      jobsRunning = null;
      // A job may open a phase or publish something a public page shows.
      pageCache.invalidate();
    });
}, jobsEveryMs);
jobs.unref();

// Graceful stop (SIGTERM from systemd, Docker or a rolling restart): take no new connections, let
// the requests in flight and a scheduled run that has begun finish (it may be inside a transaction,
// or between claiming a mail and sending it), close the database (which checkpoints the WAL), then
// exit. Idle keep-alive connections are closed as soon as they are idle; after 10 s the rest is cut off.
const graceMs = 10_000;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: finishing the requests in flight");
  clearInterval(jobs);
  const forced = setTimeout(() => {
    log.warn("requests still open after the grace period: stopping anyway");
    process.exit(1);
  }, graceMs);
  forced.unref();
  server.close(async () => {
    if (jobsRunning) log.info("stopping: waiting for the scheduled jobs that are running");
    await jobsRunning;
    // Mails handed off after an answer (a receipt, a confirmation link) go out before the database closes.
    await backgroundMailSent().catch((error) => log.error({ err: error }, "mails in flight not sent"));
    // Another server takes this one's scheduled jobs over at its next tick instead of when the leases run out.
    await giveUpJobLeases().catch((error) => log.error({ err: error }, "job leases not given up"));
    await closeDb();
    log.info("stopped");
    log.flush(() => process.exit(0));
  });
  // A keep-alive connection whose last answer went out after this moment is idle too: close those as they come.
  setInterval(() => server.closeIdleConnections(), 100).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
