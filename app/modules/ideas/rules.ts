// The rules of handing in, editing, working out and showing ideas. Pure: plain data in, plain data out.

import { BEFORE_ARCHIVE, checkPhase, type ContestPhase, type PhaseInfo, type PhaseRefusal } from "~/modules/contests/phases";

export const IDEA_STATUSES = ["draft", "submitted", "withdrawn", "shortlisted"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** How the person asking relates to an idea. An organiser of the contest wins over every other relation. */
export type IdeaRelation = "organiser" | "owner" | "co-initiator" | "draft-holder" | "none";

export function relationTo(input: {
  userId: string | null;
  isOrganiser: boolean;
  ownerUserId: string | null;
  coInitiatorUserIds: readonly string[];
  holdsDraftToken: boolean;
}): IdeaRelation {
  if (input.isOrganiser) return "organiser";
  if (input.userId && input.ownerUserId === input.userId) return "owner";
  if (input.userId && input.coInitiatorUserIds.includes(input.userId)) return "co-initiator";
  if (input.holdsDraftToken) return "draft-holder";
  return "none";
}

export type Decision = { ok: true; logged: boolean } | { ok: false; reason: "forbidden" | "status" | "phase"; phase?: PhaseRefusal };

/** The phases in which residents hand in and change their ideas. */
export const SUBMIT_PHASES: readonly ContestPhase[] = ["indienen"];
/** Paper ideas that arrived on time may still be typed in during the first days of the jury's work. */
export const PAPER_PHASES: readonly ContestPhase[] = ["indienen", "juryselectie"];
/** Shortlisted initiators work out their plan and poster. */
export const WORK_OUT_PHASES: readonly ContestPhase[] = ["uitwerken"];

/** Organisers correct an idea at any time until the round is archived (read-only); every change is logged. */
function organiserDecision(phase: PhaseInfo): Decision {
  const check = checkPhase(phase, BEFORE_ARCHIVE);
  return check.ok ? { ok: true, logged: true } : { ok: false, reason: "phase", phase: check };
}

/**
 * May this person change the idea's text, cost, place and photos now?
 * Only the indiener, accepted co-initiators (and the holder of an anonymous draft) during indienen;
 * organisers until the archive.
 */
export function editDecision(relation: IdeaRelation, status: IdeaStatus, phase: PhaseInfo): Decision {
  if (relation === "none") return { ok: false, reason: "forbidden" };
  if (status === "withdrawn") return { ok: false, reason: "status" };
  if (relation === "organiser") return organiserDecision(phase);
  const check = checkPhase(phase, SUBMIT_PHASES);
  return check.ok ? { ok: true, logged: false } : { ok: false, reason: "phase", phase: check };
}

/** Working out (plan, planning, who helps, cost breakdown): shortlisted ideas, in phase uitwerken; organisers until the archive. */
export function workOutDecision(relation: IdeaRelation, status: IdeaStatus, phase: PhaseInfo): Decision {
  if (relation === "none" || relation === "draft-holder") return { ok: false, reason: "forbidden" };
  if (status !== "shortlisted") return { ok: false, reason: "status" };
  if (relation === "organiser") return organiserDecision(phase);
  const check = checkPhase(phase, WORK_OUT_PHASES);
  return check.ok ? { ok: true, logged: false } : { ok: false, reason: "phase", phase: check };
}

/** The indiener may withdraw a handed-in idea at any time, also after the deadline; an organiser may for a paper idea. */
export function withdrawDecision(relation: IdeaRelation, status: IdeaStatus, isPaper: boolean): Decision {
  if (status !== "submitted" && status !== "shortlisted") return { ok: false, reason: "status" };
  if (relation === "owner") return { ok: true, logged: false };
  if (relation === "organiser" && isPaper) return { ok: true, logged: true };
  return { ok: false, reason: "forbidden" };
}

/** Inviting co-initiators: the indiener or an organiser, while the idea is still being handed in or worked out. */
export function inviteDecision(relation: IdeaRelation, status: IdeaStatus, phase: PhaseInfo): Decision {
  if (relation !== "owner" && relation !== "organiser") return { ok: false, reason: "forbidden" };
  if (status === "withdrawn") return { ok: false, reason: "status" };
  if (relation === "organiser") return { ok: true, logged: true };
  const check = checkPhase(phase, [...SUBMIT_PHASES, ...WORK_OUT_PHASES]);
  return check.ok ? { ok: true, logged: false } : { ok: false, reason: "phase", phase: check };
}

/** Who sees an idea's full content. The public sees handed-in ideas that are confirmed and not hidden. */
export function isPubliclyListed(idea: { status: IdeaStatus; hiddenAt: unknown; contactConfirmedAt: unknown }): boolean {
  return (idea.status === "submitted" || idea.status === "shortlisted") && !idea.hiddenAt && Boolean(idea.contactConfirmedAt);
}

export type IdeaVisibility = "full" | "hidden-notice" | "withdrawn-notice" | "not-found";

/**
 * What the idea page shows. Its makers and organisers always see everything (with a notice when hidden).
 * Others see a hidden idea only as a notice that it was hidden: never deleted silently.
 */
export function pageVisibility(relation: IdeaRelation, idea: { status: IdeaStatus; hiddenAt: unknown; contactConfirmedAt: unknown }): IdeaVisibility {
  if (relation !== "none") return "full";
  if (idea.status === "draft") return "not-found";
  if (idea.status === "withdrawn") return "withdrawn-notice";
  if (idea.hiddenAt) return "hidden-notice";
  return idea.contactConfirmedAt ? "full" : "not-found";
}

// ---------------------------------------------------------------------------
// Money and places

export const MAX_IDEA_EUROS = 10_000_000;

/**
 * Reads an amount of whole euros as people type it: "1250", "1.250", "€ 1.250", "1.250,-", "1250,00".
 * Returns null for anything else, including cents ("12,50") and negative amounts. Whether the amount is
 * plausible for an idea (MAX_IDEA_EUROS) is a separate question with its own answer to the resident.
 */
export function parseEuros(input: string): number | null {
  const text = input
    .replace(/[€\s\u00a0]/g, "")
    .replace(/,-{1,2}$/, "")
    .replace(/,00?$/, "");
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(text)) return null;
  const value = Number(text.replace(/\./g, ""));
  return Number.isSafeInteger(value) ? value : null;
}

/** "52.2661, 6.1783" (as copied from a map) into a point; null when it is not one. */
export function parsePoint(input: string): { latitude: number; longitude: number } | null {
  const match = input.trim().match(/^(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)$/);
  if (!match) return null;
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

export function formatPoint(latitude: number | null, longitude: number | null): string {
  return latitude === null || longitude === null ? "" : `${latitude}, ${longitude}`;
}

export type CostLine = { description: string; amountEuros: number };

/**
 * The total cost of an idea: the amount entered, or the sum of the breakdown when no amount is entered.
 * When both are there they must agree: a poster that says € 900 above lines adding up to € 1.200 confuses voters.
 * Lines that are each plausible can still add up to more than any idea may cost.
 */
export function resolveCost(
  total: number | undefined,
  lines: readonly CostLine[],
): { ok: true; total: number | undefined } | { ok: false; problem: "mismatch" | "lines-too-high" } {
  if (lines.length === 0) return { ok: true, total };
  const sum = lines.reduce((acc, line) => acc + line.amountEuros, 0);
  if (total !== undefined && total !== sum) return { ok: false, problem: "mismatch" };
  return sum > MAX_IDEA_EUROS ? { ok: false, problem: "lines-too-high" } : { ok: true, total: sum };
}

/** Which fields a stored draft still misses before it can be handed in (e.g. when submitting from the account step). */
export function missingForSubmission(
  idea: { title: string; summary: string; description: string; costEuros: number | null; categoryId: number | null; buurtId: number | null },
  lists: { hasCategories: boolean; hasBuurten: boolean },
): string[] {
  const missing: string[] = [];
  if (idea.title.trim().length < 3) missing.push("title");
  if (idea.summary.trim().length === 0) missing.push("summary");
  if (idea.description.trim().length === 0) missing.push("description");
  if (idea.costEuros === null) missing.push("costEuros");
  if (lists.hasCategories && idea.categoryId === null) missing.push("categoryId");
  if (lists.hasBuurten && idea.buurtId === null) missing.push("buurtId");
  return missing;
}
