import { describe, expect, it } from "vitest";
import { parseAreaPostcodes, type Area } from "~/modules/contests/postcode";
import { backingProgress, belowMinimum, mayBack } from "./backing";

const area = (text: string): Area => {
  const parsed = parseAreaPostcodes(text);
  if (!parsed.ok) throw new Error("bad test area");
  return parsed.area;
};

describe("backingProgress", () => {
  it("adds online backers and paper signatures towards the minimum", () => {
    expect(backingProgress({ online: 3, paper: 4, minimum: 10 })).toEqual({ online: 3, paper: 4, total: 7, minimum: 10, missing: 3, reached: false });
  });
  it("is reached exactly at the minimum, not one before", () => {
    expect(backingProgress({ online: 9, paper: 0, minimum: 10 }).reached).toBe(false);
    expect(backingProgress({ online: 10, paper: 0, minimum: 10 })).toMatchObject({ reached: true, missing: 0 });
    expect(backingProgress({ online: 12, paper: 0, minimum: 10 })).toMatchObject({ reached: true, missing: 0 });
  });
  it("without a minimum every idea has reached it", () => {
    expect(backingProgress({ online: 0, paper: 0, minimum: 0 })).toMatchObject({ reached: true, missing: 0 });
  });
});

describe("belowMinimum", () => {
  const counts = new Map([
    [1, { online: 5, paper: 0 }],
    [2, { online: 2, paper: 3 }],
    [3, { online: 1, paper: 0 }],
  ]);
  it("lists the ideas below the round's minimum, and an idea without any backing", () => {
    expect(belowMinimum([1, 2, 3, 4], counts, 5)).toEqual([3, 4]);
  });
  it("lists none when the round asks no minimum", () => {
    expect(belowMinimum([1, 2, 3, 4], counts, 0)).toEqual([]);
  });
});

describe("mayBack", () => {
  const areas = [area("7411")];
  const resident = { emailConfirmed: true, postcode: "7411 AB" };
  it("lets a confirmed resident of the area back an open idea", () => {
    expect(mayBack({ user: resident, isMaker: false, ideaOpen: true, areas })).toEqual({ ok: true });
  });
  it("asks for a confirmed email address, as voting does", () => {
    expect(mayBack({ user: { ...resident, emailConfirmed: false }, isMaker: false, ideaOpen: true, areas })).toEqual({
      ok: false,
      reason: "email-unconfirmed",
    });
  });
  it("refuses a postcode outside the area, and a missing one", () => {
    expect(mayBack({ user: { ...resident, postcode: "1011 AB" }, isMaker: false, ideaOpen: true, areas })).toEqual({
      ok: false,
      reason: "postcode-outside-area",
    });
    expect(mayBack({ user: { ...resident, postcode: null }, isMaker: false, ideaOpen: true, areas })).toEqual({ ok: false, reason: "postcode-outside-area" });
  });
  it("refuses the idea's own makers, visitors, and ideas that are not open", () => {
    expect(mayBack({ user: resident, isMaker: true, ideaOpen: true, areas })).toEqual({ ok: false, reason: "own-idea" });
    expect(mayBack({ user: null, isMaker: false, ideaOpen: true, areas })).toEqual({ ok: false, reason: "not-logged-in" });
    expect(mayBack({ user: resident, isMaker: false, ideaOpen: false, areas })).toEqual({ ok: false, reason: "idea-not-open" });
  });
});
