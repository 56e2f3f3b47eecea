import { shareOf, suppressCount, suppressGroup, MIN_GROUP_SIZE, type Cell } from "./disclosure";
import { AGE_BANDS, ELSEWHERE, FIRST_TIME_ANSWERS, RESPONSES, type BuurtOption, type Moment, type Question } from "./questions";

// The organiser's "Wie doet mee?" page as plain data (issue 9): who answered, compared with who
// lives in the area. Every figure about participants goes through the disclosure rules first.

export type CountRow = { moment: Moment; question: Question; answer: string; n: number };
export type ResidentFigure = { kind: "buurt" | "leeftijd"; key: string; residents: number };

/** A figure with its share of those who answered the question; the share only when the figure is shown. */
export type Figure = Cell & { share: number | null };

/** How a group's share among voters compares with its share among residents. */
export type Reach = "less" | "similar" | "more";

/** A group's share among voters below 3/4 of its share among residents is "minder bereikt"; above 4/3 "meer bereikt". */
export const LESS_REACHED_BELOW = 0.75;
export const MORE_REACHED_ABOVE = 4 / 3;

export type GroupRow = {
  key: string;
  residents: number | null;
  residentShare: number | null;
  voters: Figure;
  initiators: Figure;
  /** Voters × the group's share among voters who answered ÷ residents of the group: an estimate, see ADR 014. */
  estimatedTurnout: number | null;
  reach: Reach | null;
};

export type GroupTable = { rows: GroupRow[]; answered: { voters: Cell; initiators: Cell } };

export type ParticipationReport = {
  voters: { people: number; respondents: Cell };
  initiators: { people: number; respondents: Cell };
  /** Residents of the whole area, when the organiser entered every buurt (or else every age band). */
  residents: number | null;
  turnout: number | null;
  buurt: GroupTable | null;
  age: GroupTable;
  firstTime: { voters: Figure; initiators: Figure; answered: { voters: Cell; initiators: Cell } };
  /** Groups the vote reaches clearly less than their share of the area: the page's main message. */
  lessReached: { question: "buurt" | "leeftijd"; key: string }[];
};

/**
 * Compares a group's share among voters with its share among residents. A group of fewer than 5
 * voters is judged by its upper bound (4 people): "less" only when even 4 would be too few, so the
 * verdict tells nothing the "minder dan 5" does not.
 */
export function reachOf(figure: Cell, groupTotal: number, residentShare: number | null): Reach | null {
  if (residentShare === null || residentShare <= 0 || groupTotal <= 0) return null;
  if (figure.kind === "hidden") return null;
  if (figure.kind === "small") return (MIN_GROUP_SIZE - 1) / groupTotal / residentShare < LESS_REACHED_BELOW ? "less" : null;
  const ratio = figure.n / groupTotal / residentShare;
  if (ratio < LESS_REACHED_BELOW) return "less";
  if (ratio > MORE_REACHED_ABOVE) return "more";
  return "similar";
}

/** Voters × share among those who answered ÷ residents: what the turnout in the group would be if those who answered are like those who did not. */
export function estimatedTurnoutOf(figure: Figure, voters: number, residents: number | null): number | null {
  if (figure.share === null || residents === null || residents <= 0) return null;
  return (figure.share * voters) / residents;
}

function countsOf(rows: readonly CountRow[], moment: Moment, question: Question): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.moment === moment && r.question === question) out.set(r.answer, (out.get(r.answer) ?? 0) + r.n);
  return out;
}

function figures(keys: readonly string[], counts: Map<string, number>): { figures: Figure[]; answered: Cell; total: number } {
  const ns = keys.map((k) => counts.get(k) ?? 0);
  const total = ns.reduce((a, b) => a + b, 0);
  const cells = suppressGroup(ns);
  return { figures: cells.map((cell) => ({ ...cell, share: shareOf(cell, total) })), answered: suppressCount(total), total };
}

/** Residents per key and their shares, but only when every key of the list has a figure: a partial list would give wrong shares. */
function residentsOf(keys: readonly string[], figures: readonly ResidentFigure[], kind: ResidentFigure["kind"]) {
  const byKey = new Map(figures.filter((f) => f.kind === kind).map((f) => [f.key, f.residents]));
  const complete = keys.length > 0 && keys.every((k) => byKey.has(k));
  const sum = complete ? keys.reduce((s, k) => s + byKey.get(k)!, 0) : null;
  return {
    total: sum,
    of: (key: string) => byKey.get(key) ?? null,
    shareOf: (key: string) => (sum !== null && sum > 0 && byKey.has(key) ? byKey.get(key)! / sum : null),
  };
}

function groupTable(input: {
  question: "buurt" | "leeftijd";
  keys: readonly string[];
  areaKeys: readonly string[];
  counts: readonly CountRow[];
  residents: readonly ResidentFigure[];
  voters: number;
}): GroupTable & { residentsTotal: number | null } {
  const voterCounts = countsOf(input.counts, "stemmen", input.question);
  const initiatorCounts = countsOf(input.counts, "indienen", input.question);
  const v = figures(input.keys, voterCounts);
  const i = figures(input.keys, initiatorCounts);
  const residents = residentsOf(input.areaKeys, input.residents, input.question);
  const rows = input.keys.map((key, index) => {
    const inArea = input.areaKeys.includes(key);
    const residentShare = inArea ? residents.shareOf(key) : null;
    const count = inArea ? residents.of(key) : null;
    return {
      key,
      residents: count,
      residentShare,
      voters: v.figures[index]!,
      initiators: i.figures[index]!,
      estimatedTurnout: estimatedTurnoutOf(v.figures[index]!, input.voters, count),
      reach: reachOf(v.figures[index]!, v.total, residentShare),
    };
  });
  return { rows, answered: { voters: v.answered, initiators: i.answered }, residentsTotal: residents.total };
}

export function participationReport(input: {
  buurten: readonly BuurtOption[];
  counts: readonly CountRow[];
  residents: readonly ResidentFigure[];
  voters: number;
  initiators: number;
}): ParticipationReport {
  const responses = (moment: Moment) => countsOf(input.counts, moment, RESPONSES.question).get(RESPONSES.answer) ?? 0;
  const buurtKeys = input.buurten.map((b) => b.key);
  // Answers to buurten that are no longer on the list still count, as their own rows.
  const gone = [
    ...new Set(input.counts.filter((c) => c.question === "buurt" && c.answer !== ELSEWHERE && !buurtKeys.includes(c.answer)).map((c) => c.answer)),
  ].sort();
  const buurt =
    buurtKeys.length > 0 || gone.length > 0
      ? groupTable({
          question: "buurt",
          keys: [...buurtKeys, ...gone, ELSEWHERE],
          areaKeys: buurtKeys,
          counts: input.counts,
          residents: input.residents,
          voters: input.voters,
        })
      : null;
  const age = groupTable({
    question: "leeftijd",
    keys: AGE_BANDS,
    areaKeys: AGE_BANDS,
    counts: input.counts,
    residents: input.residents,
    voters: input.voters,
  });
  const residents = buurt?.residentsTotal ?? age.residentsTotal;

  const firstTime = (moment: Moment) => {
    const f = figures(FIRST_TIME_ANSWERS, countsOf(input.counts, moment, "eerste-keer"));
    return { yes: f.figures[0]!, answered: f.answered };
  };
  const votersFirst = firstTime("stemmen");
  const initiatorsFirst = firstTime("indienen");

  const strip = ({ residentsTotal: _, ...table }: GroupTable & { residentsTotal: number | null }): GroupTable => table;
  return {
    voters: { people: input.voters, respondents: suppressCount(responses("stemmen")) },
    initiators: { people: input.initiators, respondents: suppressCount(responses("indienen")) },
    residents,
    turnout: residents !== null && residents > 0 ? input.voters / residents : null,
    buurt: buurt ? strip(buurt) : null,
    age: strip(age),
    firstTime: {
      voters: votersFirst.yes,
      initiators: initiatorsFirst.yes,
      answered: { voters: votersFirst.answered, initiators: initiatorsFirst.answered },
    },
    lessReached: [
      ...(buurt?.rows ?? []).filter((r) => r.reach === "less").map((r) => ({ question: "buurt" as const, key: r.key })),
      ...age.rows.filter((r) => r.reach === "less").map((r) => ({ question: "leeftijd" as const, key: r.key })),
    ],
  };
}
