import { one, many } from "~db/query.server";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { archivedIdeas, contests } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { useTestDatabase } from "../../tests/support/test-db";
import { processIo, type CliIo } from "./io";
import { main } from "./main";

// `wijkvonk pb import` on a real SQLite file (DATABASE_PATH, as the command uses it).

const { db } = useTestDatabase();
const PABULIB = fileURLToPath(new URL("../../tests/fixtures/pabulib/", import.meta.url));
const ASSEN = join(PABULIB, "Netherlands_Assen_2024.pb");

async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    readFile: (path) => (path in files ? Promise.resolve(files[path] ?? "") : processIo.readFile(path)),
  };
  const code = await main(["pb", "import", ...argv], io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
});

describe("wijkvonk pb import", () => {
  it("imports a .pb file as an archived round of the organisation", async () => {
    const { code, stdout, stderr } = await run([ASSEN, "--organisation", "gemeente-assen", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toEqual({ slug: "assen-top-idee", title: "Assen Top Idee", ideas: 14, results: "/rondes/assen-top-idee/uitslag" });
    const contest = (await one(db().select().from(contests).where(eq(contests.slug, "assen-top-idee"))))!;
    expect(contest.budgetEuros).toBe(100000);
    expect(contest.outcomeRule).toBe("equal-shares");
    expect(await many(db().select().from(archivedIdeas).where(eq(archivedIdeas.contestId, contest.id)))).toHaveLength(14);
  });

  it("prints a readable line by default", async () => {
    const { code, stdout } = await run([ASSEN, "--organisation=gemeente-assen"]);
    expect(code).toBe(0);
    expect(stdout).toBe('Imported "Assen Top Idee" (14 ideas) for Gemeente Assen: /rondes/assen-top-idee-2/uitslag\n');
  });

  it("refuses a malformed file with FILE:LINE and exit code 2, an unknown organisation with 1, a bad command line with 64", async () => {
    const bad = "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;12,5\nVOTES\nvoter_id;vote\n";
    expect(await run(["bad.pb", "--organisation", "gemeente-assen"], { "bad.pb": bad })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'bad.pb:6: cost "12,5" of project 1 is not a whole, non-negative number\n',
    });
    expect(await run([ASSEN, "--organisation", "nergens"])).toMatchObject({ code: 1, stderr: 'wijkvonk pb import: no organisation with slug "nergens"\n' });
    expect((await run([ASSEN])).code).toBe(64);
    expect((await run(["--organisation", "gemeente-assen"])).code).toBe(64);
    const noBudget = "META\nkey;value\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n";
    expect(await run(["x.pb", "--organisation", "gemeente-assen"], { "x.pb": noBudget })).toMatchObject({ code: 1 });
  });

  it("imports a file whose budget is divided per category, with its parts (ADR 026)", async () => {
    const { code, stdout, stderr } = await run([join(PABULIB, "Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb"), "--organisation", "gemeente-assen", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const { slug } = JSON.parse(stdout) as { slug: string };
    const contest = (await one(db().select().from(contests).where(eq(contests.slug, slug))))!;
    expect(contest).toMatchObject({ budgetSplit: "category", leftoverPolicy: "fund-what-fits", outcomeRule: "greedy-stop" });
    const ideas = await many(db().select().from(archivedIdeas).where(eq(archivedIdeas.contestId, contest.id)));
    expect(ideas.every((i) => i.categoryId !== null && i.buurtId === null)).toBe(true);
  });

  it("refuses a file whose parts do not add up, saying why, and imports nothing", async () => {
    const before = (await many(db().select().from(contests))).length;
    const text = (await processIo.readFile(join(PABULIB, "Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb"))).replace(
      /^budget_per_category;.*$/m,
      "budget_per_category;190610,57312,71364,80715",
    );
    const { code, stdout, stderr } = await run(["oud-oost.pb", "--organisation", "gemeente-assen"], { "oud-oost.pb": text });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "oud-oost.pb: the file divides its budget per category (Meer groen in de buurt: 190610, Kindvriendelijke buurt: 57312, Kinder- en jongerenactiviteiten: 71364, Klimaat en duurzaamheid: 80715), but the parts add up to 400001, more than the budget of 300000\n",
    );
    expect(await many(db().select().from(contests))).toHaveLength(before);
  });
});
