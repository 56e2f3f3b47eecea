// What the results page and the organiser's results tab show, built from one ResultsSnapshot, so
// the two pages (and the ceremony) can never tell a different story. Pure and serialisable: the
// loader builds it, the components render it with the reader's language.

import type { IdeaOutcome, OutcomeRule, OutcomeStatus } from "./contest-outcome";
import { explainIdea, explainOutcome, type IdeaExplanation, type OutcomeExplanation } from "./explain";
import { juryScoreIfItDecided, type IdeaLabel } from "./open-data";

export interface ResultsTurnout {
  readonly online: number;
  readonly code: number;
  readonly poster: number;
  readonly total: number;
}

export interface ResultsIdeaView {
  readonly ideaId: number;
  readonly title: string;
  readonly href: string | null;
  readonly rank: number;
  readonly stickers: number;
  readonly poster: number;
  readonly cost: number;
  readonly amount: number;
  readonly status: OutcomeStatus;
  readonly chosen: boolean;
  readonly prizeName: string | null;
  /** Shown only where it decided a tie (see open-data.ts). */
  readonly juryScore: number | null;
  readonly explanation: IdeaExplanation;
  /** With a budget in parts: the idea's part. */
  readonly part: string | null;
  /** With a budget in parts: funded from what the parts left, not from its own part's money. */
  readonly fromLeftover: boolean;
}

/** One part of the budget on the results page (ADR 026): its money, what it spent itself, and its ideas that won. */
export interface ResultsPartView {
  readonly name: string;
  readonly budget: number;
  readonly spent: number;
  readonly winners: readonly ResultsIdeaView[];
}

export interface ResultsView {
  readonly rule: OutcomeRule;
  readonly budget: number;
  readonly drawSeed: string;
  readonly turnout: ResultsTurnout;
  /** In the order the rule chose them: first prize first, or first funded first. */
  readonly winners: readonly ResultsIdeaView[];
  /** Every idea in rank order. */
  readonly ideas: readonly ResultsIdeaView[];
  readonly summary: OutcomeExplanation;
  /** A budget in parts: per part; null for a round without parts. */
  readonly parts: readonly ResultsPartView[] | null;
}

export function resultsView(
  snapshot: { readonly outcome: Parameters<typeof explainOutcome>[0]; readonly ideas: readonly IdeaLabel[]; readonly turnout: ResultsTurnout },
  ideaHref: ((ideaId: number) => string) | null,
): ResultsView {
  const { outcome } = snapshot;
  const titles = new Map(snapshot.ideas.map((idea) => [idea.id, idea.title]));
  const view = (idea: IdeaOutcome): ResultsIdeaView => ({
    ideaId: idea.ideaId,
    title: titles.get(idea.ideaId) ?? `Idee ${idea.ideaId}`,
    href: ideaHref ? ideaHref(idea.ideaId) : null,
    rank: idea.rank,
    stickers: idea.stickers,
    poster: idea.poster,
    cost: idea.cost,
    amount: idea.amount,
    status: idea.status,
    chosen: idea.status !== "not-chosen",
    prizeName: idea.prize?.name ?? null,
    juryScore: juryScoreIfItDecided(idea),
    explanation: explainIdea(idea, outcome),
    part: idea.part ?? null,
    fromLeftover: idea.reason.kind === "funded-from-leftover",
  });
  const ideas = outcome.ideas.map(view);
  const byId = new Map(ideas.map((idea) => [idea.ideaId, idea]));
  return {
    rule: outcome.rule,
    budget: outcome.budget,
    drawSeed: outcome.drawSeed,
    turnout: { online: snapshot.turnout.online, code: snapshot.turnout.code, poster: snapshot.turnout.poster, total: snapshot.turnout.total },
    winners: outcome.winners.flatMap((id) => byId.get(id) ?? []),
    ideas,
    summary: explainOutcome(outcome),
    parts:
      outcome.parts?.parts.map((part) => ({
        name: part.name,
        budget: part.budget,
        spent: part.spent,
        winners: ideas.filter((idea) => idea.part === part.name && idea.chosen),
      })) ?? null,
  };
}
