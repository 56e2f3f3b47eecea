import { describe, expect, it } from "vitest";
import { isJurorBehind, JUROR_LAST_DAYS_MS, needsAttention, type AttentionFacts } from "./needs-attention";

const DAY = 24 * 60 * 60 * 1000;
const window = { start: 0, end: 20 * DAY };

const quiet: AttentionFacts = {
  phase: "indienen",
  inGap: false,
  now: 5 * DAY,
  juryWindow: window,
  reportedIdeas: 0,
  jurors: [],
  decisionClosed: false,
  unsentAnswers: 0,
  posters: { enabled: false, entries: 0, reconciled: false },
  shortTaakgroepen: 0,
  quietTracks: 0,
};
const kinds = (f: Partial<AttentionFacts>) => needsAttention({ ...quiet, ...f }).map((i) => i.kind);

describe("isJurorBehind", () => {
  it("keeps up when the share scored is at least the share of the phase gone by, less the slack", () => {
    // Half-way through, 3 of 10 scored: 0.3 >= 0.5 - 0.25.
    expect(isJurorBehind({ total: 10, done: 3, finished: false }, window, 10 * DAY)).toBe(false);
    // Half-way through, 2 of 10: 0.2 < 0.25.
    expect(isJurorBehind({ total: 10, done: 2, finished: false }, window, 10 * DAY)).toBe(true);
  });

  it("counts everyone not finished as behind in the last two days", () => {
    expect(isJurorBehind({ total: 10, done: 9, finished: false }, window, window.end - JUROR_LAST_DAYS_MS)).toBe(true);
    expect(isJurorBehind({ total: 10, done: 9, finished: false }, window, window.end - JUROR_LAST_DAYS_MS - 1)).toBe(false);
  });

  it("never calls a finished juror, a juror with nothing to score, or the time outside the phase behind", () => {
    expect(isJurorBehind({ total: 10, done: 10, finished: true }, window, window.end - 1)).toBe(false);
    expect(isJurorBehind({ total: 0, done: 0, finished: true }, window, window.end - 1)).toBe(false);
    expect(isJurorBehind({ total: 0, done: 0, finished: false }, window, window.end - 1)).toBe(false);
    expect(isJurorBehind({ total: 10, done: 0, finished: false }, window, window.end)).toBe(false);
    expect(isJurorBehind({ total: 10, done: 0, finished: false }, window, -1)).toBe(false);
  });
});

describe("needsAttention", () => {
  it("says nothing when nothing waits", () => {
    expect(needsAttention(quiet)).toEqual([]);
  });

  it("asks to look at reported ideas while ideas are public, not in a concept or the archive", () => {
    expect(needsAttention({ ...quiet, reportedIdeas: 2 })).toEqual([{ kind: "moderate", count: 2, names: [] }]);
    expect(kinds({ reportedIdeas: 2, phase: "nazorg" })).toEqual(["moderate"]);
    expect(kinds({ reportedIdeas: 2, phase: "concept" })).toEqual([]);
    expect(kinds({ reportedIdeas: 2, phase: "binnenkort" })).toEqual([]);
    expect(kinds({ reportedIdeas: 2, phase: "afgesloten" })).toEqual([]);
  });

  it("names the jurors who are behind while the jury phase runs and the decision is open", () => {
    const jurors = [
      { name: "Fatima", total: 10, done: 1, finished: false },
      { name: "Henk", total: 10, done: 10, finished: true },
    ];
    const during = { phase: "juryselectie" as const, now: 15 * DAY, jurors };
    expect(needsAttention({ ...quiet, ...during })).toEqual([{ kind: "jurors-behind", count: 1, names: ["Fatima"] }]);
    expect(kinds({ ...during, decisionClosed: true })).toEqual([]);
    expect(kinds({ ...during, inGap: true })).toEqual([]);
    expect(kinds({ ...during, juryWindow: null })).toEqual([]);
    expect(kinds({ ...during, phase: "uitwerken" })).toEqual([]);
  });

  it("asks to tell the makers their shortlist answer once the decision is closed, until voting starts", () => {
    expect(needsAttention({ ...quiet, phase: "juryselectie", decisionClosed: true, unsentAnswers: 2 })).toEqual([
      { kind: "answers-unsent", count: 2, names: [] },
    ]);
    expect(kinds({ phase: "uitwerken", decisionClosed: true, unsentAnswers: 1 })).toEqual(["answers-unsent"]);
    expect(kinds({ phase: "uitwerken", decisionClosed: true, unsentAnswers: 0 })).toEqual([]);
    expect(kinds({ phase: "juryselectie", decisionClosed: false, unsentAnswers: 3 })).toEqual([]);
    expect(kinds({ phase: "stemmen", decisionClosed: true, unsentAnswers: 3 })).toEqual([]);
  });

  it("asks for the poster counts after voting closed, and for the differences once both are in", () => {
    const posters = (entries: number, reconciled = false) => ({ enabled: true, entries, reconciled });
    expect(needsAttention({ ...quiet, phase: "stemmen", inGap: true, posters: posters(0) })).toEqual([{ kind: "poster-counts", count: 2, names: [] }]);
    expect(needsAttention({ ...quiet, phase: "prijsuitreiking", posters: posters(1) })).toEqual([{ kind: "poster-counts", count: 1, names: [] }]);
    expect(kinds({ phase: "prijsuitreiking", posters: posters(2) })).toEqual(["poster-differences"]);
    expect(kinds({ phase: "prijsuitreiking", posters: posters(2, true) })).toEqual([]);
    // While voting runs the meeting may still come; after the prize-giving the counts are closed.
    expect(kinds({ phase: "stemmen", posters: posters(0) })).toEqual([]);
    expect(kinds({ phase: "prijsuitreiking", inGap: true, posters: posters(0) })).toEqual([]);
    expect(kinds({ phase: "prijsuitreiking", posters: { enabled: false, entries: 0, reconciled: false } })).toEqual([]);
  });

  it("points to taakgroepen short of people from voting on, and to quiet tracks after the vote", () => {
    expect(kinds({ phase: "uitwerken", shortTaakgroepen: 2 })).toEqual([]);
    expect(kinds({ phase: "stemmen", shortTaakgroepen: 2 })).toEqual(["taakgroepen-short"]);
    expect(kinds({ phase: "stemmen", quietTracks: 2 })).toEqual([]);
    expect(kinds({ phase: "nazorg", shortTaakgroepen: 1, quietTracks: 3 })).toEqual(["taakgroepen-short", "tracks-quiet"]);
    expect(kinds({ phase: "afgesloten", shortTaakgroepen: 1, quietTracks: 3 })).toEqual([]);
  });
});
