import { describe, expect, it } from "vitest";
import { csvCell, currentMembers, formatTags, parseTags, recordCsvRows, taakgroepStatus, toCsv, visibleMembers, type RecordRow } from "./record";

let nextId = 1;
function row(over: Partial<RecordRow> & { createdAt: number }): RecordRow {
  return {
    id: nextId++,
    ideaId: 1,
    userId: null,
    name: "Anna",
    contact: "anna@example.nl",
    sharesContact: true,
    kind: "signup",
    skills: null,
    tags: [],
    timeAvailable: null,
    ...over,
  };
}

describe("taakgroepStatus", () => {
  it("looks for people until the minimum, then is formed", () => {
    expect(taakgroepStatus(0)).toEqual({ kind: "zoekt", missing: 4, members: 0, minimum: 4 });
    expect(taakgroepStatus(3, 4)).toEqual({ kind: "zoekt", missing: 1, members: 3, minimum: 4 });
    expect(taakgroepStatus(4, 4)).toEqual({ kind: "gevormd", members: 4, minimum: 4 });
    expect(taakgroepStatus(7, 4).kind).toBe("gevormd");
  });
  it("follows the contest's own minimum and counts a list", () => {
    expect(taakgroepStatus(["a", "b"], 2).kind).toBe("gevormd");
    expect(taakgroepStatus(["a", "b"], 6)).toMatchObject({ kind: "zoekt", missing: 4 });
  });
  it("lets an organiser's mark win", () => {
    expect(taakgroepStatus(1, 4, "gestopt").kind).toBe("gestopt");
    expect(taakgroepStatus(5, 4, "actief").kind).toBe("actief");
    expect(taakgroepStatus(5, 4, "afgerond").kind).toBe("afgerond");
  });
  it("turns back when a member withdraws", () => {
    const rows = [1, 2, 3, 4].map((n) => row({ contact: `p${n}@example.nl`, createdAt: n }));
    expect(taakgroepStatus(currentMembers(rows)).kind).toBe("gevormd");
    rows.push(row({ contact: "p2@example.nl", kind: "withdrawal", createdAt: 10 }));
    expect(taakgroepStatus(currentMembers(rows))).toMatchObject({ kind: "zoekt", missing: 1 });
  });
});

describe("currentMembers", () => {
  it("counts a person once; a second sign-up updates the first but keeps the join date", () => {
    const members = currentMembers([row({ userId: "u1", skills: "verven", createdAt: 1 }), row({ userId: "u1", skills: "timmeren", createdAt: 5 })]);
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ skills: "timmeren", joinedAt: 1 });
  });
  it("matches people without an account by their contact, case-insensitive", () => {
    const members = currentMembers([row({ contact: "Bob@Example.nl", createdAt: 1 }), row({ contact: " bob@example.nl", createdAt: 2 })]);
    expect(members).toHaveLength(1);
  });
  it("drops a withdrawn member, and a rejoin starts a new join date", () => {
    const rows = [row({ userId: "u1", createdAt: 1 }), row({ userId: "u1", kind: "withdrawal", createdAt: 2 })];
    expect(currentMembers(rows)).toEqual([]);
    rows.push(row({ userId: "u1", createdAt: 3 }));
    expect(currentMembers(rows)[0]?.joinedAt).toBe(3);
  });
  it("reads rows in any order", () => {
    const rows = [row({ userId: "u1", kind: "withdrawal", createdAt: 2 }), row({ userId: "u1", createdAt: 1 })];
    expect(currentMembers(rows)).toEqual([]);
  });
});

describe("visibleMembers", () => {
  it("shows only those who consented to share their contact", () => {
    const members = currentMembers([row({ userId: "a", createdAt: 1 }), row({ userId: "b", sharesContact: false, createdAt: 2 })]);
    expect(visibleMembers(members).map((m) => m.userId)).toEqual(["a"]);
  });
});

describe("tags", () => {
  it("keeps known tags only, in a fixed order", () => {
    expect(parseTags("geld, onzin,organiseren")).toEqual(["geld", "organiseren"]);
    expect(formatTags(["geld", "organiseren", "geld"])).toBe("organiseren,geld");
    expect(formatTags([])).toBeNull();
    expect(parseTags(null)).toEqual([]);
  });
});

describe("CSV", () => {
  it("quotes and defuses formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    // A number is a number: a negative amount left must not be turned into text.
    expect(csvCell(-100)).toBe("-100");
    expect(csvCell("-100")).toBe("'-100");
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
  });
  it("lists sign-ups and withdrawals, without name and contact when there is no consent", () => {
    const rows = [
      row({ ideaId: 2, userId: "a", createdAt: 1, tags: ["geld"], skills: "boekhouding", timeAvailable: "2 uur per week" }),
      row({ ideaId: 2, userId: "b", sharesContact: false, name: "Bea", contact: "0612345678", createdAt: 2 }),
      row({ ideaId: 2, userId: "a", kind: "withdrawal", createdAt: 3 }),
    ];
    const out = recordCsvRows(rows, new Map([[2, "Bankje"]]), (ms) => `t${ms}`);
    expect(out).toEqual([
      ["2", "Bankje", "aanmelding", "Anna", "anna@example.nl", "boekhouding", "geld", "2 uur per week", "ja", "t1"],
      ["2", "Bankje", "aanmelding", "", "", "", "", "", "nee", "t2"],
      ["2", "Bankje", "afmelding", "Anna", "anna@example.nl", "", "", "", "ja", "t3"],
    ]);
    expect(toCsv(["a", "b"], [["1", "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
