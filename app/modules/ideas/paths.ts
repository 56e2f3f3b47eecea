// The URLs of the idea pages, in one place (Dutch, for residents).

export const ideasPath = (slug: string) => `/rondes/${slug}/ideeen`;
export const newIdeaPath = (slug: string) => `/rondes/${slug}/ideeen/nieuw`;
export const ideaPath = (slug: string, ideaId: number) => `/rondes/${slug}/ideeen/${ideaId}`;
export const editIdeaPath = (slug: string, ideaId: number) => `${ideaPath(slug, ideaId)}/bewerken`;
export const finishIdeaPath = (slug: string, ideaId: number) => `${ideaPath(slug, ideaId)}/indienen`;
export const withdrawIdeaPath = (slug: string, ideaId: number) => `${ideaPath(slug, ideaId)}/intrekken`;
export const workOutIdeaPath = (slug: string, ideaId: number) => `${ideaPath(slug, ideaId)}/uitwerken`;
export const posterPath = (slug: string, ideaId: number, format: "a4" | "a3" = "a4") => `${ideaPath(slug, ideaId)}/poster?formaat=${format}`;
export const reportIdeaPath = (slug: string, ideaId: number) => `${ideaPath(slug, ideaId)}/melden`;
export const confirmIdeaPath = (slug: string) => `/rondes/${slug}/ideeen/bevestigen`;
export const invitationPath = (slug: string) => `/rondes/${slug}/ideeen/uitnodiging`;
export const photoUrl = (storageKey: string, size: "large" | "small") => `/ideefotos/${storageKey}-${size === "large" ? 1600 : 480}.webp`;
export const moderationPath = (slug: string) => `/organiseren/${slug}/ideeen`;
export const moderateIdeaPath = (slug: string, ideaId: number) => `/organiseren/${slug}/ideeen/${ideaId}`;
export const paperIdeaPath = (slug: string) => `/organiseren/${slug}/ideeen/papier`;
export const ideaListsPath = (slug: string) => `/organiseren/${slug}/ideeen/lijsten`;
