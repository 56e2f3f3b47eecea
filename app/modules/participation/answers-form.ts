import { z } from "zod";
import { AGE_BANDS } from "./constants";
import { FIRST_TIME_ANSWERS } from "./questions";

// The answer form's schema, apart from questions.ts so that the pages with the form do not ship zod.

/**
 * The answer form: the one-time token and three radio groups, each optional. A buurt that is not on
 * this contest's list is refused, so nobody can add counters of their own.
 */
export function answersFormSchema(buurtKeys: readonly string[]) {
  const buurt =
    buurtKeys.length > 0
      ? z.enum(buurtKeys as [string, ...string[]], { error: "participation.invalidAnswer" }).optional()
      : z.undefined({ error: "participation.invalidAnswer" });
  return z.object({
    token: z.string({ error: "participation.invalid" }).trim().min(1, "participation.invalid").max(200, "participation.invalid"),
    leeftijd: z.enum(AGE_BANDS, { error: "participation.invalidAnswer" }).optional(),
    buurt,
    eersteKeer: z.enum(FIRST_TIME_ANSWERS, { error: "participation.invalidAnswer" }).optional(),
  });
}
