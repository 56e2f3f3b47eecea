import { z } from "zod";
import { parseAreaPostcodes, type Area } from "./postcode";

export const areaFormSchema = z.object({
  municipalityId: z.coerce.number().int().positive(),
  areaId: z.coerce.number().int().positive().optional(),
  name: z.string({ error: "validation.required" }).trim().min(2, "validation.required").max(80, "validation.tooLong"),
  kind: z.enum(["wijk", "buurt"]),
  // Pasted lists: every wrong entry is reported at once, with its line.
  postcodes: z.string({ error: "validation.required" }).transform((text, ctx): Area => {
    const parsed = parseAreaPostcodes(text);
    if (!parsed.ok) {
      for (const e of parsed.errors) ctx.addIssue({ code: "custom", message: e.item ? `Regel ${e.line}: ${e.message}` : e.message });
      return z.NEVER;
    }
    return parsed.area;
  }),
});
