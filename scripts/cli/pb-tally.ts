// `wijkvonk pb tally FILE.pb [--rule ...] [--json]`: applies an outcome rule
// to a Pabulib file, so anyone can check our rules against published
// elections (or an export of our own) without the web app.
//
// Exit codes: 0 done, 1 the rule cannot be applied (no budget, ranked
// ballots, unreadable file), 2 the file is malformed (FILE:LINE: message on
// stderr, like a compiler, so editors can jump to the line), 64 bad usage.

import { PbParseError, parsePb, type PbFile } from "../../app/modules/results/pb-format";
import {
  computePbOutcome,
  defaultPbRule,
  PB_RULES,
  PbRuleError,
  readPbRule,
  type PbOutcome,
  type PbRule,
  type PbRuleChoice,
  type PbRuleSource,
} from "../../app/modules/results/pb-outcome";
import { EXIT_CANNOT_USE_FILE, processIo, startFileCommand, type CliIo } from "./io";

export const PB_TALLY_USAGE = `wijkvonk pb tally FILE.pb [--rule ${PB_RULES.join("|")}] [--json]`;

const EXIT_CANNOT_APPLY = EXIT_CANNOT_USE_FILE;
const EXIT_MALFORMED = 2;

interface PbTallyArgs {
  readonly file: string;
  readonly rule: PbRule | null;
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): PbTallyArgs | { help: true } | { error: string } {
  let file: string | null = null;
  let rule: PbRule | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--json") {
      json = true;
    } else if (arg === "--rule" || arg.startsWith("--rule=")) {
      const value = arg === "--rule" ? argv[++i] : arg.slice("--rule=".length);
      if (value === undefined || !(PB_RULES as readonly string[]).includes(value)) {
        return { error: `--rule needs one of ${PB_RULES.join(", ")}` };
      }
      rule = value as PbRule;
    } else if (arg.startsWith("-") && arg !== "-") {
      return { error: `unknown option ${arg}` };
    } else if (file === null) {
      file = arg;
    } else {
      return { error: `one file at a time (got ${file} and ${arg})` };
    }
  }
  if (file === null) return { error: "which .pb file?" };
  return { file, rule, json };
}

export async function runPbTally(argv: string[], io: CliIo = processIo): Promise<number> {
  const started = await startFileCommand("pb tally", PB_TALLY_USAGE, parseArgs(argv), io);
  if ("exitCode" in started) return started.exitCode;
  const { text, args } = started;

  try {
    const file = parsePb(text);
    let choice: PbRuleChoice;
    let source: PbRuleSource;
    let meaning: string;
    if (args.rule) {
      // An explicit rule overrides the file's; equal shares keeps the file's completion (and comparison step) when the file uses it too.
      const fromMeta = readPbRule(file.meta).choice;
      const sameFamily = fromMeta?.rule === "equal-shares";
      choice = { rule: args.rule, completion: sameFamily ? fromMeta.completion : "add1", comparison: sameFamily ? fromMeta.comparison : false };
      source = "option";
      meaning = `--rule ${args.rule}`;
    } else {
      ({ choice, source, meaning } = defaultPbRule(file));
    }
    const outcome = computePbOutcome(file, choice);
    if (args.json) {
      io.out(`${JSON.stringify(jsonOf(outcome, source, file.warnings?.length ?? 0))}\n`);
    } else {
      io.out(formatOutcomeTable(args.file, file, outcome, { source, meaning }));
    }
    return 0;
  } catch (error) {
    if (error instanceof PbParseError) {
      io.err(`${args.file}:${error.line}: ${error.message}\n`);
      return EXIT_MALFORMED;
    }
    if (error instanceof PbRuleError) {
      io.err(`${args.file}: ${error.message}\n`);
      return EXIT_CANNOT_APPLY;
    }
    throw error;
  }
}

/** 1234567 -> "1,234,567"; by hand so the output does not depend on the machine's locale data. */
function euros(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * The JSON answer: selected and partial first (as before), then how the rule was chosen, the
 * ballots that named a project twice, and for a budget divided into parts what each part funded.
 */
function jsonOf(outcome: PbOutcome, source: PbRuleSource, warnings: number) {
  return {
    selected: outcome.selected,
    partial: outcome.partialId,
    rule: outcome.rule,
    ...(outcome.completion ? { completion: outcome.completion } : {}),
    ruleSource: source,
    duplicateBallots: outcome.duplicateBallots,
    warnings,
    ...(outcome.parts
      ? {
          parts: outcome.parts.parts.map((p) => ({ name: p.key, budget: p.budget, spent: p.spent, selected: p.greedy.selected })),
          fromLeftover: outcome.parts.leftoverPass?.selected ?? [],
        }
      : {}),
    ...(outcome.comparison
      ? {
          comparison: {
            preferEqualShares: outcome.comparison.preferEqualShares,
            preferGreedy: outcome.comparison.preferGreedy,
            taken: outcome.comparison.taken,
          },
        }
      : {}),
  };
}

function decisionText(step: { decision: string; amount: number }): string {
  return step.decision === "partially-funded" ? `partially funded: ${euros(step.amount)}` : step.decision.replaceAll("-", " ");
}

function formatOutcomeTable(path: string, file: PbFile, outcome: PbOutcome, how: { source: PbRuleSource; meaning: string }): string {
  const projects = file.projects;
  const byId = new Map(projects.map((p) => [p.id, p]));
  const ruleName = outcome.completion ? `${outcome.rule} (${outcome.completion})` : outcome.rule;
  const rows: string[][] = [];
  const withPart = outcome.parts !== null;
  const row = (cells: string[], part: string, name: string) => rows.push(withPart ? [...cells, part, name] : [...cells, name]);
  if (outcome.parts) {
    const parts = outcome.parts;
    const fromLeftover = new Map((parts.leftoverPass?.steps ?? []).map((s) => [s.id, s]));
    for (const part of parts.parts) {
      for (const step of part.greedy.steps) {
        const later = fromLeftover.get(step.id);
        const decision = later?.decision === "funded" ? `${decisionText(step)}; funded from the leftover` : decisionText(step);
        row([String(step.rank), step.id, euros(step.cost), String(step.score), decision], part.key, byId.get(step.id)?.name ?? "");
      }
    }
  } else if (outcome.greedy) {
    for (const step of outcome.greedy.steps) {
      row([String(step.rank), step.id, euros(step.cost), String(step.score), decisionText(step)], "", byId.get(step.id)?.name ?? "");
    }
  } else if (outcome.equalShares) {
    const selected = new Set(outcome.selected);
    outcome.equalShares.purchases.forEach((purchase, index) => {
      row(
        [
          String(index + 1),
          purchase.projectId,
          euros(purchase.cost),
          String(purchase.supporters),
          `funded, max ${purchase.maxPayment.euros.toFixed(2)} per voter`,
        ],
        "",
        byId.get(purchase.projectId)?.name ?? "",
      );
    });
    const others = projects.filter((p) => !selected.has(p.id)).sort((a, b) => (outcome.scores.get(b.id) ?? 0) - (outcome.scores.get(a.id) ?? 0));
    for (const project of others) {
      row(["-", project.id, euros(project.cost), String(outcome.scores.get(project.id) ?? 0), "not funded"], "", project.name ?? "");
    }
  }
  const header = withPart ? ["#", "project", "cost", "votes", "outcome", "part", "name"] : ["#", "project", "cost", "votes", "outcome", "name"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((r) => (r[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const perVoter =
    outcome.equalShares && !outcome.comparison?.taken.startsWith("greedy") ? `; share per voter ${outcome.equalShares.perVoterBudget.euros.toFixed(2)}` : "";
  const notes: string[] = [];
  notes.push(
    how.source === "selected"
      ? `rule chosen from the file's official outcome: ${how.meaning}`
      : how.source === "meta"
        ? `rule from META: ${how.meaning}`
        : `rule from ${how.meaning}`,
  );
  if (outcome.parts) {
    const parts = outcome.parts;
    notes.push(
      `budget divided per ${parts.column}: ${parts.parts.map((p) => `${p.key} ${euros(p.budget)} (spent ${euros(p.spent)})`).join("; ")}`,
      parts.leftoverPass
        ? `leftover ${euros(parts.leftAfterParts)}: fund what fits, in score order across all parts: ${parts.leftoverPass.selected.join(", ") || "nothing fits"}`
        : `leftover ${euros(parts.leftAfterParts)}: unspent`,
    );
  }
  if (outcome.comparison) {
    const c = outcome.comparison;
    notes.push(`comparison step: ${c.preferEqualShares} voters prefer the Equal Shares outcome, ${c.preferGreedy} the greedy outcome; taken: ${c.taken}`);
  }
  if (outcome.duplicateBallots > 0) {
    const first = file.warnings?.[0];
    notes.push(
      `warning: ${outcome.duplicateBallots} ballot${outcome.duplicateBallots === 1 ? "" : "s"} named a project more than once; each project was counted once` +
        (first ? ` (first on line ${first.line}: ${first.message})` : ""),
    );
  }
  return [
    `${file.meta.description ?? path}`,
    `rule ${ruleName}; budget ${euros(outcome.budget)}; ${outcome.voters} voters; spent ${euros(outcome.spent)}; left ${euros(outcome.budget - outcome.spent)}${perVoter}`,
    ...notes,
    "",
    line(header),
    ...rows.map(line),
    "",
  ].join("\n");
}
