import { POST_LIMITS, readForm, readTextWithin } from "./http.server";

/**
 * The posted form. The ballot posts url-encoded (with and without JavaScript): read as URLSearchParams,
 * which is what FormData would give, without undici's FormData parser on the vote's fast path.
 */
export async function readBallotForm(request: Request): Promise<URLSearchParams | FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  // A ballot of a hundred ideas with counts and ticks stays far below the text limit (issue 16: every form has one).
  return type.startsWith("application/x-www-form-urlencoded")
    ? new URLSearchParams(await readTextWithin(request, POST_LIMITS.text))
    : readForm(request, POST_LIMITS.text);
}
