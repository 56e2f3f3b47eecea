// The two forms that read a typed code: the voting code and the receipt. Apart from code-format.ts so
// that a page which only shows a code or a receipt does not load zod in the browser.

import { z } from "zod";
import { normalizeCode, normalizeReceipt } from "./code-format";

const codeField = (normalize: (input: string) => string | null, malformed: string, required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .transform((value, ctx) => {
      const code = normalize(value);
      if (code === null) {
        ctx.addIssue({ code: "custom", message: malformed });
        return z.NEVER;
      }
      return code;
    });

/** The code-entry form: one field `code`, read as normalizeCode does. */
export const votingCodeFormSchema = z.object({
  code: codeField(normalizeCode, "voting.codeMalformed", "voting.codeRequired"),
});

/** The "is my vote counted?" form: one field `receipt`. */
export const receiptFormSchema = z.object({
  receipt: codeField(normalizeReceipt, "voting.receiptMalformed", "voting.receiptRequired"),
});
