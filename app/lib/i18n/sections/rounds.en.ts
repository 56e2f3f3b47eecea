import type { Catalogue } from "../catalogue";

export const roundsEn: Catalogue["rounds"] = {
  listTitle: "Idea rounds",
};
