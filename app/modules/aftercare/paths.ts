import { PHOTO_WIDTHS } from "~/lib/photos";

export const followUpPath = (slug: string) => `/organiseren/${slug}/nazorg`;
export const storyPath = (slug: string) => `/rondes/${slug}/wat-is-er-van-geworden`;
export const trackEditPath = (slug: string, ideaId: number) => `/rondes/${slug}/ideeen/${ideaId}/uitvoering`;
export const supportersPath = "/organiseren/ondersteuners";
export const updatePhotoUrl = (storageKey: string, size: "large" | "small") => `/uitvoeringfotos/${storageKey}-${PHOTO_WIDTHS[size]}.webp`;
/** The round's money overview (issue 21.5): public, and its CSV download. */
export const moneyPath = (slug: string) => `/rondes/${slug}/geld`;
export const moneyCsvPath = (slug: string) => `/rondes/${slug}/geld.csv`;
