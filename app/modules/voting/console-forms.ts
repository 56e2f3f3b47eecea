// The forms of the console's Stemmen tab (codes, the check-in desk, poster differences). One schema
// serves conform in the browser and the action on the server; messages are i18n keys.

import { z } from "zod";
import { votingCodeFormSchema } from "./code-schemas";
import { MAX_POSTER_COUNT } from "./poster-counts";
import { INVALID_REASONS } from "./ballot-review";

/** A letter is a printed page: a page of 2,000 letters is the most a browser prints comfortably. */
export const MAX_LETTERS = 2000;
export const MAX_CODES = 50_000;

const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: "validation.wholeNumber" }).int("validation.wholeNumber").min(min, "validation.numberRange").max(max, "validation.numberRange");

export const codeBatchSchema = z
  .object({
    label: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(80, "validation.nameTooLong"),
    size: wholeNumber(1, MAX_CODES),
    format: z.enum(["letters", "csv"], { error: "validation.required" }),
  })
  .superRefine((value, ctx) => {
    if (value.format === "letters" && value.size > MAX_LETTERS) {
      ctx.addIssue({ code: "custom", path: ["size"], message: "voting.batchLettersMax" });
    }
  });

export const revokeBatchSchema = z.object({ batchId: z.coerce.number().int().positive() });

const name = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(80, "validation.nameTooLong");
const postcode = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(12, "validation.postcodeInvalid");

/** The desk: look up (intent lookup-*) or register (intent register-*) one person. */
export const deskSchema = z.discriminatedUnion("intent", [
  votingCodeFormSchema.extend({ intent: z.enum(["lookup-code", "register-code"]) }),
  z.object({ intent: z.enum(["lookup-account", "register-account"]), email: z.email("validation.emailInvalid").trim().toLowerCase() }),
  z.object({ intent: z.enum(["lookup-name", "register-name"]), name, postcode }),
]);
export type DeskForm = z.output<typeof deskSchema>;

export const resolveSchema = z.object({
  ideaId: z.coerce.number().int().positive(),
  count: wholeNumber(0, MAX_POSTER_COUNT),
  note: z.string({ error: "voting.postersNoteRequired" }).trim().min(3, "voting.postersNoteRequired").max(200, "validation.tooLong"),
});

/** Declaring an account's ballot invalid (issue 15): which register row, a reason and a note for the log. */
export const invalidateSchema = z.object({
  registerId: z.coerce.number().int().positive(),
  reason: z.enum(INVALID_REASONS, { error: "validation.required" }),
  note: z.string({ error: "validation.reasonRequired" }).trim().min(5, "validation.reasonRequired").max(500, "validation.tooLong"),
});
