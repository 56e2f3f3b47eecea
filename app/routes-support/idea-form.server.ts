import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { MessageKey } from "~/lib/i18n";
import { getTranslator } from "./locale.server";
import type { NewPhoto } from "~/modules/ideas/ideas.server";
import { checkUpload, photoProblemMessage } from "~/modules/ideas/photos";
import { processPhoto } from "~/lib/photos.server";
import { readFormWithPhoto, RequestTooLarge } from "./upload.server";

// Reads an idea form with its optional photo in one go: the fields through the zod schema, the photo
// through the upload checks and sharp. Any refusal comes back before anything is stored.

export type IdeaActionData = { result: SubmissionResult<string[]>; photoError: MessageKey | null };

type Refusal = ReturnType<typeof data<IdeaActionData>>;

/** Reads a form that may carry one photo; a request far too large is a 413 page, as for an idea. */
export async function readUploadForm(request: Request): Promise<Awaited<ReturnType<typeof readFormWithPhoto>>> {
  try {
    return await readFormWithPhoto(request);
  } catch (error) {
    if (error instanceof RequestTooLarge) {
      const t = await getTranslator(request);
      throw data({ message: t("ideas.photoErrors.tooMuchData") }, { status: 413 });
    }
    throw error;
  }
}

export type PhotoCheck = { photo: NewPhoto | null; photoError: MessageKey | null; altError: boolean };

/** The upload checks and sharp for an optional photo with its alt text (from the form's photoAlt field). */
export async function checkPhoto(form: Awaited<ReturnType<typeof readFormWithPhoto>>, existingPhotoCount: number): Promise<PhotoCheck> {
  // Read here, not through the schema: drop a NUL as parseWithZod does (SQLite's length() stops at one, a CHECK failure).
  const altText = String(form.formData.get("photoAlt") ?? "")
    .replaceAll("\u0000", "")
    .trim();
  if (!form.file) return { photo: null, photoError: null, altError: false };
  const problem = checkUpload({ bytes: form.file.bytes, tooLarge: form.file.tooLarge, altText, existingCount: existingPhotoCount });
  if (problem === "alt-missing") return { photo: null, photoError: null, altError: true };
  if (problem) return { photo: null, photoError: photoProblemMessage[problem], altError: false };
  const processed = await processPhoto(form.file.bytes!);
  return processed
    ? { photo: { processed, altText }, photoError: null, altError: false }
    : { photo: null, photoError: photoProblemMessage.unreadable, altError: false };
}

export async function readIdeaForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  existingPhotoCount: number,
): Promise<{ ok: true; value: z.output<Schema>; photo: NewPhoto | null; formData: FormData } | { ok: false; response: Refusal }> {
  const form = await readUploadForm(request);
  const submission = parseWithZod(form.formData, { schema });
  const { photo, photoError, altError } = await checkPhoto(form, existingPhotoCount);
  if (submission.status !== "success" || photoError || altError) {
    const fieldErrors = altError ? { photoAlt: [photoProblemMessage["alt-missing"]] } : undefined;
    return { ok: false, response: data({ result: submission.reply({ fieldErrors }), photoError }, { status: 400 }) };
  }
  return { ok: true, value: submission.value, photo, formData: form.formData };
}
