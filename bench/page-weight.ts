// How heavy are the pages residents open? (Issue 9: "Pages stay light: measure the JavaScript and CSS
// sent for the voting page and print it in a benchmark, target: under 150 KB compressed.") Starts the
// built app on a fresh database with the demo data, logs in as a resident, fetches the voting page,
// the contest page and the idea list, reads from each page's HTML the scripts, module preloads and
// stylesheets the browser loads, fetches those and weighs them raw, gzipped (level 9) and with brotli
// (quality 11). Prints a table per page and the five biggest chunks.
//
//   npm run build && npx tsx bench/page-weight.ts
//
// The verdict counts JavaScript + CSS gzipped (the encoding every proxy offers; brotli is printed
// beside it). 1 kB = 1000 bytes, as browsers' network panels count. Not counted: the HTML document
// itself (printed for reference), images, the favicon, and chunks loaded later by a dynamic import()
// or by lazy route discovery when the reader follows a link. Some dynamic imports ARE counted: the
// reader's texts for the page (the base texts and the sections the page's routes ask for, ADR 030),
// which entry.client.tsx loads before the page comes to life.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { nl } from "../app/lib/i18n/nl";
import { record, table } from "./support/report";
import { requireBuild, startApp, stop, type App } from "./support/server";

const TARGET_KB = 150;
const slug = "groen-keizerslanden-2026"; // the demo round in stemmen (db/seeds/voting.ts)
const resident = { email: "bewoner@keizerslanden.nl", password: "wijkvonk-demo" };
const pages = [
  { name: "voting", path: `/rondes/${slug}/stemmen` },
  { name: "contest", path: `/rondes/${slug}` },
  { name: "idea list", path: `/rondes/${slug}/ideeen` },
];

requireBuild("this benchmark weighs the built app");

/** Logs in as the demo resident the way the login form does (with an Origin: the server refuses cross-site posts). */
async function logIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...resident, redirectTo: "/" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("wv_session="));
  if (response.status >= 400 || !session) throw new Error(`logging in as ${resident.email} failed: HTTP ${response.status}`);
  return session.split(";")[0]!;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? "") : null;
}

/** The JavaScript and CSS the browser loads for this HTML: <script src>, modulepreload, stylesheets, and the inline module script's imports. */
function assetsOf(html: string): string[] {
  const found = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, "src");
    if (src) found.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attribute(tag, "href");
    if (href && (rel.includes("modulepreload") || rel.includes("stylesheet"))) found.add(href);
  }
  // Remix starts the app from an inline <script type="module"> that imports the manifest, the route modules and the entry.
  for (const [, body] of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, , specifier] of body!.matchAll(/\bimport\s*(?:[^"'()]*?from\s*)?\(?\s*(["'])([^"']+)\1/g)) found.add(specifier!);
  }
  return [...found];
}

/**
 * The texts entry.client imports before hydrating (ADR 030): the base texts and the sections named by
 * <meta name="wv-i18n">, in the page's language, each its own chunk ("./budget-parts.nl-<hash>.js").
 */
async function textChunksOf(html: string, hrefs: readonly string[], origin: string): Promise<string[]> {
  const lang = html.match(/<html\b[^>]*\blang="(\w+)"/i)?.[1] ?? "nl";
  const sections =
    attribute(html.match(/<meta\b[^>]*\bname="wv-i18n"[^>]*>/i)?.[0] ?? "", "content")
      ?.split(" ")
      .filter(Boolean) ?? [];
  const entry = hrefs.find((h) => /entry\.client-[\w-]+\.js$/.test(h));
  if (!entry) return [];
  const code = await (await fetch(new URL(entry, origin))).text();
  const chunks: string[] = [];
  for (const part of ["base", ...sections]) {
    const stem = `${part.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.${lang}`;
    const chunk = code.match(new RegExp(`["'\`]\\./(${stem.replace(".", "\\.")}-[\\w-]+\\.js)["'\`]`))?.[1];
    if (!chunk) throw new Error(`no chunk for the texts ${stem} in ${entry}`);
    chunks.push(new URL(chunk, new URL(entry, origin)).pathname);
  }
  return chunks;
}

type Asset = {
  url: string;
  file: string;
  kind: "js" | "css";
  raw: number;
  gzip: number;
  brotli: number;
  contains: string[];
  /** What the app itself sent ("identity" when uncompressed). */
  servedEncoding: string;
};

// Hints at what a chunk holds, from strings that survive minification.
const MARKERS: [label: string, text: string][] = [
  ["react-dom", "reactjs.org/docs/error-decoder"],
  ["remix", "__remixContext"],
  ["zod", "$ZodType"],
  ["conform", "conform"],
  ["i18n catalogues", nl.app.tagline],
];

const cache = new Map<string, Promise<Asset>>();

function weigh(url: string, cookie: string): Promise<Asset> {
  let asset = cache.get(url);
  if (!asset) {
    asset = (async () => {
      // fetch asks for gzip and br and decompresses, so the body is the file as built.
      const response = await fetch(url, { headers: { Cookie: cookie } });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      const pathname = new URL(url).pathname;
      const type = response.headers.get("content-type") ?? "";
      const kind = pathname.endsWith(".css") || type.includes("text/css") ? "css" : "js";
      const text = body.toString("utf8");
      return {
        url,
        file: path.basename(pathname),
        kind,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
          .length,
        contains: MARKERS.filter(([, marker]) => text.includes(marker)).map(([label]) => label),
        servedEncoding: response.headers.get("content-encoding") ?? "identity",
      } satisfies Asset;
    })();
    cache.set(url, asset);
  }
  return asset;
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const sum = (assets: readonly Asset[], key: "raw" | "gzip" | "brotli") => assets.reduce((total, a) => total + a[key], 0);

async function main() {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-page-weight-"));
  let app: App | undefined;
  try {
    app = await startApp({ databasePath: path.join(dir, "app.sqlite"), seedDemo: true });
    const { origin } = app;
    const cookie = await logIn(origin);

    console.log(`Page weight: JavaScript and CSS per page, logged in as ${resident.email}; target under ${TARGET_KB} kB gzipped (1 kB = 1000 bytes).\n`);
    const rows: string[][] = [];
    const used = new Map<string, string[]>();
    let over = false;
    let heaviest = 0;
    for (const page of pages) {
      const response = await fetch(`${origin}${page.path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      if (response.status !== 200) throw new Error(`${page.path}: HTTP ${response.status}, expected 200`);
      const html = await response.text();
      const hrefs = assetsOf(html);
      const all = [...hrefs, ...(await textChunksOf(html, hrefs, origin))];
      const assets = await Promise.all(all.map((href) => weigh(new URL(href, origin).href, cookie)));
      for (const a of assets) used.set(a.url, [...(used.get(a.url) ?? []), page.name]);
      const js = assets.filter((a) => a.kind === "js");
      const css = assets.filter((a) => a.kind === "css");
      const totalGzip = sum(js, "gzip") + sum(css, "gzip");
      const totalBrotli = sum(js, "brotli") + sum(css, "brotli");
      const pass = totalGzip < TARGET_KB * 1000;
      if (!pass) over = true;
      heaviest = Math.max(heaviest, totalGzip);
      record({
        bench: "page-weight",
        section: "page weight (JS + CSS, gzip 9), logged in",
        figure: `${page.name} page`,
        value: totalGzip / 1000,
        unit: "kB",
        floor: null,
        floorIs: null,
        better: "lower",
        target: `< ${TARGET_KB} kB`,
        met: pass,
        note: `brotli ${kB(totalBrotli)} kB`,
      });
      rows.push([
        page.name,
        String(js.length),
        kB(sum(js, "raw")),
        kB(sum(js, "gzip")),
        kB(sum(js, "brotli")),
        String(css.length),
        kB(sum(css, "raw")),
        kB(sum(css, "gzip")),
        kB(totalGzip),
        kB(totalBrotli),
        `${pass ? "PASS" : "OVER"} (${((totalGzip / (TARGET_KB * 1000)) * 100).toFixed(0)}%)`,
        kB(gzipSync(html, { level: 9 }).length),
      ]);
    }
    console.log(
      table(
        ["page", "JS files", "JS raw", "JS gzip", "JS br", "CSS files", "CSS raw", "CSS gzip", "total gzip", "total br", `vs ${TARGET_KB} kB`, "HTML gzip"],
        rows,
        "lrrrrrrrrrlr",
      ),
    );

    const all = await Promise.all([...used.keys()].map((url) => cache.get(url)!));
    const biggest = all.sort((a, b) => b.gzip - a.gzip).slice(0, 5);
    console.log("\nBiggest 5 files (gzip), over all three pages:\n");
    console.log(
      table(
        ["file", "raw", "gzip", "br", "holds", "loaded by"],
        biggest.map((a) => [a.file, kB(a.raw), kB(a.gzip), kB(a.brotli), a.contains.join(", ") || "-", used.get(a.url)!.join(", ")]),
        "lrrrll",
      ),
    );
    const encodings = [...new Set(all.map((a) => a.servedEncoding))].join(", ");
    console.log(`\nContent-Encoding as served by the app itself: ${encodings} (the compressed figures assume a proxy that compresses).`);
    console.log(
      `Verdict: ${over ? "OVER" : "PASS"}, the heaviest page is ${kB(heaviest)} kB gzipped. Took ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    const errors = app.errors();
    if (errors) console.error(`Server errors:\n${errors.slice(0, 2000)}`);
  } finally {
    if (app) await stop(app.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
