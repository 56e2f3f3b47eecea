import { z } from "zod";
import { emailSchema } from "~/modules/auth/schemas";
import { MAX_CRITERIA, MAX_WEIGHT, MIN_WEIGHT, SCORE_MAX, SCORE_MIN } from "./criteria";
import { MOTIVATION_MAX, MOTIVATION_MIN, OUTCOMES } from "./shortlist";

// One schema serves the browser (conform's instant feedback) and the server (the real check).
// Messages are message keys in app/lib/i18n/sections/jury.*.ts.

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, message).optional());

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A score as it posts from a radio group: "1" to "5", or nothing when none is chosen yet. */
const scoreValue = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? undefined : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
  z.number({ error: "jury.scoreRange" }).int("jury.scoreRange").min(SCORE_MIN, "jury.scoreRange").max(SCORE_MAX, "jury.scoreRange").optional(),
);

export const COMMENT_MAX = 2000;

/**
 * One juror's sheet for one idea. Fields: `score.<criterionId>` (a radio group per criterion) and
 * `comment`. A sheet may be saved half-filled ("save as you go"); only a full one counts.
 */
export function scoreFormSchema(criterionIds: readonly number[]) {
  const known = new Set(criterionIds.map(String));
  return z.object({
    score: z
      .record(z.string(), scoreValue)
      .optional()
      .superRefine((scores, ctx) => {
        for (const key of Object.keys(scores ?? {})) {
          if (!known.has(key)) ctx.addIssue({ code: "custom", path: [key], message: "jury.unknownCriterion" });
        }
      })
      .transform((scores) => {
        const result: Record<number, number> = {};
        for (const [key, value] of Object.entries(scores ?? {})) if (value !== undefined) result[Number(key)] = value;
        return result;
      }),
    comment: optionalText(COMMENT_MAX, "jury.commentTooLong"),
  });
}
export type ScoreForm = z.output<ReturnType<typeof scoreFormSchema>>;

export const conflictFormSchema = z.object({
  reason: optionalText(500, "jury.conflictReasonTooLong"),
  confirm: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { error: "jury.conflictConfirmRequired" })),
});

export const inviteFormSchema = z.object({
  email: emailSchema,
  isChair: checkbox,
});

/** Taking someone off the jury, or withdrawing an invitation: the row of the panel the button is on. */
export const removeJurorSchema = z.object({ jurorUserId: z.string().trim().min(1).max(64) });
export const withdrawInvitationSchema = z.object({ invitationId: z.coerce.number().int().positive() });

export const juryPublicationSchema = z.object({
  publishAggregates: checkbox,
});

// conform posts an empty field as undefined: an empty motivation reads as "".
const motivation = z
  .string()
  .trim()
  .max(MOTIVATION_MAX, "jury.motivationTooLong")
  .optional()
  .transform((v) => v ?? "");

/**
 * The decision form: a row per idea (`decisions[i].ideaId`, `.outcome`, `.motivation`) and an
 * `intent`: "save" keeps the work so far, "close" finishes it and sends every indiener the answer.
 * A row with neither outcome nor motivation is undecided (allowed until closing).
 */
export function decisionFormSchema(input: { ideaIds: readonly number[]; maxShortlist: number | null }) {
  const known = new Set(input.ideaIds);
  return z
    .object({
      intent: z.enum(["save", "close"]).default("save"),
      decisions: z
        .array(
          z.object({
            ideaId: z.coerce.number({ error: "jury.unknownIdea" }).int("jury.unknownIdea"),
            outcome: z.preprocess((v) => (v === "" ? undefined : v), z.enum(OUTCOMES, { error: "jury.outcomeRequired" }).optional()),
            motivation,
          }),
        )
        .max(1000)
        .default([]),
    })
    .superRefine((form, ctx) => {
      let shortlisted = 0;
      form.decisions.forEach((row, i) => {
        if (!known.has(row.ideaId)) ctx.addIssue({ code: "custom", path: ["decisions", i, "ideaId"], message: "jury.unknownIdea" });
        const hasMotivation = row.motivation.length > 0;
        if (row.outcome === undefined) {
          if (hasMotivation || form.intent === "close") ctx.addIssue({ code: "custom", path: ["decisions", i, "outcome"], message: "jury.outcomeRequired" });
          return;
        }
        if (row.outcome === "shortlisted") shortlisted++;
        if (row.motivation.length < MOTIVATION_MIN) ctx.addIssue({ code: "custom", path: ["decisions", i, "motivation"], message: "jury.motivationRequired" });
      });
      if (input.maxShortlist !== null && shortlisted > input.maxShortlist) {
        ctx.addIssue({ code: "custom", path: ["decisions"], message: "jury.tooManyShortlisted" });
      }
    })
    .transform((form) => ({
      intent: form.intent,
      decisions: form.decisions.flatMap((row) => (row.outcome ? [{ ideaId: row.ideaId, outcome: row.outcome, motivation: row.motivation }] : [])),
      undecided: form.decisions.filter((row) => !row.outcome).map((row) => row.ideaId),
    }));
}
export type DecisionForm = z.output<ReturnType<typeof decisionFormSchema>>;

const weight = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v === "" ? undefined : v),
  z.number({ error: "jury.weightRange" }).int("jury.weightRange").min(MIN_WEIGHT, "jury.weightRange").max(MAX_WEIGHT, "jury.weightRange").optional(),
);

/**
 * The criteria form: a row per criterion (`criteria[i].key`, `.name`, `.description`, `.weight`) and
 * a few empty rows to add one without JavaScript. A row with an empty name is left out (removed).
 */
export const criteriaFormSchema = z
  .object({
    criteria: z
      .array(
        z.object({
          key: optionalText(40, "jury.unknownCriterion"),
          name: optionalText(60, "jury.criterionNameLength"),
          description: optionalText(300, "jury.criterionDescriptionLength"),
          weight,
        }),
      )
      .max(MAX_CRITERIA + 5)
      .default([]),
  })
  .superRefine((form, ctx) => {
    let kept = 0;
    form.criteria.forEach((row, i) => {
      if (!row.name) {
        if (row.description || (row.weight !== undefined && !row.key))
          ctx.addIssue({ code: "custom", path: ["criteria", i, "name"], message: "jury.criterionNameLength" });
        return;
      }
      kept++;
      if (row.weight === undefined) ctx.addIssue({ code: "custom", path: ["criteria", i, "weight"], message: "jury.weightRange" });
    });
    if (kept === 0) ctx.addIssue({ code: "custom", path: ["criteria"], message: "jury.criteriaRequired" });
    if (kept > MAX_CRITERIA) ctx.addIssue({ code: "custom", path: ["criteria"], message: "jury.criteriaTooMany" });
  })
  .transform((form) =>
    form.criteria.flatMap((row) =>
      row.name && row.weight !== undefined ? [{ key: row.key ?? null, name: row.name, description: row.description ?? "", weight: row.weight }] : [],
    ),
  );
export type CriteriaForm = z.output<typeof criteriaFormSchema>;

export const FEEDBACK_MIN = 10;
export const FEEDBACK_MAX = 3000;

export const feedbackFormSchema = z.object({
  body: z.string({ error: "jury.feedbackLength" }).trim().min(FEEDBACK_MIN, "jury.feedbackLength").max(FEEDBACK_MAX, "jury.feedbackLength"),
});

/** Reopening a closed decision needs a reason for the audit log. */
export const reopenFormSchema = z.object({
  reason: z.string({ error: "validation.reasonRequired" }).trim().min(5, "validation.reasonRequired").max(500, "validation.tooLong"),
});
