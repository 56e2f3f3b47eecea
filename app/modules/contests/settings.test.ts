import { describe, expect, it } from "vitest";
import { phaseAt, type Schedule } from "./phases";
import {
  nextEditionSchema,
  nextEditionTitle,
  contestImageSchema,
  contestSettingsSchema,
  lockedChanges,
  parseWholeEuros,
  settingsFormValues,
  withLockedDefaults,
  type ContestSettings,
} from "./settings";

const day = 86_400_000;
const t0 = Date.UTC(2027, 0, 4, 8);
const schedule = Object.fromEntries(
  ["aankondiging", "indienen", "juryselectie", "uitwerken", "stemmen", "prijsuitreiking", "nazorg"].map((p, i) => [
    p,
    { start: t0 + i * 10 * day, end: t0 + (i + 1) * 10 * day },
  ]),
) as unknown as Schedule;
const clock = { status: "gepubliceerd" as const, schedule };

const base: ContestSettings = {
  title: "Vonk 2027",
  intro: "",
  areaIds: [1, 2],
  budgetEuros: 25000,
  amountsIncludeVat: true,
  prizes: [{ name: "Eerste prijs", amountEuros: 10000, description: null }],
  votesPerResident: 3,
  allowStacking: false,
  minTaakgroepSize: 4,
  maxShortlist: undefined,
  outcomeRule: "prizes-by-rank",
  eligibleByAccount: true,
  eligibleByCode: false,
  eligibleByPoster: false,
  accountCheck: "postcode",
  minVoterAge: undefined,
};

function toForm(values: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (key: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v))
      v.forEach((item, i) => (typeof item === "object" ? Object.entries(item).forEach(([k, x]) => add(`${key}[${i}].${k}`, x)) : add(key, item)));
    else form.append(key, String(v));
  };
  for (const [k, v] of Object.entries(values)) add(k, v);
  return form;
}

function parse(form: FormData) {
  const object: Record<string, unknown> = {};
  // The same shape conform builds from a form: repeated names become arrays, prizes[0].name nests.
  for (const [key, value] of form) {
    const m = key.match(/^prizes\[(\d+)\]\.(\w+)$/);
    if (m) {
      const prizes = (object.prizes ??= []) as Record<string, unknown>[];
      (prizes[Number(m[1])] ??= {})[m[2]!] = value;
    } else if (key === "areaIds") ((object.areaIds ??= []) as unknown[]).push(value);
    else object[key] = value;
  }
  return contestSettingsSchema.safeParse(object);
}

describe("parseWholeEuros", () => {
  it.each([
    ["25000", 25000],
    ["25.000", 25000],
    ["€ 25.000", 25000],
    ["1.250.000", 1250000],
    ["0", 0],
  ])("reads %s as %d", (input, expected) => expect(parseWholeEuros(input)).toBe(expected));

  it.each(["25000,50", "25.00", "2.5000", "-100", "tien", "", "1e5"])("refuses %s", (input) => expect(parseWholeEuros(input)).toBeNull());
});

describe("contestSettingsSchema", () => {
  it("round-trips the form values of a contest", () => {
    const r = parse(toForm(settingsFormValues(base)));
    expect(r.success && r.data).toEqual(base);
  });

  it("skips empty prize lines, and wants a name and an amount on a line that has anything", () => {
    const values = {
      ...settingsFormValues(base),
      prizes: [
        { name: "A", amountEuros: "100", description: "" },
        { name: "", amountEuros: "", description: "" },
        { name: "B", amountEuros: "", description: "" },
      ],
    };
    const r = parse(toForm(values));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["prizes.2.amountEuros", "validation.required"]]);
  });

  it("refuses a budget that is not a positive whole number, prizes over budget and no way to vote", () => {
    const issues = (values: Record<string, unknown>) =>
      parse(toForm({ ...settingsFormValues(base), ...values })).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues({ budgetEuros: "0" })).toContain("budgetEuros:validation.budgetPositive");
    expect(issues({ budgetEuros: "100,50" })).toContain("budgetEuros:validation.euroWhole");
    expect(issues({ budgetEuros: "5000" })).toContain("prizes:validation.prizesOverBudget");
    expect(issues({ eligibleByAccount: undefined })).toContain("eligibleByAccount:validation.eligibilityRequired");
    expect(issues({ votesPerResident: "0" })).toContain("votesPerResident:validation.numberRange");
    expect(issues({ areaIds: [] })).toContain("areaIds:validation.areaRequired");
  });

  it("refuses Equal Shares together with poster stickers, which have no ballot per resident", () => {
    const issues = (values: Record<string, unknown>) =>
      parse(toForm({ ...settingsFormValues(base), ...values })).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];
    expect(issues({ outcomeRule: "equal-shares", eligibleByPoster: "on" })).toContain("eligibleByPoster:validation.equalSharesNoPoster");
    expect(issues({ outcomeRule: "equal-shares", eligibleByPoster: undefined })).not.toContain("eligibleByPoster:validation.equalSharesNoPoster");
    expect(issues({ outcomeRule: "greedy", eligibleByPoster: "on" })).not.toContain("eligibleByPoster:validation.equalSharesNoPoster");
  });
});

describe("rule locks", () => {
  const beforeVoting = phaseAt(clock, schedule.uitwerken.start);
  const duringVoting = phaseAt(clock, schedule.stemmen.start);

  it("let everything change before voting starts", () => {
    expect(lockedChanges(base, { ...base, votesPerResident: 5, outcomeRule: "greedy" }, beforeVoting)).toEqual([]);
  });

  it("refuse changes to stickers, stacking, outcome rule, budget and area once voting has started", () => {
    const after = { ...base, votesPerResident: 5, allowStacking: true, outcomeRule: "greedy" as const, budgetEuros: 30000, areaIds: [1] };
    expect(lockedChanges(base, after, duringVoting)).toEqual(["votesPerResident", "allowStacking", "outcomeRule", "budgetEuros", "areaIds"]);
  });

  it("refuse a change of how residence is checked once voting has started (issue 15)", () => {
    expect(lockedChanges(base, { ...base, accountCheck: "address-list" }, beforeVoting)).toEqual([]);
    expect(lockedChanges(base, { ...base, accountCheck: "address-list" }, duringVoting)).toEqual(["accountCheck"]);
  });

  it("still let the title, intro and taakgroep size change during voting", () => {
    expect(lockedChanges(base, { ...base, title: "Nieuw", intro: "x", minTaakgroepSize: 5 }, duringVoting)).toEqual([]);
  });

  it("fill in the rule fields a locked form does not show, but keep what a crafted post sends", () => {
    const form = toForm({ title: "Nieuwe titel", intro: "", minTaakgroepSize: "4" });
    const filled = parse(withLockedDefaults(form, base));
    expect(filled.success && filled.data).toEqual({ ...base, title: "Nieuwe titel" });
    const crafted = toForm({ title: "Xyz", intro: "", minTaakgroepSize: "4", votesPerResident: "9" });
    const parsed = parse(withLockedDefaults(crafted, base));
    expect(parsed.success && lockedChanges(base, parsed.data, duringVoting)).toEqual(["votesPerResident"]);
  });
});

describe("contestImageSchema", () => {
  const parse = (imageAlt: string) => contestImageSchema.safeParse({ imageAlt });
  it("trims the picture's description and refuses one over 300 characters instead of cutting it off", () => {
    expect(parse("  Kinderen bij de vijver  ")).toMatchObject({ success: true, data: { imageAlt: "Kinderen bij de vijver" } });
    expect(parse("x".repeat(300)).success).toBe(true);
    expect(parse("x".repeat(301)).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(contestImageSchema.parse({})).toEqual({ imageAlt: "" });
  });
});

describe("the next edition's title", () => {
  it("moves the last year on by one", () => {
    expect(nextEditionTitle("Vonk Keizerslanden 2027", "(x)")).toBe("Vonk Keizerslanden 2028");
    expect(nextEditionTitle("Buurtbudget 2027 Zuid", "(x)")).toBe("Buurtbudget 2028 Zuid");
  });
  it("adds the suffix to a title without a year", () => {
    expect(nextEditionTitle("Buurtbudget Zuid", "(volgende editie)")).toBe("Buurtbudget Zuid (volgende editie)");
  });
  it("is a valid title", () => {
    expect(nextEditionSchema.safeParse({ title: nextEditionTitle("x".repeat(120), "(volgende editie)") }).success).toBe(true);
    expect(nextEditionSchema.safeParse({ title: "ab" }).success).toBe(false);
  });
});
