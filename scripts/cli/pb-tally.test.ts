import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parsePb } from "../../app/modules/results/pb-format";
import { processIo, type CliIo } from "./io";
import { main } from "./main";
import { runPbTally } from "./pb-tally";

const PABULIB = fileURLToPath(new URL("../../tests/fixtures/pabulib/", import.meta.url));
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const sample = (name: string) => join(PABULIB, name);
const ASSEN = sample("Netherlands_Assen_2024.pb");

/** Runs the command as a function and keeps what it printed. */
async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    readFile: (path) => (path in files ? Promise.resolve(files[path] ?? "") : processIo.readFile(path)),
  };
  const code = await runPbTally(argv, io);
  return { code, stdout, stderr };
}

describe("wijkvonk pb tally", () => {
  it("prints the official Assen outcome as JSON, in order of selection", async () => {
    const { code, stdout, stderr } = await run([ASSEN, "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      selected: ["3", "9", "2", "11", "13", "14", "5", "6", "12"],
      partial: null,
      rule: "equal-shares",
      completion: "add1",
      ruleSource: "meta",
      duplicateBallots: 0,
      warnings: 0,
    });
  });

  it.each([
    ["Netherlands_Amsterdam_2020_Weesp.pb", { selected: ["38282"], partial: "38278" }],
    ["Netherlands_Amsterdam_2022_Sloterdijk.pb", { selected: ["44251"], partial: null }],
    ["Netherlands_Amsterdam_2021_Diamantbuurt.pb", { selected: ["41514", "41510", "41518", "41509", "41522"], partial: null }],
    // Per-category budgets: per part stop at the first that does not fit, then fund what fits from the rest.
    [
      "Netherlands_Amsterdam_2020_Geuzenveld_Slotermeer.pb",
      {
        selected: expect.arrayContaining(["36773", "36750", "36812", "36821"]),
        partial: null,
        fromLeftover: ["36800", "36796", "36838", "36777", "37010", "36799", "36771", "36821"],
      },
    ],
    // Per-neighbourhood budgets that META calls upper bounds, no leftover line: per part stop, the rest stays.
    [
      "Netherlands_Amsterdam_2020_Centrum.pb",
      {
        selected: expect.arrayContaining(["35352", "36005", "35071", "35118", "35129"]),
        partial: null,
        parts: [
          { name: "Oostelijke Eilanden", budget: 150000, spent: 138100 },
          { name: "Haarlemmerhouttuinen", budget: 100000, spent: 85500 },
          { name: "Other", budget: 250000, spent: 232700 },
        ],
        fromLeftover: [],
      },
    ],
  ])("takes the rule from META for %s", async (name, expected) => {
    const { code, stdout } = await run([sample(name), "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ...expected, ruleSource: "meta" });
  });

  it("gives the official outcome without --rule on every Dutch fixture", async () => {
    const names = readdirSync(PABULIB).filter((n) => n.endsWith(".pb"));
    // Every file in the folder, so a fixture added later is covered too; never none.
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) {
      const { code, stdout } = await run([sample(name), "--json"]);
      expect(code, name).toBe(0);
      const file = parsePb(readFileSync(sample(name), "utf8"));
      const official = file.projects.filter((p) => p.selected === 1).map((p) => p.id);
      const { selected, partial } = JSON.parse(stdout) as { selected: string[]; partial: string | null };
      expect([...selected].sort(), name).toEqual(official.sort());
      expect(partial, name).toBe(file.projects.find((p) => p.selected === 2)?.id ?? null);
    }
  });

  it("shows the parts, the leftover pass and a ballot that named projects twice", async () => {
    const { code, stdout } = await run([sample("Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb")]);
    expect(code).toBe(0);
    expect(stdout).toContain("inside each part stop at the first project that does not fit, then fund what fits from what the parts leave");
    expect(stdout).toContain("budget divided per category: Meer groen in de buurt 90,610 (spent 86,865); Kindvriendelijke buurt 57,312 (spent 53,061);");
    expect(stdout).toContain("leftover 44,327: fund what fits, in score order across all parts: 42356, 42351");
    expect(stdout).toMatch(/^7 +42356 +10,000 +956 +stopped here; funded from the leftover +Meer groen in de buurt +Vergroenen/m);
    expect(stdout).toContain(
      "warning: 1 ballot named a project more than once; each project was counted once (first on line 1928: vote of voter 13650977333 names projects 42346, 42350, 42355, 42360 more than once; counted once)",
    );
  });

  it("says that Centrum 2020's neighbourhood amounts are upper bounds and that the rest stays unspent", async () => {
    const { code, stdout } = await run([sample("Netherlands_Amsterdam_2020_Centrum.pb")]);
    expect(code).toBe(0);
    expect(stdout).toContain("each part's amount an upper bound (META comment; no leftover_budget line)");
    expect(stdout).toContain("leftover 43,700: unspent");
  });

  it("refuses a file whose rule it cannot read, saying what META says, and takes an explicit --rule", async () => {
    const text = (rule: string, selected = "") =>
      [
        "META",
        "key;value",
        "budget;100",
        `rule;${rule}`,
        "PROJECTS",
        `project_id;cost${selected ? ";selected" : ""}`,
        `1;60${selected ? ";1" : ""}`,
        `2;50${selected ? ";0" : ""}`,
        `3;40${selected ? ";0" : ""}`,
        "VOTES",
        "voter_id;vote",
        "a;1,2,3",
        "b;1,2",
        "c;1",
      ].join("\n");
    const refused = await run(["x.pb"], { "x.pb": text("greedy-custom") });
    expect(refused).toMatchObject({ code: 1, stdout: "" });
    expect(refused.stderr).toBe(
      'x.pb: rule "greedy-custom" without a leftover_budget line does not say what happens at the first project that does not fit; pass --rule to choose one\n',
    );
    expect(JSON.parse((await run(["x.pb", "--rule", "greedy-stop", "--json"], { "x.pb": text("greedy-custom") })).stdout)).toMatchObject({
      selected: ["1"],
      ruleSource: "option",
    });
    // "unknown" with an official outcome {1}: greedy would give {1, 3}; greedy-stop reproduces it and says so.
    const inferred = await run(["y.pb"], { "y.pb": text("unknown", "yes") });
    expect(inferred.code).toBe(0);
    expect(inferred.stdout).toContain("rule greedy-stop;");
    expect(inferred.stdout).toContain(
      "rule chosen from the file's official outcome: the file does not say which rule was used; this rule reproduces the file's selected column",
    );
  });

  it("lets --rule override the file's rule", async () => {
    const weesp = sample("Netherlands_Amsterdam_2020_Weesp.pb");
    expect(JSON.parse((await run([weesp, "--rule", "greedy-stop", "--json"])).stdout)).toMatchObject({ selected: ["38282"], partial: null });
    expect(JSON.parse((await run([weesp, "--rule=greedy", "--json"])).stdout)).toMatchObject({
      selected: ["38282", "38280", "38268"],
      partial: null,
    });
    const { stdout } = await run([weesp, "--rule", "equal-shares", "--json"]);
    expect(JSON.parse(stdout).partial).toBeNull();
  });

  it("prints a readable table by default", async () => {
    const { code, stdout } = await run([sample("Netherlands_Amsterdam_2020_Weesp.pb")]);
    expect(code).toBe(0);
    expect(stdout).toContain("rule greedy-partial; budget 30,000; 4453 voters; spent 30,000; left 0");
    expect(stdout).toMatch(/^2 +38278 +30,000 +1606 +partially funded: 25,000 +Speel\/Klimpark/m);
    expect(stdout).toMatch(/^3 +38280 +20,000 +1438 +not reached/m);
  });

  it("shows equal shares rounds in the table", async () => {
    const { stdout } = await run([ASSEN]);
    expect(stdout).toContain("rule equal-shares (add1); budget 100,000; 84 voters; spent 76,700; left 23,300; share per voter 2033.00");
    expect(stdout).toMatch(/^1 +3 +7,200 +43 +funded, max 167\.44 per voter +PopUp Podium$/m);
    expect(stdout).toMatch(/^- +7 +12,000 +10 +not funded +RuBox$/m);
  });

  it("reports a malformed file as FILE:LINE: message and exits with 2", async () => {
    const bad = "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;12,5\nVOTES\nvoter_id;vote\n";
    const { code, stdout, stderr } = await run(["bad.pb"], { "bad.pb": bad });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('bad.pb:6: cost "12,5" of project 1 is not a whole, non-negative number\n');
  });

  it("exits with 1 when the rule cannot be applied or the file cannot be read", async () => {
    const noBudget = "META\nkey;value\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n";
    expect(await run(["x.pb", "--rule", "greedy"], { "x.pb": noBudget })).toMatchObject({ code: 1, stderr: "x.pb: META has no budget\n" });
    const missing = await run([join(PABULIB, "does-not-exist.pb")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does-not-exist\.pb: cannot read the file/);
  });

  it("exits with 64 on a wrong command line", async () => {
    expect((await run([])).code).toBe(64);
    expect((await run([ASSEN, "--rule", "lottery"])).stderr).toMatch(/--rule needs one of greedy, greedy-stop, greedy-partial, equal-shares/);
    expect((await run([ASSEN, "--verbose"])).code).toBe(64);
    expect((await run([ASSEN, ASSEN])).code).toBe(64);
    expect(await run(["--help"])).toMatchObject({ code: 0, stderr: "" });
  });
});

describe("wijkvonk main", () => {
  it("dispatches pb tally and refuses unknown commands", async () => {
    let stdout = "";
    let stderr = "";
    const io: CliIo = { ...processIo, out: (t) => void (stdout += t), err: (t) => void (stderr += t) };
    expect(await main(["pb", "tally", ASSEN, "--json"], io)).toBe(0);
    expect(JSON.parse(stdout).selected).toHaveLength(9);
    expect(await main(["pb", "count"], io)).toBe(64);
    expect(stderr).toMatch(/unknown command "pb count"/);
  });
});

describe("the installed bin (scripts/wijkvonk.mjs)", () => {
  const dir = mkdtempSync(join(tmpdir(), "wijkvonk-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs through node and tsx", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["scripts/wijkvonk.mjs", "pb", "tally", ASSEN, "--json"], {
      cwd: REPO,
    });
    expect(JSON.parse(stdout)).toMatchObject({ selected: ["3", "9", "2", "11", "13", "14", "5", "6", "12"], partial: null });
  });

  it("exits with 2 and FILE:LINE on a malformed file", async () => {
    const bad = join(dir, "bad.pb");
    writeFileSync(bad, "META\nkey;value\nPROJECTS\n");
    const failure = await promisify(execFile)(process.execPath, [join(REPO, "scripts/wijkvonk.mjs"), "pb", "tally", bad], { cwd: dir }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toBe(`${bad}:4: section PROJECTS has no header line\n`);
  });
});
