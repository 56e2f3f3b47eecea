import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { MessageKey } from "~/lib/i18n";
import { getTranslator } from "~/lib/i18n/locale.server";
import type { NewPhoto } from "./ideas.server";
import { checkUpload, photoProblemMessage } from "./photos";
import { processPhoto } from "./photos.server";
import { readFormWithPhoto, RequestTooLarge } from "./upload.server";

// Reads an idea form with its optional photo in one go: the fields through the zod schema, the photo
// through the upload checks and sharp. Any refusal comes back before anything is stored.

export type IdeaActionData = { result: SubmissionResult<string[]>; photoError: MessageKey | null };

type Refusal = ReturnType<typeof data<IdeaActionData>>;

export async function readIdeaForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  existingPhotoCount: number,
): Promise<{ ok: true; value: z.output<Schema>; photo: NewPhoto | null; formData: FormData } | { ok: false; response: Refusal }> {
  let form: Awaited<ReturnType<typeof readFormWithPhoto>>;
  try {
    form = await readFormWithPhoto(request);
  } catch (error) {
    if (error instanceof RequestTooLarge) {
      const t = await getTranslator(request);
      throw data({ message: t("ideas.photoErrors.tooMuchData") }, { status: 413 });
    }
    throw error;
  }
  const submission = parseWithZod(form.formData, { schema });
  const altText = String(form.formData.get("photoAlt") ?? "").trim();
  let photoError: MessageKey | null = null;
  let altError = false;
  let photo: NewPhoto | null = null;
  if (form.file) {
    const problem = checkUpload({ bytes: form.file.bytes, tooLarge: form.file.tooLarge, altText, existingCount: existingPhotoCount });
    if (problem === "alt-missing") altError = true;
    else if (problem) photoError = photoProblemMessage[problem];
    else {
      const processed = await processPhoto(form.file.bytes!);
      if (processed) photo = { processed, altText };
      else photoError = photoProblemMessage.unreadable;
    }
  }
  if (submission.status !== "success" || photoError || altError) {
    const fieldErrors = altError ? { photoAlt: [photoProblemMessage["alt-missing"]] } : undefined;
    return { ok: false, response: data({ result: submission.reply({ fieldErrors }), photoError }, { status: 400 }) };
  }
  return { ok: true, value: submission.value, photo, formData: form.formData };
}
