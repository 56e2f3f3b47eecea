import { z } from "zod";
import { PHASES } from "~/modules/contests/contest-constants";

// The forms of draagvlak, shared by browser and server (ADR 021). Every field has a size limit.

const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: "validation.wholeNumber" }).int("validation.wholeNumber").min(min, "validation.numberRange").max(max, "validation.numberRange");

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const settingsFormSchema = z.object({
  intent: z.literal("settings"),
  minBackers: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), wholeNumber(0, 10000)),
  answerWorkingDays: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), wholeNumber(1, 60).optional()),
  reactionsClosed: checkbox,
  reactionsClosedPhases: z.array(z.enum(PHASES)).max(PHASES.length).default([]),
});

export const paperFormSchema = z.object({
  intent: z.literal("paper"),
  ideaId: z.coerce.number({ error: "validation.required" }).int().positive("validation.required"),
  count: wholeNumber(1, 10000),
  note: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(500, "validation.tooLong"),
});

export const consoleFormSchema = z.discriminatedUnion("intent", [settingsFormSchema, paperFormSchema]);

export const backFormSchema = z.object({ intent: z.enum(["back", "unback"]) });

/** The reasons of db/schema/ideas.ts reportReasons, which the browser bundle must not import. */
export const REACTION_REPORT_REASONS = ["offensive", "privacy", "spam", "incorrect", "other"] as const;

export const REACTION_MAX = 2000;
const body = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(REACTION_MAX, "validation.tooLong");
const reactionId = z.coerce.number().int().positive();

export const reactionFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("react"), kind: z.enum(["question", "suggestion", "help"], { error: "validation.required" }), body }),
  z.object({ intent: z.literal("answer"), parentId: reactionId, body }),
  z.object({ intent: z.literal("report"), reactionId, reason: z.enum(REACTION_REPORT_REASONS, { error: "validation.required" }) }),
  z.object({
    intent: z.literal("hide"),
    reactionId,
    reason: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(500, "validation.tooLong"),
  }),
  z.object({ intent: z.literal("restore"), reactionId }),
]);
