// The floor for bench/vote-throughput.ts: a bare node:http server that does the same insert as a
// first vote in Wijkvonk (one voter_register row and one ballots row, in one BEGIN IMMEDIATE
// transaction, through the same schema and triggers) and nothing else: no session check, no
// validation, no framework. A second vote by the same resident moves the stickers, as the app does.
//
//   node bench/support/bare-vote-server.mjs <database file> <port> <FULL|NORMAL> <contest id>
//
// Prints "ready" once it listens on 127.0.0.1.
import { createHash, randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const [file, port, synchronous, contestIdText] = process.argv.slice(2);
const contestId = Number(contestIdText);
if (!file || !port || !["FULL", "NORMAL"].includes(synchronous ?? "") || !Number.isSafeInteger(contestId)) {
  console.error("usage: bare-vote-server.mjs <database file> <port> <FULL|NORMAL> <contest id>");
  process.exit(2);
}

const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma(`synchronous = ${synchronous}`);
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");

// An account vote keeps a key of the voter's email address (ADR 019): one hash, as the app makes.
const insertRegister = db.prepare("INSERT INTO voter_register (contest_id, method, user_id, email_key, registered_at) VALUES (?, 'account', ?, ?, ?)");
const insertBallot = db.prepare("INSERT INTO ballots (id, contest_id, channel, stickers, voter_pointer, receipt_hash) VALUES (?, ?, 'online', ?, ?, ?)");
const moveStickers = db.prepare("UPDATE ballots SET stickers = ? WHERE voter_pointer = ?");

const vote = db.transaction((userId, stickers) => {
  const pointer = createHash("sha256").update(`${contestId}:${userId}`).digest("hex");
  try {
    insertRegister.run(contestId, userId, createHash("sha256").update(`email:${userId}`).digest("hex"), Date.now());
  } catch (error) {
    if (error?.code !== "SQLITE_CONSTRAINT_UNIQUE") throw error;
    moveStickers.run(stickers, pointer);
    return;
  }
  insertBallot.run(randomInt(2 ** 21) * 2 ** 32 + randomInt(2 ** 32), contestId, stickers, pointer, randomBytes(32).toString("hex"));
});

const server = http.createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(404, { "Content-Length": 0 }).end();
    return;
  }
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    // The bench's session ids are "bench-session-<n>" for user "bench-user-<n>": no lookup, on purpose.
    const session = /(?:^|;\s*)wv_session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1] ?? "";
    const userId = session.replace("bench-session-", "bench-user-");
    const stickers = JSON.stringify(
      new URLSearchParams(body)
        .getAll("sticker")
        .map(Number)
        .sort((a, b) => a - b),
    );
    try {
      vote.immediate(userId, stickers);
      res.writeHead(302, { Location: "/stemmen", "Content-Length": 0 }).end();
    } catch (error) {
      res.writeHead(500, { "Content-Type": "text/plain", "Content-Length": Buffer.byteLength(String(error)) }).end(String(error));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
