// The floor for bench/page-render.ts and bench/startup.ts: a bare node:http server that answers a GET
// with HTML it holds in memory (the pages the app rendered once, read from files at start), and
// nothing else: no routing beyond a Map lookup, no database query, no rendering. Given a database
// file, it first opens it the way the app does (better-sqlite3, WAL), so that as a start-up floor it
// pays for loading node, better-sqlite3 and the file, and no more.
//
//   node bench/support/bare-page-server.mjs <port> [<pages.json>] [<database file>]
//
// pages.json maps a path to an HTML file: {"/rondes/x": "/tmp/x.html"}. Any other GET gets a short
// page. Prints "ready" once it listens on 127.0.0.1.
import { readFileSync } from "node:fs";
import http from "node:http";
import Database from "better-sqlite3";

const [port, pagesFile, databaseFile] = process.argv.slice(2);
if (!port) {
  console.error("usage: bare-page-server.mjs <port> [<pages.json>] [<database file>]");
  process.exit(2);
}

if (databaseFile) {
  const db = new Database(databaseFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.prepare("SELECT count(*) FROM sqlite_master").get();
}

const pages = new Map();
if (pagesFile) for (const [path, file] of Object.entries(JSON.parse(readFileSync(pagesFile, "utf8")))) pages.set(path, readFileSync(file));
const fallback = Buffer.from("<!DOCTYPE html><title>bare</title><p>ready</p>");

const server = http.createServer((req, res) => {
  const body = pages.get(req.url) ?? fallback;
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length }).end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
