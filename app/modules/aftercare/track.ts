// Pure rules of an idea's realisation track (issue 8, nazorg): its status, and the money granted and
// spent. No I/O.

export const trackStatuses = ["nog-niet-begonnen", "in-voorbereiding", "in-uitvoering", "gerealiseerd", "gestopt"] as const;
export type TrackStatus = (typeof trackStatuses)[number];

/** A realised or stopped idea asks nobody to join its taakgroep any more (issue 18.3); those in it may still leave. */
export function trackIsFinished(status: TrackStatus | null): boolean {
  return status === "gerealiseerd" || status === "gestopt";
}

/** The track opens after the vote: from the prize-giving on, and stays readable in the archive. */
export const TRACK_EDIT_PHASES = ["prijsuitreiking", "nazorg"] as const;
export const TRACK_SHOW_PHASES = ["prijsuitreiking", "nazorg", "afgesloten"] as const;

export type SpendingLine = { amountEuros: number };

export type MoneySummary = { grantedEuros: number | null; spentEuros: number; leftEuros: number | null; overspent: boolean };

export function moneySummary(grantedEuros: number | null, lines: readonly SpendingLine[]): MoneySummary {
  const spentEuros = lines.reduce((sum, l) => sum + l.amountEuros, 0);
  const leftEuros = grantedEuros === null ? null : grantedEuros - spentEuros;
  return { grantedEuros, spentEuros, leftEuros, overspent: leftEuros !== null && leftEuros < 0 };
}

export type SpendingDecision = { ok: true; override: boolean } | { ok: false; reason: "over-budget" | "no-grant" };

/**
 * Spending lines cannot exceed the amount granted without an explicit organiser override (which the
 * caller logs). Without a grant nothing can be spent, except by that same override.
 */
export function checkSpending(input: {
  grantedEuros: number | null;
  spentEuros: number;
  amountEuros: number;
  isOrganiser: boolean;
  override: boolean;
}): SpendingDecision {
  const within = input.grantedEuros !== null && input.spentEuros + input.amountEuros <= input.grantedEuros;
  if (within) return { ok: true, override: false };
  if (input.isOrganiser && input.override) return { ok: true, override: true };
  return { ok: false, reason: input.grantedEuros === null ? "no-grant" : "over-budget" };
}
