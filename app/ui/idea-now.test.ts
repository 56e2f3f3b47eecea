import { describe, expect, it } from "vitest";
import { taakgroepStatus } from "~/modules/taakgroepen/record";
import { ideaBadgeNow, taakgroepNow } from "./idea-now";

const shortlisted = { status: "shortlisted", hidden: false, chosen: null, track: null } as const;

describe("ideaBadgeNow", () => {
  it("says the jury chose the idea while the vote is not yet public", () => {
    expect(ideaBadgeNow(shortlisted)).toBe("shortlisted");
    expect(ideaBadgeNow({ ...shortlisted, status: "submitted" })).toBe("submitted");
  });
  it("after the results: a winner won, the others took part in the vote", () => {
    expect(ideaBadgeNow({ ...shortlisted, chosen: true, track: "nog-niet-begonnen" })).toBe("won");
    expect(ideaBadgeNow({ ...shortlisted, chosen: true, track: "in-uitvoering" })).toBe("won");
    expect(ideaBadgeNow({ ...shortlisted, chosen: false, track: "nog-niet-begonnen" })).toBe("notChosen");
  });
  it("a realised idea says so, whether it won or was carried out anyway", () => {
    expect(ideaBadgeNow({ ...shortlisted, chosen: true, track: "gerealiseerd" })).toBe("realised");
    expect(ideaBadgeNow({ ...shortlisted, chosen: false, track: "gerealiseerd" })).toBe("realised");
  });
  it("a winner whose track stopped says it stopped; a stopped idea that did not win stays 'not chosen'", () => {
    expect(ideaBadgeNow({ ...shortlisted, chosen: true, track: "gestopt" })).toBe("stopped");
    expect(ideaBadgeNow({ ...shortlisted, chosen: false, track: "gestopt" })).toBe("notChosen");
  });
  it("hidden, drafts and withdrawn ideas keep their own badge in every phase", () => {
    expect(ideaBadgeNow({ ...shortlisted, hidden: true, chosen: true })).toBe("hidden");
    expect(ideaBadgeNow({ ...shortlisted, status: "withdrawn", chosen: false })).toBe("withdrawn");
    expect(ideaBadgeNow({ ...shortlisted, status: "draft" })).toBe("draft");
  });
});

describe("taakgroepNow", () => {
  it("asks for people only while the group is short of its minimum", () => {
    expect(taakgroepNow({ status: taakgroepStatus(1, 4), open: true, track: null })).toEqual({
      status: taakgroepStatus(1, 4),
      open: true,
      lead: "needsPeople",
    });
  });
  it("a formed or active group welcomes more people instead of saying that 4 people form one", () => {
    expect(taakgroepNow({ status: taakgroepStatus(4, 4), open: true, track: "in-uitvoering" }).lead).toBe("moreWelcome");
    expect(taakgroepNow({ status: taakgroepStatus(2, 4, "actief"), open: true, track: null }).lead).toBe("moreWelcome");
  });
  it("a realised idea no longer looks for people and offers no 'Ik doe mee'", () => {
    expect(taakgroepNow({ status: taakgroepStatus(0, 4), open: true, track: "gerealiseerd" })).toEqual({ status: null, open: false, lead: "realised" });
    const formed = taakgroepStatus(5, 4);
    expect(taakgroepNow({ status: formed, open: true, track: "gerealiseerd" })).toEqual({ status: formed, open: false, lead: "realised" });
  });
  it("a stopped idea or a group the organiser marked finished or stopped takes no one new", () => {
    expect(taakgroepNow({ status: taakgroepStatus(2, 4), open: true, track: "gestopt" })).toEqual({ status: null, open: false, lead: "stopped" });
    expect(taakgroepNow({ status: taakgroepStatus(4, 4, "afgerond"), open: true, track: "in-uitvoering" }).open).toBe(false);
    expect(taakgroepNow({ status: taakgroepStatus(4, 4, "gestopt"), open: true, track: null }).open).toBe(false);
  });
  it("outside the sign-up phases only the status shows", () => {
    expect(taakgroepNow({ status: taakgroepStatus(2, 4), open: false, track: null })).toEqual({ status: taakgroepStatus(2, 4), open: false, lead: null });
  });
});
