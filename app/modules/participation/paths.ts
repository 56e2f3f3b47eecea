// The URLs of "who takes part".
export const participationPath = (slug: string) => `/rondes/${slug}/deelname`;
export const participationConsolePath = (slug: string) => `/organiseren/${slug}/deelname`;

/**
 * For the confirmation pages' shouldRevalidate: answering the questions must not reload the page,
 * or the receipt (shown once, from the flash cookie) and the form's thanks would vanish.
 */
export function isAnswerSubmission(formAction: string | undefined): boolean {
  return formAction !== undefined && /^\/rondes\/[^/]+\/deelname(\.data)?$/.test(formAction.split("?")[0]!);
}
