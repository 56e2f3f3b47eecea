import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer order (ADR 020) is kept by ESLint, not by reading sources here: these show that the rule
// fails a wrong import, and lets the same import through where the order allows it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string) => readFileSync(path.join(root, "tests/fixtures/lint", name), "utf8");
// The files linted here exist only as text, so the type checker cannot read them: the rules that need
// types are off for these checks (they are not what is tested).
const typed = ["no-floating-promises", "no-misused-promises", "await-thenable", "return-await"];
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: Object.fromEntries(typed.map((rule) => [`@typescript-eslint/${rule}`, "off"])),
  },
});

async function problems(name: string, asFile: string) {
  const [result] = await eslint.lintText(fixture(name), { filePath: path.join(root, asFile) });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe("the layer rule", () => {
  it("fails a feature that imports a feature above it", async () => {
    expect(await problems("contests-imports-voting.ts", "app/modules/contests/overview.server.ts")).toEqual([
      {
        rule: "layers/layer-order",
        message:
          "app/modules/contests/overview.server.ts may not import ~/modules/voting/votes.server: modules/voting is above modules/contests in the layer order (docs/decisions/020-feature-layers.md).",
      },
    ]);
  });

  it("lets a workflow and a higher feature import the same", async () => {
    expect(await problems("contests-imports-voting.ts", "app/workflows/overview.server.ts")).toEqual([]);
    expect(await problems("contests-imports-voting.ts", "app/modules/results/overview.server.ts")).toEqual([]);
  });

  it("fails lib importing a feature, and a feature importing route support", async () => {
    expect((await problems("contests-imports-voting.ts", "app/lib/overview.server.ts")).map((p) => p.rule)).toEqual(["layers/layer-order"]);
    const guard = 'import { requireContestManager } from "~/routes-support/contest-access.server";\nexport { requireContestManager };\n';
    const [result] = await eslint.lintText(guard, { filePath: path.join(root, "app/modules/ideas/guard.server.ts") });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(["layers/layer-order"]);
  });

  it("fails a feature that answers in HTTP, and lets a route do it", async () => {
    expect((await problems("feature-answers-in-http.ts", "app/modules/voting/refuse.server.ts")).map((p) => p.rule)).toEqual(["no-restricted-imports"]);
    expect(await problems("feature-answers-in-http.ts", "app/routes/refuse.tsx")).toEqual([]);
  });
});
