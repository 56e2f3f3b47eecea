import { z } from "zod";
import { referralStatuses, supporterKinds } from "./referrals";
import { trackStatuses } from "./track";

// The realisation track's small forms, told apart by `intent`. Messages are keys in
// app/lib/i18n/sections/taakgroepen.*.ts (track.errors).

const day = z
  .string({ error: "taakgroepen.track.errors.date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "taakgroepen.track.errors.date")
  // Date.parse rolls 30 February over into March; a real day survives the round trip.
  .refine((v) => {
    const noon = Date.parse(`${v}T12:00:00Z`);
    return !Number.isNaN(noon) && new Date(noon).toISOString().startsWith(v);
  }, "taakgroepen.track.errors.date");

const euros = z
  .string({ error: "taakgroepen.track.errors.euros" })
  .trim()
  .transform((v) => v.replace(/^€\s*/, "").replace(/\./g, ""))
  .pipe(z.string().regex(/^\d{1,9}$/, "taakgroepen.track.errors.euros"))
  .transform(Number);

const text = (max: number) =>
  z.string({ error: "taakgroepen.track.errors.required" }).trim().min(1, "taakgroepen.track.errors.required").max(max, "taakgroepen.track.errors.tooLong");

export const statusSchema = z.object({ intent: z.literal("status"), status: z.enum(trackStatuses) });
export const milestoneSchema = z.object({ intent: z.literal("milestone"), title: text(120), dueOn: day });
export const milestoneDoneSchema = z.object({
  intent: z.literal("milestone-done"),
  milestoneId: z.coerce.number().int().positive(),
  done: z.enum(["ja", "nee"]).transform((v) => v === "ja"),
});
/** The photo itself travels as a file part and is checked apart (ideas' photo checks); its alt text is here. */
export const updateSchema = z.object({
  intent: z.literal("update"),
  text: text(4000),
  photoAlt: z.string().trim().max(200, "taakgroepen.track.errors.tooLong").optional(),
});
export const spendingSchema = z.object({
  intent: z.literal("spending"),
  description: text(120),
  amount: euros.refine((n) => n > 0, "taakgroepen.track.errors.euros"),
  spentOn: day,
  override: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export const grantSchema = z.object({ intent: z.literal("grant"), granted: euros });

const dashboardText = z
  .string()
  .trim()
  .max(1000, "initiative.errors.tooLong")
  .optional()
  .transform((v) => v ?? "");
const partnerText = (max: number) =>
  z.string({ error: "initiative.errors.required" }).trim().min(1, "initiative.errors.required").max(max, "initiative.errors.tooLong");

/** The initiative's dashboard (issue 21.5): three public texts, each may be empty. */
export const dashboardSchema = z.object({ intent: z.literal("dashboard"), municipalityRole: dashboardText, helps: dashboardText, hinders: dashboardText });
export const partnerSchema = z.object({ intent: z.literal("partner"), name: partnerText(120), role: partnerText(300) });
export const partnerLeavesSchema = z.object({ intent: z.literal("partner-leaves"), partnerId: z.coerce.number().int().positive() });

export const trackActionSchema = z.discriminatedUnion("intent", [
  statusSchema,
  milestoneSchema,
  milestoneDoneSchema,
  updateSchema,
  spendingSchema,
  grantSchema,
  dashboardSchema,
  partnerSchema,
  partnerLeavesSchema,
]);

// Aftercare for organisers (issue 8): the supporter directory, referrals and reminders. Messages are
// keys in app/lib/i18n/sections/aftercare.*.ts.

const required = (max: number) =>
  z.string({ error: "aftercare.errors.required" }).trim().min(1, "aftercare.errors.required").max(max, "aftercare.errors.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "aftercare.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : null));
const id = z.coerce.number({ error: "aftercare.errors.required" }).int().positive();

export const supporterSchema = z.object({
  name: required(120),
  kind: z.enum(supporterKinds, { error: "aftercare.errors.kind" }),
  topics: z.string().trim().max(300, "aftercare.errors.tooLong").default(""),
  contact: required(200),
  website: z
    .string()
    .trim()
    .max(300, "aftercare.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^https?$/, error: "aftercare.errors.website" }).optional()),
});
export type SupporterValues = z.output<typeof supporterSchema>;

export const supporterEditSchema = supporterSchema.extend({
  supporterId: id,
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const referSchema = z.object({
  intent: z.literal("refer"),
  ideaId: id,
  supporterIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(id).min(1, "aftercare.errors.pickSupporter").max(20)),
  note: optionalText(2000),
});

export const referralChangeSchema = z.object({
  intent: z.literal("referral"),
  referralId: id,
  status: z.enum(referralStatuses, { error: "aftercare.errors.status" }),
  note: optionalText(2000),
});

export const remindSchema = z.object({ intent: z.literal("remind"), ideaId: id });

export const followUpActionSchema = z.discriminatedUnion("intent", [referSchema, referralChangeSchema, remindSchema]);
