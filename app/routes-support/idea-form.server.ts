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
import type { ContestDetails } from "~/modules/contests/contests.server";
import { formatPoint } from "~/modules/ideas/rules";
import { roundCoordinate } from "~/lib/geo/tiles";
import type { LookupNotice } from "~/lib/geo/address";
import { lookUpForContest, type AddressAnswer } from "./address-lookup.server";

// Reads an idea form with its optional photo in one go: the fields through the zod schema, the photo
// through the upload checks and sharp. Any refusal comes back before anything is stored.

export type IdeaActionData = { result: SubmissionResult<string[]>; photoError: MessageKey | null; lookup?: LookupNotice };

/** Who asks for a look-up, for its throttle and for the round's area. */
export type LookupContext = { details: ContestDetails; ip: string | undefined; now: number };

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
  lookup: LookupContext,
): Promise<{ ok: true; value: z.output<Schema>; photo: NewPhoto | null; formData: FormData } | { ok: false; response: Refusal }> {
  const form = await readUploadForm(request);
  // "Zoek dit adres" without JavaScript: nothing is stored; the form comes back as it was, with the point filled in.
  if (form.formData.get("intent") === "lookup") return { ok: false, response: await lookUpInForm(form.formData, schema, lookup) };
  const submission = parseWithZod(form.formData, { schema });
  const { photo, photoError, altError } = await checkPhoto(form, existingPhotoCount);
  if (submission.status !== "success" || photoError || altError) {
    const fieldErrors = altError ? { photoAlt: [photoProblemMessage["alt-missing"]] } : undefined;
    return { ok: false, response: data({ result: submission.reply({ fieldErrors }), photoError }, { status: 400 }) };
  }
  return { ok: true, value: submission.value, photo, formData: form.formData };
}

/**
 * The form as posted, with the address's point in the point field when it was found, and a notice that
 * says what happened. The posted values all come back, so a failed look-up loses nothing typed (a chosen
 * photo file cannot come back: browsers do not let a page fill in a file field).
 */
async function lookUpInForm(formData: FormData, schema: z.ZodType, lookup: LookupContext): Promise<Refusal> {
  const answer = await lookUpForContest({ text: String(formData.get("locationText") ?? ""), details: lookup.details, ip: lookup.ip, now: lookup.now });
  const posted = new FormData();
  for (const [name, value] of formData) if (typeof value === "string") posted.append(name, value);
  posted.set("intent", "save");
  let notice: LookupNotice = { kind: answer.kind };
  if (answer.kind === "found") {
    const best = answer.addresses[0]!;
    posted.set("point", formatPoint(roundCoordinate(best.point.latitude), roundCoordinate(best.point.longitude)));
    notice = { kind: "found", label: best.label, outsideArea: best.outsideArea };
  }
  const reply = parseWithZod(posted, { schema }).reply();
  // Only the look-up speaks now: the rest of the form is checked when it is saved or handed in.
  const error: Record<string, string[]> = answer.kind === "found" ? {} : { locationText: [lookupMessage[answer.kind]] };
  return data({ result: { ...reply, status: "error" as const, error }, photoError: null, lookup: notice }, { status: answer.kind === "found" ? 200 : 422 });
}

const lookupMessage: Record<Exclude<AddressAnswer["kind"], "found">, MessageKey> = {
  "not-found": "geo.notFound",
  unavailable: "geo.unavailable",
  off: "geo.off",
  invalid: "geo.invalid",
  busy: "geo.busy",
};
