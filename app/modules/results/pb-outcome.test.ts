import { describe, expect, it } from "vitest";
import { parsePb } from "./pb-format";
import { computePbOutcome, defaultPbRule, PbRuleError, readPbRule, ruleFromPbMeta } from "./pb-outcome";

describe("readPbRule", () => {
  it.each([
    [{ rule: "greedy-custom", leftover_budget: "Partially fund one additional project with highest score" }, "greedy-partial"],
    [{ rule: "greedy-custom", leftover_budget: "Fund additional projects that fit within leftover budget ordered by score" }, "greedy"],
    [{ rule: "greedy-custom", leftover_budget: "Leftover budget is not used" }, "greedy-stop"],
    [{ rule: "greedy" }, "greedy"],
    // Pabulib: stop at the first project that does not fit (Gdynia 2020 gives {2}, not {2, 13, 1}).
    [{ rule: "greedy-no-skip" }, "greedy-stop"],
    [{ rule: "greedy-threshold", min_project_score_threshold: "1000" }, "greedy"],
    [{ rule: "equalshares/add1" }, "equal-shares"],
  ])("%o -> %s", (meta, rule) => {
    expect(ruleFromPbMeta(meta).rule).toBe(rule);
  });

  it.each([
    [{}, /does not say which rule/],
    [{ rule: "unknown" }, /does not say which rule/],
    [{ rule: "something-new" }, /"something-new" is not a rule we know/],
    [{ rule: "greedy-custom" }, /without a leftover_budget line does not say what happens/],
    [{ rule: "greedy-custom", leftover_budget: "Give it to charity" }, /leftover_budget we do not know/],
    [{ rule: "greedy-exclusive" }, /not modelled/],
    [{ rule: "greedy-threshold" }, /without a min_project_score_threshold/],
    [{ rule: "equalshares/add2" }, /Equal Shares variant we do not know/],
  ])("%o names no rule we can apply", (meta, reason) => {
    expect(readPbRule(meta).choice).toBeNull();
    expect(readPbRule(meta).meaning).toMatch(reason);
    expect(() => ruleFromPbMeta(meta)).toThrow(PbRuleError);
  });

  it("reads the equal shares completion and the comparison step, and says what they mean", () => {
    expect(ruleFromPbMeta({ rule: "equalshares/add1" })).toEqual({ rule: "equal-shares", completion: "add1", comparison: false });
    expect(ruleFromPbMeta({ rule: "equalshares" })).toEqual({ rule: "equal-shares", completion: "none", comparison: false });
    expect(ruleFromPbMeta({ rule: "equalshares-comparison" })).toEqual({ rule: "equal-shares", completion: "none", comparison: true });
    const reading = readPbRule({ rule: "equalshares/add1-comparison" });
    expect(reading.choice).toEqual({ rule: "equal-shares", completion: "add1", comparison: true });
    expect(reading.meaning).toMatch(/add1 completion.*comparison step \(plain greedy instead, when more voters prefer its outcome\)/);
  });
});

const file = (voteType: string, votes: string[], header = "voter_id;vote") =>
  parsePb(
    [
      "META",
      "key;value",
      "budget;100",
      `vote_type;${voteType}`,
      "PROJECTS",
      "project_id;cost;votes",
      "1;60;",
      "2;50;",
      "3;40;",
      "VOTES",
      header,
      ...votes,
    ].join("\n"),
  );

const GREEDY = { rule: "greedy", completion: "none" } as const;

describe("computePbOutcome", () => {
  it("ranks cumulative ballots by points", () => {
    const outcome = computePbOutcome(file("cumulative", ["a;1,3;1,9", "b;2;5"], "voter_id;vote;points"), GREEDY);
    expect(outcome.scores).toEqual(
      new Map([
        ["1", 1],
        ["2", 5],
        ["3", 9],
      ]),
    );
    expect(outcome.selected).toEqual(["3", "2"]);
  });

  it("ranks by the votes column when a file publishes no ballots", () => {
    const withTotals = parsePb("META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost;votes\n1;60;5\n2;50;9\nVOTES\nvoter_id;vote\n");
    expect(computePbOutcome(withTotals, GREEDY).selected).toEqual(["2"]);
  });

  it("refuses what it cannot apply", () => {
    expect(() => computePbOutcome(file("ordinal", ["a;1,2"]), GREEDY)).toThrow(PbRuleError);
    expect(() => computePbOutcome(file("cumulative", ["a;1;3"], "voter_id;vote;points"), { rule: "equal-shares", completion: "add1" })).toThrow(
      /approval ballots/,
    );
    expect(() => computePbOutcome(parsePb("META\nkey;value\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n"), GREEDY)).toThrow(/no budget/);
  });

  it("runs equal shares on choose-1 ballots as approval ballots", () => {
    const outcome = computePbOutcome(file("choose-1", ["a;1", "b;1", "c;3"]), { rule: "equal-shares", completion: "add1" });
    expect(outcome.selected).toEqual(["1", "3"]);
  });
});

// A hand-made round (budget 100) for the rules a file's META can name.
//   project  cost  approvals
//   1          60          3
//   2          50          2
//   3          40          1
// greedy: 1 (40 left), 2 does not fit, 3 fits: {1, 3}. greedy-no-skip: 1, then stop at 2: {1}.
const round = (metaLines: string[], projectLines = ["1;60", "2;50", "3;40"], header = "project_id;cost") =>
  parsePb(
    ["META", "key;value", "budget;100", ...metaLines, "PROJECTS", header, ...projectLines, "VOTES", "voter_id;vote", "a;1,2,3", "b;1,2", "c;1"].join("\n"),
  );

describe("the rule a file names, applied", () => {
  it("greedy skips, greedy-no-skip stops", () => {
    expect(computePbOutcome(round(["rule;greedy"])).selected).toEqual(["1", "3"]);
    expect(computePbOutcome(round(["rule;greedy-no-skip"])).selected).toEqual(["1"]);
  });

  it("min_project_score_threshold leaves projects below it out before the rule runs", () => {
    // Threshold 2: project 3 (1 approval) is out, so greedy funds only 1.
    expect(computePbOutcome(round(["rule;greedy-threshold", "min_project_score_threshold;2"])).selected).toEqual(["1"]);
  });

  it("refuses META lines that constrain the outcome in ways not modelled", () => {
    expect(() => computePbOutcome(round(["rule;greedy", "budget_per_district;50,50"]))).toThrow(
      /budget_per_district divides the budget in a way that is not modelled/,
    );
  });

  it("takes the rule that reproduces the selected column when META does not say, and says so", () => {
    // Official outcome {1}: greedy gives {1, 3}, greedy-no-skip gives {1}.
    const file = round(["rule;unknown"], ["1;60;1", "2;50;0", "3;40;0"], "project_id;cost;selected");
    const chosen = defaultPbRule(file);
    expect(chosen).toMatchObject({ choice: { rule: "greedy-stop" }, source: "selected" });
    expect(chosen.meaning).toMatch(/reproduces the file's selected column/);
    expect(computePbOutcome(file).selected).toEqual(["1"]);
    // An outcome no rule gives ({2, 3}) is refused, and so is a file without any outcome.
    expect(() => defaultPbRule(round(["rule;unknown"], ["1;60;0", "2;50;1", "3;40;1"], "project_id;cost;selected"))).toThrow(
      /none of .* reproduces its selected column/,
    );
    expect(() => defaultPbRule(round(["rule;greedy-custom"]))).toThrow(/greedy-custom" without a leftover_budget line .*; pass --rule/);
  });

  it("equal shares with the comparison step keeps Equal Shares unless more voters prefer greedy", () => {
    // Budget 100, ten voters with 10 each. A (80) approved by voters 1-6, B (20) and C (20) by 7-10.
    // Equal Shares: A's supporters have 60 < 80, so A is out; voters 7-10 buy B (5 each), then C
    // (their last 5 each): {B, C}. Greedy: A (6 approvals) fits (20 left), B fits (0 left): {A, B}.
    // Voters 1-6 prefer greedy (1 against 0), voters 7-10 prefer Equal Shares (2 against 1): 6 > 4,
    // so greedy's outcome is taken.
    const ballots = ["1;A", "2;A", "3;A", "4;A", "5;A", "6;A", "7;B,C", "8;B,C", "9;B,C", "10;B,C"];
    const text = (rule: string) =>
      ["META", "key;value", "budget;100", `rule;${rule}`, "PROJECTS", "project_id;cost", "A;80", "B;20", "C;20", "VOTES", "voter_id;vote", ...ballots].join(
        "\n",
      );
    const plain = computePbOutcome(parsePb(text("equalshares")));
    expect(plain.selected).toEqual(["B", "C"]);
    const compared = computePbOutcome(parsePb(text("equalshares-comparison")));
    expect(compared.comparison).toMatchObject({ equalShares: ["B", "C"], greedy: ["A", "B"], preferEqualShares: 4, preferGreedy: 6, taken: "greedy" });
    expect(compared.selected).toEqual(["A", "B"]);
  });

  it("counts a ballot that names a project twice once, and says how many ballots did", () => {
    const file = parsePb(
      ["META", "key;value", "budget;100", "rule;greedy", "PROJECTS", "project_id;cost", "1;60", "2;50", "VOTES", "voter_id;vote", "a;2,2", "b;1", "c;2"].join(
        "\n",
      ),
    );
    const outcome = computePbOutcome(file);
    expect(outcome.scores.get("2")).toBe(2);
    expect(outcome.duplicateBallots).toBe(1);
  });
});

describe("a file whose budget is divided into parts", () => {
  // Budget 100: Groen 60, Jeugd 40.
  //   g1 Groen 40 (3 approvals), g2 Groen 30 (2), j1 Jeugd 30 (2), j2 Jeugd 20 (1).
  // Per part, stop at the first that does not fit: Groen g1 (20 left), g2 stops; Jeugd j1 (10 left), j2 stops.
  // Leftover 30, in score order over g2 (30) and j2 (20): g2 fits (0 left), j2 does not.
  const parted = (extra: string[]) =>
    parsePb(
      [
        "META",
        "key;value",
        "budget;100",
        "rule;greedy-custom",
        "categories;Groen,Jeugd",
        "budget_per_category;60,40",
        ...extra,
        "PROJECTS",
        "project_id;cost;category",
        "g1;40;Groen",
        "g2;30;Groen",
        "j1;30;Jeugd",
        "j2;20;Jeugd",
        "VOTES",
        "voter_id;vote",
        "a;g1,g2,j1",
        "b;g1,g2,j1",
        "c;g1,j2",
      ].join("\n"),
    );

  it("runs the rule per part, then the leftover policy", () => {
    const outcome = computePbOutcome(parted(["leftover_budget;Fund additional projects that fit within leftover budget ordered by score"]));
    expect(outcome.rule).toBe("greedy-stop");
    expect(outcome.selected).toEqual(["g1", "j1", "g2"]);
    expect(outcome.parts).toMatchObject({ column: "category", leftoverPolicy: "fund-what-fits", leftAfterParts: 30, spent: 100 });
  });

  it("refuses parts without a stated leftover policy, and with equal shares", () => {
    expect(() => computePbOutcome(parted([]), { rule: "greedy-stop", completion: "none" })).toThrow(/does not say what happens to the money the parts leave/);
    const withLeftover = parted(["leftover_budget;Fund additional projects that fit within leftover budget ordered by score"]);
    expect(() => computePbOutcome(withLeftover, { rule: "equal-shares", completion: "add1" })).toThrow(
      /equal shares with the budget divided per category is not modelled/,
    );
    expect(() => computePbOutcome(withLeftover, { rule: "greedy-partial", completion: "none" })).toThrow(/not modelled/);
  });

  // The same round with no leftover_budget line but META's comment that each part's amount is an upper
  // bound (as Pabulib's Amsterdam Centrum 2020 says): per part stop at the first that does not fit, as above,
  // so Groen funds g1 (20 left) and stops at g2, Jeugd funds j1 (10 left) and stops at j2. The parts add up to
  // the budget, so no money lies outside them and g2 may not use Jeugd's 10: the 30 stay unspent.
  // Winners g1, j1; spent 70 (funding what fits from the 30 would have added g2).
  const upperBound = "comment;#1: The budget_per_category is an upper bound on the sum cost of projects within a category";

  it("reads parts that META calls upper bounds, with no leftover line, as stop inside a part and leave the rest", () => {
    const file = parted([upperBound]);
    expect(defaultPbRule(file)).toMatchObject({ choice: { rule: "greedy-stop" }, source: "meta" });
    const outcome = computePbOutcome(file);
    expect(outcome.selected).toEqual(["g1", "j1"]);
    expect(outcome.parts).toMatchObject({ leftoverPolicy: "unspent", leftAfterParts: 30, leftoverPass: null, spent: 70 });
  });

  it("spells neighbourhood either way in that comment", () => {
    // Budget 10 in Noord 6 and Zuid 4; n1 (5) fits Noord, n2 (2) stops there (1 left); z1 (4) fills Zuid.
    const file = parsePb(
      [
        "META",
        "key;value",
        "budget;10",
        "rule;greedy-custom",
        "neighborhoods;Noord,Zuid",
        "budget_per_neighborhood;6,4",
        "comment;The budget_per_neighbourhood is an upper bound on the sum cost of projects within a neighbourhood",
        "PROJECTS",
        "project_id;cost;neighborhood",
        "n1;5;Noord",
        "n2;2;Noord",
        "z1;4;Zuid",
        "VOTES",
        "voter_id;vote",
        "a;n1,n2,z1",
        "b;n1,n2",
        "c;n1",
      ].join("\n"),
    );
    expect(computePbOutcome(file)).toMatchObject({ rule: "greedy-stop", selected: ["n1", "z1"], spent: 9 });
  });

  it("refuses upper bounds that leave money outside the parts, and a comment about other parts", () => {
    // Budget 120 with parts of 60 and 40: what may the 20 outside the parts buy? The file does not say.
    const bounded = parted([upperBound]);
    const wider = { ...bounded, meta: { ...bounded.meta, budget: "120" } };
    expect(() => defaultPbRule(wider)).toThrow(/greedy-custom" without a leftover_budget line/);
    expect(() => computePbOutcome(wider, { rule: "greedy-stop", completion: "none" })).toThrow(/does not say what happens to the money the parts leave/);
    const otherParts = parted(["comment;The budget_per_neighbourhood is an upper bound"]);
    expect(() => defaultPbRule(otherParts)).toThrow(PbRuleError);
  });
});
