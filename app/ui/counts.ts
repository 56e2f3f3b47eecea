// Message pairs for a count, shared by the pages that show it (the reader's plural rule picks one).

export const STICKERS_ON_IDEA = { one: "voting.stickerOnIdea", other: "voting.stickersOnIdea" } as const;
