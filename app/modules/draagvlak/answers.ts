// The console's answer list (issue 21.3): every handed-in idea against the organisation's promise. Pure.

import { answerClock, type AnswerClock } from "./working-days";

export type ClockIdea = { id: number; title: string; submittedAt: number | null; withdrawn: boolean };
export type ClockRow = { id: number; title: string; clock: AnswerClock };

/**
 * The clock of each handed-in idea (withdrawn ideas need no answer), and the ideas still waiting:
 * overdue first, the longest overdue on top, then the ones due soonest.
 */
export function answerOverview(input: { ideas: readonly ClockIdea[]; workingDays: number | null; answeredAt: ReadonlyMap<number, number>; now: number }): {
  rows: ClockRow[];
  waiting: ClockRow[];
  overdue: number;
} {
  const rows = input.ideas
    .filter((i) => i.submittedAt !== null && !i.withdrawn)
    .map((i) => ({
      id: i.id,
      title: i.title,
      clock: answerClock({ submittedAt: i.submittedAt!, workingDays: input.workingDays, answeredAt: input.answeredAt.get(i.id) ?? null, now: input.now }),
    }));
  const due = (r: ClockRow) => ("dueAt" in r.clock ? r.clock.dueAt : Infinity);
  const waiting = rows.filter((r) => r.clock.state === "waiting" || r.clock.state === "overdue").sort((a, b) => due(a) - due(b));
  return { rows, waiting, overdue: waiting.filter((r) => r.clock.state === "overdue").length };
}
