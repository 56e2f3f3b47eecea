// Open data: the results and the anonymous ballots of a contest, as CSV and
// JSON for anyone to check, and the whole contest as a Pabulib .pb file, the
// research community's standard for participatory-budgeting data
// (product.md, Results). The other way round, a .pb file from before
// Wijkvonk becomes an archived contest (pbToArchivedContest).
//
// Stability: field names and their order are part of the format. Changing
// them breaks whoever reads our files, so add fields at the end and bump
// PUBLIC_RESULTS_VERSION for anything else.
//
// Anonymity (ADR 007): ballots carry no id, channel, time or pointer. They
// are sorted by their content, so their order says nothing about who voted
// when, and numbered 1..n after sorting. A ballot's channel (online or code)
// is left out on purpose: code voters can be a small group.

import { defaultPbRule, pbBudgetParts, pbOfficialOutcome, PbRuleError, PbUnknownPartError, type PbBudgetParts, type PbRule } from "./pb-outcome";
import { archivedPartsOutcome, partsOverBudget, reproducesOfficialOutcome, type ArchivedPartsSpec } from "./archived-parts";
import { pbBudget, pbDuplicateBallots, pbVoteType, type PbFile, type PbVoteType } from "./pb-format";
import type { ContestOutcome, IdeaOutcome, OutcomeReason, OutcomeRule, OutcomeStatus, ShareGroup, TieStep } from "./contest-outcome";
import { tally } from "./tally";

// ---------------------------------------------------------------------------
// CSV

/**
 * One CSV field (RFC 4180). Text a resident typed (an idea's title) that
 * starts like a spreadsheet formula gets a leading apostrophe, so that
 * opening the file in Excel never runs it (CSV injection).
 */
export function csvField(value: string | number | null, options: { text?: boolean } = {}): string {
  if (value === null) return "";
  let text = String(value);
  if (options.text && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header.join(","), ...rows.map((row) => row.join(","))].map((line) => `${line}\r\n`).join("");
}

// ---------------------------------------------------------------------------
// Results

export interface IdeaLabel {
  readonly id: number;
  readonly title: string;
}

/** Column order of results.csv. */
export const RESULTS_CSV_COLUMNS = [
  "rank",
  "idea_id",
  "title",
  "cost_eur",
  "stickers",
  "stickers_digital",
  "stickers_poster",
  "voters",
  "status",
  "amount_eur",
  "prize_position",
  "prize_name",
  "chosen_as",
  "reason",
  // Added at the end (issue 21): whether cost and amount include VAT, as the round says.
  "amounts_include_vat",
] as const;

function titleOf(titles: ReadonlyMap<number, string>, ideaId: number): string {
  return titles.get(ideaId) ?? `Idee ${ideaId}`;
}

export function resultsCsv(outcome: ContestOutcome, ideas: readonly IdeaLabel[], amountsIncludeVat: boolean): string {
  const titles = new Map(ideas.map((idea) => [idea.id, idea.title]));
  // A budget in parts (ADR 026) adds a last column with each idea's part; other rounds keep their columns.
  const withParts = Boolean(outcome.parts);
  return csv(
    withParts ? [...RESULTS_CSV_COLUMNS, "part"] : RESULTS_CSV_COLUMNS,
    outcome.ideas.map((idea) => [
      ...ideaCsvRow(idea, titles),
      csvField(amountsIncludeVat ? "true" : "false"),
      ...(withParts ? [csvField(idea.part ?? null, { text: true })] : []),
    ]),
  );
}

function ideaCsvRow(idea: IdeaOutcome, titles: ReadonlyMap<number, string>): string[] {
  return [
    csvField(idea.rank),
    csvField(idea.ideaId),
    csvField(titleOf(titles, idea.ideaId), { text: true }),
    csvField(idea.cost),
    csvField(idea.stickers),
    csvField(idea.digital),
    csvField(idea.poster),
    csvField(idea.voters),
    csvField(idea.status),
    csvField(idea.amount),
    csvField(idea.prize?.position ?? null),
    csvField(idea.prize?.name ?? null, { text: true }),
    csvField(idea.chosenAs),
    csvField(idea.reason.kind),
  ];
}

/** What the public results JSON needs besides the outcome. */
export interface PublicResultsContext {
  readonly contest: {
    readonly slug: string;
    readonly title: string;
    readonly organisation: string;
    readonly areas: readonly string[];
    readonly votesPerResident: number;
    readonly allowStacking: boolean;
    /** The round's VAT setting (issue 21.6): whether budget, costs and amounts include VAT. */
    readonly amountsIncludeVat: boolean;
  };
  readonly ideas: readonly IdeaLabel[];
  readonly turnout: { readonly online: number; readonly code: number; readonly poster: number; readonly total: number };
  /** Epoch ms of the reveal. */
  readonly revealedAt: number;
  /** Organiser changes after the reveal, each logged and shown publicly. */
  readonly corrections: readonly { readonly at: number; readonly reason: string }[];
}

export const PUBLIC_RESULTS_VERSION = 1;

export interface PublicIdeaResult {
  readonly id: number;
  readonly title: string;
  readonly rank: number;
  readonly cost: number;
  readonly stickers: number;
  readonly stickersDigital: number;
  readonly stickersPoster: number;
  readonly voters: number;
  readonly status: OutcomeStatus;
  readonly amount: number;
  readonly prize: { readonly position: number; readonly name: string; readonly amount: number } | null;
  readonly chosenAs: number | null;
  readonly reason: OutcomeReason;
  /** Only where the jury step of the tie-break decided something; jury scores are not published otherwise. */
  readonly juryScore: number | null;
  readonly tie: { readonly above: PublicTie | null; readonly below: PublicTie | null };
  readonly shares: readonly { readonly voters: number; readonly each: number; readonly eachExact: string; readonly paidAllTheyHad: boolean }[] | null;
  /** A budget in parts: the idea's part. */
  readonly part?: string;
  /** A budget in parts, fund-what-fits: not funded in its part, and too dear for what the parts had left at its turn. */
  readonly notFromLeftover?: { readonly budgetLeft: number };
}

interface PublicTie {
  readonly id: number;
  readonly rank: number;
  readonly decidedBy: TieStep;
}

/** The public results at /rondes/:slug/uitslag.json. Version 1; see the top of this file for what may change. */
export interface PublicResults {
  readonly version: typeof PUBLIC_RESULTS_VERSION;
  readonly contest: {
    readonly slug: string;
    readonly title: string;
    readonly organisation: string;
    readonly areas: readonly string[];
    readonly currency: "EUR";
    readonly budget: number;
    readonly rule: OutcomeRule;
    readonly votesPerResident: number;
    readonly allowStacking: boolean;
    readonly revealedAt: string;
    /** Added at the end (issue 21): whether budget, costs and amounts include VAT. */
    readonly amountsIncludeVat: boolean;
  };
  readonly turnout: PublicResultsContext["turnout"];
  readonly money: { readonly spent: number; readonly leftover: number };
  readonly tieBreak: {
    readonly steps: readonly TieStep[];
    readonly drawSeed: string;
    readonly drawMethod: "sha256(seed:ideaId), lowest first";
    readonly drawUsed: boolean;
  };
  readonly equalShares: { readonly voters: number; readonly perVoterBudget: number; readonly perVoterBudgetExact: string; readonly add1Steps: number } | null;
  readonly prizesNotAwarded: readonly number[];
  readonly winners: readonly number[];
  readonly ideas: readonly PublicIdeaResult[];
  /** A budget in parts (ADR 026): each part's money and spending, and the leftover policy; absent otherwise. */
  readonly parts?: NonNullable<ContestOutcome["parts"]>;
  readonly corrections: readonly { readonly at: string; readonly reason: string }[];
}

function publicTie(tie: IdeaOutcome["tieAbove"]): PublicTie | null {
  return tie ? { id: tie.ideaId, rank: tie.rank, decidedBy: tie.decidedBy } : null;
}

function publicShares(shares: readonly ShareGroup[] | null): PublicIdeaResult["shares"] {
  return shares ? shares.map((g) => ({ voters: g.voters, each: g.each.euros, eachExact: g.each.exact, paidAllTheyHad: g.paidAllTheyHad })) : null;
}

export function publicResults(outcome: ContestOutcome, context: PublicResultsContext): PublicResults {
  const titles = new Map(context.ideas.map((idea) => [idea.id, idea.title]));
  return {
    version: PUBLIC_RESULTS_VERSION,
    contest: {
      slug: context.contest.slug,
      title: context.contest.title,
      organisation: context.contest.organisation,
      areas: [...context.contest.areas],
      currency: "EUR",
      budget: outcome.budget,
      rule: outcome.rule,
      votesPerResident: context.contest.votesPerResident,
      allowStacking: context.contest.allowStacking,
      revealedAt: new Date(context.revealedAt).toISOString(),
      amountsIncludeVat: context.contest.amountsIncludeVat,
    },
    turnout: { online: context.turnout.online, code: context.turnout.code, poster: context.turnout.poster, total: context.turnout.total },
    money: { spent: outcome.spent, leftover: outcome.leftover },
    tieBreak: { steps: [...outcome.tieSteps], drawSeed: outcome.drawSeed, drawMethod: "sha256(seed:ideaId), lowest first", drawUsed: outcome.drawUsed },
    equalShares: outcome.equalShares
      ? {
          voters: outcome.equalShares.voters,
          perVoterBudget: outcome.equalShares.perVoterBudget.euros,
          perVoterBudgetExact: outcome.equalShares.perVoterBudget.exact,
          add1Steps: outcome.equalShares.add1Steps,
        }
      : null,
    prizesNotAwarded: [...outcome.prizesNotAwarded],
    winners: [...outcome.winners],
    ideas: outcome.ideas.map((idea) => ({
      id: idea.ideaId,
      title: titleOf(titles, idea.ideaId),
      rank: idea.rank,
      cost: idea.cost,
      stickers: idea.stickers,
      stickersDigital: idea.digital,
      stickersPoster: idea.poster,
      voters: idea.voters,
      status: idea.status,
      amount: idea.amount,
      prize: idea.prize ? { position: idea.prize.position, name: idea.prize.name, amount: idea.prize.amountEuros } : null,
      chosenAs: idea.chosenAs,
      reason: idea.reason,
      juryScore: juryScoreIfItDecided(idea),
      tie: { above: publicTie(idea.tieAbove), below: publicTie(idea.tieBelow) },
      shares: publicShares(idea.shares),
      ...(idea.part ? { part: idea.part } : {}),
      ...(idea.notFromLeftover ? { notFromLeftover: { budgetLeft: idea.notFromLeftover.budgetLeft } } : {}),
    })),
    ...(outcome.parts ? { parts: outcome.parts } : {}),
    corrections: context.corrections.map((c) => ({ at: new Date(c.at).toISOString(), reason: c.reason })),
  };
}

/** The jury's score is shown only where it decided a tie: that is when a resident needs it to check the order. */
export function juryScoreIfItDecided(idea: Pick<IdeaOutcome, "juryScore" | "tieAbove" | "tieBelow">): number | null {
  const decided = idea.tieAbove?.decidedBy === "jury" || idea.tieBelow?.decidedBy === "jury";
  return decided ? idea.juryScore : null;
}

/** The organiser's JSON export: the public results, nothing more (the same file, so the two never disagree). */
export function resultsJson(outcome: ContestOutcome, context: PublicResultsContext): string {
  return `${JSON.stringify(publicResults(outcome, context), null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// Ballots

/**
 * Ballots without anything that could point at a voter: each ballot's
 * stickers sorted, the list sorted by content (shorter first, then by idea
 * ids), so that storage order, random ids and channels are all gone.
 */
export function anonymiseBallots(ballots: readonly (readonly number[])[]): number[][] {
  return ballots.map((ballot) => [...ballot].sort((a, b) => a - b)).sort(compareBallots);
}

function compareBallots(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export const BALLOTS_CSV_COLUMNS = ["ballot", "stickers"] as const;

/** ballots.csv: `ballot` is 1..n after sorting, `stickers` the idea ids ("11,11,13" when two are stacked). */
export function ballotsCsv(ballots: readonly (readonly number[])[]): string {
  return csv(
    BALLOTS_CSV_COLUMNS,
    anonymiseBallots(ballots).map((ballot, i) => [csvField(i + 1), csvField(ballot.join(","))]),
  );
}

export function ballotsJson(contestSlug: string, ballots: readonly (readonly number[])[]): string {
  const body = {
    version: PUBLIC_RESULTS_VERSION,
    contest: contestSlug,
    note: "Digital ballots only (online and voting codes). Poster stickers are counted per idea in the results.",
    ballots: anonymiseBallots(ballots).map((stickers, i) => ({ ballot: i + 1, stickers })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// The whole contest as a Pabulib .pb file

export interface PbExportInput {
  readonly contest: {
    readonly title: string;
    readonly organisation: string;
    readonly areas: readonly string[];
    readonly votesPerResident: number;
    readonly allowStacking: boolean;
    /** The voting phase, epoch ms; written as Pabulib's dd.mm.yyyy. */
    readonly votingStart?: number | null;
    readonly votingEnd?: number | null;
    /** Whether costs and budget include VAT; Pabulib has no key for it, so META comment says it. */
    readonly amountsIncludeVat: boolean;
  };
  readonly ideas: readonly IdeaLabel[];
  readonly ballots: readonly (readonly number[])[];
  readonly outcome: ContestOutcome;
}

const PB_RULE_META: Record<OutcomeRule, { rule: string; leftover?: string }> = {
  "prizes-by-rank": { rule: "prizes-by-rank" },
  greedy: { rule: "greedy", leftover: "Fund additional projects that fit within leftover budget ordered by score" },
  // Pabulib's own name for "stop at the first idea that does not fit".
  "greedy-stop": { rule: "greedy-no-skip" },
  "greedy-partial": { rule: "greedy-custom", leftover: "Partially fund one additional project with highest score" },
  "equal-shares": { rule: "equalshares/add1" },
};

function pbDate(epochMs: number): string {
  // Pabulib writes the day of the vote in local time; Amsterdam is where our votes happen.
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", day: "2-digit", month: "2-digit", year: "numeric" }).formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}.${get("month")}.${get("year")}`;
}

/**
 * A .pb file of the contest: META, the ideas with their total stickers and the
 * official outcome (`selected`: 1 won, 2 partially funded, 0 not), and the
 * digital ballots with voter ids 1..n after sorting by content. Without
 * stacking a ballot is an approval ballot; with stacking it is cumulative, the
 * points being the stickers per idea. Poster stickers have no ballot: they are
 * in the `votes` column only, and META `comment` says how many.
 */
export function contestToPb(input: PbExportInput): PbFile {
  const { contest, outcome } = input;
  const titles = new Map(input.ideas.map((idea) => [idea.id, idea.title]));
  const ballots = anonymiseBallots(input.ballots);
  const voteType: PbVoteType = contest.allowStacking ? "cumulative" : "approval";
  const ruleMeta = PB_RULE_META[outcome.rule];
  const posterStickers = outcome.ideas.reduce((sum, idea) => sum + idea.poster, 0);
  const comments = [
    "#1: Exported from Wijkvonk. Voter ids are numbers given after sorting the ballots by content; they say nothing about who voted or when.",
    ...(posterStickers > 0
      ? [`#2: The votes column includes ${posterStickers} stickers on paper posters at the choice meeting; those have no line in VOTES.`]
      : []),
    ...(outcome.rule === "prizes-by-rank" ? ["#3: rule prizes-by-rank: prizes were awarded by rank; selected=1 marks the prize winners."] : []),
    `#4: Budget and costs are in euros ${contest.amountsIncludeVat ? "including" : "excluding"} VAT.`,
  ];
  const meta: Record<string, string> = {
    description: contest.title,
    country: "Netherlands",
    unit: contest.organisation,
  };
  if (contest.areas.length > 0) meta.subunit = contest.areas.join(", ");
  if (contest.votingEnd != null) meta.instance = pbDate(contest.votingEnd).slice(-4);
  Object.assign(meta, {
    num_projects: String(outcome.ideas.length),
    num_votes: String(ballots.length),
    budget: String(outcome.budget),
    vote_type: voteType,
    rule: ruleMeta.rule,
  });
  if (contest.votingStart != null) meta.date_begin = pbDate(contest.votingStart);
  if (contest.votingEnd != null) meta.date_end = pbDate(contest.votingEnd);
  if (voteType === "approval") meta.max_length = String(contest.votesPerResident);
  else meta.max_sum_points = String(contest.votesPerResident);
  meta.language = "nl";
  meta.currency = "EUR";
  meta.comment = comments.join(" ");
  if (ruleMeta.leftover) meta.leftover_budget = ruleMeta.leftover;
  // A budget in parts (ADR 026) as Pabulib writes it: the names and amounts in META, each project's part in
  // a column; pbBudgetParts reads them back. A comma would split a name in the list, so it becomes a semicolon.
  const parts = outcome.parts;
  const partName = (name: string) => name.replace(/,/g, ";");
  const partColumn = parts ? (parts.kind === "buurt" ? "neighborhood" : "category") : null;
  if (parts) {
    const [names, budgets] = partColumn === "neighborhood" ? ["neighborhoods", "budget_per_neighborhood"] : ["categories", "budget_per_category"];
    meta[names] = parts.parts.map((p) => partName(p.name)).join(",");
    meta[budgets] = parts.parts.map((p) => String(p.budget)).join(",");
    meta.leftover_budget =
      parts.leftover === "fund-what-fits" ? "Fund additional projects that fit within leftover budget ordered by score" : "Leftover budget stays unspent";
  }

  const byId = [...outcome.ideas].sort((a, b) => a.ideaId - b.ideaId);
  return {
    meta,
    projects: byId.map((idea) => ({
      id: String(idea.ideaId),
      cost: idea.cost,
      votes: idea.stickers,
      name: titleOf(titles, idea.ideaId),
      selected: idea.status === "partially-funded" ? 2 : idea.status === "not-chosen" ? 0 : 1,
      extra: partColumn && idea.part ? { [partColumn]: partName(idea.part) } : {},
    })),
    votes: ballots.map((ballot, i) => {
      const counts = new Map<number, number>();
      for (const id of ballot) counts.set(id, (counts.get(id) ?? 0) + 1);
      const ids = [...counts.keys()];
      return {
        voterId: String(i + 1),
        vote: ids.map(String),
        ...(voteType === "cumulative" ? { points: ids.map((id) => counts.get(id)!) } : {}),
        extra: {},
      };
    }),
    projectColumns: ["project_id", "cost", "votes", "name", ...(partColumn ? [partColumn] : []), "selected"],
    voteColumns: voteType === "cumulative" ? ["voter_id", "vote", "points"] : ["voter_id", "vote"],
  };
}

// ---------------------------------------------------------------------------
// Importing a .pb file as an archived contest

export interface ArchivedIdea {
  /** The project_id in the file. */
  readonly sourceId: string;
  readonly title: string;
  readonly cost: number;
  /** The `votes` column, or else the tally of the ballots (approvals, or points). */
  readonly votes: number;
  /** The official outcome: 1 funded, 2 partially funded (or with extra money), 0 not. */
  readonly selected: 0 | 1 | 2;
  /** With a budget in parts: the project's part; null otherwise. */
  readonly part: string | null;
}

export interface ArchivedContestData {
  readonly title: string;
  readonly budget: number;
  /** Our rule as the file names it; prizes-by-rank never comes from a file. */
  readonly rule: PbRule;
  readonly voteType: PbVoteType;
  readonly voters: number;
  /** Where the data came from, to show beside the archived round. */
  readonly source: {
    readonly country: string | null;
    readonly unit: string | null;
    readonly subunit: string | null;
    readonly instance: string | null;
    readonly dateBegin: string | null;
    readonly dateEnd: string | null;
  };
  /** Ideas in the file's order. */
  readonly ideas: readonly ArchivedIdea[];
  /** Whether the file gives the official outcome (a `selected` column on every project). */
  readonly officialOutcome: boolean;
  /** Ballots that named a project more than once (the file's votes column counts those twice). */
  readonly duplicateBallots: number;
  /** A budget in parts (ADR 026), checked against the official outcome; null for one budget. */
  readonly parts: ArchivedPartsSpec | null;
}

/** A file we can read but not archive (no budget, no projects); the message says what is missing. */
export class PbImportError extends Error {
  override readonly name = "PbImportError";
}

/** Why a file whose budget is divided into parts (ADR 026) cannot be archived as it is. */
export type PbPartsProblem =
  /** A project in a part the file does not list, or in none. */
  | { readonly code: "unknown-part"; readonly project: string; readonly part: string }
  /** The parts add up to more than the budget (beyond rounding). */
  | { readonly code: "over-budget"; readonly total: number; readonly budget: number }
  /** The file's rule does not run per part (only greedy, skipping or stopping, does). */
  | { readonly code: "rule"; readonly rule: string }
  /** A part's name is longer than a round's list allows. */
  | { readonly code: "name-too-long"; readonly name: string }
  /** The parts and the rule do not give the file's official outcome; the page would explain it wrongly. */
  | { readonly code: "not-reproduced"; readonly funded: readonly string[]; readonly official: readonly string[] }
  /** Anything else the parts' lines do not say clearly (lists of different lengths, no leftover policy, ...). */
  | { readonly code: "unreadable"; readonly detail: string };

/**
 * A file whose budget parts cannot be archived faithfully, with the parts and the problem, so that the
 * organiser's page can say why in the reader's language (the message is for the command line).
 */
export class PbPartsImportError extends PbImportError {
  constructor(
    readonly column: "category" | "neighborhood",
    readonly parts: readonly { readonly key: string; readonly budget: number }[],
    readonly problem: PbPartsProblem,
  ) {
    super(
      `the file divides its budget per ${column}${parts.length > 0 ? ` (${parts.map((p) => `${p.key}: ${p.budget}`).join(", ")})` : ""}, but ${partsProblemText(problem)}`,
    );
  }
}

function partsProblemText(problem: PbPartsProblem): string {
  switch (problem.code) {
    case "unknown-part":
      return `project ${problem.project} is in "${problem.part}", which the file does not list as a part`;
    case "over-budget":
      return `the parts add up to ${problem.total}, more than the budget of ${problem.budget}`;
    case "rule":
      return `its rule (${problem.rule}) does not run per part`;
    case "name-too-long":
      return `the part "${problem.name}" has a name longer than ${PART_NAME_MAX} characters`;
    case "not-reproduced":
      return `the parts and the rule fund ${problem.funded.join(", ") || "nothing"}, not the official outcome's ${problem.official.join(", ") || "nothing"}`;
    case "unreadable":
      return problem.detail;
  }
}

/** As long as a round's buurten and categories may be named (idea_buurten / idea_categories). */
const PART_NAME_MAX = 60;

const TITLE_MAX = 120;

function metaText(meta: Readonly<Record<string, string>>, key: string): string | null {
  const value = meta[key]?.trim();
  return value ? value : null;
}

/** The parts a file divides its budget into, or null; PbPartsImportError when they cannot be read faithfully. */
function archivedParts(file: PbFile): PbBudgetParts | null {
  try {
    return pbBudgetParts(file);
  } catch (error) {
    if (!(error instanceof PbRuleError)) throw error;
    const column = file.meta.budget_per_neighborhood !== undefined ? "neighborhood" : "category";
    if (error instanceof PbUnknownPartError) throw new PbPartsImportError(column, [], { code: "unknown-part", project: error.project, part: error.part });
    throw new PbPartsImportError(column, [], { code: "unreadable", detail: error.message });
  }
}

/**
 * The rule an archived round names. A file whose rule we cannot read is refused when it carries an
 * official outcome (the page would name the wrong rule beside it); without an outcome nothing depends
 * on the rule, and it is stored as plain greedy. With parts only the greedy rules run per part.
 */
function archivedRule(file: PbFile, parts: PbBudgetParts | null): PbRule {
  let rule: PbRule;
  try {
    rule = defaultPbRule(file).choice.rule;
  } catch (error) {
    if (!(error instanceof PbRuleError)) throw error;
    if (pbOfficialOutcome(file)) {
      if (parts)
        throw new PbPartsImportError(parts.column, parts.parts, { code: "unreadable", detail: error.message.replace(/; pass --rule to choose one$/, "") });
      throw new PbImportError(error.message.replace(/; pass --rule to choose one$/, ""));
    }
    rule = parts ? "greedy-stop" : "greedy";
  }
  if (parts && rule !== "greedy" && rule !== "greedy-stop") throw new PbPartsImportError(parts.column, parts.parts, { code: "rule", rule });
  return rule;
}

/**
 * Checks a file's parts against its budget and its official outcome, and gives them as the round stores
 * them. The outcome is computed by the live rounds' code (archived-parts.ts); a file whose official outcome
 * it does not reproduce is refused rather than shown with an explanation that does not fit it.
 */
function checkedParts(parts: PbBudgetParts, rule: PbRule, budget: number, ideas: readonly ArchivedIdea[], officialOutcome: boolean): ArchivedPartsSpec {
  const refuse = (problem: PbPartsProblem) => new PbPartsImportError(parts.column, parts.parts, problem);
  const total = parts.parts.reduce((sum, p) => sum + p.budget, 0);
  if (partsOverBudget(parts.parts, budget)) throw refuse({ code: "over-budget", total, budget });
  const long = parts.parts.find((p) => p.key.length > PART_NAME_MAX);
  if (long) throw refuse({ code: "name-too-long", name: long.key });
  const twice = parts.parts.find((p, i) => parts.parts.findIndex((q) => q.key === p.key) !== i);
  if (twice) throw refuse({ code: "unreadable", detail: `the part "${twice.key}" is listed twice` });
  const spec: ArchivedPartsSpec = {
    kind: parts.column === "neighborhood" ? "buurt" : "category",
    parts: parts.parts.map((p) => ({ name: p.key, budget: p.budget })),
    leftover: parts.leftover,
  };
  if (officialOutcome && (rule === "greedy" || rule === "greedy-stop")) {
    const partIdeas = ideas.map((idea, position) => ({ position, cost: idea.cost, votes: idea.votes, selected: idea.selected, part: idea.part ?? "" }));
    const outcome = archivedPartsOutcome({ rule, budget, parts: spec, ideas: partIdeas });
    if (!reproducesOfficialOutcome(outcome, partIdeas)) {
      throw refuse({
        code: "not-reproduced",
        funded: outcome.winners.map((position) => ideas[position]!.sourceId),
        official: ideas.filter((i) => i.selected > 0).map((i) => i.sourceId),
      });
    }
  }
  return spec;
}

export function pbToArchivedContest(file: PbFile): ArchivedContestData {
  const budget = pbBudget(file);
  if (budget === null || budget <= 0) throw new PbImportError("META has no budget above 0, which an archived round needs");
  if (file.projects.length === 0) throw new PbImportError("PROJECTS is empty");
  const parts = archivedParts(file);
  const rule = archivedRule(file, parts);
  const voteType = pbVoteType(file.meta);
  const usesPoints = voteType === "cumulative" || voteType === "scoring";
  const tallied =
    voteType === "ordinal"
      ? null
      : tally(
          file.votes.map((v) => (usesPoints ? { vote: v.vote, points: v.points ?? [] } : v.vote)),
          file.projects.map((p) => p.id),
        ).totals;
  const ideas = file.projects.map((project): ArchivedIdea => {
    const votes = project.votes ?? tallied?.get(project.id);
    if (votes === undefined) throw new PbImportError(`project ${project.id} has no votes column and ${voteType} ballots cannot be counted into one`);
    const selected = project.selected ?? 0;
    const name = (project.name ?? "").replace(/\s+/g, " ").trim();
    return {
      sourceId: project.id,
      title: (name || `Project ${project.id}`).slice(0, TITLE_MAX),
      cost: project.cost,
      votes: Math.round(votes),
      selected: selected === 1 || selected === 2 ? selected : 0,
      part: parts ? (project.extra[parts.column] ?? "").trim() : null,
    };
  });
  const officialOutcome = file.projects.every((p) => p.selected !== undefined);
  const unit = metaText(file.meta, "unit");
  const instance = metaText(file.meta, "instance");
  const title = metaText(file.meta, "description") ?? ([unit, instance].filter(Boolean).join(" ") || "Geïmporteerde ronde");
  const numVotes = Number(file.meta.num_votes);
  return {
    title: title.slice(0, TITLE_MAX),
    budget,
    rule,
    voteType,
    voters: file.votes.length > 0 ? file.votes.length : Number.isSafeInteger(numVotes) ? numVotes : 0,
    source: {
      country: metaText(file.meta, "country"),
      unit,
      subunit: metaText(file.meta, "subunit") ?? metaText(file.meta, "district"),
      instance,
      dateBegin: metaText(file.meta, "date_begin"),
      dateEnd: metaText(file.meta, "date_end"),
    },
    ideas,
    officialOutcome,
    duplicateBallots: pbDuplicateBallots(file),
    parts: parts ? checkedParts(parts, rule, budget, ideas, officialOutcome) : null,
  };
}

/**
 * An archived round as a .pb file again: the file's own META (its parts and leftover line among them, as
 * read at the import), and per project its votes, its part and the official outcome. The file's ballots
 * were not kept, so VOTES is empty; `pb tally` then ranks by the votes column and gives the same winners.
 */
/** A project of an archived round: `position` is its place in the file, `part` its part of the budget (or null). */
export type ArchivedProject = {
  readonly sourceId: string;
  readonly position: number;
  readonly title: string;
  readonly cost: number;
  readonly votes: number;
  readonly selected: number;
  readonly part: string | null;
};

export function archivedToPb(archived: {
  readonly source: Readonly<Record<string, string>>;
  readonly ideas: readonly ArchivedProject[];
  readonly parts: ArchivedPartsSpec | null;
}): PbFile {
  const partColumn = archived.parts ? (archived.parts.kind === "buurt" ? "neighborhood" : "category") : null;
  const inFileOrder = [...archived.ideas].sort((a, b) => a.position - b.position);
  return {
    meta: { ...archived.source },
    projects: inFileOrder.map((idea) => ({
      id: idea.sourceId,
      cost: idea.cost,
      votes: idea.votes,
      name: idea.title,
      selected: idea.selected,
      extra: partColumn && idea.part !== null ? { [partColumn]: idea.part } : {},
    })),
    votes: [],
    projectColumns: ["project_id", "cost", "votes", "name", ...(partColumn ? [partColumn] : []), "selected"],
    voteColumns: ["voter_id", "vote"],
  };
}
