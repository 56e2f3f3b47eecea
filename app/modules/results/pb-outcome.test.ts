import { describe, expect, it } from "vitest";
import { parsePb } from "./pb-format";
import { computePbOutcome, PbRuleError, ruleFromPbMeta } from "./pb-outcome";

describe("ruleFromPbMeta", () => {
  it.each([
    [{ rule: "greedy-custom", leftover_budget: "Partially fund one additional project with highest score" }, "greedy-partial"],
    [{ rule: "greedy-custom", leftover_budget: "Fund additional projects that fit within leftover budget ordered by score" }, "greedy"],
    [{ rule: "greedy-custom", leftover_budget: "Leftover budget is not used" }, "greedy-stop"],
    [{ rule: "greedy" }, "greedy"],
    [{ rule: "equalshares/add1" }, "equal-shares"],
    [{}, "greedy"],
    [{ rule: "something-new" }, "greedy"],
  ])("%o -> %s", (meta, rule) => {
    expect(ruleFromPbMeta(meta).rule).toBe(rule);
  });

  it("reads the equal shares completion", () => {
    expect(ruleFromPbMeta({ rule: "equalshares/add1" }).completion).toBe("add1");
    expect(ruleFromPbMeta({ rule: "equalshares" }).completion).toBe("none");
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

describe("computePbOutcome", () => {
  it("ranks cumulative ballots by points", () => {
    const outcome = computePbOutcome(file("cumulative", ["a;1,3;1,9", "b;2;5"], "voter_id;vote;points"));
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
    expect(computePbOutcome(withTotals).selected).toEqual(["2"]);
  });

  it("refuses what it cannot apply", () => {
    expect(() => computePbOutcome(file("ordinal", ["a;1,2"]))).toThrow(PbRuleError);
    expect(() => computePbOutcome(file("cumulative", ["a;1;3"], "voter_id;vote;points"), { rule: "equal-shares", completion: "add1" })).toThrow(
      /approval ballots/,
    );
    expect(() => computePbOutcome(parsePb("META\nkey;value\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n"))).toThrow(/no budget/);
  });

  it("runs equal shares on choose-1 ballots as approval ballots", () => {
    const outcome = computePbOutcome(file("choose-1", ["a;1", "b;1", "c;3"]), { rule: "equal-shares", completion: "add1" });
    expect(outcome.selected).toEqual(["1", "3"]);
  });
});
