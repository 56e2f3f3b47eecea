import type { Catalogue } from "../catalogue";

export const consoleEn: Catalogue["console"] = {
  title: "Organise",
};
