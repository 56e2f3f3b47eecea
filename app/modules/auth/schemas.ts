import { z } from "zod";
import { redirectToSchema } from "~/lib/redirect-to-schema";
import { normalizePostcode } from "~/lib/postcode";
import { weakPasswordReason } from "./password-policy";

// Messages are message keys (app/lib/i18n); the form shows them in the reader's language.
export const emailSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.emailInvalid")
  .pipe(z.email("validation.emailInvalid"))
  .transform((email) => email.toLowerCase());

const newPasswordSchema = z
  .string({ error: "validation.required" })
  .min(10, "validation.passwordTooShort")
  .max(200, "validation.passwordTooLong")
  .refine((password) => weakPasswordReason(password) === null, "validation.passwordTooCommon");

export const loginSchema = z.object({
  email: emailSchema,
  // No length rules at login: they would tell an attacker something about the stored password.
  password: z.string({ error: "validation.required" }).min(1, "validation.required").max(1000),
  redirectTo: redirectToSchema,
});

export const registerSchema = z
  .object({
    name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(80, "validation.nameTooLong"),
    email: emailSchema,
    password: newPasswordSchema,
    postcode: z.string({ error: "validation.required" }).transform((value, ctx) => {
      const postcode = normalizePostcode(value);
      if (!postcode) {
        ctx.addIssue({ code: "custom", message: "validation.postcodeInvalid" });
        return z.NEVER;
      }
      return postcode;
    }),
    redirectTo: redirectToSchema,
  })
  // Checked again with the email, which only the whole form knows ("anna2024" for anna@…).
  .superRefine((value, ctx) => {
    const weak = weakPasswordReason(value.password, value.email);
    if (weak) ctx.addIssue({ code: "custom", path: ["password"], message: weak });
  });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  password: newPasswordSchema,
});

/** The team page: add a colleague by the address of their account, or take one off. */
const organisationId = z.coerce.number().int().positive();
export const addOrganiserSchema = z.object({ organisationId, email: emailSchema });
export const removeOrganiserSchema = z.object({ organisationId, userId: z.string().trim().min(1).max(64) });

/** A beheerder adds an organisation to a municipality. */
export const newOrganisationSchema = z.object({
  name: z.string({ error: "validation.required" }).trim().min(2, "validation.required").max(120, "validation.tooLong"),
  municipalityId: organisationId,
});

const postcodeField = z
  .string({ error: "validation.required" })
  .max(20, "validation.postcodeInvalid")
  .transform((value, ctx) => {
    const postcode = normalizePostcode(value);
    if (!postcode) {
      ctx.addIssue({ code: "custom", message: "validation.postcodeInvalid" });
      return z.NEVER;
    }
    return postcode;
  });

/** Mijn account › Gegevens wijzigen (issue 18.5): name, postcode after a move, language. The email address stays. */
export const profileSchema = z.object({
  intent: z.literal("details"),
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(80, "validation.nameTooLong"),
  postcode: postcodeField,
  locale: z.enum(["nl", "en"], { error: "validation.required" }),
});

/** A new password with the current one, so a session left open on a shared computer cannot take the account. */
export const changePasswordSchema = z.object({
  intent: z.literal("password"),
  // No length rules on the current password: they would tell something about the stored one.
  currentPassword: z.string({ error: "validation.required" }).min(1, "validation.required").max(1000),
  password: newPasswordSchema,
});
