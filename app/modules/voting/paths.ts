// The vote's URLs, in one place (Dutch URLs for residents).
export const votePath = (slug: string) => `/rondes/${slug}/stemmen`;
export const codeVotePath = (slug: string) => `/rondes/${slug}/stemmen/code`;
/** The short address a letter asks residents to type (issue 18.12); the code alone finds its round. */
export const shortVotePath = "/stem";
/** What a letter's QR code opens: the short address with the code filled in. */
export const letterCodeUrl = (origin: string, code: string) => `${origin}${shortVotePath}?code=${encodeURIComponent(code)}`;
export const receiptPath = (slug: string) => `/rondes/${slug}/stemmen/bon`;
export const votingConsolePath = (slug: string) => `/organiseren/${slug}/stemmen`;
export const deskPath = (slug: string) => `/organiseren/${slug}/stemmen/balie`;
export const postersPath = (slug: string) => `/organiseren/${slug}/stemmen/posters`;
export const codesPath = (slug: string) => `/organiseren/${slug}/stemmen/codes`;
export const codesCsvPath = (slug: string) => `/organiseren/${slug}/stemmen/codes-csv`;
export const ballotReviewPath = (slug: string) => `/organiseren/${slug}/stemmen/controle`;
export const addressListPath = (slug: string) => `/organiseren/${slug}/stemmen/adressen`;
export const addressLettersPath = (slug: string) => `/organiseren/${slug}/stemmen/adressen-brieven`;

/** On an idea's page opened from a ballot: which ballot to go back to ("stembiljet" or "stemcode"). */
export const BALLOT_BACK_PARAM = "terug";
/** The ballot an idea's page leads back to, from its ?terug= value; null for anything else. */
export function ballotBackPath(slug: string, back: string | null): string | null {
  return back === "stembiljet" ? votePath(slug) : back === "stemcode" ? codeVotePath(slug) : null;
}
