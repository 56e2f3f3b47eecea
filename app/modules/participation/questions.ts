import { AGE_BANDS, PARTICIPATION_MOMENTS, type PARTICIPATION_QUESTIONS } from "./constants";

// The three optional questions after voting and after handing in an idea (issue 9: "Who takes
// part"), and how their answers are keyed in the counts (ADR 014).

export { AGE_BANDS, PARTICIPATION_MOMENTS };
export type Moment = (typeof PARTICIPATION_MOMENTS)[number];
export type Question = (typeof PARTICIPATION_QUESTIONS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];

export const FIRST_TIME_ANSWERS = ["ja", "nee"] as const;
export type FirstTime = (typeof FIRST_TIME_ANSWERS)[number];

/** The buurt answer of someone who lives outside the buurten listed (or does not know which). */
export const ELSEWHERE = "elders";

/** The counter of forms sent in: one per resident who answered at least one question. */
export const RESPONSES = { question: "antwoorden", answer: "ingevuld" } as const;

export type BuurtOption = { key: string; name: string };

/**
 * The buurten a resident can choose from: the organiser's buurt list for ideas when there is one
 * (the names residents already saw when handing in), else the contest's areas when there are two or
 * more. One area without buurten has nothing to tell apart: then the question is not asked.
 * Keys name the source and the row (`b12`, `a3`), so a renamed buurt keeps its answers.
 */
export function buurtOptions(input: { ideaBuurten: readonly { id: number; name: string }[]; areas: readonly { id: number; name: string }[] }): BuurtOption[] {
  if (input.ideaBuurten.length > 0) return input.ideaBuurten.map((b) => ({ key: `b${b.id}`, name: b.name }));
  if (input.areas.length > 1) return input.areas.map((a) => ({ key: `a${a.id}`, name: a.name }));
  return [];
}

/** Every answer the buurt question accepts: the buurten and "ergens anders". */
export function buurtAnswerKeys(buurten: readonly BuurtOption[]): string[] {
  return buurten.length === 0 ? [] : [...buurten.map((b) => b.key), ELSEWHERE];
}

/**
 * Every counter of one moment, in a fixed order that does not depend on anyone's answer. The counters
 * are created together in this order, so the order of the rows in the table tells nothing about who
 * answered first (ADR 014).
 */
export function counterKeys(buurten: readonly BuurtOption[]): { question: Question; answer: string }[] {
  return [
    RESPONSES,
    ...AGE_BANDS.map((answer) => ({ question: "leeftijd" as const, answer })),
    ...buurtAnswerKeys(buurten).map((answer) => ({ question: "buurt" as const, answer })),
    ...FIRST_TIME_ANSWERS.map((answer) => ({ question: "eerste-keer" as const, answer })),
  ];
}

/** What one resident answered; every question may be left open. */
export type Answers = { leeftijd?: AgeBand; buurt?: string; eersteKeer?: FirstTime };

export function hasAnyAnswer(answers: Answers): boolean {
  return answers.leeftijd !== undefined || answers.buurt !== undefined || answers.eersteKeer !== undefined;
}

/** The counters one set of answers adds one to, the form counter first. */
export function countersFor(answers: Answers): { question: Question; answer: string }[] {
  if (!hasAnyAnswer(answers)) return [];
  return [
    RESPONSES,
    ...(answers.leeftijd ? [{ question: "leeftijd" as const, answer: answers.leeftijd }] : []),
    ...(answers.buurt ? [{ question: "buurt" as const, answer: answers.buurt }] : []),
    ...(answers.eersteKeer ? [{ question: "eerste-keer" as const, answer: answers.eersteKeer }] : []),
  ];
}

/** Which phase a moment belongs to: answers are taken while it lasts. */
export const MOMENT_PHASE = { stemmen: "stemmen", indienen: "indienen" } as const satisfies Record<Moment, string>;

/** What the answer form on a confirmation page needs. */
export type QuestionsForm = { slug: string; token: string; moment: Moment; buurten: BuurtOption[] };

/** The answer route's reply, shown where the form was (with JavaScript) or on its own page (without). */
export type AnswersReply = { state: "recorded" | "used" | "empty" | "invalid" | "closed" | "bad-answer"; contest: { slug: string; title: string } };
