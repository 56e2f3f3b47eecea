import type { Outcome } from "./shortlist";

/** The jury's answer as an idea page shows it (built by ideaJuryOutcome, drawn by <IdeaJuryOutcome>). */
export type IdeaJuryOutcomeView = {
  outcome: Outcome;
  /** Only for the indiener, co-initiators and organisers; null for everyone else. */
  motivation: string | null;
  decidedAt: number;
  /** The jury's average, only when the contest publishes it. */
  publicScore: { average: number; count: number } | null;
  /** Feedback on the worked-out plan, for the makers only. */
  feedback: { id: number; authorName: string; body: string; createdAt: number }[];
};
