// The words of the participation statistics that the database and the rules share (ADR 014). No
// imports: drizzle-kit reads this file through db/schema/participation.ts.

/** The two moments at which a resident is asked: after voting and after handing in an idea. */
export const PARTICIPATION_MOMENTS = ["stemmen", "indienen"] as const;

/**
 * What is counted. `antwoorden` counts the forms sent in (answer `ingevuld`); the three questions
 * count their answers. A skipped question counts nowhere.
 */
export const PARTICIPATION_QUESTIONS = ["antwoorden", "leeftijd", "buurt", "eerste-keer"] as const;

/** The organiser's figures about the area: residents per buurt and per age band. */
export const RESIDENT_FIGURE_KINDS = ["buurt", "leeftijd"] as const;

/** The age bands asked, and those the organiser enters residents for. */
export const AGE_BANDS = ["tot-18", "18-29", "30-44", "45-64", "65-79", "80-plus"] as const;
