import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { POST_LIMITS, readForm } from "./http.server";
import { MAX_PHOTO_BYTES } from "~/lib/photos";

// Reads a form that may carry one photo. Text fields become ordinary form data; the photo is kept
// aside with a flag when it is too large, so the form can say so beside the field (and keep the
// text the person typed) instead of failing the whole request.

export type UploadedFile = { filename: string; contentType: string; bytes: Uint8Array | null; tooLarge: boolean };

const MAX_TEXT_FIELD_BYTES = 64 * 1024;
/**
 * A photo a little over 8 MB gets a friendly message beside the field; a request far beyond that
 * (a video, a mistake, an attack) is refused outright without reading it all.
 */
const MAX_REQUEST_BYTES = 4 * MAX_PHOTO_BYTES;

export class RequestTooLarge extends Error {}

export async function readFormWithPhoto(request: Request, fileField = "photo"): Promise<{ formData: FormData; file: UploadedFile | null }> {
  // A form posted without a file part (an old page, a script) is read as it is: no photo.
  if (!isMultipart(request)) return { formData: await readForm(request, POST_LIMITS.text), file: null };
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_REQUEST_BYTES) throw new RequestTooLarge();
  let total = 0;
  let file: UploadedFile | null = null;

  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let overLimit = false;
    const limit = filename === undefined ? MAX_TEXT_FIELD_BYTES : MAX_PHOTO_BYTES;
    for await (const chunk of data) {
      total += chunk.byteLength;
      if (total > MAX_REQUEST_BYTES) throw new RequestTooLarge();
      size += chunk.byteLength;
      // Past the limit we still read (and drop) the rest, so the fields after it are parsed too.
      if (size > limit) overLimit = true;
      else chunks.push(chunk);
    }
    if (filename === undefined) {
      if (overLimit) throw new RequestTooLarge();
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    // An empty file input sends a part with no name and no bytes: no photo chosen.
    if (name !== fileField || (filename === "" && size === 0)) return undefined;
    file = { filename, contentType, bytes: overLimit ? null : new Uint8Array(Buffer.concat(chunks)), tooLarge: overLimit };
    return undefined;
  };

  const formData = await readBody(() => unstable_parseMultipartFormData(request, handler));
  return { formData, file };
}

/**
 * A body that is no readable form (a part without a name, a name with a semicolon in it, broken
 * headers) is the sender's mistake: 400, not the 500 the parser's error would be (issue 10).
 */
async function readBody(read: () => Promise<FormData>): Promise<FormData> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof RequestTooLarge) throw error;
    throw new Response("Bad Request", { status: 400 });
  }
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}
