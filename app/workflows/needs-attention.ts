// The console overview's "Nu voor jou" list (issue 18.8): what an organiser should do today, from plain
// facts about the round. Pure: the server gathers the facts, these rules decide what is worth saying.

import { CONTEST_PHASES, type ContestPhase } from "~/modules/contests/phases";

const DAY = 24 * 60 * 60 * 1000;

/** A juror who has done less than the time gone by minus this share is behind (a day off is no alarm). */
export const JUROR_SLACK = 0.25;
/** In the last days of the jury phase, every juror who has not finished is behind. */
export const JUROR_LAST_DAYS_MS = 2 * DAY;

export type JurorFact = { name: string; total: number; done: number; finished: boolean };

export type AttentionFacts = {
  phase: ContestPhase;
  /** Between two phases: `phase` has ended, the next has not begun. */
  inGap: boolean;
  now: number;
  /** The jury phase's window (with overrides), null without a schedule. */
  juryWindow: { start: number; end: number } | null;
  /** Ideas with at least one report nobody has handled yet. */
  reportedIdeas: number;
  jurors: readonly JurorFact[];
  decisionClosed: boolean;
  /** Shortlist decisions whose makers have not heard the answer (no mail address, or the mail failed). */
  unsentAnswers: number;
  /** Voting on paper posters: how many of the two independent counts are in, and whether they agree. */
  posters: { enabled: boolean; entries: number; reconciled: boolean };
  /** Taakgroepen the organiser should help find people for (aftercare's isShortOfMembers). */
  shortTaakgroepen: number;
  /** Realisation tracks without news for six weeks (aftercare's isQuiet). */
  quietTracks: number;
};

export type AttentionKind = "moderate" | "jurors-behind" | "answers-unsent" | "poster-counts" | "poster-differences" | "taakgroepen-short" | "tracks-quiet";

export type AttentionItem = { kind: AttentionKind; count: number; names: string[] };

const at = (phase: ContestPhase) => CONTEST_PHASES.indexOf(phase);

/**
 * Behind: not finished while the phase runs, and either fewer ideas scored than the share of the phase
 * gone by (less JUROR_SLACK), or fewer than JUROR_LAST_DAYS_MS left.
 */
export function isJurorBehind(juror: Omit<JurorFact, "name">, window: { start: number; end: number }, now: number): boolean {
  if (juror.finished || juror.total === 0 || now < window.start || now >= window.end) return false;
  if (window.end - now <= JUROR_LAST_DAYS_MS) return true;
  const elapsed = (now - window.start) / (window.end - window.start);
  return juror.done / juror.total < elapsed - JUROR_SLACK;
}

/** The list, most urgent first; an item only while it can still be done. */
export function needsAttention(f: AttentionFacts): AttentionItem[] {
  const items: AttentionItem[] = [];
  const add = (kind: AttentionKind, count: number, names: string[] = []) => {
    if (count > 0) items.push({ kind, count, names });
  };
  // Reports come in while ideas are public: from the announcement until the archive.
  if (at(f.phase) >= at("aankondiging") && f.phase !== "afgesloten") add("moderate", f.reportedIdeas);

  if (f.phase === "juryselectie" && !f.inGap && !f.decisionClosed && f.juryWindow) {
    const window = f.juryWindow;
    const behind = f.jurors.filter((j) => isJurorBehind(j, window, f.now));
    add(
      "jurors-behind",
      behind.length,
      behind.map((j) => j.name),
    );
  }

  // The answers matter until voting starts; after that a maker has long seen the shortlist.
  if (f.decisionClosed && at(f.phase) <= at("uitwerken")) add("answers-unsent", f.unsentAnswers);

  // Posters are counted after the meeting: once voting has closed, until the prize-giving is over.
  const postersDue = (f.phase === "stemmen" && f.inGap) || (f.phase === "prijsuitreiking" && !f.inGap);
  if (f.posters.enabled && postersDue && !f.posters.reconciled) {
    // Two organisers count independently; once both counts are in, what is left is their differences.
    if (f.posters.entries < 2) add("poster-counts", 2 - f.posters.entries);
    else add("poster-differences", 1);
  }

  if (at(f.phase) >= at("stemmen") && f.phase !== "afgesloten") add("taakgroepen-short", f.shortTaakgroepen);
  if (at(f.phase) >= at("prijsuitreiking") && f.phase !== "afgesloten") add("tracks-quiet", f.quietTracks);
  return items;
}
