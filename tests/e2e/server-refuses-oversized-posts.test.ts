import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { memoryOf } from "../../bench/support/memory";
import { startApp, stop, type App } from "../../bench/support/server";

// Issue 16.1 against the built server as it runs in production, without a browser: one anonymous
// 200 MB post to the log-in page took the server from 272 MB to 2.45 GB and answered with a 209 MB
// page. Now it is refused with 413, while the server's peak resident memory (Linux's high-water mark,
// VmHWM, so no peak between two samples is missed) grows by less than MAX_GROWTH_MB over its peak
// before the posts.

test.describe.configure({ mode: "serial" });

const MB = 1024 * 1024;
const POST_BYTES = 200 * MB;
const MAX_GROWTH_MB = 100;
let dir = "";
let app: App | null = null;

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-oversized-"));
});

test.afterAll(async () => {
  if (app) await stop(app.child);
  rmSync(dir, { recursive: true, force: true });
});

/** The server's answer; `cut` when it closed the connection before its answer could be read (see postStreamed). */
type Answer = { status: number; body: string; cut?: { sent: number } };

/**
 * Posts `bytes` of form body, made as it is sent (never held in this process), with or without a
 * Content-Length; stops sending as soon as the answer has come.
 */
function postStreamed(port: number, options: { bytes: number; announce: boolean; type: string; language: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // The language switch in the footer is a cookie.
    const headers: Record<string, string | number> = { "Content-Type": options.type, Cookie: `wv_lang=${options.language}` };
    if (options.announce) headers["Content-Length"] = options.bytes;
    const request = http.request({ host: "127.0.0.1", port, path: "/inloggen", method: "POST", agent: false, headers });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        answered = true;
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    // Once the answer is in, cutting the upload short is this client's own doing. The server may also
    // close its side while this client still writes (EPIPE): the 413 it sent first is still on its way.
    let stopped = false;
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === "EPIPE" || error.code === "ECONNRESET") {
        stopped = true;
        // A reset can drop an answer that was already on its way (TCP discards what the client had not
        // read yet): then all this client can know is that the server stopped taking the upload.
        setTimeout(() => answered || resolve({ status: 0, body: "", cut: { sent } }), 5_000).unref();
        return;
      }
      reject(error);
    });
    const pump = () => {
      while (!answered && !stopped && sent < options.bytes) {
        const part = sent === 0 ? Buffer.from("email=") : chunk.subarray(0, Math.min(chunk.length, options.bytes - sent));
        sent += part.length;
        if (!request.write(part)) return void request.once("drain", pump);
      }
      if (!answered && !stopped) request.end();
    };
    pump();
  });
}

/** A 413 in the reader's language, short; or, when a reset dropped it, an upload stopped well before its end. */
function expectRefused(answer: Answer, words: string) {
  if (answer.cut) {
    expect(answer.cut.sent).toBeLessThan(POST_BYTES);
    return;
  }
  expect(answer.status).toBe(413);
  expect(answer.body).toContain(words);
  expect(answer.body.length).toBeLessThan(100_000);
}

test("a 200 MB post to the log-in page is refused with 413, chunked or announced, without the server's memory growing with it", async () => {
  test.setTimeout(120_000);
  app = await startApp({ databasePath: path.join(dir, "app.sqlite") });
  // One ordinary log-in page and post first, so that what they need is in memory before the baseline.
  expect((await fetch(`${app.origin}/inloggen`)).status).toBe(200);
  expect((await fetch(`${app.origin}/inloggen`, { method: "POST", body: new URLSearchParams({ email: "x", password: "y" }) })).status).toBe(400);
  const before = memoryOf(app.pid)!;

  const chunked = await postStreamed(app.port, { bytes: POST_BYTES, announce: false, type: "application/x-www-form-urlencoded", language: "nl" });
  expectRefused(chunked, "Dit formulier is te groot");

  const announced = await postStreamed(app.port, { bytes: POST_BYTES, announce: true, type: "multipart/form-data; boundary=----x", language: "en" });
  expectRefused(announced, "This form is too large");

  const after = memoryOf(app.pid)!;
  expect(after.peakMb - before.peakMb).toBeLessThan(MAX_GROWTH_MB);
  // And it goes on answering.
  expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
});
