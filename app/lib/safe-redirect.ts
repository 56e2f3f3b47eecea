/**
 * Only paths on this site: "//evil.example" and "/\evil.example" would leave it. Only visible ASCII too, as
 * the site's own links are (percent-encoded): a browser drops tabs and line breaks from a URL, so
 * "/\t/evil.example" leaves it as well, and a Location header cannot carry a line break or "€" (a 500).
 */
export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  return to && /^\/[\x21-\x7e]*$/.test(to) && !to.startsWith("//") && !to.startsWith("/\\") ? to : fallback;
}

/**
 * A link to another auth page (log in ⇄ create an account) that keeps where the resident was going, so
 * "Ik doe mee" → Inloggen → Account maken → confirmation mail still ends at "Ik doe mee" (issue 18.6).
 * The home page is the default at the end, so it needs no parameter.
 */
export function keepingReturnPath(path: string, redirectTo: string | null | undefined): string {
  const to = safeRedirectPath(redirectTo);
  return to === "/" ? path : `${path}?redirectTo=${encodeURIComponent(to)}`;
}
