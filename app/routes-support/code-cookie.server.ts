import { createCookie } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { normalizeCode } from "~/modules/voting/code-format";

// A letter-code voter's code, kept while they fill in the ballot (issue 18: a look at an idea's page
// asked for the code again and lost the stickers). In an HttpOnly cookie for this round's voting pages
// only, for the browser session; forgotten once the vote is stored, the code turns out used, or the
// voter chooses "Andere code".

function codeCookie(slug: string) {
  return createCookie("wv_code", { httpOnly: true, sameSite: "lax", path: `/rondes/${slug}/stemmen`, secure: getEnv().cookieSecure });
}

export async function keptCode(request: Request, slug: string): Promise<string | null> {
  const value: unknown = await codeCookie(slug).parse(request.headers.get("Cookie"));
  return typeof value === "string" ? normalizeCode(value) : null;
}

export function keepCode(slug: string, code: string): Promise<string> {
  return codeCookie(slug).serialize(code);
}

export function forgetCode(slug: string): Promise<string> {
  return codeCookie(slug).serialize("", { maxAge: 0 });
}
