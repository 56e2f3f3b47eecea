import { z } from "zod";
import { ACCOUNT_CHECKS, OUTCOME_RULES } from "./contest-constants";
import { hasPhaseStarted, type PhaseInfo } from "./phases";

/** "25.000", "€ 25 000" and "25000" are all 25000; cents or anything else is not a whole number of euros. */
export function parseWholeEuros(input: string): number | null {
  const cleaned = input.replace(/€|\s|\u00a0/g, "");
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(/\./g, ""));
  return Number.isSafeInteger(value) ? value : null;
}

const euros = (positive: boolean) =>
  z.string({ error: "validation.required" }).transform((value, ctx) => {
    const amount = parseWholeEuros(value);
    if (amount === null) {
      ctx.addIssue({ code: "custom", message: "validation.euroWhole" });
      return z.NEVER;
    }
    if (positive && amount <= 0) {
      ctx.addIssue({ code: "custom", message: "validation.budgetPositive" });
      return z.NEVER;
    }
    return amount;
  });

const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: "validation.wholeNumber" }).int("validation.wholeNumber").min(min, "validation.numberRange").max(max, "validation.numberRange");

const optionalWholeNumber = (min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), wholeNumber(min, max).optional());

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const titleSchema = z.string({ error: "validation.required" }).trim().min(3, "validation.titleLength").max(120, "validation.titleLength");

const optionalEuros = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === "") return undefined;
    const amount = parseWholeEuros(value);
    if (amount === null) {
      ctx.addIssue({ code: "custom", message: "validation.euroWhole" });
      return z.NEVER;
    }
    return amount;
  });

// A prize line: the form always offers a few empty lines, and an empty line is no prize.
const prizeLineSchema = z
  .object({
    name: z.string().trim().max(80, "validation.tooLong").optional(),
    amountEuros: optionalEuros,
    description: z.string().trim().max(300, "validation.tooLong").optional(),
  })
  .superRefine((line, ctx) => {
    const empty = !line.name && line.amountEuros === undefined && !line.description;
    if (empty) return;
    if (!line.name) ctx.addIssue({ code: "custom", path: ["name"], message: "validation.required" });
    if (line.amountEuros === undefined) ctx.addIssue({ code: "custom", path: ["amountEuros"], message: "validation.required" });
  });

/** The contest picture's description, posted with the picture; that it is there at all is checkUpload's to say. */
export const contestImageSchema = z.object({ imageAlt: z.string().trim().max(300, "validation.tooLong").default("") });

export const contestSettingsSchema = z
  .object({
    title: titleSchema,
    intro: z.string().trim().max(5000, "validation.tooLong").default(""),
    areaIds: z.array(z.coerce.number().int().positive(), { error: "validation.areaRequired" }).min(1, "validation.areaRequired"),
    budgetEuros: euros(true),
    /** Issue 21.6: "bedragen zijn inclusief/exclusief btw", for the budget, the prizes and the ideas' costs alike. */
    amountsIncludeVat: z.enum(["inclusief", "exclusief"], { error: "validation.required" }).transform((v) => v === "inclusief"),
    prizes: z
      .array(prizeLineSchema)
      .max(20, "validation.tooMany")
      .default([])
      .transform((lines) =>
        lines.flatMap((l) => (l.name && l.amountEuros !== undefined ? [{ name: l.name, amountEuros: l.amountEuros, description: l.description || null }] : [])),
      ),
    votesPerResident: wholeNumber(1, 10),
    allowStacking: checkbox,
    minTaakgroepSize: wholeNumber(1, 50),
    maxShortlist: optionalWholeNumber(1, 200),
    outcomeRule: z.enum(OUTCOME_RULES, { error: "validation.required" }),
    eligibleByAccount: checkbox,
    eligibleByCode: checkbox,
    eligibleByPoster: checkbox,
    accountCheck: z.enum(ACCOUNT_CHECKS, { error: "validation.required" }).default("postcode"),
    minVoterAge: optionalWholeNumber(0, 120),
    /** AVG: days after the archive starts that personal data is kept (the retention job then removes it). */
    retentionDays: optionalWholeNumber(30, 3650),
  })
  .superRefine((v, ctx) => {
    if (!v.eligibleByAccount && !v.eligibleByCode && !v.eligibleByPoster) {
      ctx.addIssue({ code: "custom", path: ["eligibleByAccount"], message: "validation.eligibilityRequired" });
    }
    // Equal Shares divides the budget among individual ballots; stickers counted on a poster have no
    // ballot behind them, so the count would stop (contest-outcome.ts, "equal-shares-needs-ballots").
    if (v.outcomeRule === "equal-shares" && v.eligibleByPoster) {
      ctx.addIssue({ code: "custom", path: ["eligibleByPoster"], message: "validation.equalSharesNoPoster" });
    }
    const prizeTotal = v.prizes.reduce((sum, p) => sum + p.amountEuros, 0);
    if (prizeTotal > v.budgetEuros) ctx.addIssue({ code: "custom", path: ["prizes"], message: "validation.prizesOverBudget" });
  });

export type ContestSettings = z.output<typeof contestSettingsSchema>;

/** The fields that decide the outcome. Once voting has started they stay as they are: changing them would change the rules mid-game. */
export const ruleFields = [
  "votesPerResident",
  "allowStacking",
  "outcomeRule",
  "budgetEuros",
  // Whether the budget holds VAT changes what it buys: a rule, like the budget itself.
  "amountsIncludeVat",
  "prizes",
  "areaIds",
  "eligibleByAccount",
  "eligibleByCode",
  "eligibleByPoster",
  "accountCheck",
  "minVoterAge",
] as const satisfies readonly (keyof ContestSettings)[];

export function rulesLocked(info: PhaseInfo): boolean {
  return hasPhaseStarted(info, "stemmen");
}

/** The rule fields that differ between before and after, when they may no longer change. */
export function lockedChanges(before: ContestSettings, after: ContestSettings, info: PhaseInfo): (typeof ruleFields)[number][] {
  if (!rulesLocked(info)) return [];
  const normalise = (s: ContestSettings, field: (typeof ruleFields)[number]) =>
    JSON.stringify(field === "areaIds" ? [...s.areaIds].sort((a, b) => a - b) : (s[field] ?? null));
  return ruleFields.filter((field) => normalise(before, field) !== normalise(after, field));
}

export const newContestSchema = z.object({
  organisationId: z.coerce.number({ error: "validation.required" }).int().positive("validation.required"),
  title: titleSchema,
  budgetEuros: euros(true),
});

/** The settings form as it posts: strings, and "on" for ticked boxes. */
export type SettingsFormValues = {
  title: string;
  intro: string;
  areaIds: string[];
  budgetEuros: string;
  amountsIncludeVat: "inclusief" | "exclusief";
  prizes: { name: string; amountEuros: string; description: string }[];
  votesPerResident: string;
  allowStacking: "on" | undefined;
  minTaakgroepSize: string;
  maxShortlist: string;
  outcomeRule: string;
  eligibleByAccount: "on" | undefined;
  eligibleByCode: "on" | undefined;
  eligibleByPoster: "on" | undefined;
  accountCheck: string;
  minVoterAge: string;
  retentionDays: string;
};

export function settingsFormValues(settings: ContestSettings): SettingsFormValues {
  return {
    title: settings.title,
    intro: settings.intro,
    outcomeRule: settings.outcomeRule,
    budgetEuros: String(settings.budgetEuros),
    amountsIncludeVat: settings.amountsIncludeVat ? "inclusief" : "exclusief",
    prizes: settings.prizes.map((p) => ({ name: p.name, amountEuros: String(p.amountEuros), description: p.description ?? "" })),
    areaIds: settings.areaIds.map(String),
    votesPerResident: String(settings.votesPerResident),
    minTaakgroepSize: String(settings.minTaakgroepSize),
    maxShortlist: settings.maxShortlist === undefined ? "" : String(settings.maxShortlist),
    minVoterAge: settings.minVoterAge === undefined ? "" : String(settings.minVoterAge),
    retentionDays: settings.retentionDays === undefined ? "" : String(settings.retentionDays),
    allowStacking: settings.allowStacking ? "on" : undefined,
    eligibleByAccount: settings.eligibleByAccount ? "on" : undefined,
    eligibleByCode: settings.eligibleByCode ? "on" : undefined,
    eligibleByPoster: settings.eligibleByPoster ? "on" : undefined,
    accountCheck: settings.accountCheck,
  };
}

/**
 * Once the rules are locked the form no longer shows the rule fields; the current values stand in for them,
 * so that a form that never had them still saves, and a crafted post that changes them is still refused.
 */
export function withLockedDefaults(form: FormData, current: ContestSettings): FormData {
  const filled = new FormData();
  for (const [key, value] of form) filled.append(key, value);
  const present = (field: string) => [...form.keys()].some((k) => k === field || k.startsWith(`${field}[`));
  const values = settingsFormValues(current);
  for (const field of ruleFields) {
    if (present(field)) continue;
    const value: unknown = values[field];
    if (field === "prizes") {
      current.prizes.forEach((p, i) => {
        filled.append(`prizes[${i}].name`, p.name);
        filled.append(`prizes[${i}].amountEuros`, String(p.amountEuros));
        if (p.description) filled.append(`prizes[${i}].description`, p.description);
      });
    } else if (Array.isArray(value)) {
      for (const v of value) filled.append(field, String(v));
    } else if (typeof value === "string") {
      filled.append(field, value);
    }
  }
  return filled;
}

/** The next edition's title (issue 21.7): the title the organiser gives it, checked as a round's title is. */
export const nextEditionSchema = z.object({ title: titleSchema });

/** A first guess at the next edition's title: "Vonk Keizerslanden 2027" becomes "… 2028"; a title without a year gets "(volgende editie)". */
export function nextEditionTitle(title: string, suffix: string): string {
  const years = [...title.matchAll(/\b(20\d\d)\b/g)];
  const last = years[years.length - 1];
  if (!last || last.index === undefined) return `${title} ${suffix}`.slice(0, 120);
  const next = String(Number(last[1]) + 1);
  return title.slice(0, last.index) + next + title.slice(last.index + 4);
}
