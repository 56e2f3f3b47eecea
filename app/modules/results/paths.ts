// The results' URLs, in one place (Dutch, for residents and organisers).

export const resultsPath = (slug: string) => `/rondes/${slug}/uitslag`;
/** The stable URL of the public results as open data. */
export const resultsJsonPath = (slug: string) => `/rondes/${slug}/uitslag.json`;
export const resultsConsolePath = (slug: string) => `/organiseren/${slug}/uitslag`;
export const ceremonyPath = (slug: string, step?: string) => `/organiseren/${slug}/uitreiking${step ? `?stap=${step}` : ""}`;
export const importPath = "/organiseren/importeren";

export const EXPORT_FILES = ["uitslag.csv", "uitslag.json", "stembiljetten.csv", "stembiljetten.json", "ronde.pb"] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];
export const exportPath = (slug: string, file: ExportFile) => `/organiseren/${slug}/uitslag/${file}`;
