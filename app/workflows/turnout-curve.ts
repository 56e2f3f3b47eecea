// Turnout over time for the console overview (issue 18.8): how many residents had voted by the end of
// each day of the vote, as a share of the area's residents when the organiser entered them, next to the
// previous round's curve on the same day of its vote. Pure; days count from the start of voting.

const DAY = 24 * 60 * 60 * 1000;

export type TurnoutCurve = {
  /** Voters by the end of day 1, 2, … of the vote (up to today, or the whole vote once it ended). */
  cumulative: number[];
  /** Residents of the area, when known; shares are voters / residents. */
  residents: number | null;
};

/** How many days the vote lasts (a part day counts as a day). */
export function votingDays(window: { start: number; end: number }): number {
  return Math.max(1, Math.ceil((window.end - window.start) / DAY));
}

/**
 * Cumulative voters per day of the vote. Only the days that have begun are given (a curve that stops at
 * today, not a flat line into the future); votes outside the window (a desk registration after the close
 * would be refused, but a test clock may differ) count on the nearest day.
 */
export function cumulativeByDay(times: readonly number[], window: { start: number; end: number }, now: number): number[] {
  const days = votingDays(window);
  if (now < window.start) return [];
  const shown = Math.min(days, Math.floor((now - window.start) / DAY) + 1);
  const perDay = new Array<number>(days).fill(0);
  for (const t of times) perDay[Math.min(days - 1, Math.max(0, Math.floor((t - window.start) / DAY)))]! += 1;
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < shown; i++) {
    sum += perDay[i]!;
    out.push(sum);
  }
  return out;
}

/** Residents of the area from the organiser's figures per buurt (the age bands count the same people again). */
export function areaResidents(figures: readonly { kind: string; residents: number }[]): number | null {
  const buurten = figures.filter((f) => f.kind === "buurt");
  if (buurten.length === 0) return null;
  const total = buurten.reduce((sum, f) => sum + f.residents, 0);
  return total > 0 ? total : null;
}

/** Whole-percent-and-a-decimal share, or null when the area's size is unknown. */
export function turnoutShare(voters: number, residents: number | null): number | null {
  if (residents === null || residents <= 0) return null;
  return Math.round((voters / residents) * 1000) / 10;
}

/** The y-value the chart draws: the share when both rounds have one, otherwise plain counts. */
export function chartScale(current: TurnoutCurve, previous: TurnoutCurve | null): "share" | "count" {
  if (current.residents === null) return "count";
  if (previous && previous.residents === null) return "count";
  return "share";
}

export type ChartPoint = { x: number; y: number };

/**
 * Points of a polyline in a width×height box (y grows downwards), from day 1 on the left to the last
 * day of the longer vote on the right, from 0 to `top` upwards.
 */
export function chartPoints(values: readonly number[], box: { width: number; height: number; days: number; top: number }): ChartPoint[] {
  const stepX = box.days > 1 ? box.width / (box.days - 1) : 0;
  const top = box.top > 0 ? box.top : 1;
  return values.map((v, i) => ({
    x: Math.round(i * stepX * 10) / 10,
    y: Math.round((box.height - (Math.min(v, top) / top) * box.height) * 10) / 10,
  }));
}
