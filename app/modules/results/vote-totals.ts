// The three ways of voting become one count per idea (product.md: the total
// per idea is online + code + poster stickers). Digital ballots are summed by
// tally (tally.ts), so stacking and unknown ideas are treated the
// same way everywhere.
//
// Per idea this gives "digital" and "poster", never online and code apart:
// code voters are often a small group (a few letters at a care home), and a
// per-idea split would narrow down what they voted for. Turnout does show the
// three ways: that is how many, not what.

import { checkBallot } from "~/modules/voting/ballot";
import type { PosterCount } from "~/modules/voting/poster-counts";
import type { TallyInput, Turnout } from "~/modules/voting/tally-input";
import type { ProjectId } from "./ranking";
import { tally } from "./tally";

export interface IdeaTotal {
  readonly ideaId: number;
  /** Stickers from online and code ballots together. */
  readonly digital: number;
  readonly poster: number;
  readonly total: number;
}

export type TallyWarning = {
  readonly code: "poster-stickers-exceed-attendance";
  readonly stickers: number;
  readonly attendance: number;
  /** attendance × stickers per voter */
  readonly max: number;
};

export interface VoteTotals {
  /** One line per idea, by idea id. */
  readonly ideas: readonly IdeaTotal[];
  /** Totals keyed as the results module's ranking and outcome rules expect. */
  readonly scores: ReadonlyMap<ProjectId, number>;
  readonly turnout: Turnout;
  /** Things an organiser should look at before revealing; they do not stop the count. */
  readonly warnings: readonly TallyWarning[];
}

/**
 * Totals and turnout. A stored ballot that breaks the contest's rules, or
 * poster counts that do not cover exactly the ballot's ideas, mean something
 * went wrong upstream: the count stops with an error rather than publish it.
 */
export function combineVotes(input: TallyInput): VoteTotals {
  const { ideaIds, rules, onlineBallots, codeBallots, poster } = input;
  const digitalBallots = [...onlineBallots, ...codeBallots];
  digitalBallots.forEach((ballot, index) => {
    // The "ik doe mee" ticks are sign-ups, not votes, and are not part of a stored ballot.
    const checked = checkBallot({ stickers: ballot.stickers }, rules, ideaIds);
    if (!checked.ok) {
      const codes = checked.problems.map((p) => p.code).join(", ");
      throw new RangeError(`${index < onlineBallots.length ? "online" : "code"} ballot ${index + 1} breaks the rules: ${codes}`);
    }
  });
  const digital = tally(
    digitalBallots.map((ballot) => ballot.stickers.map((s) => String(s.ideaId))),
    ideaIds.map(String),
  );

  const posterByIdea = poster ? posterCountsByIdea(poster.counts, ideaIds) : new Map<number, number>();
  const ideas = [...new Set(ideaIds)]
    .sort((a, b) => a - b)
    .map((ideaId): IdeaTotal => {
      const fromBallots = digital.totals.get(String(ideaId)) ?? 0;
      const fromPoster = posterByIdea.get(ideaId) ?? 0;
      return { ideaId, digital: fromBallots, poster: fromPoster, total: fromBallots + fromPoster };
    });

  const attendance = poster?.attendance ?? 0;
  if (!Number.isSafeInteger(attendance) || attendance < 0) throw new RangeError(`attendance must be a whole number, got ${attendance}`);
  const turnout: Turnout = {
    online: onlineBallots.length,
    code: codeBallots.length,
    poster: attendance,
    total: onlineBallots.length + codeBallots.length + attendance,
  };

  const warnings: TallyWarning[] = [];
  const posterStickers = ideas.reduce((sum, idea) => sum + idea.poster, 0);
  const max = attendance * rules.stickersPerVoter;
  // Each registered resident had N stickers; more on the posters means someone stuck without checking in.
  if (poster && posterStickers > max) {
    warnings.push({ code: "poster-stickers-exceed-attendance", stickers: posterStickers, attendance, max });
  }

  return { ideas, scores: new Map(ideas.map((idea) => [String(idea.ideaId), idea.total])), turnout, warnings };
}

function posterCountsByIdea(counts: readonly PosterCount[], ideaIds: readonly number[]): Map<number, number> {
  const known = new Set(ideaIds);
  const byIdea = new Map<number, number>();
  for (const { ideaId, count } of counts) {
    if (!known.has(ideaId)) throw new RangeError(`poster count for idea ${ideaId}, which is not on the ballot`);
    if (byIdea.has(ideaId)) throw new RangeError(`two poster counts for idea ${ideaId}`);
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`poster count ${count} for idea ${ideaId}`);
    byIdea.set(ideaId, count);
  }
  const uncounted = [...known].filter((id) => !byIdea.has(id));
  if (uncounted.length > 0) throw new RangeError(`no poster count for idea ${uncounted.join(", ")}; use the reconciled counts`);
  return byIdea;
}
