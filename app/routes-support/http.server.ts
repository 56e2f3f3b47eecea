import { redirect } from "@remix-run/node";
import { setFlash, type Flash } from "~/lib/flash.server";
import { getTranslator } from "./locale.server";

/** A redirect that also sets cookies (a session, a flash message): every action ends with one of these. */
export async function redirectWith(to: string, options: { cookies?: (string | null)[]; flash?: Flash } = {}): Promise<Response> {
  const headers = new Headers();
  for (const cookie of options.cookies ?? []) if (cookie) headers.append("Set-Cookie", cookie);
  if (options.flash) headers.append("Set-Cookie", await setFlash(options.flash));
  return redirect(to, { headers });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/**
 * How much a form may post (issue 16): one 200 MB post to the log-in page once took the server to
 * 2.4 GB and answered with a 209 MB page. Each action reads its form with the limit that fits it;
 * docs/operations.md lists them. A photo form has its own (app/modules/ideas/upload.server.ts).
 */
export const POST_LIMITS = {
  /** Log-in, a token, a code, an address, a choice: a few short fields. */
  short: 8 * 1024,
  /** An idea, feedback, settings, a pasted postcode list: text fields of a few thousand characters. */
  text: 128 * 1024,
  /** A row per idea or per buurt: the jury's decisions, poster counts, participation figures. */
  rows: 4 * 1024 * 1024,
} as const;

/**
 * A post over its form's limit: 413, with the page's words in the reader's language (ui/error-page.tsx
 * shows them), since the root loader that knows the language does not run after a refused action.
 */
async function postTooLarge(request: Request): Promise<Response> {
  const t = await getTranslator(request);
  return Response.json({ title: t("errors.tooLargeTitle"), message: t("errors.tooLarge") }, { status: 413 });
}

/**
 * The body's bytes, refused as soon as they pass `maxBytes`: by the announced Content-Length before
 * reading anything, and by counting while reading (a chunked post announces no length). The rest of a
 * refused body is read and dropped in the background rather than the connection cut, so that the 413
 * reaches the browser (a cut connection shows it a network error instead).
 */
async function readBodyWithin(request: Request, maxBytes: number): Promise<Blob> {
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes) {
    void drain(request.body?.getReader());
    throw await postTooLarge(request);
  }
  if (!request.body) return new Blob([]);
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Blob(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      void drain(reader);
      throw await postTooLarge(request);
    }
    chunks.push(value);
  }
}

/** The posted body as text, within `maxBytes` (413 past it): for a form read without undici's FormData parser. */
export async function readTextWithin(request: Request, maxBytes: number): Promise<string> {
  return (await readBodyWithin(request, maxBytes)).text();
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): Promise<void> {
  try {
    while (reader && !(await reader.read()).done);
  } catch {
    // The sender gave up: nothing left to drop.
  }
}

/**
 * The posted form of an action, within its limit (POST_LIMITS). A body that is no readable form
 * (broken multipart, JSON, a bare string) is the sender's mistake: 400, never the 500 the parser's
 * TypeError would be (issue 10).
 */
export async function readForm(request: Request, maxBytes: number = POST_LIMITS.short): Promise<FormData> {
  const body = await readBodyWithin(request, maxBytes);
  try {
    return await new Response(body, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
}
