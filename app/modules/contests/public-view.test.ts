import { describe, expect, it } from "vitest";
import { PHASES, amsterdamLocalToInstant, phaseAt, validateSchedule, type ContestClock, type Phase, type PhaseOverride, type Schedule } from "./phases";
import { groupForPublicList, guidanceFor, listGroupOf, nextDeadline, paragraphsOf, publicOverrides, timelineOf } from "./public-view";

const L = (local: string) => {
  const instant = amsterdamLocalToInstant(local);
  if (instant === null) throw new Error(`bad fixture ${local}`);
  return instant;
};

// A round in 2027 with a weekend gap between indienen and juryselectie.
const windows: Record<Phase, [string, string]> = {
  aankondiging: ["2027-02-01T09:00", "2027-03-01T09:00"],
  indienen: ["2027-03-01T09:00", "2027-03-29T09:00"],
  juryselectie: ["2027-04-01T09:00", "2027-04-15T09:00"],
  uitwerken: ["2027-04-15T09:00", "2027-05-06T09:00"],
  stemmen: ["2027-05-06T09:00", "2027-05-20T20:00"],
  prijsuitreiking: ["2027-05-20T20:00", "2027-05-27T09:00"],
  nazorg: ["2027-05-27T09:00", "2027-11-23T09:00"],
};

function scheduleOf(w: Record<Phase, [string, string]>): Schedule {
  const result = validateSchedule(Object.fromEntries(PHASES.map((p) => [p, { start: L(w[p][0]), end: L(w[p][1]) }])));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.schedule;
}

const schedule = scheduleOf(windows);
const published: ContestClock = { status: "gepubliceerd", schedule };
const at = (local: string) => phaseAt(published, L(local));

describe("nextDeadline", () => {
  it("counts down to the start of indienen during the announcement", () => {
    expect(nextDeadline(at("2027-02-10T12:00"))).toEqual({ kind: "starts", phase: "indienen", at: L("2027-03-01T09:00") });
  });

  it("counts down to the end of a running phase", () => {
    expect(nextDeadline(at("2027-03-10T12:00"))).toEqual({ kind: "ends", phase: "indienen", at: L("2027-03-29T09:00") });
    expect(nextDeadline(at("2027-05-10T12:00"))).toEqual({ kind: "ends", phase: "stemmen", at: L("2027-05-20T20:00") });
    expect(nextDeadline(at("2027-06-10T12:00"))).toEqual({ kind: "ends", phase: "nazorg", at: L("2027-11-23T09:00") });
  });

  it("in a gap, counts down to the start of the next phase", () => {
    expect(nextDeadline(at("2027-03-30T12:00"))).toEqual({ kind: "starts", phase: "juryselectie", at: L("2027-04-01T09:00") });
  });

  it("before the announcement, counts down to it; a concept or a closed contest has none", () => {
    expect(nextDeadline(at("2027-01-10T12:00"))).toEqual({ kind: "starts", phase: "aankondiging", at: L("2027-02-01T09:00") });
    expect(nextDeadline(at("2027-12-01T12:00"))).toBeNull();
    expect(nextDeadline(phaseAt({ status: "concept", schedule }, L("2027-03-10T12:00")))).toBeNull();
  });
});

describe("listGroupOf", () => {
  it("hides concept and binnenkort, and puts every public phase in its group", () => {
    expect(listGroupOf({ phase: "concept" })).toBeNull();
    expect(listGroupOf({ phase: "binnenkort" })).toBeNull();
    expect(listGroupOf({ phase: "aankondiging" })).toBe("upcoming");
    for (const phase of ["indienen", "juryselectie", "uitwerken", "stemmen", "prijsuitreiking"] as const) {
      expect(listGroupOf({ phase }), phase).toBe("current");
    }
    expect(listGroupOf({ phase: "nazorg" })).toBe("past");
    expect(listGroupOf({ phase: "afgesloten" })).toBe("past");
  });

  it("keeps the gap after indienen in 'Nu bezig' and the gap after the announcement in 'Binnenkort'", () => {
    expect(listGroupOf(at("2027-03-30T12:00"))).toBe("current");
    const gapBeforeIndienen = scheduleOf({ ...windows, aankondiging: ["2027-02-01T09:00", "2027-02-27T09:00"] });
    expect(listGroupOf(phaseAt({ status: "gepubliceerd", schedule: gapBeforeIndienen }, L("2027-02-28T12:00")))).toBe("upcoming");
  });
});

describe("groupForPublicList", () => {
  // Each contest's phase as the clock gives it; asking one schedule at different moments stands in for different contests.
  const lastYear = scheduleOf(Object.fromEntries(PHASES.map((p) => [p, windows[p].map((w) => w.replace("2027", "2026"))])) as Record<Phase, [string, string]>);

  it("hides what the public may not see, groups the rest and sorts each group by its next deadline", () => {
    const list = [
      { title: "Stemmen loopt", phase: at("2027-05-10T12:00") },
      { title: "Concept", phase: phaseAt({ status: "concept", schedule }, L("2027-03-10T12:00")) },
      { title: "Dicht sinds 2026", phase: phaseAt({ status: "gepubliceerd", schedule: lastYear }, L("2027-03-10T12:00")) },
      { title: "Nazorg", phase: at("2027-06-10T12:00") },
      { title: "Verborgen", phase: at("2027-01-10T12:00") },
      { title: "Dicht sinds 2027", phase: at("2027-12-01T12:00") },
      { title: "Jury na het weekend", phase: at("2027-03-30T12:00") },
      { title: "Aankondiging", phase: at("2027-02-10T12:00") },
      { title: "Indienen loopt", phase: at("2027-03-10T12:00") },
    ];
    const groups = groupForPublicList(list);
    expect(groups.current.map((c) => c.title)).toEqual(["Indienen loopt", "Jury na het weekend", "Stemmen loopt"]);
    expect(groups.upcoming.map((c) => c.title)).toEqual(["Aankondiging"]);
    // Nazorg has a deadline; closed contests have none and come after it, the most recently closed first.
    expect(groups.past.map((c) => c.title)).toEqual(["Nazorg", "Dicht sinds 2027", "Dicht sinds 2026"]);
  });

  it("sorts announced contests by the start of indienen, ties by title", () => {
    const a = { title: "B-ronde", phase: at("2027-02-10T12:00") };
    const b = { title: "A-ronde", phase: at("2027-02-10T12:00") };
    const later = scheduleOf({ ...windows, indienen: ["2027-03-08T09:00", "2027-03-29T09:00"] });
    const c = { title: "C-ronde", phase: phaseAt({ status: "gepubliceerd", schedule: later }, L("2027-02-10T12:00")) };
    expect(groupForPublicList([c, a, b]).upcoming.map((x) => x.title)).toEqual(["A-ronde", "B-ronde", "C-ronde"]);
  });

  it("gives empty groups for an empty list", () => {
    expect(groupForPublicList([])).toEqual({ current: [], upcoming: [], past: [] });
  });
});

describe("guidanceFor", () => {
  it("names the running phase and until when", () => {
    expect(guidanceFor(at("2027-03-10T12:00"))).toEqual({ kind: "phase", phase: "indienen", at: L("2027-03-29T09:00") });
    expect(guidanceFor(at("2027-05-10T12:00"))).toEqual({ kind: "phase", phase: "stemmen", at: L("2027-05-20T20:00") });
  });

  it("during the announcement, names when indienen opens", () => {
    expect(guidanceFor(at("2027-02-10T12:00"))).toEqual({ kind: "phase", phase: "aankondiging", at: L("2027-03-01T09:00") });
  });

  it("in a gap, says what comes next and when", () => {
    expect(guidanceFor(at("2027-03-30T12:00"))).toEqual({ kind: "gap", ended: "indienen", next: "juryselectie", at: L("2027-04-01T09:00") });
  });

  it("before and after the phases, and for a concept", () => {
    expect(guidanceFor(at("2027-01-10T12:00"))).toEqual({ kind: "phase", phase: "binnenkort", at: L("2027-02-01T09:00") });
    expect(guidanceFor(at("2027-12-01T12:00"))).toEqual({ kind: "phase", phase: "afgesloten", at: null });
    expect(guidanceFor(phaseAt({ status: "concept" }, L("2027-03-10T12:00")))).toEqual({ kind: "phase", phase: "concept", at: null });
  });
});

describe("timelineOf", () => {
  it("marks past phases done, the running one current with its progress, later ones upcoming", () => {
    const now = L("2027-03-15T09:00");
    const model = timelineOf(schedule, phaseAt(published, now), now);
    expect(model.steps.map((s) => s.status)).toEqual(["done", "current", "upcoming", "upcoming", "upcoming", "upcoming", "upcoming"]);
    expect(model.steps[1]!.progress).toBeCloseTo(0.5, 2);
    expect(model.steps.filter((s) => s.progress !== null)).toHaveLength(1);
    expect(model.today).toBeNull();
  });

  it("in a gap, the ended phase is done and the marker stands before the next", () => {
    const now = L("2027-03-30T12:00");
    const model = timelineOf(schedule, phaseAt(published, now), now);
    expect(model.steps.map((s) => s.status).slice(0, 3)).toEqual(["done", "done", "upcoming"]);
    expect(model.steps.map((s) => s.todayBefore)).toEqual([false, false, true, false, false, false, false]);
  });

  it("puts the marker before or after the list outside the phases; a concept has none", () => {
    const before = L("2027-01-10T12:00");
    expect(timelineOf(schedule, phaseAt(published, before), before)).toMatchObject({ today: "before" });
    const after = L("2027-12-10T12:00");
    const closed = timelineOf(schedule, phaseAt(published, after), after);
    expect(closed.today).toBe("after");
    expect(closed.steps.every((s) => s.status === "done")).toBe(true);
    const concept = timelineOf(schedule, { phase: "concept", inGap: false }, before);
    expect(concept.today).toBeNull();
    expect(concept.steps.every((s) => s.status === "upcoming")).toBe(true);
  });
});

describe("publicOverrides", () => {
  it("lists the overrides that took effect with the date each names, and skips invalid ones", () => {
    const overrides: PhaseOverride[] = [
      { kind: "extend", phase: "stemmen", at: L("2027-05-15T10:00"), newEnd: L("2027-05-22T20:00"), reason: "Storing in de stemwebsite" },
      { kind: "close-early", phase: "indienen", at: L("2027-03-25T12:00"), reason: "Genoeg ideeën" },
      // Extending a phase that already ended is refused by the clock: not shown.
      { kind: "extend", phase: "aankondiging", at: L("2027-04-01T10:00"), newEnd: L("2027-04-20T10:00"), reason: "Te laat" },
    ];
    expect(publicOverrides(schedule, overrides)).toEqual([
      { kind: "close-early", phase: "indienen", at: L("2027-03-25T12:00"), reason: "Genoeg ideeën", effectiveAt: L("2027-03-25T12:00") },
      { kind: "extend", phase: "stemmen", at: L("2027-05-15T10:00"), reason: "Storing in de stemwebsite", effectiveAt: L("2027-05-22T20:00") },
    ]);
  });
});

describe("paragraphsOf", () => {
  it("splits on blank lines and drops empty ones", () => {
    expect(paragraphsOf("Eerste alinea.\nNog een regel.\r\n\r\n  Tweede.  \n\n\n")).toEqual(["Eerste alinea.\nNog een regel.", "Tweede."]);
    expect(paragraphsOf("   ")).toEqual([]);
  });
});
