import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// Issue 16.10: CI runs `npm audit` for high and critical advisories when the registry's audit endpoint
// answers, and goes on without it when it does not. The registry here is a stand-in on loopback.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// npm keeps audit answers in its cache: each run gets an empty one, so it asks the registry here.
const caches = mkdtempSync(path.join(tmpdir(), "wijkvonk-audit-"));
afterAll(() => rmSync(caches, { recursive: true, force: true }));
const bulk = "/-/npm/v1/security/advisories/bulk";
const highAdvisory = {
  express: [
    {
      id: 1,
      url: "https://example.invalid/advisory",
      title: "Made up for this test",
      severity: "high",
      vulnerable_versions: "<99.0.0",
      cwe: [],
      cvss: { score: 7.5, vectorString: null },
    },
  ],
};
const lowAdvisory = { express: [{ ...highAdvisory.express[0], severity: "low" }] };

/** A registry that answers the audit endpoint with `status` and `advisories`, and knows no package. */
async function registry(status: number, advisories: object): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const isAudit = request.method === "POST" && request.url === bulk;
      response.writeHead(isAudit ? status : 404, { "Content-Type": "application/json" });
      response.end(JSON.stringify(isAudit ? advisories : {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

function runAudit(registryUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, npm_config_registry: registryUrl, npm_config_cache: mkdtempSync(path.join(caches, "cache-")) };
    const child = spawn(process.execPath, [path.join(root, "scripts/audit.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += String(chunk)));
    child.stderr.on("data", (chunk: Buffer) => (output += String(chunk)));
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function auditAgainst(status: number, advisories: object) {
  const stand = await registry(status, advisories);
  try {
    return await runAudit(stand.url);
  } finally {
    stand.close();
  }
}

describe("the advisory check in CI", () => {
  it("fails on a high advisory in a production dependency", async () => {
    const { code, output } = await auditAgainst(200, highAdvisory);
    expect(code).not.toBe(0);
    expect(output).toContain("Made up for this test");
  }, 60_000);

  it("passes when the advisories are all below high, or in tools only development uses", async () => {
    expect((await auditAgainst(200, lowAdvisory)).code).toBe(0);
    expect((await auditAgainst(200, { vitest: highAdvisory.express })).code).toBe(0);
  }, 60_000);

  it("is skipped, saying so, when the registry has no audit endpoint", async () => {
    const { code, output } = await auditAgainst(405, {});
    expect(code).toBe(0);
    expect(output).toContain("npm audit skipped");
  }, 60_000);

  it("is skipped, saying so, when the registry cannot be reached", async () => {
    const stand = await registry(200, highAdvisory);
    stand.close();
    const { code, output } = await runAudit(stand.url);
    expect(code).toBe(0);
    expect(output).toContain("npm audit skipped");
  }, 60_000);
});
