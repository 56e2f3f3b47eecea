import { z } from "zod";
import { organiserStates, taakgroepTags } from "./record";

// One schema serves the browser (conform) and the server. Messages are keys in
// app/lib/i18n/sections/taakgroepen.*.ts.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "taakgroepen.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

/** An email address or a (Dutch or international) phone number. */
export function isContact(value: string): boolean {
  const v = value.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return true;
  const digits = v.replace(/[\s\-().]/g, "");
  return /^\+?\d{8,15}$/.test(digits);
}

export const joinSchema = z.object({
  intent: z.literal("join"),
  name: z.string({ error: "taakgroepen.errors.nameRequired" }).trim().min(1, "taakgroepen.errors.nameRequired").max(80, "taakgroepen.errors.tooLong"),
  contact: z
    .string({ error: "taakgroepen.errors.contactRequired" })
    .trim()
    .min(1, "taakgroepen.errors.contactRequired")
    .max(200, "taakgroepen.errors.tooLong")
    .refine(isContact, "taakgroepen.errors.contactInvalid"),
  skills: optionalText(1000),
  tags: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(taakgroepTags, { error: "taakgroepen.errors.tag" })).max(taakgroepTags.length),
  ),
  timeAvailable: optionalText(200),
  sharesContact: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const withdrawSchema = z.object({ intent: z.literal("withdraw") });

export const signupActionSchema = z.discriminatedUnion("intent", [joinSchema, withdrawSchema]);

/**
 * An organiser types in a sign-up from paper or the keuzebijeenkomst: for a resident without an account,
 * who agreed there that the initiators and organisers see their name and contact.
 */
export const paperSignupSchema = joinSchema.omit({ intent: true, sharesContact: true, tags: true }).extend({
  intent: z.literal("paper-signup"),
  ideaId: z.coerce.number({ error: "taakgroepen.errors.chooseIdea" }).int().positive("taakgroepen.errors.chooseIdea"),
  consent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { error: "taakgroepen.errors.consentRequired" })),
});

export const markSchema = z.object({
  ideaId: z.coerce.number().int().positive(),
  state: z.enum(["geen", ...organiserStates]).transform((s) => (s === "geen" ? null : s)),
});
