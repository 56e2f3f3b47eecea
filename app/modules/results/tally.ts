// Counting ballots into per-project totals. Two numbers per project because
// they differ once stickers may be stacked or points given: the total decides
// the ranking, the number of voters is what "supported by N residents" means.

import type { ProjectId } from "./ranking";

/** A ballot as a list of project ids (one entry per sticker), optionally with points per entry. */
export interface TallyBallot {
  readonly vote: readonly ProjectId[];
  readonly points?: readonly number[];
}

export interface Tally {
  /** Stickers, approvals or points per project. */
  readonly totals: Map<ProjectId, number>;
  /** Distinct voters whose ballot names the project. */
  readonly voterCounts: Map<ProjectId, number>;
  readonly ballots: number;
  /** Ballots without any project: they count for turnout, not for any idea. */
  readonly emptyBallots: number;
}

/**
 * Totals per project. With `projectIds`, every listed project appears (with 0
 * when nobody chose it) and a ballot naming any other id is refused: a vote for
 * an idea that is not in the contest is a bug upstream, not something to skip.
 */
export function tally(ballots: readonly (readonly ProjectId[] | TallyBallot)[], projectIds?: readonly ProjectId[]): Tally {
  const totals = new Map<ProjectId, number>();
  const voterCounts = new Map<ProjectId, number>();
  const known = projectIds ? new Set(projectIds) : null;
  for (const id of projectIds ?? []) {
    totals.set(id, 0);
    voterCounts.set(id, 0);
  }
  let emptyBallots = 0;
  const chosenByThisVoter = new Set<ProjectId>();
  ballots.forEach((ballot, index) => {
    const vote = isTallyBallot(ballot) ? ballot.vote : ballot;
    const points = isTallyBallot(ballot) ? ballot.points : undefined;
    if (points && points.length !== vote.length) {
      throw new RangeError(`ballot ${index + 1} has ${points.length} points for ${vote.length} projects`);
    }
    if (vote.length === 0) emptyBallots += 1;
    chosenByThisVoter.clear();
    vote.forEach((id, position) => {
      if (known && !known.has(id)) throw new RangeError(`ballot ${index + 1} names unknown project ${id}`);
      const amount = points ? (points[position] ?? 0) : 1;
      if (!Number.isFinite(amount)) throw new RangeError(`ballot ${index + 1} gives ${amount} points to project ${id}`);
      totals.set(id, (totals.get(id) ?? 0) + amount);
      if (!chosenByThisVoter.has(id)) {
        chosenByThisVoter.add(id);
        voterCounts.set(id, (voterCounts.get(id) ?? 0) + 1);
      }
    });
  });
  return { totals, voterCounts, ballots: ballots.length, emptyBallots };
}

function isTallyBallot(ballot: readonly ProjectId[] | TallyBallot): ballot is TallyBallot {
  return !Array.isArray(ballot);
}
