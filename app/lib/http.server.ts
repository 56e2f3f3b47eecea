import { getEnv } from "./env.server";
import { redirect } from "@remix-run/node";
import { setFlash, type Flash } from "./flash.server";

/** A redirect that also sets cookies (a session, a flash message): every action ends with one of these. */
export async function redirectWith(to: string, options: { cookies?: (string | null)[]; flash?: Flash } = {}): Promise<Response> {
  const headers = new Headers();
  for (const cookie of options.cookies ?? []) if (cookie) headers.append("Set-Cookie", cookie);
  if (options.flash) headers.append("Set-Cookie", await setFlash(options.flash));
  return redirect(to, { headers });
}

/** The origin for links in mails the scheduler sends, with no request to take it from: APP_URL, else this server. */
export function scheduledMailOrigin(): string {
  return (getEnv().appUrl ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/** The origin for links in emails: APP_URL in production, else the one the request came in on. */
export function publicOrigin(request: Request, appUrl: string | undefined): string {
  return appUrl ? appUrl.replace(/\/$/, "") : new URL(request.url).origin;
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/**
 * The posted form of an action. A body that is no readable form (broken multipart, JSON, a bare
 * string) is the sender's mistake: 400, never the 500 the parser's TypeError would be (issue 10).
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
}
