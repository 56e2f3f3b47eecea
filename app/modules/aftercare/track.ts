// Pure rules of an idea's realisation track (issue 8, nazorg): its status, and the money granted and
// spent. No I/O.

import { checkPhase, type PhaseInfo } from "~/modules/contests/phases";

export const trackStatuses = ["nog-niet-begonnen", "in-voorbereiding", "in-uitvoering", "gerealiseerd", "gestopt"] as const;
export type TrackStatus = (typeof trackStatuses)[number];

/** A realised or stopped idea asks nobody to join its taakgroep any more (issue 18.3); those in it may still leave. */
export function trackIsFinished(status: TrackStatus | null): boolean {
  return status === "gerealiseerd" || status === "gestopt";
}

/** The track opens after the vote: from the prize-giving on, and stays readable in the archive. */
export const TRACK_EDIT_PHASES = ["prijsuitreiking", "nazorg"] as const;
export const TRACK_SHOW_PHASES = ["prijsuitreiking", "nazorg", "afgesloten"] as const;

/** What can be written on a track: each small form of the edit page is one of these. */
export const trackWrites = ["status", "milestone", "milestone-done", "update", "dashboard", "partner", "spending", "grant"] as const;
export type TrackWrite = (typeof trackWrites)[number];

/** The makers are the indiener and accepted co-initiators; organisers organise the round. */
export type TrackWriter = "maker" | "organiser";

/** Money is the round's account: once the round is archived only its organisers add to it. */
const MONEY_WRITES: readonly TrackWrite[] = ["spending", "grant"];

/**
 * Who may write what on the track, and when (issue 21.5, ADR 028). From the prize-giving through
 * nazorg the makers and organisers keep the track (a grant is the organisers'). Follow-up runs for
 * years, so after nazorg ends, in the archive, the makers and organisers may still post news and keep
 * the dashboard (status, milestones, partners, what helps and hinders) without an end date; only the
 * money closes to the makers: a late invoice is entered by an organiser, never by an initiator alone.
 */
export function mayWriteTrack(input: { write: TrackWrite; writer: TrackWriter | null; phase: PhaseInfo }): boolean {
  if (input.writer === null) return false;
  if (input.write === "grant" && input.writer !== "organiser") return false;
  if (checkPhase(input.phase, TRACK_EDIT_PHASES).ok) return true;
  if (input.phase.phase !== "afgesloten") return false;
  return input.writer === "organiser" || !MONEY_WRITES.includes(input.write);
}

/** Whether the edit page opens at all: some write is allowed to this writer now. */
export function mayOpenTrack(writer: TrackWriter | null, phase: PhaseInfo): boolean {
  return trackWrites.some((write) => mayWriteTrack({ write, writer, phase }));
}

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
