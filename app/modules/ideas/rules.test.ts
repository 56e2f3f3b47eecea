import { describe, expect, it } from "vitest";
import { phaseAt, PHASES, type ContestClock, type Schedule } from "~/modules/contests/phases";
import {
  editDecision,
  inviteDecision,
  isPubliclyListed,
  missingForSubmission,
  pageVisibility,
  MAX_IDEA_EUROS,
  parseEuros,
  parsePoint,
  relationTo,
  resolveCost,
  withdrawDecision,
  workOutDecision,
  type IdeaRelation,
} from "./rules";

const day = 86_400_000;
const t0 = Date.UTC(2027, 2, 1, 8);
// Seven phases of ten days each from t0, with no gaps.
const schedule = Object.fromEntries(PHASES.map((p, i) => [p, { start: t0 + i * 10 * day, end: t0 + (i + 1) * 10 * day }])) as unknown as Schedule;
const clock: ContestClock = { status: "gepubliceerd", schedule };
const during = (phase: (typeof PHASES)[number]) => phaseAt(clock, schedule[phase].start + day);

describe("relationTo", () => {
  const base = { userId: "u1", isOrganiser: false, ownerUserId: "u1", coInitiatorUserIds: [], holdsDraftToken: false };
  it("knows the indiener, a co-initiator, a draft holder and a stranger; an organiser wins", () => {
    expect(relationTo(base)).toBe("owner");
    expect(relationTo({ ...base, ownerUserId: "u9", coInitiatorUserIds: ["u1"] })).toBe("co-initiator");
    expect(relationTo({ ...base, userId: null, ownerUserId: null, holdsDraftToken: true })).toBe("draft-holder");
    expect(relationTo({ ...base, ownerUserId: "u9" })).toBe("none");
    expect(relationTo({ ...base, userId: null, ownerUserId: null })).toBe("none");
    expect(relationTo({ ...base, isOrganiser: true })).toBe("organiser");
  });
});

describe("editDecision: who edits when", () => {
  type Row = [IdeaRelation, (typeof PHASES)[number], boolean, boolean?];
  const rows: Row[] = [
    ["owner", "indienen", true, false],
    ["co-initiator", "indienen", true, false],
    ["draft-holder", "indienen", true, false],
    ["none", "indienen", false],
    ["owner", "juryselectie", false],
    ["co-initiator", "stemmen", false],
    ["organiser", "juryselectie", true, true],
    ["organiser", "indienen", true, true],
  ];
  it.each(rows)("%s during %s: %s", (relation, phase, ok, logged) => {
    const decision = editDecision(relation, "submitted", during(phase));
    expect(decision.ok).toBe(ok);
    if (decision.ok) expect(decision.logged).toBe(logged);
  });

  it("after the deadline says when handing in was possible", () => {
    const decision = editDecision("owner", "submitted", during("juryselectie"));
    expect(decision).toMatchObject({ ok: false, reason: "phase" });
    expect(!decision.ok && decision.phase?.when).toMatchObject({ kind: "was-in-phase", phase: "indienen" });
  });

  it("nobody edits a withdrawn idea, and before the submission phase nobody but organisers", () => {
    expect(editDecision("owner", "withdrawn", during("indienen"))).toMatchObject({ ok: false, reason: "status" });
    expect(editDecision("organiser", "withdrawn", during("indienen"))).toMatchObject({ ok: false, reason: "status" });
    expect(editDecision("owner", "draft", during("aankondiging"))).toMatchObject({ ok: false, reason: "phase" });
  });

  it("lets organisers correct an idea until the round is archived, and not after", () => {
    expect(editDecision("organiser", "submitted", during("stemmen"))).toEqual({ ok: true, logged: true });
    const archived = phaseAt(clock, schedule.nazorg.end + day);
    expect(archived.phase).toBe("afgesloten");
    const decision = editDecision("organiser", "submitted", archived);
    expect(decision).toMatchObject({ ok: false, reason: "phase" });
    expect(!decision.ok && decision.phase?.now).toEqual({ kind: "closed" });
    expect(workOutDecision("organiser", "shortlisted", archived)).toMatchObject({ ok: false, reason: "phase" });
  });

  it("the gap after indienen is closed too", () => {
    const gapped = { ...schedule, juryselectie: { start: schedule.juryselectie.start + 2 * day, end: schedule.juryselectie.end } };
    const info = phaseAt({ status: "gepubliceerd", schedule: gapped }, schedule.indienen.end + day);
    expect(info.inGap).toBe(true);
    expect(editDecision("owner", "submitted", info).ok).toBe(false);
  });
});

describe("workOutDecision", () => {
  it("lets the makers of a shortlisted idea work it out in uitwerken only; organisers always (logged)", () => {
    expect(workOutDecision("owner", "shortlisted", during("uitwerken"))).toEqual({ ok: true, logged: false });
    expect(workOutDecision("co-initiator", "shortlisted", during("uitwerken")).ok).toBe(true);
    expect(workOutDecision("owner", "submitted", during("uitwerken"))).toMatchObject({ ok: false, reason: "status" });
    expect(workOutDecision("owner", "shortlisted", during("stemmen"))).toMatchObject({ ok: false, reason: "phase" });
    expect(workOutDecision("organiser", "shortlisted", during("stemmen"))).toEqual({ ok: true, logged: true });
    expect(workOutDecision("draft-holder", "shortlisted", during("uitwerken"))).toMatchObject({ ok: false, reason: "forbidden" });
  });
});

describe("withdrawDecision and inviteDecision", () => {
  it("the indiener withdraws at any time; a co-initiator cannot; an organiser only a paper idea", () => {
    expect(withdrawDecision("owner", "submitted", false).ok).toBe(true);
    expect(withdrawDecision("owner", "shortlisted", false).ok).toBe(true);
    expect(withdrawDecision("owner", "withdrawn", false).ok).toBe(false);
    expect(withdrawDecision("co-initiator", "submitted", false).ok).toBe(false);
    expect(withdrawDecision("organiser", "submitted", false).ok).toBe(false);
    expect(withdrawDecision("organiser", "submitted", true)).toEqual({ ok: true, logged: true });
  });

  it("invitations go out during indienen and uitwerken, from the indiener or an organiser", () => {
    expect(inviteDecision("owner", "submitted", during("indienen")).ok).toBe(true);
    expect(inviteDecision("owner", "shortlisted", during("uitwerken")).ok).toBe(true);
    expect(inviteDecision("owner", "submitted", during("stemmen")).ok).toBe(false);
    expect(inviteDecision("co-initiator", "submitted", during("indienen")).ok).toBe(false);
    expect(inviteDecision("organiser", "submitted", during("stemmen")).ok).toBe(true);
  });
});

describe("visibility", () => {
  const confirmed = { status: "submitted" as const, hiddenAt: null, contactConfirmedAt: new Date() };
  it("lists handed-in, confirmed, visible ideas only", () => {
    expect(isPubliclyListed(confirmed)).toBe(true);
    expect(isPubliclyListed({ ...confirmed, status: "shortlisted" })).toBe(true);
    expect(isPubliclyListed({ ...confirmed, status: "draft" })).toBe(false);
    expect(isPubliclyListed({ ...confirmed, status: "withdrawn" })).toBe(false);
    expect(isPubliclyListed({ ...confirmed, hiddenAt: new Date() })).toBe(false);
    expect(isPubliclyListed({ ...confirmed, contactConfirmedAt: null })).toBe(false);
  });

  it("shows strangers a notice for hidden and withdrawn ideas, never a silent gap; makers see everything", () => {
    expect(pageVisibility("none", { ...confirmed, hiddenAt: new Date() })).toBe("hidden-notice");
    expect(pageVisibility("none", { ...confirmed, status: "withdrawn" })).toBe("withdrawn-notice");
    expect(pageVisibility("none", { ...confirmed, status: "draft" })).toBe("not-found");
    expect(pageVisibility("none", { ...confirmed, contactConfirmedAt: null })).toBe("not-found");
    expect(pageVisibility("owner", { ...confirmed, hiddenAt: new Date() })).toBe("full");
    expect(pageVisibility("none", confirmed)).toBe("full");
  });
});

describe("parseEuros", () => {
  it.each([
    ["1250", 1250],
    ["1.250", 1250],
    ["€ 1.250", 1250],
    ["€1.250,-", 1250],
    ["1250,00", 1250],
    ["0", 0],
    ["2.500.000", 2_500_000],
  ])("reads %s as %d", (input, expected) => {
    expect(parseEuros(input)).toBe(expected);
  });
  it.each(["12,50", "-5", "abc", "1.25", "1,250", "", "9007199254740993"])("refuses %s", (input) => {
    expect(parseEuros(input)).toBeNull();
  });
});

describe("parsePoint", () => {
  it("reads a point as copied from a map, and refuses nonsense", () => {
    expect(parsePoint("52.2661, 6.1783")).toEqual({ latitude: 52.2661, longitude: 6.1783 });
    expect(parsePoint(" 52.2661 6.1783 ")).toEqual({ latitude: 52.2661, longitude: 6.1783 });
    expect(parsePoint("95, 6")).toBeNull();
    expect(parsePoint("Zwolseweg 12")).toBeNull();
  });
});

describe("resolveCost", () => {
  const lines = [
    { description: "Bankjes", amountEuros: 900 },
    { description: "Planten", amountEuros: 300 },
  ];
  it("takes the total, or the sum of the lines, and refuses a total that disagrees with them", () => {
    expect(resolveCost(500, [])).toEqual({ ok: true, total: 500 });
    expect(resolveCost(undefined, lines)).toEqual({ ok: true, total: 1200 });
    expect(resolveCost(1200, lines)).toEqual({ ok: true, total: 1200 });
    expect(resolveCost(900, lines)).toEqual({ ok: false, problem: "mismatch" });
  });
  it("refuses lines that each fit but add up to more than an idea may cost", () => {
    const big = { description: "Brug", amountEuros: MAX_IDEA_EUROS };
    expect(resolveCost(undefined, [big])).toEqual({ ok: true, total: MAX_IDEA_EUROS });
    expect(resolveCost(undefined, [big, { description: "Verf", amountEuros: 1 }])).toEqual({ ok: false, problem: "lines-too-high" });
    expect(resolveCost(MAX_IDEA_EUROS + 1, [big, { description: "Verf", amountEuros: 1 }])).toEqual({ ok: false, problem: "lines-too-high" });
  });
});

describe("missingForSubmission", () => {
  const full = { title: "Bankjes", summary: "Kort", description: "Lang", costEuros: 100, categoryId: 1, buurtId: 2 };
  it("names what a draft still misses, counting category and buurt only when the contest has them", () => {
    expect(missingForSubmission(full, { hasCategories: true, hasBuurten: true })).toEqual([]);
    expect(missingForSubmission({ ...full, summary: " ", costEuros: null, categoryId: null }, { hasCategories: true, hasBuurten: false })).toEqual([
      "summary",
      "costEuros",
      "categoryId",
    ]);
    expect(missingForSubmission({ ...full, buurtId: null }, { hasCategories: true, hasBuurten: false })).toEqual([]);
  });
});
