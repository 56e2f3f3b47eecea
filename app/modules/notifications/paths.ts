export const PREFERENCES_PATH = "/account/meldingen";
export const UNSUBSCRIBE_PATH = "/meldingen/afmelden";
