// "Figures under 5 people are not shown (no re-identification)" (issue 9). A figure is what the
// organiser can read or work out; so besides each small group, a group that could be worked out
// from the total and the groups that are shown is hidden too (ADR 014).

/** The smallest group we show a figure of. */
export const MIN_GROUP_SIZE = 5;

/**
 * One figure on the organiser's page. `small`: fewer than 5 people ("minder dan 5"); `hidden`: 5 or
 * more, but hidden so that a small group beside it cannot be worked out by subtraction.
 */
export type Cell = { kind: "shown"; n: number } | { kind: "small" } | { kind: "hidden" };

/** One figure on its own (a total): shown from 5 people up. */
export function suppressCount(n: number): Cell {
  return n >= MIN_GROUP_SIZE ? { kind: "shown", n } : { kind: "small" };
}

/**
 * The answers to one question, whose total the page shows. Rules, in order:
 * 1. a total under 5 hides every answer;
 * 2. every answer given by fewer than 5 people is "minder dan 5" (0 included: an empty group is a small group);
 * 3. when exactly one answer is hidden and somebody gave it, the total minus the others would give it
 *    away: the smallest shown answer is hidden too (a group worked out to be empty names nobody);
 * 4. when the hidden answers add up to 0 and one answer is left shown, everyone gave that answer:
 *    it is hidden too.
 */
export function suppressGroup(counts: readonly number[]): Cell[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total < MIN_GROUP_SIZE) return counts.map(() => ({ kind: "small" }));
  const cells: Cell[] = counts.map((n) => suppressCount(n));
  const shownIndexes = () => cells.flatMap((c, i) => (c.kind === "shown" ? [i] : []));
  const hideSmallestShown = () => {
    const shown = shownIndexes();
    if (shown.length === 0) return;
    const smallest = shown.reduce((best, i) => (counts[i]! < counts[best]! ? i : best), shown[0]!);
    cells[smallest] = { kind: "hidden" };
  };
  const hidden = counts.filter((_, i) => cells[i]!.kind !== "shown");
  if (hidden.length === 1 && hidden[0]! > 0) hideSmallestShown();
  const hiddenSum = counts.reduce((sum, n, i) => (cells[i]!.kind === "shown" ? sum : sum + n), 0);
  if (hidden.length > 0 && hiddenSum === 0 && shownIndexes().length === 1) hideSmallestShown();
  return cells;
}

/** n of total as a fraction, or null for a figure that is not shown. */
export function shareOf(cell: Cell, total: number): number | null {
  return cell.kind === "shown" && total > 0 ? cell.n / total : null;
}
