// What a resident reads per idea on the results page: its stickers, its
// place, whether it won and why, how Equal Shares shared its cost, and what
// decided a tie. Lines are message keys with typed parameters, never
// formatted strings: the page formats money and numbers for the reader's
// language (renderLine), and the public JSON can carry the same lines.

import type { MessageKey, Translate } from "~/lib/i18n";
import { formatAmount, formatMoney, type Locale, type VatTerms } from "~/lib/format";
import type { ContestOutcome, IdeaOutcome, TieDecision, TieStep } from "./contest-outcome";
import { formatNumber, plural } from "~/lib/i18n/numbers";

export type ExplainParam =
  /** Euros; shown as "€ 1.250" or "€ 33,33". */
  | { readonly money: number }
  /** A count or a place; shown with the reader's digit grouping. */
  | { readonly count: number }
  /** Shown as it is (a prize name, a seed). */
  | { readonly text: string }
  /** Another message, translated first (a clause inside a sentence). */
  | { readonly line: ExplainLine };

export interface ExplainLine {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, ExplainParam>>;
  /** A sentence about `n` things: `key` is its form for one, `other` for more; the reader's plural rule picks. */
  readonly counted?: { readonly n: number; readonly other: MessageKey };
}

export interface IdeaExplanation {
  readonly ideaId: number;
  /** "12 stickers, van 9 bewoners." and, with poster stickers, how many were on paper. */
  readonly stickers: readonly ExplainLine[];
  /** "Plaats 3 van 8." */
  readonly rank: ExplainLine;
  /** The status label: prize, funded, partially funded, not chosen. */
  readonly status: ExplainLine;
  /** Why it won or did not. */
  readonly why: readonly ExplainLine[];
  /** Equal Shares: one line per payment group. */
  readonly shares: readonly ExplainLine[];
  /** What decided a tie with the idea above and below. */
  readonly ties: readonly ExplainLine[];
}

const money = (euros: number): ExplainParam => ({ money: euros });
const count = (n: number): ExplainParam => ({ count: n });
const line = (key: MessageKey, params?: Record<string, ExplainParam>): ExplainLine => (params ? { key, params } : { key });
const counted = (n: number, keys: { one: MessageKey; other: MessageKey }, params?: Record<string, ExplainParam>): ExplainLine => ({
  ...line(keys.one, params),
  counted: { n, other: keys.other },
});

const WHY_TIE: Record<TieStep, MessageKey> = {
  voters: "results.explain.whyVoters",
  jury: "results.explain.whyJury",
  draw: "results.explain.whyDraw",
};

function tieLine(key: "results.explain.tieAbove" | "results.explain.tieBelow", tie: TieDecision): ExplainLine {
  return line(key, { rank: count(tie.rank), why: { line: line(WHY_TIE[tie.decidedBy]) } });
}

function whyLines(idea: IdeaOutcome, outcome: Pick<ContestOutcome, "budget" | "parts">): ExplainLine[] {
  const part = idea.part ? outcome.parts?.parts.find((p) => p.name === idea.part) : undefined;
  if (!part || !idea.part || !outcome.parts) return reasonLines(idea, outcome.budget);
  // With parts, an idea is measured against its part's money (ADR 026); the sentence says which part.
  const name = { text: idea.part };
  const { reason, cost } = idea;
  const lines = [line("budgetParts.results.inPart", { part: name })];
  if (reason.kind === "funded-from-leftover") {
    return [...lines, line("budgetParts.results.fundedFromLeftover", { part: name, left: money(reason.budgetLeft), cost: money(cost) })];
  }
  const overPart = "overWholeBudget" in reason && reason.overWholeBudget;
  if (overPart) lines.push(line("budgetParts.results.overPartBudget", { cost: money(cost), budget: money(part.budget) }));
  // Where a part stops, only that part stops: the sentences name it, and say what became of what the parts left.
  if (reason.kind === "stopped-here") lines.push(line("budgetParts.results.stoppedHere", { part: name, left: money(reason.budgetLeft), cost: money(cost) }));
  else if (reason.kind === "not-reached") lines.push(line("budgetParts.results.notReached", { part: name, stoppedAt: count(reason.stoppedAtRank) }));
  else lines.push(...reasonLines({ ...idea, reason: overPart ? { ...reason, overWholeBudget: false } : reason }, part.budget));
  if (idea.notFromLeftover) {
    lines.push(line("budgetParts.results.notFromLeftover", { left: money(idea.notFromLeftover.budgetLeft), cost: money(cost) }));
  } else if (outcome.parts.leftover === "unspent" && (reason.kind === "stopped-here" || reason.kind === "not-reached")) {
    lines.push(line("budgetParts.results.leftoverStaysUnspent"));
  }
  return lines;
}

function reasonLines(idea: IdeaOutcome, budget: number): ExplainLine[] {
  const { reason, cost } = idea;
  switch (reason.kind) {
    case "prize":
      return idea.prize ? [line("results.explain.prize", { prize: { text: idea.prize.name }, amount: money(idea.prize.amountEuros) })] : [];
    case "no-prize-left":
      return reason.prizes === 0
        ? [line("results.explain.noPrizes")]
        : [line("results.explain.noPrizeLeft", { prizes: count(reason.prizes), rank: count(idea.rank) })];
    case "no-votes":
      return [line("results.explain.noVotes")];
    case "funded":
    case "funded-from-leftover":
      return [line("results.explain.funded", { left: money(reason.budgetLeft), cost: money(cost) })];
    case "does-not-fit":
      return [
        ...(reason.overWholeBudget ? [line("results.explain.overWholeBudget", { cost: money(cost), budget: money(budget) })] : []),
        line("results.explain.doesNotFit", { left: money(reason.budgetLeft), cost: money(cost) }),
      ];
    case "stopped-here":
      return [
        ...(reason.overWholeBudget ? [line("results.explain.overWholeBudget", { cost: money(cost), budget: money(budget) })] : []),
        line("results.explain.stoppedHere", { left: money(reason.budgetLeft), cost: money(cost) }),
      ];
    case "not-reached":
      return [line("results.explain.notReached", { stoppedAt: count(reason.stoppedAtRank) })];
    case "partially-funded":
      return [line("results.explain.partiallyFunded", { left: money(reason.budgetLeft), cost: money(cost), amount: money(idea.amount) })];
    case "shared":
      return [line("results.explain.shared", { round: count(reason.round), supporters: count(reason.supporters) })];
    case "shares-not-enough":
      return [
        counted(
          reason.supporters,
          { one: "results.explain.sharesNotEnoughOne", other: "results.explain.sharesNotEnough" },
          { supporters: count(reason.supporters), cost: money(cost) },
        ),
      ];
    case "over-budget":
      return [line("results.explain.overBudget", { cost: money(cost), budget: money(budget) })];
  }
}

/** Every line a resident reads about one idea. */
export function explainIdea(idea: IdeaOutcome, outcome: Pick<ContestOutcome, "budget" | "ideas" | "parts">): IdeaExplanation {
  const stickers = counted(idea.stickers, { one: "results.explain.stickersOne", other: "results.explain.stickersMany" }, { count: count(idea.stickers) });
  const stickerLines: ExplainLine[] = [
    counted(
      idea.voters,
      { one: "results.explain.fromVotersOne", other: "results.explain.fromVotersMany" },
      { stickers: { line: stickers }, count: count(idea.voters) },
    ),
  ];
  if (idea.poster > 0) {
    stickerLines.push(counted(idea.poster, { one: "results.explain.posterPartOne", other: "results.explain.posterPartMany" }, { count: count(idea.poster) }));
  }
  const shares = (idea.shares ?? []).map((group) => {
    const keys: { one: MessageKey; other: MessageKey } = group.paidAllTheyHad
      ? { one: "results.explain.shareGroupAllOne", other: "results.explain.shareGroupAllMany" }
      : { one: "results.explain.shareGroupOne", other: "results.explain.shareGroupMany" };
    return counted(group.voters, keys, { voters: count(group.voters), each: money(group.each.euros) });
  });
  const ties: ExplainLine[] = [];
  if (idea.tieAbove) ties.push(tieLine("results.explain.tieAbove", idea.tieAbove));
  if (idea.tieBelow) ties.push(tieLine("results.explain.tieBelow", idea.tieBelow));
  return {
    ideaId: idea.ideaId,
    stickers: stickerLines,
    rank: line("results.explain.rank", { rank: count(idea.rank), of: count(outcome.ideas.length) }),
    status: line(`results.status.${idea.status}`),
    why: whyLines(idea, outcome),
    shares,
    ties,
  };
}

export interface OutcomeExplanation {
  /** How the rule works, as the contest page states it. */
  readonly rule: ExplainLine;
  /** Money: spent, left over, prizes not awarded, Equal Shares' share per voter. */
  readonly money: readonly ExplainLine[];
  /** The written tie-break rule, the seed, whether the draw was needed, how to check it. */
  readonly tieBreak: readonly ExplainLine[];
}

/**
 * What the ideas were ranked by: stickers in a Wijkvonk round, votes in an archived round (a round from
 * before Wijkvonk, ADR 026), whose sentences about the parts must not speak of stickers.
 */
export type ScoreWord = "stickers" | "votes";

/** The lines above the list of ideas: the rule, the money, the tie-break and its seed. */
export function explainOutcome(outcome: ContestOutcome, scoreWord: ScoreWord = "stickers"): OutcomeExplanation {
  const moneyLines: ExplainLine[] = [];
  if (outcome.rule === "prizes-by-rank") {
    moneyLines.push(line("results.summary.spentPrizes", { spent: money(outcome.spent) }));
    const notAwarded = outcome.prizesNotAwarded.length;
    if (notAwarded > 0) {
      moneyLines.push(
        counted(notAwarded, { one: "results.summary.prizesNotAwardedOne", other: "results.summary.prizesNotAwardedMany" }, { count: count(notAwarded) }),
      );
    }
  } else {
    moneyLines.push(line("results.summary.spentBudget", { spent: money(outcome.spent), budget: money(outcome.budget) }));
    if (outcome.parts) moneyLines.push(...partsLines(outcome.parts, scoreWord));
    if (outcome.leftover > 0) moneyLines.push(line("results.summary.leftover", { leftover: money(outcome.leftover) }));
  }
  if (outcome.equalShares && outcome.equalShares.voters > 0) {
    const share = money(outcome.equalShares.perVoterBudget.euros);
    moneyLines.push(
      outcome.equalShares.add1Steps > 0
        ? line("results.summary.equalSharesRaised", { start: money(outcome.budget / outcome.equalShares.voters), share })
        : line("results.summary.equalShares", { share }),
    );
  }
  const exampleId = outcome.ideas[0]?.ideaId ?? 1;
  return {
    rule: outcome.parts ? partsRuleLine(outcome.rule, outcome.parts.leftover, scoreWord) : line(`rounds.outcome.${outcome.rule}`),
    money: moneyLines,
    tieBreak: [
      line(outcome.tieSteps.includes("jury") ? "results.tieBreak.withJury" : "results.tieBreak.withoutJury"),
      line("results.tieBreak.seed", { seed: { text: outcome.drawSeed } }),
      line(outcome.drawUsed ? "results.tieBreak.drawUsed" : "results.tieBreak.drawNotUsed"),
      line("results.tieBreak.howToCheck", { example: { text: `${outcome.drawSeed}:${exampleId}` } }),
    ],
  };
}

/**
 * The rule of a round with parts (ADR 026): the greedy rule runs per part, then the leftover policy. The
 * plain greedy-stop sentence ("what is left is not shared out") would be wrong under fund-what-fits.
 */
export function partsRuleLine(
  rule: ContestOutcome["rule"],
  leftover: NonNullable<ContestOutcome["parts"]>["leftover"],
  scoreWord: ScoreWord = "stickers",
): ExplainLine {
  if (rule !== "greedy" && rule !== "greedy-stop") return line(`rounds.outcome.${rule}`);
  const votes = scoreWord === "votes";
  const within =
    rule === "greedy-stop"
      ? votes
        ? "budgetParts.rule.greedyStopVotes"
        : "budgetParts.rule.greedyStop"
      : votes
        ? "budgetParts.rule.greedyVotes"
        : "budgetParts.rule.greedy";
  const fundWhatFits = votes ? "budgetParts.rule.leftoverFundWhatFitsVotes" : "budgetParts.rule.leftoverFundWhatFits";
  return line("budgetParts.rule.sentence", {
    within: { line: line(within) },
    leftover: { line: line(leftover === "unspent" ? (votes ? "budgetParts.rule.leftoverUnspentVotes" : "budgetParts.rule.leftoverUnspent") : fundWhatFits) },
  });
}

/**
 * What the parts left together and where that went. Each part's own money and spending is shown per part
 * (the results page's block per part), not repeated here.
 */
function partsLines(parts: NonNullable<ContestOutcome["parts"]>, scoreWord: ScoreWord): ExplainLine[] {
  const lines: ExplainLine[] = [];
  if (parts.leftAfterParts > 0) {
    lines.push(line("budgetParts.results.leftAfterParts", { left: money(parts.leftAfterParts) }));
    lines.push(
      parts.leftover === "fund-what-fits"
        ? line(scoreWord === "votes" ? "budgetParts.results.leftoverFundWhatFitsVotes" : "budgetParts.results.leftoverFundWhatFits", {
            spent: money(parts.spentFromLeftover),
          })
        : line("budgetParts.results.leftoverUnspent"),
    );
  }
  return lines;
}

/** One line as text in the reader's language. */
/** With `vat`, amounts say whether VAT is included (issue 21.6), as every amount of a round does on its pages. */
export function renderLine(explainLine: ExplainLine, t: Translate, locale: Locale, vat?: VatTerms): string {
  const params: Record<string, string> = {};
  for (const [name, param] of Object.entries(explainLine.params ?? {})) {
    // A no-break space, so that "€" and its amount never end up on two lines.
    if ("money" in param) params[name] = (vat ? formatAmount(param.money, locale, vat) : formatMoney(param.money, locale)).replace(" ", "\u00a0");
    else if ("count" in param) params[name] = formatNumber(param.count, locale);
    else if ("text" in param) params[name] = param.text;
    else params[name] = renderLine(param.line, t, locale, vat);
  }
  const key = explainLine.counted ? plural(locale, explainLine.counted.n, { one: explainLine.key, other: explainLine.counted.other }) : explainLine.key;
  return t(key, params);
}
