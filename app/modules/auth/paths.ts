// Paths of the account pages, for links (usable in the browser bundle).

/** The link in the confirmation mail, and where a logged-in person asks for a new one. */
export const CONFIRM_EMAIL_PATH = "/e-mailadres-bevestigen";
