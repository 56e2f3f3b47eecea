import { z } from "zod";
import { messageWithParams, type MessageKey } from "~/lib/i18n/core";
import { parseAreaPostcodes, type Area, type AreaParseError, type AreaProblem } from "./postcode";

const problemMessages: Record<Exclude<AreaProblem, "empty">, MessageKey> = {
  digits: "console.postcodeDigits",
  leadingZero: "console.postcodeLeadingZero",
  letters: "console.postcodeLetters",
  unusedLetters: "console.postcodeUnusedLetters",
  numbersBackwards: "console.postcodeNumbersBackwards",
  lettersBackwards: "console.postcodeLettersBackwards",
  twoNumberGroups: "console.postcodeTwoNumberGroups",
  badRange: "console.postcodeBadRange",
};

/** A problem in the pasted list as a message key with its line and entry, translated where it is shown (translateMessage). */
export function areaErrorMessage(error: AreaParseError): string {
  if (error.problem === "empty") return "console.postcodeEmpty";
  return messageWithParams(problemMessages[error.problem], { line: error.line, item: error.item });
}

export const MAX_POSTCODE_LIST = 20_000;

export const areaFormSchema = z.object({
  municipalityId: z.coerce.number().int().positive(),
  areaId: z.coerce.number().int().positive().optional(),
  name: z.string({ error: "validation.required" }).trim().min(2, "validation.required").max(80, "validation.tooLong"),
  kind: z.enum(["wijk", "buurt"]),
  // Pasted lists: every wrong entry is reported at once, with its line. A city's worth of ranges fits.
  postcodes: z
    .string({ error: "validation.required" })
    .max(MAX_POSTCODE_LIST, "validation.tooLong")
    .transform((text, ctx): Area => {
      const parsed = parseAreaPostcodes(text);
      if (!parsed.ok) {
        for (const e of parsed.errors) ctx.addIssue({ code: "custom", message: areaErrorMessage(e) });
        return z.NEVER;
      }
      return parsed.area;
    }),
});
