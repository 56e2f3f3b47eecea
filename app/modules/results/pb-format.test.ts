import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePb, PbParseError, pbBudget, pbDuplicateBallots, pbVoteType, writePb, type PbFile } from "./pb-format";

const PABULIB = new URL("../../../tests/fixtures/pabulib/", import.meta.url);
const readSample = (name: string) => readFileSync(new URL(name, PABULIB), "utf8");
const SAMPLES = [
  "Netherlands_Amsterdam_2020_Weesp.pb",
  "Netherlands_Amsterdam_2021_Diamantbuurt.pb",
  "Netherlands_Amsterdam_2022_Noord_West.pb",
  "Netherlands_Amsterdam_2022_Sloterdijk.pb",
  "Netherlands_Assen_2024.pb",
];

/** Builds a file from lines, so a test can say which line number an error must name. */
const pb = (...lines: string[]) => lines.join("\n") + "\n";

function parseError(text: string): PbParseError {
  try {
    parsePb(text);
  } catch (error) {
    if (error instanceof PbParseError) return error;
    throw error;
  }
  throw new Error("expected a PbParseError");
}

const MINIMAL = [
  "META",
  "key;value",
  "budget;100",
  "vote_type;approval",
  "PROJECTS",
  "project_id;cost;name",
  "1;60;Bankje",
  "2;50;Boom",
  "VOTES",
  "voter_id;vote",
  "a;1,2",
  "b;2",
];

describe("parsePb on the Pabulib samples", () => {
  it.each(SAMPLES)("%s: counts agree with META", (name) => {
    const file = parsePb(readSample(name));
    expect(file.projects).toHaveLength(Number(file.meta.num_projects));
    expect(file.votes).toHaveLength(Number(file.meta.num_votes));
  });

  it("reads quoted names with doubled quotes (Weesp)", () => {
    const file = parsePb(readSample("Netherlands_Amsterdam_2020_Weesp.pb"));
    expect(file.projects.find((p) => p.id === "38279")?.name).toBe('"Hey, ben jij wel opgeFOOD?!"');
    expect(file.projects.find((p) => p.id === "38278")).toMatchObject({ cost: 30000, votes: 1606, selected: 2 });
  });

  it("reads CRLF files and keeps extra columns (Assen)", () => {
    const file = parsePb(readSample("Netherlands_Assen_2024.pb"));
    expect(file.meta.rule).toBe("equalshares/add1");
    expect(pbBudget(file)).toBe(100000);
    const popUp = file.projects.find((p) => p.id === "3");
    expect(popUp).toMatchObject({ cost: 7200, votes: 43, name: "PopUp Podium", selected: 1 });
    expect(popUp?.extra.description).toBe("12x per jaar zal er een PopUp Podium opduiken in de stad");
    expect(file.votes[0]).toEqual({
      voterId: "vote01006bcf-62b6-435d-a0de-2966c3e75249",
      vote: ["1", "2", "6", "9", "13"],
      extra: {},
    });
  });

  it.each(SAMPLES)("%s: writePb gives back the very same bytes", (name) => {
    const text = readSample(name);
    const lineEnding = text.includes("\r\n") ? "\r\n" : "\n";
    expect(writePb(parsePb(text), { lineEnding })).toBe(text);
  });
});

describe("parsePb on made-up files", () => {
  it("reads a minimal approval file", () => {
    const file = parsePb(pb(...MINIMAL));
    expect(file.meta).toEqual({ budget: "100", vote_type: "approval" });
    expect(file.projects).toEqual([
      { id: "1", cost: 60, name: "Bankje", extra: {} },
      { id: "2", cost: 50, name: "Boom", extra: {} },
    ]);
    expect(file.votes).toEqual([
      { voterId: "a", vote: ["1", "2"], extra: {} },
      { voterId: "b", vote: ["2"], extra: {} },
    ]);
  });

  it("takes the header's column order, whatever it is, and keeps unknown columns", () => {
    const file = parsePb(
      pb(
        "META",
        "key;value",
        "budget;100",
        "PROJECTS",
        "name;selected;category;cost;project_id;votes",
        "Bankje;1;groen;60;p1;2",
        "VOTES",
        "age;vote;voter_id",
        "34;p1;v1",
        "71;p1;v2",
      ),
    );
    expect(file.projects).toEqual([{ id: "p1", cost: 60, votes: 2, name: "Bankje", selected: 1, extra: { category: "groen" } }]);
    expect(file.votes[1]).toEqual({ voterId: "v2", vote: ["p1"], extra: { age: "71" } });
  });

  it("handles quoted fields with ;, doubled quotes and a line break, and counts lines across them", () => {
    const text = pb(
      "META",
      "key;value",
      'description;"Wijk ""Oost""; ronde 1"',
      "PROJECTS",
      "project_id;cost;name",
      '1;10;"Bankje; met ""leuning"""',
      '2;20;"Boom',
      'met bank"',
      "VOTES",
      "voter_id;vote",
      "a;1,3",
    );
    const error = parseError(text);
    expect(error.line).toBe(11);
    expect(error.message).toMatch(/unknown project "3"/);

    const file = parsePb(text.replace("a;1,3", "a;1,2"));
    expect(file.meta.description).toBe('Wijk "Oost"; ronde 1');
    expect(file.projects.map((p) => p.name)).toEqual(['Bankje; met "leuning"', "Boom\nmet bank"]);
  });

  it("reads CRLF and LF alike, skips blank lines and a byte order mark", () => {
    const lf = parsePb(pb(...MINIMAL));
    expect(parsePb("\ufeff" + MINIMAL.join("\r\n") + "\r\n\r\n")).toEqual(lf);
    expect(parsePb(MINIMAL.slice(0, 4).join("\n") + "\n\n" + MINIMAL.slice(4).join("\n"))).toEqual(lf);
  });

  it("reads cumulative ballots with their points", () => {
    const file = parsePb(
      pb(
        "META",
        "key;value",
        "budget;100",
        "vote_type;cumulative",
        "PROJECTS",
        "project_id;cost",
        "1;60",
        "2;50",
        "VOTES",
        "voter_id;vote;points",
        "a;1,2;7,3",
        "b;2;10",
      ),
    );
    expect(pbVoteType(file.meta)).toBe("cumulative");
    expect(file.votes.map((v) => v.points)).toEqual([[7, 3], [10]]);
  });

  it("keeps the order of ordinal ballots", () => {
    const file = parsePb(pb("META", "key;value", "vote_type;ordinal", "PROJECTS", "project_id;cost", "1;1", "2;1", "3;1", "VOTES", "voter_id;vote", "a;3,1,2"));
    expect(file.votes[0]?.vote).toEqual(["3", "1", "2"]);
  });

  it("accepts an empty ballot and a file without voters", () => {
    const withEmpty = parsePb(pb(...MINIMAL, "c;"));
    expect(withEmpty.votes[2]).toEqual({ voterId: "c", vote: [], extra: {} });
    expect(parsePb(pb(...MINIMAL.slice(0, 10))).votes).toEqual([]);
  });
});

describe("parsePb reads a ballot that names a project twice", () => {
  // A real file (Amsterdam 2022 Oost - Oud Oost) has one such ballot; an approval is a yes or no,
  // so the second mention counts for nothing, and the reader says so with the line.
  it("keeps each project once, remembers the duplicates and warns with the line", () => {
    const file = parsePb(pb(...MINIMAL.slice(0, 11), "b;2,1,2,1,2"));
    expect(file.votes[1]).toEqual({ voterId: "b", vote: ["2", "1"], extra: {}, duplicates: ["2", "1"] });
    expect(file.warnings).toEqual([{ line: 12, message: "vote of voter b names projects 2, 1 more than once; counted once" }]);
    expect(pbDuplicateBallots(file)).toBe(1);
  });

  it("has no warnings for a clean file", () => {
    const file = parsePb(pb(...MINIMAL));
    expect(file.warnings).toBeUndefined();
    expect(pbDuplicateBallots(file)).toBe(0);
  });
});

describe("parsePb refuses malformed files with the line to fix", () => {
  const replaceLine = (index: number, line: string) => MINIMAL.map((l, i) => (i === index ? line : l));
  const cases: { name: string; lines: string[]; line: number; message: RegExp }[] = [
    { name: "empty file", lines: [], line: 1, message: /missing section META/ },
    { name: "does not start with META", lines: MINIMAL.slice(4), line: 1, message: /expected section META, found section PROJECTS/ },
    { name: "missing VOTES", lines: MINIMAL.slice(0, 8), line: 9, message: /missing section VOTES/ },
    {
      name: "sections out of order",
      lines: [...MINIMAL.slice(0, 4), ...MINIMAL.slice(8), ...MINIMAL.slice(4, 8)],
      line: 5,
      message: /expected section PROJECTS, found section VOTES/,
    },
    { name: "non-integer cost", lines: replaceLine(6, "1;60.5;Bankje"), line: 7, message: /cost "60.5" of project 1 is not a whole/ },
    { name: "negative cost", lines: replaceLine(6, "1;-60;Bankje"), line: 7, message: /cost "-60"/ },
    { name: "too many fields", lines: replaceLine(6, "1;60;Bankje; groot"), line: 7, message: /4 fields but the header has 3/ },
    { name: "too few fields", lines: replaceLine(10, "a"), line: 11, message: /1 fields but the header has 2/ },
    { name: "duplicate project id", lines: replaceLine(7, "1;50;Boom"), line: 8, message: /duplicate project id "1" \(first on line 7\)/ },
    { name: "duplicate voter id", lines: replaceLine(11, "a;2"), line: 12, message: /duplicate voter id "a" \(first on line 11\)/ },
    { name: "unknown project in a vote", lines: replaceLine(11, "b;2,9"), line: 12, message: /voter b names unknown project "9"/ },
    {
      name: "project twice in a ballot with points",
      lines: [...replaceLine(3, "vote_type;cumulative").slice(0, 9), "voter_id;vote;points", "a;1,1;2,3"],
      line: 11,
      message: /names project 1 twice/,
    },
    { name: "no cost column", lines: replaceLine(5, "project_id;price;name"), line: 6, message: /no "cost" column/ },
    { name: "no vote column", lines: replaceLine(9, "voter_id;ballot"), line: 10, message: /no "vote" column/ },
    { name: "unknown vote type", lines: replaceLine(3, "vote_type;quadratic"), line: 4, message: /unknown vote_type "quadratic"/ },
    { name: "non-integer budget", lines: replaceLine(2, "budget;1e5"), line: 3, message: /budget "1e5" is not a whole number/ },
    { name: "duplicate META key", lines: replaceLine(3, "budget;200"), line: 4, message: /duplicate META key "budget"/ },
    { name: "unclosed quote", lines: replaceLine(6, '1;60;"Bankje'), line: 7, message: /never closed/ },
    { name: "text after a closing quote", lines: replaceLine(6, '1;60;"Bankje"x'), line: 7, message: /after a closing double quote/ },
    { name: "a section twice", lines: [...MINIMAL, "META"], line: 13, message: /unexpected section META after VOTES/ },
    { name: "choose-1 with two choices", lines: replaceLine(3, "vote_type;choose-1"), line: 11, message: /names 2 projects, but vote_type is choose-1/ },
    { name: "cumulative without points", lines: replaceLine(3, "vote_type;cumulative"), line: 10, message: /needs a "points" column/ },
  ];

  it.each(cases)("$name", ({ lines, line, message }) => {
    const error = parseError(lines.length === 0 ? "" : pb(...lines));
    expect(error).toBeInstanceOf(PbParseError);
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
  });

  it("refuses points that do not pair up with the projects", () => {
    const error = parseError(
      pb("META", "key;value", "vote_type;cumulative", "PROJECTS", "project_id;cost", "1;1", "2;1", "VOTES", "voter_id;vote;points", "a;1,2;3"),
    );
    expect(error.line).toBe(10);
    expect(error.message).toMatch(/1 points for 2 projects/);
  });
});

describe("writePb", () => {
  it("round-trips awkward values", () => {
    const file: PbFile = {
      meta: { description: 'Buurt "Noord"; 2027', budget: "1000", vote_type: "cumulative" },
      projects: [
        { id: "1", cost: 400, votes: 12, name: "Bankje; groot", selected: 1, extra: { category: 'groen "buiten"' } },
        { id: "2", cost: 700, votes: 3, name: "Boom\nmet bank", selected: 0, extra: { category: "" } },
      ],
      votes: [
        { voterId: "v1", vote: ["1", "2"], points: [2, 1], extra: { age: "41" } },
        { voterId: "v2", vote: [], points: [], extra: { age: "" } },
      ],
    };
    const text = writePb(file);
    expect(text.split("\n").slice(0, 8)).toEqual([
      "META",
      "key;value",
      'description;"Buurt ""Noord""; 2027"',
      "budget;1000",
      "vote_type;cumulative",
      "PROJECTS",
      "project_id;cost;votes;name;category;selected",
      '1;400;12;"Bankje; groot";"groen ""buiten""";1',
    ]);
    const { projectColumns, voteColumns, ...back } = parsePb(text);
    expect(back).toEqual(file);
    expect(voteColumns).toEqual(["voter_id", "vote", "points", "age"]);
    expect(projectColumns).toHaveLength(6);
    expect(writePb(parsePb(text), { lineEnding: "\r\n" })).toBe(text.replaceAll("\n", "\r\n").replace("Boom\r\nmet", "Boom\nmet"));
  });

  it("refuses ids that a vote list could not hold", () => {
    const file: PbFile = { meta: {}, projects: [{ id: "1,2", cost: 1, extra: {} }], votes: [] };
    expect(() => writePb(file)).toThrow(/commas/);
  });
});
