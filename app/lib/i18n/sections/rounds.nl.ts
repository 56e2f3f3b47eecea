// Texts of the public contest pages (/rondes).
export const roundsNl = {
  listTitle: "Ideeënrondes",
} as const;
