// The jury's URLs, in one place.
export const juryHomePath = () => `/jury`;
export const juryPath = (slug: string) => `/jury/${slug}`;
export const juryIdeaPath = (slug: string, ideaId: number) => `/jury/${slug}/ideeen/${ideaId}`;
export const juryOverviewPath = (slug: string) => `/jury/${slug}/overzicht`;
export const juryDecisionPath = (slug: string) => `/jury/${slug}/besluit`;
export const juryPanelPath = (slug: string) => `/organiseren/${slug}/jury`;
export const juryInvitationPath = () => `/jury/uitnodiging`;
