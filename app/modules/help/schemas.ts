import { z } from "zod";
import { HELP_KINDS, MATCH_STATUSES } from "./matches";

// The beursvloer's forms (issue 21.4): one schema per intent, each field with a size limit; the route
// reads `intent` first and parses with the matching schema.

const text = (min: number, max: number) => z.string({ error: "validation.required" }).trim().min(min, "validation.required").max(max, "validation.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null));
const id = z.coerce.number({ error: "validation.required" }).int().positive("validation.required").max(Number.MAX_SAFE_INTEGER);
const kind = z.enum(HELP_KINDS, { error: "validation.required" });

/** A resident or a business offers something. */
export const offerSchema = z.object({
  intent: z.literal("offer"),
  offererKind: z.enum(["bewoner", "ondernemer"], { error: "validation.required" }),
  name: text(1, 120),
  kind,
  description: text(1, 1000),
  inReturn: optionalText(300),
  contact: text(3, 200),
});

/** An organiser enters the offer of a supporter from the directory (name and contact come from there). */
export const supporterOfferSchema = z.object({
  intent: z.literal("supporter-offer"),
  supporterId: id,
  kind,
  description: text(1, 1000),
  inReturn: optionalText(300),
});

export const withdrawOfferSchema = z.object({ intent: z.literal("withdraw-offer"), offerId: id });

export const needSchema = z.object({ intent: z.literal("need"), ideaId: id, kind, description: text(1, 300) });

export const removeNeedSchema = z.object({ intent: z.literal("remove-need"), needId: id });

export const matchSchema = z.object({ intent: z.literal("match"), needId: id, offerId: id });

export const matchStatusSchema = z.object({ intent: z.literal("match-status"), matchId: id, status: z.enum(MATCH_STATUSES) });

/** Every form of the beursvloer page, told apart by its intent. */
export const beursvloerSchema = z.discriminatedUnion("intent", [
  offerSchema,
  supporterOfferSchema,
  withdrawOfferSchema,
  needSchema,
  removeNeedSchema,
  matchSchema,
  matchStatusSchema,
]);
export type BeursvloerPost = z.output<typeof beursvloerSchema>;
