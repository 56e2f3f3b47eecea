// `wijkvonk pb tally FILE.pb [--rule ...] [--json]`: applies an outcome rule
// to a Pabulib file, so anyone can check our rules against published
// elections (or an export of our own) without the web app.
//
// Exit codes: 0 done, 1 the rule cannot be applied (no budget, ranked
// ballots, unreadable file), 2 the file is malformed (FILE:LINE: message on
// stderr, like a compiler, so editors can jump to the line), 64 bad usage.

import { PbParseError, parsePb } from "../../app/modules/results/pb-format";
import { computePbOutcome, PB_RULES, PbRuleError, ruleFromPbMeta, type PbOutcome, type PbRule, type PbRuleChoice } from "../../app/modules/results/pb-outcome";
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
    const fromMeta = ruleFromPbMeta(file.meta);
    // An explicit rule overrides the file's; equal shares keeps the file's completion when the file uses it too.
    const choice: PbRuleChoice = args.rule ? { rule: args.rule, completion: fromMeta.rule === "equal-shares" ? fromMeta.completion : "add1" } : fromMeta;
    const outcome = computePbOutcome(file, choice);
    if (args.json) {
      io.out(`${JSON.stringify({ selected: outcome.selected, partial: outcome.partialId })}\n`);
    } else {
      io.out(formatOutcomeTable(args.file, file.meta.description, outcome, file.projects));
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

function formatOutcomeTable(
  path: string,
  description: string | undefined,
  outcome: PbOutcome,
  projects: readonly { id: string; cost: number; name?: string }[],
): string {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const ruleName = outcome.completion ? `${outcome.rule} (${outcome.completion})` : outcome.rule;
  const rows: string[][] = [];
  if (outcome.greedy) {
    for (const step of outcome.greedy.steps) {
      const decision = step.decision === "partially-funded" ? `partially funded: ${euros(step.amount)}` : step.decision.replaceAll("-", " ");
      rows.push([String(step.rank), step.id, euros(step.cost), String(step.score), decision, byId.get(step.id)?.name ?? ""]);
    }
  } else if (outcome.equalShares) {
    const selected = new Set(outcome.selected);
    outcome.equalShares.purchases.forEach((purchase, index) => {
      rows.push([
        String(index + 1),
        purchase.projectId,
        euros(purchase.cost),
        String(purchase.supporters),
        `funded, max ${purchase.maxPayment.euros.toFixed(2)} per voter`,
        byId.get(purchase.projectId)?.name ?? "",
      ]);
    });
    const others = projects.filter((p) => !selected.has(p.id)).sort((a, b) => (outcome.scores.get(b.id) ?? 0) - (outcome.scores.get(a.id) ?? 0));
    for (const project of others) {
      rows.push(["-", project.id, euros(project.cost), String(outcome.scores.get(project.id) ?? 0), "not funded", project.name ?? ""]);
    }
  }
  const header = ["#", "project", "cost", "votes", "outcome", "name"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const perVoter = outcome.equalShares ? `; share per voter ${outcome.equalShares.perVoterBudget.euros.toFixed(2)}` : "";
  return [
    `${description ?? path}`,
    `rule ${ruleName}; budget ${euros(outcome.budget)}; ${outcome.voters} voters; spent ${euros(outcome.spent)}; left ${euros(outcome.budget - outcome.spent)}${perVoter}`,
    "",
    line(header),
    ...rows.map(line),
    "",
  ].join("\n");
}
