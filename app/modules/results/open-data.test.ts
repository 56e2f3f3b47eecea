import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeContestOutcome, type ContestOutcomeInput, type OutcomeRule } from "./contest-outcome";
import {
  anonymiseBallots,
  ballotsCsv,
  ballotsJson,
  contestToPb,
  csvField,
  PbImportError,
  PbPartsImportError,
  pbToArchivedContest,
  publicResults,
  RESULTS_CSV_COLUMNS,
  resultsCsv,
  resultsJson,
  type PublicResultsContext,
} from "./open-data";
import { computePbOutcome, pbBudgetParts } from "./pb-outcome";
import { parsePb, writePb } from "./pb-format";

const PABULIB = new URL("../../../tests/fixtures/pabulib/", import.meta.url);

const ideas = [
  { id: 11, cost: 600, title: "Bankjes in het park" },
  { id: 12, cost: 500, title: '=HYPERLINK("x") "moestuin"' },
  { id: 13, cost: 300, title: "Buurtfeest, met muziek" },
  { id: 14, cost: 100, title: "Boekenkastje" },
];
const ballots = [
  [13, 11, 12],
  [11, 12, 13],
  [12, 11],
  [11, 13, 12],
  [14, 11],
];

function outcomeOf(rule: OutcomeRule, over: Partial<ContestOutcomeInput> = {}) {
  const b = (over.ballots ?? ballots) as number[][];
  return computeContestOutcome({
    rule,
    budget: 1000,
    ideas,
    ballots: b,
    totals: ideas.map((idea) => {
      const digital = b.flat().filter((id) => id === idea.id).length;
      return { ideaId: idea.id, digital, poster: 0, total: digital };
    }),
    prizes: [
      { position: 1, name: "Eerste prijs", amountEuros: 600 },
      { position: 2, name: "Tweede prijs", amountEuros: 400 },
    ],
    drawSeed: "open-data",
    ...over,
  });
}

const context: PublicResultsContext = {
  contest: {
    slug: "vonk-2027",
    title: "Vonk 2027",
    organisation: "Wijkteam",
    areas: ["Keizerslanden"],
    votesPerResident: 3,
    allowStacking: false,
    amountsIncludeVat: true,
  },
  ideas,
  turnout: { online: 4, code: 1, poster: 0, total: 5 },
  revealedAt: Date.UTC(2027, 5, 12, 18, 30),
  corrections: [],
};

describe("CSV", () => {
  it("quotes only what needs quoting, and defuses spreadsheet formulas in typed text", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("=1+1", { text: true })).toBe("'=1+1");
    expect(csvField("-5", { text: true })).toBe("'-5");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
  });

  it("results.csv: fixed columns, rank order, one line per idea", () => {
    const text = resultsCsv(outcomeOf("greedy"), ideas, true);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(RESULTS_CSV_COLUMNS.join(","));
    expect(lines[0]).toBe(
      "rank,idea_id,title,cost_eur,stickers,stickers_digital,stickers_poster,voters,status,amount_eur,prize_position,prize_name,chosen_as,reason,amounts_include_vat",
    );
    expect(lines[1]).toBe("1,11,Bankjes in het park,600,5,5,0,5,funded,600,,,1,funded,true");
    expect(lines[2]).toBe(`2,12,"'=HYPERLINK(""x"") ""moestuin""",500,4,4,0,4,not-chosen,0,,,,does-not-fit,true`);
    expect(lines[3]).toBe('3,13,"Buurtfeest, met muziek",300,3,3,0,3,funded,300,,,2,funded,true');
    expect(lines).toHaveLength(6);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("results.csv for prizes by rank names the prize", () => {
    const lines = resultsCsv(outcomeOf("prizes-by-rank"), ideas, false).split("\r\n");
    expect(lines[1]).toBe("1,11,Bankjes in het park,600,5,5,0,5,prize,600,1,Eerste prijs,1,prize,false");
  });
});

describe("ballots", () => {
  it("are sorted by content, never by storage order, and numbered after sorting", () => {
    expect(anonymiseBallots(ballots)).toEqual([
      [11, 12],
      [11, 12, 13],
      [11, 12, 13],
      [11, 12, 13],
      [11, 14],
    ]);
    expect(anonymiseBallots([...ballots].reverse())).toEqual(anonymiseBallots(ballots));
  });

  it("as CSV and JSON, without channel, id or time", () => {
    expect(ballotsCsv([[13, 13], [11]])).toBe('ballot,stickers\r\n1,11\r\n2,"13,13"\r\n');
    const json = JSON.parse(ballotsJson("vonk-2027", [[13, 13], [11]]));
    expect(json).toMatchObject({
      version: 1,
      contest: "vonk-2027",
      ballots: [
        { ballot: 1, stickers: [11] },
        { ballot: 2, stickers: [13, 13] },
      ],
    });
    expect(Object.keys(json.ballots[0])).toEqual(["ballot", "stickers"]);
  });
});

describe("public results JSON", () => {
  it("is versioned, with stable field names in a stable order", () => {
    const json = publicResults(outcomeOf("greedy"), context);
    expect(json.version).toBe(1);
    expect(Object.keys(json)).toEqual([
      "version",
      "contest",
      "turnout",
      "money",
      "tieBreak",
      "equalShares",
      "prizesNotAwarded",
      "winners",
      "ideas",
      "corrections",
    ]);
    // The round's VAT setting comes last in contest: fields are only ever added at the end.
    expect(Object.keys(json.contest).at(-1)).toBe("amountsIncludeVat");
    expect(json.contest.amountsIncludeVat).toBe(true);
    expect(Object.keys(json.ideas[0]!)).toEqual([
      "id",
      "title",
      "rank",
      "cost",
      "stickers",
      "stickersDigital",
      "stickersPoster",
      "voters",
      "status",
      "amount",
      "prize",
      "chosenAs",
      "reason",
      "juryScore",
      "tie",
      "shares",
    ]);
    expect(json.contest.revealedAt).toBe("2027-06-12T18:30:00.000Z");
    expect(json.tieBreak).toEqual({ steps: ["voters", "draw"], drawSeed: "open-data", drawMethod: "sha256(seed:ideaId), lowest first", drawUsed: false });
    expect(json.winners).toEqual([11, 13, 14]);
    expect(JSON.parse(resultsJson(outcomeOf("greedy"), context))).toEqual(json);
  });

  it("shows a jury score only where it decided a tie", () => {
    const tied = outcomeOf("prizes-by-rank", {
      ballots: [[11], [12], [13]],
      juryScores: new Map([
        [11, 7],
        [12, 8],
        [13, 8],
        [14, 2],
      ]),
    });
    const json = publicResults(tied, context);
    const byId = new Map(json.ideas.map((i) => [i.id, i]));
    expect(byId.get(11)?.juryScore).toBe(7);
    expect(byId.get(14)?.juryScore).toBeNull();
  });

  it("carries Equal Shares' payments with exact fractions", () => {
    const json = publicResults(outcomeOf("equal-shares"), context);
    const paid = json.ideas.filter((i) => i.shares !== null);
    expect(paid.length).toBeGreaterThan(0);
    for (const idea of paid) {
      const total = idea.shares!.reduce((sum, g) => sum + g.voters * g.each, 0);
      expect(total).toBeCloseTo(idea.cost, 6);
    }
    expect(json.equalShares).toMatchObject({ voters: 5 });
  });
});

describe("the .pb export", () => {
  const pbInput = (rule: OutcomeRule, allowStacking = false, b: number[][] = ballots) => ({
    contest: {
      title: "Vonk; 2027",
      organisation: "Wijkteam Keizerslanden",
      areas: ["Keizerslanden"],
      votesPerResident: 3,
      allowStacking,
      votingStart: Date.UTC(2027, 4, 1, 8),
      votingEnd: Date.UTC(2027, 4, 31, 20),
      amountsIncludeVat: false,
    },
    ideas,
    ballots: b,
    outcome: outcomeOf(rule, { ballots: b }),
  });

  it("writes a file that reads back, with anonymised voter ids and the official outcome", () => {
    const text = writePb(contestToPb(pbInput("greedy")));
    const file = parsePb(text);
    expect(file.meta).toMatchObject({
      description: "Vonk; 2027",
      country: "Netherlands",
      unit: "Wijkteam Keizerslanden",
      instance: "2027",
      num_projects: "4",
      num_votes: "5",
      budget: "1000",
      vote_type: "approval",
      rule: "greedy",
      date_begin: "01.05.2027",
      date_end: "31.05.2027",
      max_length: "3",
      currency: "EUR",
    });
    // Pabulib has no VAT key; the comment says it (issue 21: open data carries the round's VAT setting).
    expect(file.meta.comment).toContain("#4: Budget and costs are in euros excluding VAT.");
    expect(file.votes.map((v) => [v.voterId, v.vote.join(",")])).toEqual([
      ["1", "11,12"],
      ["2", "11,12,13"],
      ["3", "11,12,13"],
      ["4", "11,12,13"],
      ["5", "11,14"],
    ]);
    expect(file.projects.map((p) => [p.id, p.votes, p.selected])).toEqual([
      ["11", 5, 1],
      ["12", 4, 0],
      ["13", 3, 1],
      ["14", 1, 1],
    ]);
    expect(file.projects[1]?.name).toBe('=HYPERLINK("x") "moestuin"');
  });

  it("gives the same winners when the exported file is tallied again with the rule it names", () => {
    for (const rule of ["greedy", "greedy-stop", "greedy-partial", "equal-shares"] as const) {
      const input = pbInput(rule);
      const written = contestToPb(input);
      const again = computePbOutcome(parsePb(writePb(written)));
      expect(again.rule).toBe(rule);
      if (rule === "greedy-stop") expect(written.meta).toMatchObject({ rule: "greedy-no-skip" });
      if (rule === "greedy-stop") expect(written.meta.leftover_budget).toBeUndefined();
      const ours = input.outcome;
      const partial = ours.ideas.find((i) => i.status === "partially-funded")?.ideaId ?? null;
      expect(again.selected.map(Number)).toEqual(ours.winners.filter((id) => id !== partial));
      expect(again.partialId === null ? null : Number(again.partialId)).toBe(partial);
    }
  });

  it("writes stacked stickers as a cumulative ballot with points", () => {
    const file = parsePb(writePb(contestToPb(pbInput("greedy", true, [[11, 11, 12], [13]]))));
    expect(file.meta.vote_type).toBe("cumulative");
    expect(file.meta.max_sum_points).toBe("3");
    expect(file.votes.map((v) => [v.vote, v.points])).toEqual([
      [
        ["11", "12"],
        [2, 1],
      ],
      [["13"], [1]],
    ]);
  });

  it("says in META how many stickers were on paper posters", () => {
    const outcome = outcomeOf("greedy", {
      ballots: [[11]],
      totals: [
        { ideaId: 11, digital: 1, poster: 3, total: 4 },
        { ideaId: 12, digital: 0, poster: 2, total: 2 },
        { ideaId: 13, digital: 0, poster: 0, total: 0 },
        { ideaId: 14, digital: 0, poster: 0, total: 0 },
      ],
    });
    const file = contestToPb({ ...pbInput("greedy"), ballots: [[11]], outcome });
    expect(file.meta.comment).toMatch(/includes 5 stickers on paper posters/);
    expect(file.projects[0]?.votes).toBe(4);
  });
});

describe("pbToArchivedContest", () => {
  // Files whose budget is divided into parts (ADR 026) keep their parts (below).
  const PARTED = [
    "Netherlands_Amsterdam_2020_Centrum.pb",
    "Netherlands_Amsterdam_2020_Geuzenveld_Slotermeer.pb",
    "Netherlands_Amsterdam_2022_Oost_-_Oud_Oost.pb",
  ];
  const files = readdirSync(PABULIB).filter((name) => name.endsWith(".pb") && !PARTED.includes(name));

  it.each(PARTED)("keeps the parts of %s, each project's part and the leftover policy, checked against the official outcome", (name) => {
    const file = parsePb(readFileSync(new URL(name, PABULIB), "utf8"));
    const parts = pbBudgetParts(file)!;
    const archived = pbToArchivedContest(file);
    expect(archived.rule).toBe("greedy-stop");
    expect(archived.parts).toEqual({
      kind: parts.column === "neighborhood" ? "buurt" : "category",
      parts: parts.parts.map((p) => ({ name: p.key, budget: p.budget })),
      leftover: parts.leftover,
    });
    for (const [i, idea] of archived.ideas.entries()) expect(idea.part).toBe(file.projects[i]!.extra[parts.column]);
  });

  describe("a file with parts that do not add up", () => {
    // Two parts of 60 and 40 in a budget of 100. Votes: a 3, b 2, c 1.
    // Noord (60): a (50) fits, 10 left; c (30) does not fit: greedy-stop stops. Zuid (40): b (40) fits.
    // Official outcome {a, b}; the parts leave 10, which stays unspent.
    const text = (over: { parts?: string; budgets?: string; cParts?: string; rule?: string; selected?: string } = {}) =>
      [
        "META",
        "key;value",
        "budget;100",
        `rule;${over.rule ?? "greedy"}`,
        `neighborhoods;${over.parts ?? "Noord,Zuid"}`,
        `budget_per_neighborhood;${over.budgets ?? "60,40"}`,
        "leftover_budget;Leftover budget stays unspent",
        "PROJECTS",
        "project_id;cost;votes;neighborhood;selected",
        `a;50;3;Noord;1`,
        `b;40;2;Zuid;1`,
        `c;30;1;${over.cParts ?? "Noord"};${over.selected ?? "0"}`,
        "VOTES",
        "voter_id;vote",
        "",
      ].join("\n");
    const problem = (t: string) => {
      try {
        pbToArchivedContest(parsePb(t));
      } catch (error) {
        if (error instanceof PbPartsImportError) return error.problem;
        throw error;
      }
      return null;
    };

    it("takes the consistent file", () => {
      expect(problem(text())).toBeNull();
      expect(pbToArchivedContest(parsePb(text())).parts?.parts).toEqual([
        { name: "Noord", budget: 60 },
        { name: "Zuid", budget: 40 },
      ]);
    });
    it("refuses a project in a part the file does not list", () => {
      expect(problem(text({ cParts: "West" }))).toEqual({ code: "unknown-part", project: "c", part: "West" });
    });
    it("refuses parts that add up to more than the budget, beyond a euro per part of rounding", () => {
      expect(problem(text({ budgets: "61,41" }))).toBeNull();
      expect(problem(text({ budgets: "61,42" }))).toEqual({ code: "over-budget", total: 103, budget: 100 });
    });
    it("refuses an official outcome that the parts and the rule do not give", () => {
      // c was funded as well: one budget of 100 would not fund it either way with a and b, and Noord had 10 left.
      expect(problem(text({ selected: "1" }))).toEqual({ code: "not-reproduced", funded: ["a", "b"], official: ["a", "b", "c"] });
    });
    it("refuses a rule that does not run per part, and lists that do not match", () => {
      expect(problem(text({ rule: "equalshares" }))).toMatchObject({ code: "rule", rule: "equal-shares" });
      expect(problem(text({ parts: "Noord,Zuid,West" }))).toMatchObject({ code: "unreadable" });
      expect(problem(text({ parts: "Noord,Zuid,Zuid", budgets: "60,40,0" }))).toMatchObject({ code: "unreadable", detail: 'the part "Zuid" is listed twice' });
    });
    it("says the problem on the command line", () => {
      expect(() => pbToArchivedContest(parsePb(text({ budgets: "61,42" })))).toThrow(
        "the file divides its budget per neighborhood (Noord: 61, Zuid: 42), but the parts add up to 103, more than the budget of 100",
      );
    });
  });

  it("refuses a file with an official outcome whose rule it cannot read, and names what META says", () => {
    const text = (rule: string) =>
      [
        "META",
        "key;value",
        "budget;100",
        `rule;${rule}`,
        "PROJECTS",
        "project_id;cost;selected",
        "a;60;0",
        "b;50;1",
        "VOTES",
        "voter_id;vote",
        "1;a",
        "2;a",
        "",
      ].join("\n");
    // {b} is no outcome of any rule here (a has both votes and fits).
    expect(() => pbToArchivedContest(parsePb(text("unknown")))).toThrow(/does not say which rule was used, and none of .* reproduces its selected column$/);
    expect(() => pbToArchivedContest(parsePb(text("greedy-exclusive")))).toThrow(/greedy-exclusive.*not modelled/);
  });

  it.each(files)("maps %s to an archived round with its official outcome", (name) => {
    const file = parsePb(readFileSync(new URL(name, PABULIB), "utf8"));
    const archived = pbToArchivedContest(file);
    expect(archived.title).toBe(file.meta.description);
    expect(archived.budget).toBe(Number(file.meta.budget));
    expect(archived.voters).toBe(Number(file.meta.num_votes));
    expect(archived.officialOutcome).toBe(true);
    expect(archived.ideas).toHaveLength(file.projects.length);
    for (const [i, idea] of archived.ideas.entries()) {
      const project = file.projects[i]!;
      expect(idea).toMatchObject({ sourceId: project.id, cost: project.cost, votes: project.votes, selected: project.selected });
      expect(idea.title.length).toBeGreaterThan(0);
      expect(idea.title.length).toBeLessThanOrEqual(120);
    }
    expect(archived.rule).toBe(computePbOutcome(file).rule);
  });

  it("counts the votes from the ballots when there is no votes column, and names nameless projects", () => {
    const file = parsePb(
      ["META", "key;value", "budget;100", "PROJECTS", "project_id;cost", "a;60", "b;50", "VOTES", "voter_id;vote", "1;a,b", "2;a", ""].join("\n"),
    );
    const archived = pbToArchivedContest(file);
    expect(archived.title).toBe("Geïmporteerde ronde");
    expect(archived.ideas).toEqual([
      { sourceId: "a", title: "Project a", cost: 60, votes: 2, selected: 0, part: null },
      { sourceId: "b", title: "Project b", cost: 50, votes: 1, selected: 0, part: null },
    ]);
    expect(archived.officialOutcome).toBe(false);
  });

  it("refuses a file without a budget", () => {
    const file = parsePb(["META", "key;value", "description;x", "PROJECTS", "project_id;cost", "a;60", "VOTES", "voter_id;vote", ""].join("\n"));
    expect(() => pbToArchivedContest(file)).toThrow(PbImportError);
  });
});
