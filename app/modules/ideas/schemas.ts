import { z } from "zod";
import { emailSchema } from "~/modules/auth/schemas";
import { MAX_IDEA_EUROS, parseEuros, parsePoint, resolveCost, type CostLine } from "./rules";

// One schema serves the browser (conform's instant feedback) and the server (the real check).
// Messages are message keys in app/lib/i18n/sections/ideas.*.ts.

const text = (max: number) => z.string().trim().max(max, "ideas.errors.tooLong").optional();

const euros = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === "") return undefined;
    const amount = parseEuros(value);
    if (amount === null || amount > MAX_IDEA_EUROS) {
      ctx.addIssue({ code: "custom", message: amount === null ? "ideas.errors.euros" : "ideas.errors.costTooHigh" });
      return z.NEVER;
    }
    return amount;
  });

/** Rows of the cost breakdown; empty rows are skipped, half-filled rows are an error on the missing half. */
const costLinesSchema = (maxRows: number) =>
  z
    .array(z.object({ description: text(120), amount: euros }))
    .max(maxRows, "ideas.errors.tooMany")
    .optional()
    .transform((rows, ctx): CostLine[] => {
      const lines: CostLine[] = [];
      (rows ?? []).forEach((row, i) => {
        if (row.description === undefined && row.amount === undefined) return;
        if (row.description === undefined) ctx.addIssue({ code: "custom", path: [i, "description"], message: "ideas.errors.costLineDescription" });
        else if (row.amount === undefined) ctx.addIssue({ code: "custom", path: [i, "amount"], message: "ideas.errors.costLineAmount" });
        else lines.push({ description: row.description, amountEuros: row.amount });
      });
      return lines;
    });

export const COST_LINE_ROWS = 5;
export const WORK_OUT_COST_LINE_ROWS = 10;

export type IdeaLists = { categoryIds: readonly number[]; buurtIds: readonly number[] };

const ideaFields = (lists: IdeaLists, costRows: number) => ({
  title: z.string({ error: "ideas.errors.titleRequired" }).trim().min(3, "ideas.errors.titleLength").max(120, "ideas.errors.titleLength"),
  summary: text(240),
  description: text(5000),
  costEuros: euros,
  costLines: costLinesSchema(costRows),
  categoryId: z
    .number()
    .int()
    .optional()
    .refine((id) => id === undefined || lists.categoryIds.includes(id), "ideas.errors.choose"),
  buurtId: z
    .number()
    .int()
    .optional()
    .refine((id) => id === undefined || lists.buurtIds.includes(id), "ideas.errors.choose"),
  locationText: text(200),
  point: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return undefined;
      const point = parsePoint(value);
      if (!point) {
        ctx.addIssue({ code: "custom", message: "ideas.errors.point" });
        return z.NEVER;
      }
      return point;
    }),
  helpNeeded: text(2000),
  photoAlt: text(200),
});

type Fields = {
  summary?: string;
  description?: string;
  costEuros?: number;
  costLines?: CostLine[];
  categoryId?: number;
  buurtId?: number;
};

/** What handing in needs beyond a draft: every field a jury and a voter need to understand the idea. */
function requireComplete(value: Fields, lists: IdeaLists, ctx: z.RefinementCtx) {
  if (!value.summary) ctx.addIssue({ code: "custom", path: ["summary"], message: "ideas.errors.summaryRequired" });
  if (!value.description) ctx.addIssue({ code: "custom", path: ["description"], message: "ideas.errors.descriptionRequired" });
  if (value.costEuros === undefined && (value.costLines ?? []).length === 0)
    ctx.addIssue({ code: "custom", path: ["costEuros"], message: "ideas.errors.costRequired" });
  if (lists.categoryIds.length > 0 && value.categoryId === undefined) ctx.addIssue({ code: "custom", path: ["categoryId"], message: "ideas.errors.choose" });
  if (lists.buurtIds.length > 0 && value.buurtId === undefined) ctx.addIssue({ code: "custom", path: ["buurtId"], message: "ideas.errors.choose" });
}

function checkCost(value: Fields, ctx: z.RefinementCtx) {
  const cost = resolveCost(value.costEuros, value.costLines ?? []);
  if (cost.ok) return;
  const message = cost.problem === "mismatch" ? "ideas.errors.costMismatch" : "ideas.errors.costLinesTooHigh";
  ctx.addIssue({ code: "custom", path: ["costEuros"], message });
}

// The whole-form checks also run when a field failed (`when`), so every missing field is named at once;
// the values they see may then be partial, which is why they never assume a field is there.
const always = { when: () => true };

/** The idea form: "save" keeps a draft with only a title; "submit" hands it in and needs everything. */
export function ideaFormSchema(lists: IdeaLists) {
  return z.object({ intent: z.enum(["save", "submit"]).default("save"), ...ideaFields(lists, COST_LINE_ROWS) }).superRefine((value, ctx) => {
    checkCost(value, ctx);
    if (value.intent === "submit") requireComplete(value, lists, ctx);
  }, always);
}
export type IdeaFormValues = z.output<ReturnType<typeof ideaFormSchema>>;
export type IdeaFormInput = z.input<ReturnType<typeof ideaFormSchema>>;

export const paperConsentWays = ["paper-form", "in-person", "phone", "email"] as const;

/** An organiser types in a paper idea: the idea itself, who it is from, and how they agreed. */
export function paperIdeaSchema(lists: IdeaLists) {
  return z
    .object({
      ...ideaFields(lists, COST_LINE_ROWS),
      paperName: z.string({ error: "ideas.errors.paperNameRequired" }).trim().min(1, "ideas.errors.paperNameRequired").max(80, "ideas.errors.tooLong"),
      paperContact: text(200),
      paperConsentHow: z.enum(paperConsentWays, { error: "ideas.errors.choose" }),
      consent: z.boolean({ error: "ideas.errors.consentRequired" }).refine((v) => v, "ideas.errors.consentRequired"),
    })
    .superRefine((value, ctx) => {
      checkCost(value, ctx);
      requireComplete(value, lists, ctx);
    }, always);
}
export type PaperIdeaValues = z.output<ReturnType<typeof paperIdeaSchema>>;

/** Working out a shortlisted idea: the plan, when, who helps, and what it costs line by line. */
export const workOutSchema = z
  .object({
    plan: z.string({ error: "ideas.errors.required" }).trim().min(1, "ideas.errors.required").max(5000, "ideas.errors.tooLong"),
    planning: z.string({ error: "ideas.errors.required" }).trim().min(1, "ideas.errors.required").max(3000, "ideas.errors.tooLong"),
    helpers: z.string({ error: "ideas.errors.required" }).trim().min(1, "ideas.errors.required").max(2000, "ideas.errors.tooLong"),
    costEuros: euros,
    costLines: costLinesSchema(WORK_OUT_COST_LINE_ROWS),
  })
  .superRefine((value, ctx) => {
    checkCost(value, ctx);
    if (value.costEuros === undefined && (value.costLines ?? []).length === 0)
      ctx.addIssue({ code: "custom", path: ["costEuros"], message: "ideas.errors.costRequired" });
  }, always);
export type WorkOutValues = z.output<typeof workOutSchema>;

export const reportReasonsForm = ["offensive", "privacy", "spam", "incorrect", "other"] as const;

/** A resident's report: about the idea or one photo ("photo-12"), why, and optionally in their own words. */
export const reportSchema = z
  .object({
    about: z.string({ error: "ideas.errors.choose" }).regex(/^(idea|photo-\d+)$/, "ideas.errors.choose"),
    reason: z.enum(reportReasonsForm, { error: "ideas.errors.choose" }),
    message: text(1000),
  })
  .superRefine((value, ctx) => {
    if (value.reason === "other" && !value.message) ctx.addIssue({ code: "custom", path: ["message"], message: "ideas.errors.reportMessageRequired" });
  });

/** Hiding needs a reason: it goes to the indiener and into the log. */
export const hideSchema = z.object({
  reason: z.string({ error: "ideas.errors.hideReason" }).trim().min(5, "ideas.errors.hideReason").max(500, "ideas.errors.tooLong"),
});

export const inviteSchema = z.object({ email: emailSchema });

export const listItemSchema = z.object({
  kind: z.enum(["category", "buurt"]),
  name: z.string({ error: "ideas.errors.required" }).trim().min(1, "ideas.errors.required").max(60, "ideas.errors.tooLong"),
});
