import { describe, expect, it } from "vitest";
import type { JurorProgress } from "./scoring";
import { changedDecisions, checkShortlist, mayDecideIdea, mayOpenOverview, outcomeRecipients, type DecisionInput } from "./shortlist";

const yes = (ideaId: number, motivation = "Sterk plan met veel steun uit de buurt."): DecisionInput => ({ ideaId, outcome: "shortlisted", motivation });
const no = (ideaId: number, motivation = "Mooi idee, maar het past niet in het budget."): DecisionInput => ({ ideaId, outcome: "not-shortlisted", motivation });

describe("checkShortlist", () => {
  const ideaIds = [1, 2, 3, 4];

  it("accepts a complete decision within the maximum, with a motivation for yes and no", () => {
    expect(checkShortlist({ ideaIds, decisions: [yes(1), yes(2), no(3), no(4)], maxShortlist: 2, complete: true })).toEqual([]);
  });

  it("refuses more shortlisted ideas than the contest's maximum", () => {
    expect(checkShortlist({ ideaIds, decisions: [yes(1), yes(2), yes(3)], maxShortlist: 2, complete: false })).toEqual([
      { kind: "too-many", max: 2, count: 3 },
    ]);
    expect(checkShortlist({ ideaIds, decisions: [yes(1), yes(2), yes(3)], maxShortlist: null, complete: false })).toEqual([]);
  });

  it("needs a motivation for every idea either way", () => {
    const problems = checkShortlist({ ideaIds, decisions: [yes(1, ""), no(2, "Nee."), no(3)], maxShortlist: null, complete: false });
    expect(problems).toEqual([{ kind: "no-motivation", ideaIds: [1, 2] }]);
  });

  it("lets the jury save halfway, but closes only when every idea has an answer", () => {
    expect(checkShortlist({ ideaIds, decisions: [yes(1)], maxShortlist: 2, complete: false })).toEqual([]);
    expect(checkShortlist({ ideaIds, decisions: [yes(1)], maxShortlist: 2, complete: true })).toEqual([{ kind: "undecided", ideaIds: [2, 3, 4] }]);
  });

  it("refuses decisions on ideas that are not in the round", () => {
    expect(checkShortlist({ ideaIds, decisions: [yes(99)], maxShortlist: 1, complete: false })).toEqual([{ kind: "unknown-idea", ideaIds: [99] }]);
  });

  it("keeps an idea below the round's minimum of backers off the shortlist, but lets the jury say no to it (issue 21.1)", () => {
    expect(checkShortlist({ ideaIds, decisions: [yes(1), yes(2)], maxShortlist: null, complete: false, belowBacking: [2, 3] })).toEqual([
      { kind: "too-little-backing", ideaIds: [2] },
    ]);
    expect(checkShortlist({ ideaIds, decisions: [yes(1), no(2), no(3), no(4)], maxShortlist: null, complete: true, belowBacking: [2, 3] })).toEqual([]);
  });
});

describe("changedDecisions", () => {
  it("lists new and changed decisions with before and after, not the unchanged ones", () => {
    const before = [yes(1), no(2)];
    const after = [yes(1), yes(2), no(3)];
    expect(changedDecisions(before, after)).toEqual([
      { ideaId: 2, before: { outcome: "not-shortlisted", motivation: no(2).motivation }, after: { outcome: "shortlisted", motivation: yes(2).motivation } },
      { ideaId: 3, before: null, after: { outcome: "not-shortlisted", motivation: no(3).motivation } },
    ]);
  });
  it("sees a changed motivation as a change, but not extra spaces around it", () => {
    expect(changedDecisions([yes(1)], [yes(1, "Andere reden, net zo goed.")])).toHaveLength(1);
    expect(changedDecisions([yes(1)], [yes(1, `  ${yes(1).motivation}  `)])).toEqual([]);
  });
});

describe("who decides", () => {
  const finished: JurorProgress = { total: 3, done: 3, partial: 0, open: 0, conflicted: 0, finished: true, percent: 100 };
  const busy: JurorProgress = { ...finished, done: 2, open: 1, finished: false, percent: 66 };

  it("the chair or an organiser; a chair with a conflict not on that idea", () => {
    expect(mayDecideIdea({ isOrganiser: false, isChair: true }, { conflicted: false })).toBe(true);
    expect(mayDecideIdea({ isOrganiser: false, isChair: true }, { conflicted: true })).toBe(false);
    expect(mayDecideIdea({ isOrganiser: true, isChair: false }, { conflicted: true })).toBe(true);
    expect(mayDecideIdea({ isOrganiser: false, isChair: false }, { conflicted: false })).toBe(false);
  });

  it("the overview is for organisers, and for the chair once the chair has finished scoring", () => {
    expect(mayOpenOverview({ isOrganiser: true, isChair: false }, null)).toBe(true);
    expect(mayOpenOverview({ isOrganiser: false, isChair: true }, busy)).toBe(false);
    expect(mayOpenOverview({ isOrganiser: false, isChair: true }, finished)).toBe(true);
    expect(mayOpenOverview({ isOrganiser: false, isChair: false }, finished)).toBe(false);
  });
});

describe("outcomeRecipients", () => {
  it("mails the indiener and co-initiators once each, skipping people without an address", () => {
    const people = [
      { email: "anna@x.nl", name: "Anna" },
      null,
      { email: "ANNA@x.nl", name: "Anna" },
      { email: "mo@x.nl", name: "Mo" },
      { email: " ", name: "?" },
    ];
    expect(outcomeRecipients(people).map((p) => p.name)).toEqual(["Anna", "Mo"]);
  });
});
