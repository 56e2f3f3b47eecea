import { z } from "zod";
import { trackStatuses } from "./track";

// The realisation track's small forms, told apart by `intent`. Messages are keys in
// app/lib/i18n/sections/taakgroepen.*.ts (track.errors).

const day = z
  .string({ error: "taakgroepen.track.errors.date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "taakgroepen.track.errors.date")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T12:00:00Z`)), "taakgroepen.track.errors.date");

const euros = z
  .string({ error: "taakgroepen.track.errors.euros" })
  .trim()
  .transform((v) => v.replace(/^€\s*/, "").replace(/\./g, ""))
  .pipe(z.string().regex(/^\d{1,9}$/, "taakgroepen.track.errors.euros"))
  .transform(Number);

const text = (max: number) => z.string({ error: "taakgroepen.track.errors.required" }).trim().min(1, "taakgroepen.track.errors.required").max(max, "taakgroepen.track.errors.tooLong");

export const statusSchema = z.object({ intent: z.literal("status"), status: z.enum(trackStatuses) });
export const milestoneSchema = z.object({ intent: z.literal("milestone"), title: text(120), dueOn: day });
export const milestoneDoneSchema = z.object({
  intent: z.literal("milestone-done"),
  milestoneId: z.coerce.number().int().positive(),
  done: z.enum(["ja", "nee"]).transform((v) => v === "ja"),
});
export const updateSchema = z.object({ intent: z.literal("update"), text: text(4000) });
export const spendingSchema = z.object({
  intent: z.literal("spending"),
  description: text(120),
  amount: euros.refine((n) => n > 0, "taakgroepen.track.errors.euros"),
  spentOn: day,
  override: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export const grantSchema = z.object({ intent: z.literal("grant"), granted: euros });

export const trackActionSchema = z.discriminatedUnion("intent", [statusSchema, milestoneSchema, milestoneDoneSchema, updateSchema, spendingSchema, grantSchema]);
