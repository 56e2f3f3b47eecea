import { z } from "zod";

// The organiser's results forms, one schema for browser and server (messages are i18n keys).

export const revealSchema = z.object({ intent: z.literal("reveal") });

export const correctionSchema = z.object({
  intent: z.literal("correct"),
  reason: z.string({ error: "validation.reasonRequired" }).trim().min(5, { error: "validation.reasonRequired" }).max(500, { error: "validation.tooLong" }),
});

/** The count is final: totals may be seen, voting never reopens (ADR 007). */
export const finaliseSchema = z.object({ intent: z.literal("finalise") });

export const resultsActionSchema = z.discriminatedUnion("intent", [revealSchema, correctionSchema, finaliseSchema]);
