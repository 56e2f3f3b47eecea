// The colour form's schema, apart from organisation-look.ts: every round page imports that module
// through root.tsx, and zod would then load in the browser on every page.

import { z } from "zod";
import { checkAccent } from "./organisation-look";

/**
 * The colour form, in the browser and on the server: the colour must parse and pass the contrast rule.
 * A too-light colour's message carries the darker shade to offer (message keys take ?params).
 */
export const accentFormSchema = z.object({
  accent: z
    .string({ error: "validation.required" })
    .max(20, "look.notAColour")
    .transform((value, ctx) => {
      const check = checkAccent(value);
      if (check.ok) return check.colour;
      ctx.addIssue({
        code: "custom",
        message: check.reason === "not-a-colour" ? "look.notAColour" : `look.tooLight?${new URLSearchParams({ suggestion: check.suggestion }).toString()}`,
      });
      return z.NEVER;
    }),
});
