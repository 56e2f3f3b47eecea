// From a parsed .pb file to an outcome: which rule the file says was used,
// which scores that rule ranks by, and the rule itself. Shared by the
// `wijkvonk pb tally` command, the import and the tests against official
// outcomes, so all of them read a file the same way.
//
// A file we cannot apply faithfully is refused with the reason (PbRuleError),
// never tallied with a rule that merely resembles the one it names.

import { allocateByParts, type BudgetPart, type LeftoverPolicy, type PartsOutcome, type WithinPartVariant } from "./budget-parts";
import { equalShares, type EqualSharesCompletion, type EqualSharesOutcome } from "./equal-shares";
import { allocateGreedy, type GreedyOutcome } from "./greedy";
import { pbBudget, pbDuplicateBallots, pbVoteType, type PbFile } from "./pb-format";
import type { ProjectId } from "./ranking";
import { tally } from "./tally";

export const PB_RULES = ["greedy", "greedy-stop", "greedy-partial", "equal-shares"] as const;
export type PbRule = (typeof PB_RULES)[number];

export interface PbRuleChoice {
  readonly rule: PbRule;
  /** Only used by equal-shares. */
  readonly completion: EqualSharesCompletion;
  /**
   * Only used by equal-shares: Pabulib's "-comparison" suffix (equalshares.net's comparison
   * step). The Equal Shares outcome is compared with plain greedy (most approvals first, skip what
   * does not fit); each voter prefers the outcome that funds more of the projects they approved,
   * and greedy is taken only when more voters prefer it than prefer Equal Shares.
   */
  readonly comparison?: boolean;
}

/** A file we can read but cannot apply the chosen rule to (no budget, ranked ballots, ...). */
export class PbRuleError extends Error {
  override readonly name = "PbRuleError";
}

/** A project in a part the file does not list (or in none): said apart, so the import can name both. */
export class PbUnknownPartError extends PbRuleError {
  constructor(
    readonly project: string,
    readonly part: string,
    message: string,
  ) {
    super(message);
  }
}

/** What META's `rule` (and `leftover_budget`) line means, or why it does not say enough. */
export interface PbRuleReading {
  readonly choice: PbRuleChoice | null;
  readonly meaning: string;
}

const FUND_WHAT_FITS = /fund additional projects that fit/i;
const PARTIALLY_FUND = /partially fund/i;
const UNSPENT = /unspent|not (?:be )?(?:used|spent)|returned/i;

/**
 * Pabulib's rule names (pabulib.org/format): "greedy" skips a project that no longer fits and goes
 * on; "greedy-no-skip" stops at it; "greedy-custom" puts what differs in `leftover_budget`
 * (Amsterdam); "equalshares" is the Method of Equal Shares, "/add1" with the add1 completion,
 * "-comparison" with the comparison step. Rules we do not model ("greedy-threshold",
 * "greedy-exclusive") and "unknown" give no choice.
 */
export function readPbRule(meta: Readonly<Record<string, string>>): PbRuleReading {
  const named = (meta.rule ?? "").trim();
  const rule = named.toLowerCase();
  const leftover = (meta.leftover_budget ?? "").trim();
  if (rule.startsWith("equalshares")) {
    const match = /^equalshares(\/add1)?(-comparison)?$/.exec(rule);
    if (!match)
      return {
        choice: null,
        meaning: `rule "${named}": an Equal Shares variant we do not know (known: equalshares, equalshares/add1, and either with -comparison)`,
      };
    const completion: EqualSharesCompletion = match[1] ? "add1" : "none";
    const comparison = Boolean(match[2]);
    return {
      choice: { rule: "equal-shares", completion, comparison },
      meaning:
        `rule "${named}": Method of Equal Shares${completion === "add1" ? " with the add1 completion (raise every voter's share by one unit while the outcome still fits the budget)" : " without completion"}` +
        (comparison ? ", then the comparison step (plain greedy instead, when more voters prefer its outcome)" : ""),
    };
  }
  if (rule === "greedy" || rule === "greedy-custom") {
    if (PARTIALLY_FUND.test(leftover)) {
      return {
        choice: { rule: "greedy-partial", completion: "none" },
        meaning: `rule "${named}", leftover_budget "${leftover}": stop at the first project that does not fit and give it what is left`,
      };
    }
    if (FUND_WHAT_FITS.test(leftover)) {
      return {
        choice: { rule: "greedy", completion: "none" },
        meaning: `rule "${named}", leftover_budget "${leftover}": skip a project that does not fit and go on`,
      };
    }
    if (UNSPENT.test(leftover)) {
      return {
        choice: { rule: "greedy-stop", completion: "none" },
        meaning: `rule "${named}", leftover_budget "${leftover}": stop at the first project that does not fit`,
      };
    }
    if (leftover !== "") return { choice: null, meaning: `rule "${named}" with a leftover_budget we do not know: "${leftover}"` };
    if (rule === "greedy") return { choice: { rule: "greedy", completion: "none" }, meaning: `rule "greedy": skip a project that does not fit and go on` };
    return { choice: null, meaning: `rule "greedy-custom" without a leftover_budget line does not say what happens at the first project that does not fit` };
  }
  if (rule === "greedy-no-skip") {
    return { choice: { rule: "greedy-stop", completion: "none" }, meaning: `rule "greedy-no-skip": stop at the first project that does not fit` };
  }
  if (rule === "greedy-threshold") {
    if (meta.min_project_score_threshold === undefined) return { choice: null, meaning: `rule "greedy-threshold" without a min_project_score_threshold line` };
    return {
      choice: { rule: "greedy", completion: "none" },
      meaning: `rule "greedy-threshold": only projects scoring at least ${meta.min_project_score_threshold.trim()}, then skip a project that does not fit and go on`,
    };
  }
  if (rule === "greedy-exclusive") return { choice: null, meaning: `rule "greedy-exclusive" (mutually exclusive projects) is not modelled` };
  if (rule === "" || rule === "unknown") return { choice: null, meaning: "the file does not say which rule was used" };
  return { choice: null, meaning: `rule "${named}" is not a rule we know` };
}

/** The rule META names; PbRuleError when it names none we can apply. */
export function ruleFromPbMeta(meta: Readonly<Record<string, string>>): PbRuleChoice {
  const reading = readPbRule(meta);
  if (!reading.choice) throw new PbRuleError(reading.meaning);
  return reading.choice;
}

/** The budget divided into parts: Pabulib `budget_per_category` or `budget_per_neighborhood`. */
export interface PbBudgetParts {
  /** The PROJECTS column that names each project's part. */
  readonly column: "category" | "neighborhood";
  readonly parts: BudgetPart[];
  readonly leftover: LeftoverPolicy;
}

const PART_KEYS = [
  { budgetKey: "budget_per_category", namesKey: "categories", column: "category" },
  { budgetKey: "budget_per_neighborhood", namesKey: "neighborhoods", column: "neighborhood" },
] as const;

/**
 * Whether META's comment says each part's amount is an upper bound on what that part's projects
 * cost together (Pabulib's Amsterdam Centrum 2020: "The budget_per_neighbourhood is an upper bound
 * on the sum cost of projects within a neighbourhood selected by the voting rule").
 */
function statesUpperBound(meta: Readonly<Record<string, string>>, column: PbBudgetParts["column"]): boolean {
  const key = column === "neighborhood" ? "budget_per_neighbou?rhood" : "budget_per_category";
  return new RegExp(`${key} is an upper bound`, "i").test(meta.comment ?? "");
}

/**
 * The parts a file divides its budget into, or null. Refuses (PbRuleError) what it cannot read
 * faithfully: both kinds at once, lists of different lengths, a project in no listed part, or
 * no stated leftover policy.
 *
 * Without a leftover_budget line, a comment that each part's amount is an upper bound, with parts
 * that add up to the whole budget, is read as "unspent": no project may cost its part more than the
 * part's amount and there is no money outside the parts, so nothing funds a project of one part with
 * what another part left. That reproduces Centrum 2020 (see official-outcomes.test.ts); when the
 * parts add up to less than the budget, the file does not say what the rest buys, so it is refused.
 */
export function pbBudgetParts(file: Pick<PbFile, "meta" | "projects">): PbBudgetParts | null {
  const present = PART_KEYS.filter((k) => file.meta[k.budgetKey] !== undefined);
  if (present.length === 0) return null;
  if (present.length > 1) throw new PbRuleError("the file divides its budget both per category and per neighborhood; that is not modelled");
  const { budgetKey, namesKey, column } = present[0]!;
  const names = (file.meta[namesKey] ?? "").split(",").map((n) => n.trim());
  const budgets = (file.meta[budgetKey] ?? "").split(",").map((b) => b.trim());
  if (names.length !== budgets.length || names.some((n) => n === "")) {
    throw new PbRuleError(`${budgetKey} lists ${budgets.length} amounts but ${namesKey} lists ${names.length} names`);
  }
  const parts = names.map((key, i) => {
    const text = budgets[i] ?? "";
    const budget = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(budget)) throw new PbRuleError(`${budgetKey}: "${text}" is not a whole amount`);
    return { key, budget };
  });
  const known = new Set(names);
  for (const project of file.projects) {
    const part = (project.extra[column] ?? "").trim();
    if (!known.has(part)) throw new PbUnknownPartError(project.id, part, `project ${project.id} is in ${column} "${part}", which ${namesKey} does not list`);
  }
  const leftoverText = (file.meta.leftover_budget ?? "").trim();
  let leftover: LeftoverPolicy;
  if (FUND_WHAT_FITS.test(leftoverText)) leftover = "fund-what-fits";
  else if (UNSPENT.test(leftoverText)) leftover = "unspent";
  else if (leftoverText === "" && statesUpperBound(file.meta, column) && parts.reduce((sum, p) => sum + p.budget, 0) === pbBudget(file)) {
    leftover = "unspent";
  } else {
    throw new PbRuleError(
      `the file divides its budget per ${column} (${budgetKey}) but ${leftoverText ? `its leftover_budget "${leftoverText}" is not modelled for parts` : "does not say what happens to the money the parts leave (no leftover_budget line)"}`,
    );
  }
  return { column, parts, leftover };
}

/** META lines that change the outcome and that no rule here models: refuse rather than ignore them. */
const UNMODELLED_META = ["exclusive_projects"] as const;

function refuseUnmodelled(meta: Readonly<Record<string, string>>): void {
  for (const key of UNMODELLED_META) {
    if (meta[key] !== undefined) throw new PbRuleError(`META ${key} constrains the outcome and is not modelled`);
  }
  const other = Object.keys(meta).find((key) => key.startsWith("budget_per_") && !PART_KEYS.some((k) => k.budgetKey === key));
  if (other) throw new PbRuleError(`META ${other} divides the budget in a way that is not modelled`);
}

export interface PbOutcome {
  readonly rule: PbRule;
  readonly completion: EqualSharesCompletion | null;
  readonly budget: number;
  /** Selected projects in the order the rule selected them. */
  readonly selected: ProjectId[];
  readonly partialId: ProjectId | null;
  readonly partialAmount: number;
  readonly spent: number;
  /** The scores ranked by: approvals, choose-1 votes or points, tallied from the ballots. */
  readonly scores: Map<ProjectId, number>;
  readonly voters: number;
  readonly greedy: GreedyOutcome | null;
  readonly equalShares: EqualSharesOutcome | null;
  /** The budget divided into parts: the outcome per part and of the leftover pass. */
  readonly parts: (PartsOutcome & { readonly column: string; readonly leftoverPolicy: LeftoverPolicy; readonly withinPart: WithinPartVariant }) | null;
  /** Equal Shares with the comparison step: what was compared and which outcome was taken. */
  readonly comparison: PbComparison | null;
  /** Ballots that named a project more than once; each such project was counted once. */
  readonly duplicateBallots: number;
}

export interface PbComparison {
  readonly equalShares: ProjectId[];
  readonly greedy: ProjectId[];
  readonly preferEqualShares: number;
  readonly preferGreedy: number;
  readonly taken: "equal-shares" | "greedy";
}

/**
 * Scores come from the ballots. A file without any ballot but with a `votes`
 * column (some Pabulib files publish only totals) is ranked by that column.
 */
function scoresOf(file: PbFile): Map<ProjectId, number> {
  const projectIds = file.projects.map((p) => p.id);
  if (file.votes.length === 0 && file.projects.every((p) => p.votes !== undefined)) {
    return new Map(file.projects.map((p) => [p.id, p.votes ?? 0]));
  }
  const voteType = pbVoteType(file.meta);
  if (voteType === "ordinal") {
    throw new PbRuleError("ordinal (ranked) ballots cannot be tallied into scores by these rules");
  }
  const usesPoints = voteType === "cumulative" || voteType === "scoring";
  return tally(
    file.votes.map((v) => (usesPoints ? { vote: v.vote, points: v.points ?? [] } : v.vote)),
    projectIds,
  ).totals;
}

function compareWithGreedy(file: PbFile, budget: number, mes: ProjectId[], scores: Map<ProjectId, number>): PbComparison {
  // Plain greedy from scratch: most approvals first, skip what does not fit.
  const greedy = allocateGreedy({ projects: file.projects, scores, budget, variant: "greedy" }).selected;
  const inMes = new Set(mes);
  const inGreedy = new Set(greedy);
  let preferEqualShares = 0;
  let preferGreedy = 0;
  for (const ballot of file.votes) {
    const underMes = ballot.vote.filter((id) => inMes.has(id)).length;
    const underGreedy = ballot.vote.filter((id) => inGreedy.has(id)).length;
    if (underMes > underGreedy) preferEqualShares += 1;
    else if (underGreedy > underMes) preferGreedy += 1;
  }
  return { equalShares: mes, greedy, preferEqualShares, preferGreedy, taken: preferGreedy > preferEqualShares ? "greedy" : "equal-shares" };
}

/**
 * META `min_project_score_threshold`: a project needs at least this score to be considered at all
 * (Gdynia, Częstochowa). The others leave the round before any rule runs, and so leave the ballots.
 */
function withoutProjectsBelowThreshold(file: PbFile): PbFile {
  const text = file.meta.min_project_score_threshold;
  if (text === undefined) return file;
  const threshold = Number(text.trim());
  if (!Number.isFinite(threshold)) throw new PbRuleError(`META min_project_score_threshold "${text}" is not a number`);
  const scores = scoresOf(file);
  const eligible = new Set(file.projects.filter((p) => (scores.get(p.id) ?? 0) >= threshold).map((p) => p.id));
  return {
    ...file,
    projects: file.projects.filter((p) => eligible.has(p.id)),
    votes: file.votes.map((v) => {
      const keep = v.vote.map((id, i) => ({ id, points: v.points?.[i] })).filter((entry) => eligible.has(entry.id));
      return { ...v, vote: keep.map((e) => e.id), ...(v.points ? { points: keep.map((e) => e.points ?? 0) } : {}) };
    }),
  };
}

export function computePbOutcome(whole: PbFile, choice: PbRuleChoice = defaultPbRule(whole).choice): PbOutcome {
  const budget = pbBudget(whole);
  if (budget === null) throw new PbRuleError("META has no budget");
  refuseUnmodelled(whole.meta);
  const file = withoutProjectsBelowThreshold(whole);
  const partsSpec = pbBudgetParts(file);
  const { rule, completion } = choice;
  const duplicateBallots = pbDuplicateBallots(file);

  if (rule === "equal-shares") {
    const voteType = pbVoteType(file.meta);
    if (voteType !== "approval" && voteType !== "choose-1") {
      throw new PbRuleError(`equal shares is implemented for approval ballots, not ${voteType}`);
    }
    if (partsSpec) throw new PbRuleError(`equal shares with the budget divided per ${partsSpec.column} is not modelled`);
    const outcome = equalShares({
      projects: file.projects,
      ballots: file.votes.map((v) => v.vote),
      budget,
      completion,
      // Pabulib's files are reproduced by add1 that stops only when a raise no longer fits (see equal-shares.ts).
      add1Until: "over-budget",
    });
    const scores = tally(
      file.votes.map((v) => v.vote),
      file.projects.map((p) => p.id),
    ).totals;
    const comparison = choice.comparison ? compareWithGreedy(file, budget, outcome.selected, scores) : null;
    if (comparison?.taken === "greedy") {
      const greedy = allocateGreedy({ projects: file.projects, scores, budget, variant: "greedy" });
      return {
        rule,
        completion,
        budget,
        selected: greedy.selected,
        partialId: null,
        partialAmount: 0,
        spent: greedy.spent,
        scores,
        voters: file.votes.length,
        greedy,
        equalShares: outcome,
        parts: null,
        comparison,
        duplicateBallots,
      };
    }
    return {
      rule,
      completion,
      budget,
      selected: outcome.selected,
      partialId: null,
      partialAmount: 0,
      spent: outcome.spent,
      scores,
      voters: file.votes.length,
      greedy: null,
      equalShares: outcome,
      parts: null,
      comparison,
      duplicateBallots,
    };
  }

  const scores = scoresOf(file);
  if (partsSpec) {
    if (rule === "greedy-partial") throw new PbRuleError(`greedy-partial with the budget divided per ${partsSpec.column} is not modelled`);
    const withinPart: WithinPartVariant = rule;
    const outcome = allocateByParts({
      projects: file.projects.map((p) => ({ ...p, part: (p.extra[partsSpec.column] ?? "").trim() })),
      scores,
      budget,
      parts: partsSpec.parts,
      withinPart,
      leftover: partsSpec.leftover,
    });
    return {
      rule: withinPart,
      completion: null,
      budget,
      selected: outcome.selected,
      partialId: null,
      partialAmount: 0,
      spent: outcome.spent,
      scores,
      voters: file.votes.length,
      greedy: null,
      equalShares: null,
      parts: { ...outcome, column: partsSpec.column, leftoverPolicy: partsSpec.leftover, withinPart },
      comparison: null,
      duplicateBallots,
    };
  }
  const outcome = allocateGreedy({ projects: file.projects, scores, budget, variant: rule });
  return {
    rule,
    completion: null,
    budget,
    selected: outcome.selected,
    partialId: outcome.partialId,
    partialAmount: outcome.partialAmount,
    spent: outcome.spent,
    scores,
    voters: file.votes.length,
    greedy: outcome,
    equalShares: null,
    parts: null,
    comparison: null,
    duplicateBallots,
  };
}

export type PbRuleSource = "meta" | "selected" | "option";

export interface PbDefaultRule {
  readonly choice: PbRuleChoice;
  readonly source: PbRuleSource;
  /** What META says, and for "selected" why the file's own outcome decided. */
  readonly meaning: string;
}

/** The official outcome in a file's `selected` column, or null when the file does not give one. */
export function pbOfficialOutcome(file: Pick<PbFile, "projects">): { selected: Set<ProjectId>; partial: Set<ProjectId> } | null {
  if (file.projects.length === 0 || file.projects.some((p) => p.selected === undefined)) return null;
  return {
    selected: new Set(file.projects.filter((p) => p.selected === 1).map((p) => p.id)),
    partial: new Set(file.projects.filter((p) => p.selected === 2).map((p) => p.id)),
  };
}

function reproduces(outcome: PbOutcome, official: { selected: Set<ProjectId>; partial: Set<ProjectId> }): boolean {
  const partial = outcome.partialId === null ? [] : [outcome.partialId];
  return (
    outcome.selected.length === official.selected.size &&
    outcome.selected.every((id) => official.selected.has(id)) &&
    partial.length === official.partial.size &&
    partial.every((id) => official.partial.has(id))
  );
}

const CANDIDATES: readonly PbRuleChoice[] = [
  { rule: "greedy", completion: "none" },
  { rule: "greedy-stop", completion: "none" },
  { rule: "greedy-partial", completion: "none" },
  { rule: "equal-shares", completion: "add1" },
  { rule: "equal-shares", completion: "none" },
];

/**
 * Amsterdam's "greedy-custom" with no leftover_budget line but parts whose amounts META calls upper
 * bounds (Centrum 2020): read as its buurtbudgets are, stopping inside a part at the first project
 * that does not fit, with nothing spent across parts. Null for any other file.
 */
function greedyCustomWithBoundedParts(file: PbFile): PbBudgetParts | null {
  if ((file.meta.rule ?? "").trim().toLowerCase() !== "greedy-custom" || (file.meta.leftover_budget ?? "").trim() !== "") return null;
  try {
    // Without a leftover_budget line, pbBudgetParts gives parts only when META calls them upper bounds.
    return pbBudgetParts(file);
  } catch (error) {
    if (error instanceof PbRuleError) return null;
    throw error;
  }
}

/**
 * The rule `pb tally` and the import use when none is given: the one META names. When META names
 * none we can apply (no rule line, "unknown", "greedy-custom" without its leftover line) and the
 * file carries its official outcome, the first of our rules that reproduces that outcome exactly,
 * said as such; otherwise PbRuleError with what META says.
 */
export function defaultPbRule(file: PbFile): PbDefaultRule {
  const reading = readPbRule(file.meta);
  const bounded = greedyCustomWithBoundedParts(file);
  if (bounded) {
    return {
      choice: { rule: "greedy-stop", completion: "none" },
      source: "meta",
      meaning: `rule "${(file.meta.rule ?? "").trim()}" with the budget divided per ${bounded.column}, each part's amount an upper bound (META comment; no leftover_budget line): inside each part stop at the first project that does not fit, what the parts leave stays unspent`,
    };
  }
  if (reading.choice) {
    const parts = reading.choice.rule === "greedy" ? pbBudgetParts(file) : null;
    if (parts) {
      // Amsterdam's files with parts name "greedy" for what its buurtbudgets do: inside a part stop at
      // the first idea that does not fit; the leftover line then says what the parts' rest buys.
      const leftover =
        parts.leftover === "fund-what-fits"
          ? "then fund what fits from what the parts leave, in score order across all parts"
          : "what the parts leave stays unspent";
      return {
        choice: { rule: "greedy-stop", completion: "none" },
        source: "meta",
        meaning: `rule "${(file.meta.rule ?? "").trim()}" with the budget divided per ${parts.column} (leftover_budget "${(file.meta.leftover_budget ?? "").trim()}"): inside each part stop at the first project that does not fit, ${leftover}`,
      };
    }
    return { choice: reading.choice, source: "meta", meaning: reading.meaning };
  }
  const unmodelled = /not modelled|do not know|not a rule we know/.test(reading.meaning);
  const official = pbOfficialOutcome(file);
  if (!unmodelled && official) {
    for (const candidate of CANDIDATES) {
      let outcome: PbOutcome;
      try {
        outcome = computePbOutcome(file, candidate);
      } catch (error) {
        if (error instanceof PbRuleError) continue;
        throw error;
      }
      if (reproduces(outcome, official)) {
        return { choice: candidate, source: "selected", meaning: `${reading.meaning}; this rule reproduces the file's selected column` };
      }
    }
    throw new PbRuleError(`${reading.meaning}, and none of ${PB_RULES.join(", ")} reproduces its selected column; pass --rule to choose one`);
  }
  throw new PbRuleError(`${reading.meaning}; pass --rule to choose one`);
}
