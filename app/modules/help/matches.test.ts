import { describe, expect, it } from "vitest";
import { changeMatchStatus, MATCH_STATUSES, needState, nextMatchStatuses } from "./matches";

describe("match statuses", () => {
  it("runs from a proposal through an agreement to delivery", () => {
    expect(changeMatchStatus("voorgesteld", "afgesproken")).toEqual({ ok: true, status: "afgesproken" });
    expect(changeMatchStatus("afgesproken", "geleverd")).toEqual({ ok: true, status: "geleverd" });
  });

  it("does not skip the agreement: a proposal is not delivered", () => {
    expect(changeMatchStatus("voorgesteld", "geleverd")).toEqual({ ok: false, reason: "not-allowed" });
  });

  it("lets a match fall through before delivery, and be proposed again", () => {
    expect(changeMatchStatus("voorgesteld", "vervallen").ok).toBe(true);
    expect(changeMatchStatus("afgesproken", "vervallen").ok).toBe(true);
    expect(changeMatchStatus("vervallen", "voorgesteld").ok).toBe(true);
    expect(changeMatchStatus("vervallen", "afgesproken")).toEqual({ ok: false, reason: "not-allowed" });
  });

  it("keeps a delivered match delivered", () => {
    for (const to of MATCH_STATUSES) expect(changeMatchStatus("geleverd", to).ok).toBe(false);
    expect(nextMatchStatuses("geleverd")).toEqual([]);
  });

  it("refuses a change to the same status", () => {
    for (const s of MATCH_STATUSES) expect(changeMatchStatus(s, s)).toEqual({ ok: false, reason: "same-status" });
  });

  it("offers exactly the allowed moves as buttons", () => {
    for (const from of MATCH_STATUSES) for (const to of MATCH_STATUSES) expect(nextMatchStatuses(from).includes(to)).toBe(changeMatchStatus(from, to).ok);
  });
});

describe("a need's state", () => {
  it("is open without matches or with only fallen-through ones", () => {
    expect(needState([])).toBe("open");
    expect(needState(["vervallen"])).toBe("open");
  });
  it("is in progress while a match is proposed or agreed", () => {
    expect(needState(["vervallen", "voorgesteld"])).toBe("bezig");
    expect(needState(["afgesproken"])).toBe("bezig");
  });
  it("is met once a match is delivered", () => {
    expect(needState(["afgesproken", "geleverd"])).toBe("voorzien");
  });
});
